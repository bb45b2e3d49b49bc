"""Exporting and importing transfer bundles (docs/transfer/README.md).

Apps plug in by record type: `register_exporter(type, fn(office_code) -> list[dict] | Exported)` gives the
records (and attachments) a bundle carries, `register_importer(type, fn(records, bundle))` applies them.
`export_bundle` signs with this zone's current key for the office; `import_bundle` verifies, then applies
every importer in one transaction, or quarantines the file with its reason and applies nothing.
`export_for_service` signs what the core hands an external service (the SMS service, the deposit-inquiry
service) the same way, addressed to `service:<name>` so that no zone would ever import it.

Which offices a zone serves: the core serves the offices in its Office table; the portal (no Office table)
serves HOGO_TRANSFER_SERVED_OFFICES."""

import hashlib
import logging
import os
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import keys
from .bundle import (
    KNOWN_SCHEMA_VERSIONS,
    REASONS,
    SERVICE_TARGET,
    Bundle,
    BundleRefused,
    Limits,
    read_bundle,
    write_bundle,
)
from .models import Quarantined, ReceivedBundle

logger = logging.getLogger(__name__)

# reason codes only the receiving database can tell (bundle.REASONS has the rest)
SERVICE_REASONS = {
    "office_not_served": "この福祉事務所（団体コード）の記録は、このシステムでは受け付けません。",
    "unknown_record_type": "このシステムが取り込み方を知らない種類の記録があります。",
    "duplicate_bundle_id": "同じバンドルIDで中身の違うバンドルを既に受け入れています。",
    "import_failed": "記録の取込中に誤りがあり、何も取り込んでいません。",
    "stale": "同じ送り元・事務所の、より新しいバンドルを既に受け入れています（古い状態に戻さないため受け付けません）。",
}
ALL_REASONS = {**REASONS, **SERVICE_REASONS}


@dataclass
class Exported:
    """What an exporter may return instead of a bare list: records and the attachments they name
    (by `bundle.attachment_name`)."""

    records: list[dict]
    attachments: dict[str, bytes] = field(default_factory=dict)


Exporter = Callable[[str], "list[dict] | Exported"]
Importer = Callable[[list[dict], Bundle], None]
Acknowledger = Callable[[str, list[str]], None]
EXPORTERS: dict[str, Exporter] = {}
IMPORTERS: dict[str, Importer] = {}
ACKNOWLEDGERS: list[Acknowledger] = []

# Built into every bundle: the ids of the bundles this zone accepted from the other zone for the office
ACKNOWLEDGED = "acknowledged"
ACK_DAYS = 60  # how far back a bundle acknowledges what it accepted
ACK_MAX = 5000  # at most this many acknowledged ids in one bundle
_export_id: ContextVar[str | None] = ContextVar("hogo_transfer_export_id", default=None)


def current_export_id() -> str:
    """The id of the bundle being made, for exporters that mark the rows it carries (to be acknowledged by
    the other zone). Outside export_bundle (an exporter called alone): an id of that call only."""
    return _export_id.get() or f"export-{uuid.uuid4()}"


def unacknowledged(queryset):
    """The rows of `queryset` (a model with `sent_bundle` and `acknowledged_at`) still to be sent: never
    sent (or changed since: `sent_bundle` cleared) or sent in bundles the other zone has not acknowledged."""
    from django.db.models import Q  # noqa: PLC0415

    return queryset.filter(Q(sent_bundle="") | Q(acknowledged_at__isnull=True))


def acknowledge(queryset, bundle_ids: list[str]) -> int:
    """Marks the rows of `queryset` sent in `bundle_ids` as acknowledged (for an acknowledger)."""
    return queryset.filter(sent_bundle__in=bundle_ids, acknowledged_at__isnull=True).update(
        acknowledged_at=timezone.now()
    )


def register_acknowledger(fn: Acknowledger) -> None:
    """`fn(office_code, bundle_ids)`: the other zone accepted these bundles of this zone's (inside the
    import's transaction): mark the rows they carried as acknowledged, so that they are not sent again."""
    if fn not in ACKNOWLEDGERS:
        ACKNOWLEDGERS.append(fn)


