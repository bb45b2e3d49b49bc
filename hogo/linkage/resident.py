"""住民異動 from the resident register: never applied silently (issue 18 item 2). A caseworker confirms
each one, and the confirmation goes through the same services a change entered by hand does — a
birth or a move in adds a member, a death or a move out records the member's departure, a move
records the new address — then drafts the change decision where an amount changes."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.decisions import changes
from hogo.households import circumstance_services
from hogo.households import services as household_services
from hogo.households.models import CircumstanceDocument, CircumstanceKind, Household, Member
from hogo.households.services import MemberInput, normalize_postal_code

from . import layouts
from .models import LinkageRow, Outcome
from .services import parsed_of, refresh_counts


@dataclass
class Confirmation:
    """What the caseworker adds to the register's data: the 続柄 of a new member; for a move, what
    the register does not know (級地, prefecture, rent at the new address)."""

    relation: str = ""
    new_prefecture: str = ""
    new_municipality: str = ""
    new_grade_area: str = ""
    new_winter_region: str = ""
    rent: int | None = None


@dataclass
class Confirmed:
    row: LinkageRow
    drafted: changes.Drafted | None
    draft_problem: str = ""


def _apply(actor, row: LinkageRow, values: dict, given: Confirmation) -> tuple[Household, object]:
    household = row.household
    event, day = values["event"], values["moved_on"]
    if event in (layouts.BIRTH, layouts.MOVE_IN):
        if not given.relation:
            raise ValidationError({"relation": "続柄を選んでください。"})
        member = household_services.add_member(
            actor,
            household,
            MemberInput(
                name=values["name"],
                name_kana=values["kana"],
                birth_date=values["birth_date"],
                sex=values["sex"],
                relation=given.relation,
                joined_on=day,
            ),
        )
        if values.get("resident_number"):
            Member.objects.filter(pk=member.pk).update(resident_number=values["resident_number"])
        return household, day
    if event in (layouts.DEATH, layouts.MOVE_OUT):
        entry = circumstance_services.CircumstanceEntry(
            kind=CircumstanceKind.DEPARTURE,
            member=row.member,
            effective_from=day + timedelta(days=1),  # the member is one of the household until that day
            source_document=CircumstanceDocument.RESIDENT_RECORD,
            note=f"住民異動（{'死亡' if event == layouts.DEATH else '転出'}）のデータによる",
        )
        circumstance_services.record_circumstance(actor, household, entry)
        return household, entry.effective_from
    postal = values.get("new_postal_code", "")
    entry = circumstance_services.CircumstanceEntry(
        kind=CircumstanceKind.MOVE,
        effective_from=day,
        new_address=values["new_address"],
        new_postal_code=normalize_postal_code(postal) if postal else "",
        new_prefecture=given.new_prefecture or household.prefecture,
        new_municipality=given.new_municipality or household.municipality,
        new_grade_area=given.new_grade_area or household.grade_area,
        new_winter_region=given.new_winter_region,
        amount=household.rent if given.rent is None else given.rent,
        source_document=CircumstanceDocument.RESIDENT_RECORD,
        note="住民異動（転居）のデータによる",
    )
    circumstance_services.record_circumstance(actor, household, entry)
    return household, day


def confirm(actor, row: LinkageRow, given: Confirmation) -> Confirmed:
    """Apply one 住民異動 the caseworker has checked, then draft the change where an amount changes
    (a refusal to draft — a draft already waiting — is said, not raised: the fact stays recorded)."""
    with transaction.atomic():
        row = (
            LinkageRow.objects.select_for_update(of=("self",))
            .select_related("run", "household", "member")
            .get(pk=row.pk)
        )
        if row.outcome != Outcome.TO_CONFIRM:
            raise ValidationError(f"この行は既に「{row.get_outcome_display()}」です。")
        household_services.require_edit(actor, row.household)
        household, day = _apply(actor, row, parsed_of(row).values, given)
        row.outcome, row.handled_by, row.handled_at = Outcome.CONFIRMED, actor, timezone.now()
        row.save(update_fields=["outcome", "handled_by", "handled_at"])
        refresh_counts(row.run)
        record(actor, Action.UPDATE, target=row, detail={"confirmed": row.values.get("event")})
    try:
        drafted = changes.draft_change(actor, household, effective_from=day)
    except ValidationError as exc:
        return Confirmed(row, None, " ".join(exc.messages))
    if drafted.decision is not None:
        LinkageRow.objects.filter(pk=row.pk).update(decision=drafted.decision)
    return Confirmed(row, drafted)
