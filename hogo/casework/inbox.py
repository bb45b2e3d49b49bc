"""What the casework app puts in the approval inbox (registered in apps.py): case records the
caseworker confirmed and the supervisor of the team has yet to sign (`services.may_sign` in the
database: the supervisor's role in the household's office and the household in the team's scope)."""

from django.urls import reverse

from hogo.approvals.inbox import InboxRow, Rows, household_line, visible_households, with_head_name
from hogo.common.wareki import wareki
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from .models import CaseRecord


def _line(case_record: CaseRecord) -> InboxRow:
    return household_line(
        case_record,
        title=f"ケース記録（{case_record.get_kind_display()}・{wareki(case_record.occurred_on)}）",
        url=reverse("record_detail", kwargs={"public_id": case_record.public_id}),
        drafted_at=case_record.confirmed_at,
        drafter=case_record.author,
        note="確認（署名）待ち",
    )


def records_to_sign(user) -> Rows | None:
    """Confirmed, unsigned records of the households the supervisor signs for, the longest waiting first."""
    offices = standing_of(user).offices_with(Role.SUPERVISOR)
    if not offices:
        return None
    records = (
        CaseRecord.objects.filter(household__office_id__in=offices, confirmed_at__isnull=False, signed_at__isnull=True)
        .filter(household__in=visible_households(user))
        .select_related("household", "author__staff")
        .order_by("confirmed_at", "pk")
    )
    return Rows(with_head_name(records), _line)