def register_exporter(record_type: str, fn: Exporter) -> None:
    """`fn(office_code)`: this record type's records for the office (the minimum the other zone needs)."""
    EXPORTERS[record_type] = fn


def register_importer(record_type: str, fn: Importer) -> None:
    """`fn(records, bundle)`: applies the records inside the import's one transaction; raise to refuse the
    whole bundle (ValidationError for a reason a person can read)."""
    IMPORTERS[record_type] = fn


def zone() -> str:
    return settings.ZONE


def limits() -> Limits:
    return Limits(
        max_bundle_bytes=settings.HOGO_TRANSFER_MAX_BUNDLE_BYTES,
        max_total_bytes=settings.HOGO_TRANSFER_MAX_UNCOMPRESSED_BYTES,
        max_entries=settings.HOGO_TRANSFER_MAX_ENTRIES,
        max_image_bytes=settings.HOGO_PHOTO_MAX_BYTES,
        max_image_pixels=settings.HOGO_PHOTO_MAX_PIXELS,
        max_pdf_bytes=settings.HOGO_TRANSFER_MAX_PDF_BYTES,
    )


def served_offices() -> set[str]:
    """The office codes this zone serves: the core's Office rows, the portal's setting."""
    if zone() == "core" and apps.is_installed("hogo.offices"):
        office_model = apps.get_model("offices", "Office")
        return set(office_model.objects.values_list("municipality_code", flat=True))
    return set(settings.HOGO_TRANSFER_SERVED_OFFICES)


def _office_code(office) -> str:
    return office if isinstance(office, str) else office.municipality_code


def export_bundle(office, target_zone: str) -> bytes:
    """Every registered exporter's records for `office` (an Office or its code), signed with this zone's
    current key for the office, addressed to `target_zone`."""
    code = _office_code(office)
    if target_zone == zone() or target_zone not in ("core", "portal"):
        raise ValidationError({"to": f"あて先は {zone()} 以外のゾーンです。"})
    if code not in served_offices():
        raise ValidationError({"office": f"団体コード {code} の福祉事務所は、このシステムにありません。"})
    signer = keys.signer_for(zone(), code)
    records, attachments = {}, {}
    # chosen first: exporters mark what they send with it (current_export_id), the other zone acknowledges it
    bundle_id = str(uuid.uuid4())
    token = _export_id.set(bundle_id)
    try:
        for record_type, exporter in EXPORTERS.items():
            out = exporter(code)
            if isinstance(out, Exported):
                records[record_type] = out.records
                attachments.update(out.attachments)
            else:
                records[record_type] = list(out)
    finally:
        _export_id.reset(token)
    records[ACKNOWLEDGED] = _acknowledgements(code, target_zone)
    data = write_bundle(
        records,
        attachments,
        source_zone=zone(),
        target_zone=target_zone,
        office_code=code,
        signer=signer,
        created_at=timezone.now(),
        bundle_id=bundle_id,
    )
    counts = {t: len(rows) for t, rows in records.items()}
    audit(
        "VIEW",
        target_type="transfer_bundle",
        target_id=bundle_id,
        office_code=code,
        detail={
            "transfer_export": target_zone,
            "key_id": signer.key_id,
            "counts": counts,
            "sha256": hashlib.sha256(data).hexdigest(),
        },
    )
    return data


def _acknowledgements(office_code: str, other_zone: str) -> list[dict]:
    """The bundles accepted from `other_zone` for the office in the last ACK_DAYS days (newest first)."""
    since = timezone.now() - timedelta(days=ACK_DAYS)
    ids = ReceivedBundle.objects.filter(
        source_zone=other_zone, office_code=office_code, received_at__gte=since
    ).order_by("-received_at", "-pk")
    return [{"office": office_code, "bundle": str(b)} for b in ids.values_list("bundle_id", flat=True)[:ACK_MAX]]


def _acknowledged_ids(rows) -> list[str]:
    """The bundle ids an `acknowledged` record lists; anything else in it is ignored."""
    ids = []
    for row in rows if isinstance(rows, list) else []:
        value = row.get("bundle") if isinstance(row, dict) else None
        if isinstance(value, str) and 0 < len(value) <= 64:
            ids.append(value)
    return sorted(set(ids))[:ACK_MAX]


