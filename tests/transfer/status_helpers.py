"""The core's next bundle to the portal for the submission statuses, and the portal's answer to it (a bundle
from the portal that acknowledges some of the core's bundles, or none)."""

from hogo.transfer import keys, services
from tests.bundles import acknowledged_by_portal, bundle_id_of, from_portal, records_of


def next_bundle(cast) -> tuple[str, list[tuple[str, str]]]:
    """(bundle id, [(submission key, status)]) of the core's next bundle to the portal of office A."""
    code = cast.office_a.municipality_code
    if not list(keys.keys_dir().glob(f"core-{code}-*.key")):
        keys.new_key("core", code)
    data = services.export_bundle(cast.office_a, "portal")
    return bundle_id_of(data), [(r["key"], r["status"]) for r in records_of(data)["submission_status"]]


def portal_acknowledges(cast, *bundle_ids: str):
    code = cast.office_a.municipality_code
    return services.import_bundle(acknowledged_by_portal(code, *bundle_ids), "from-portal.zip")


def portal_sends_without_acknowledgements(cast):
    """A bundle from an older portal: no `acknowledged` record at all."""
    code = cast.office_a.municipality_code
    return services.import_bundle(from_portal(code, {"recipient_account_event": []}), "from-old-portal.zip")
