"""The core's side of visit and check-in bundles: a household on the portal, and bundles as the portal
would send them (signed with a portal key the core trusts)."""

from datetime import timedelta

from django.utils import timezone

from hogo.casework import services as casework
from hogo.recipients.models import PortalAccount
from tests.bundles import from_portal, records_of  # noqa: F401 - used here and by the tests


def on_portal(household, *, ended=False) -> PortalAccount:
    head = household.members.get(relation="head")
    return PortalAccount.objects.create(
        household=household,
        member=head,
        role="head",
        login=f"R{household.pk:08d}",
        activated_at=timezone.now(),
        ended_at=timezone.now() if ended else None,
    )


def proposed_visit(cast, household=None, *, days=3, slot="10:00〜10:30", purpose="収入の状況を確認（内部メモ）"):
    household = household or cast.households["own"]
    actor = cast.users["cw"] if household == cast.households["own"] else cast.users["sv"]
    return casework.propose_visit(
        actor, household, planned_on=timezone.localdate() + timedelta(days=days), slot=slot, purpose=purpose
    )


def visit_answer(visit, account, answer="confirm", wish="", *, at=None) -> dict:
    return {
        "office": visit.household.office.municipality_code,
        "key": str(visit.public_id),
        "household": str(visit.household.public_id),
        "account": account.key,
        "answer": answer,
        "wish": wish,
        "answered_at": (at or timezone.now()).isoformat(),
    }


def checkin_answer(
    checkin, account, *, health="good", living="fine", changed=False, change_text="", message="", at=None
):
    return {
        "office": checkin.household.office.municipality_code,
        "key": str(checkin.public_id),
        "household": str(checkin.household.public_id),
        "account": account.key,
        "health": health,
        "living": living,
        "changed": changed,
        "change_text": change_text,
        "message": message,
        "answered_at": (at or timezone.now()).isoformat(),
    }