def export_for_service(
    office_code: str,
    service: str,
    records: dict[str, list[dict]],
    attachments: dict[str, bytes] | None = None,
    *,
    bundle_id: str | None = None,
    created_at=None,
) -> bytes:
    """A bundle for the external service `service` (e.g. "sms", "deposit_inquiry"), addressed to
    `service:<service>` and signed with this zone's current key for the office; the service verifies it
    with the office's public key (`hogo transfer keys export-public`). No key is made here: without one the
    operator is told how to make it. A fixed `bundle_id` and `created_at` give the same bytes again.
    Auditing is the caller's (it knows what the file is)."""
    target = f"service:{service}"
    if not SERVICE_TARGET.fullmatch(target):
        raise ValidationError({"service": f"外部サービス名 {service!r} は英小文字・数字・_ です。"})
    try:
        keys.current_key_id(zone(), office_code)
    except ValidationError:
        raise ValidationError(
            f"外部サービスへのファイルに署名する鍵がありません（{zone()} / 団体コード {office_code}）。"
            f"システム管理者が hogo transfer keys new --zone {zone()} --office {office_code} を実行し、"
            "hogo transfer keys export-public で公開鍵をサービスへ渡してください。"
        ) from None
    signer = keys.signer_for(zone(), office_code)
    return write_bundle(
        records,
        attachments or {},
        source_zone=zone(),
        target_zone=target,
        office_code=office_code,
        signer=signer,
        created_at=created_at or timezone.now(),
        bundle_id=bundle_id,
    )


@dataclass
class Received:
    bundle: ReceivedBundle
    already: bool = False  # the same bundle was applied before: nothing changed now

    @property
    def counts(self) -> dict[str, int]:
        return self.bundle.counts


class ImportRefused(ValidationError):
    """The bundle was refused and quarantined; nothing of it was applied."""

    def __init__(self, quarantined: Quarantined):
        super().__init__(f"{quarantined.reason_code}: {quarantined.reason}", code=quarantined.reason_code)
        self.quarantined = quarantined
        self.reason_code = quarantined.reason_code


def import_bundle(data: bytes, file_name: str) -> Received:
    """Verify and apply one bundle, all or nothing. The same bundle again: `already`, nothing changes.
    Anything wrong: the file goes to quarantine with its reason and ImportRefused is raised."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        bundle = read_bundle(
            data,
            trusted_keys=keys.trusted_keys(),
            retired_keys=keys.retired_key_ids(),
            known_versions=KNOWN_SCHEMA_VERSIONS,
            limits=limits(),
            zone=zone(),
        )
    except BundleRefused as exc:
        raise ImportRefused(quarantine(data, file_name, exc.reason_code, exc.message, exc.bundle_id)) from None
    claimed = bundle.bundle_id

    def refuse(code: str, message: str = ""):
        text = SERVICE_REASONS[code] + (f" {message}" if message else "")
        return ImportRefused(quarantine(data, file_name, code, text, claimed))

    earlier = ReceivedBundle.objects.filter(bundle_id=claimed).first()
    if earlier is not None:
        if earlier.manifest_sha256 == bundle.manifest_sha256:
            return Received(earlier, already=True)
        raise refuse("duplicate_bundle_id", f"（{claimed}）")
    # Bundles carry whole states: one made before a bundle already applied would roll them back
    made = _when(bundle.created_at)
    applied = ReceivedBundle.objects.filter(source_zone=bundle.source_zone, office_code=bundle.office_code)
    newest = max((_when(text) for text in applied.values_list("created_at", flat=True)), default=None)
    if made is None or (newest is not None and made < newest):
        raise refuse("stale", f"（作成 {bundle.created_at}、受入済みの最新 {newest.isoformat() if newest else '—'}）")
    served = served_offices()
    offices = {bundle.office_code} | {
        str(row["office"]) for rows in bundle.records.values() for row in rows if "office" in row
    }
    if not offices <= served:
        raise refuse("office_not_served", ", ".join(sorted(o[:20] for o in offices - served)))
    unknown = sorted(set(bundle.records) - set(IMPORTERS) - {ACKNOWLEDGED})
    if unknown:
        raise refuse("unknown_record_type", ", ".join(unknown))
    try:
        with transaction.atomic():
            received = ReceivedBundle.objects.create(
                bundle_id=claimed,
                source_zone=bundle.source_zone,
                office_code=bundle.office_code,
                key_id=bundle.key_id,
                schema_version=bundle.manifest["schema_version"],
                created_at=bundle.created_at[:40],
                counts=bundle.counts,
                manifest_sha256=bundle.manifest_sha256,
                sha256=digest,
                file_name=_safe_name(file_name),
            )
            for record_type, importer in IMPORTERS.items():
                if record_type in bundle.records:
                    importer(bundle.records[record_type], bundle)
            acknowledged = _acknowledged_ids(bundle.records.get(ACKNOWLEDGED))  # absent from older senders
            if acknowledged:
                for acknowledger in ACKNOWLEDGERS:
                    acknowledger(bundle.office_code, acknowledged)
            audit(
                "BULK_LOAD",
                target_type=ReceivedBundle.audit_type,
                target_id=str(claimed),
                office_code=bundle.office_code,
                detail={
                    "transfer_import": bundle.source_zone,
                    "key_id": bundle.key_id,
                    "counts": bundle.counts,
                    "images_reencoded": bundle.stripped,
                    "sha256": digest,
                },
            )
    except IntegrityError:
        earlier = ReceivedBundle.objects.filter(bundle_id=claimed).first()
        if earlier is not None and earlier.manifest_sha256 == bundle.manifest_sha256:  # imported a moment ago
            return Received(earlier, already=True)
        logger.exception("transfer import %s failed", claimed)
        raise refuse("import_failed", "データベースの制約に反しました。") from None
    except ValidationError as exc:
        raise refuse("import_failed", " ".join(exc.messages)[:1000]) from None
    except Exception as exc:  # an importer's bug is still all-or-nothing and quarantined, and logged
        logger.exception("transfer import %s failed", claimed)
        raise refuse("import_failed", type(exc).__name__) from None
    return Received(received)


def _when(text):
    """A manifest's created_at as an aware datetime, or None when it is not one."""
    try:
        value = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _safe_name(file_name: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(file_name or "bundle").name)[:120]
    return name.lstrip(".") or "bundle"


def quarantine(data: bytes, file_name: str, reason_code: str, reason: str, bundle_id: str | None) -> Quarantined:
    """Keep the refused file (0600) and say why, in the database and, in the core, the audit log."""
    digest = hashlib.sha256(data).hexdigest()
    folder = Path(settings.HOGO_TRANSFER_QUARANTINE_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = timezone.now()
    path = folder / f"{timezone.localtime(now):%Y%m%d-%H%M%S}-{digest[:16]}-{_safe_name(file_name)}"
    if not path.exists():  # the same file refused twice in one second is kept once
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(data)
    with transaction.atomic():
        row = Quarantined.objects.create(
            bundle_id=bundle_id,
            file_name=(file_name or "")[:200],
            stored_as=str(path)[:300],
            sha256=digest,
            size=len(data),
            reason_code=reason_code,
            reason=reason[:2000],
        )
        audit(
            "DENIED",
            target_type="transfer_bundle",
            target_id=str(bundle_id or digest)[:64],
            detail={"transfer_quarantine": reason_code, "sha256": digest, "file_name": row.file_name},
        )
    return row


def audit(action: str, *, target_type="", target_id="", office_code: str = "", detail=None) -> None:
    """An entry in the audit log where the zone has one (the core); the portal keeps no audit log yet."""
    if not apps.is_installed("hogo.audit"):
        return
    # imported here: hogo.audit is a core app, and its models cannot be imported in the portal
    from hogo.audit.models import Action  # noqa: PLC0415
    from hogo.audit.services import record  # noqa: PLC0415

    office_id = None
    if office_code and apps.is_installed("hogo.offices"):
        office_model = apps.get_model("offices", "Office")
        office_id = office_model.objects.filter(municipality_code=office_code).values_list("pk", flat=True).first()
    record(
        None,
        getattr(Action, action),
        target_type=target_type,
        target_id=target_id,
        office_id=office_id,
        detail=detail,
    )
