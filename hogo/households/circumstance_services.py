"""Recording a change of a household's circumstances as a dated fact (issue 15 item 3, decision 0019).

One use case, in a transaction: it checks that the actor may change the household, checks every value
(naming the field), saves one insert-only fact and writes the audit record. The checks of a member and
of the assistance period are those of the income entry (`income_services`). A departure (転出・死亡)
also sets the member's 「世帯を離れた日」 (the day before the fact takes effect), so every list of the
household's members agrees with the fact.
"""

from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.prefectures import PREFECTURE_NAMES
from hogo.common.refusals import message_of
from hogo.common.wareki import wareki_month
from hogo.offices.models import GRADE_AREAS, WINTER_REGIONS

from . import circumstance_rules
from .income_services import assistance_period
from .models import (
    POSTAL_CODE,
    Circumstance,
    CircumstanceDocument,
    CircumstanceKind,
    DisabilityKind,
    Household,
    Member,
    PregnancyStage,
    Relation,
    SchoolingFact,
    Sex,
)
from .services import normalize_postal_code, open_household_record, require_edit

GRADES = circumstance_rules.GRADES
WITH_AMOUNT = (CircumstanceKind.CARE_PREMIUM, CircumstanceKind.RENT, CircumstanceKind.FACILITY, CircumstanceKind.MOVE)
OF_A_MEMBER = (
    CircumstanceKind.CARE_PREMIUM,
    CircumstanceKind.DISABILITY,
    CircumstanceKind.PREGNANCY,
    CircumstanceKind.DEPARTURE,
    CircumstanceKind.HOSPITAL,
    CircumstanceKind.FACILITY,
    CircumstanceKind.HOMEBOUND,
    CircumstanceKind.SCHOOL,
)
MOVE_FIELDS = ("new_postal_code", "new_address", "new_prefecture", "new_municipality", "new_grade_area")
GRADE_AREA_VALUES = {value for value, _ in GRADE_AREAS}
WINTER_REGION_VALUES = {value for value, _ in WINTER_REGIONS}


@dataclass
class CircumstanceEntry:
    """What a caseworker enters for one change (the form's cleaned data)."""

    kind: str
    effective_from: date | None = None
    effective_to: date | None = None
    member: Member | None = None
    amount: int | None = None
    certificate: str = ""
    grade: str = ""
    pregnancy_stage: str = ""
    school_stage: str = ""
    new_postal_code: str = ""
    new_address: str = ""
    new_prefecture: str = ""
    new_municipality: str = ""
    new_grade_area: str = ""
    new_winter_region: str = ""
    source_document: str = ""
    note: str = ""

    @classmethod
    def from_form(cls, data: dict) -> "CircumstanceEntry":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names and v is not None})


def _check_period(entry: CircumstanceEntry, household: Household, errors: dict) -> None:
    if entry.effective_from is None:
        errors["effective_from"] = "適用開始日を入力してください。"
        return
    if entry.effective_to is not None and entry.effective_to < entry.effective_from:
        errors["effective_to"] = "適用終了日は適用開始日より後にしてください。"
    start, end = assistance_period(household)
    month = entry.effective_from.replace(day=1)
    if start is not None and month < start:
        errors["effective_from"] = f"適用開始日が保護の期間（{wareki_month(start)}から）より前です。"
    elif end is not None and month > end:
        errors["effective_from"] = f"適用開始日が保護の期間（{wareki_month(end)}まで）より後です。"


def _check_member(entry: CircumstanceEntry, household: Household, errors: dict) -> None:
    member = entry.member
    if entry.kind not in OF_A_MEMBER:
        if member is not None:
            errors["member"] = f"{CircumstanceKind(entry.kind).label}は世帯の変更です。世帯員は選ばないでください。"
        return
    if not isinstance(member, Member) or member.household_id != household.pk:
        errors["member"] = "この世帯の世帯員を選んでください。"
    elif member.left_on is not None and entry.effective_from is not None and member.left_on < entry.effective_from:
        errors["member"] = f"{member.name}さんは適用開始日より前に世帯を離れています。"
    elif entry.kind == CircumstanceKind.DEPARTURE and member.relation == Relation.HEAD:
        errors["member"] = "世帯主の転出・死亡は、世帯の状態の変更（停止・廃止）として記録してください。"
    elif entry.kind == CircumstanceKind.PREGNANCY and member.sex != Sex.FEMALE:
        errors["member"] = "妊娠・出産は女性の世帯員についてだけ記録できます。"


def _check_value(entry: CircumstanceEntry, errors: dict) -> None:
    amount = entry.amount
    if entry.kind in WITH_AMOUNT:
        if amount is None:
            errors["amount"] = "月額を入力してください。"
        elif isinstance(amount, bool) or not isinstance(amount, int):
            errors["amount"] = "円単位の整数で入力してください。"
        elif amount < 0:
            errors["amount"] = "負の金額は入力できません。"
        elif amount == 0 and entry.kind == CircumstanceKind.FACILITY:
            errors["amount"] = "介護施設入所者基本生活費の月額を入力してください（0円は入力できません）。"
    elif amount is not None:
        errors["amount"] = "月額は介護保険料・家賃・転居後の家賃・介護施設入所者基本生活費にだけ入力します。"
    if entry.kind == CircumstanceKind.DISABILITY:
        if entry.certificate not in GRADES:
            errors["certificate"] = "手帳の種類を一覧から選んでください。"
        elif entry.grade not in GRADES[entry.certificate]:
            errors["grade"] = (
                f"{DisabilityKind(entry.certificate).label}の等級は{'・'.join(GRADES[entry.certificate])}です。"
            )
    else:
        if entry.certificate:
            errors["certificate"] = "手帳の種類は障害者手帳の等級にだけ入力します。"
        if entry.grade:
            errors["grade"] = "等級は障害者手帳の等級にだけ入力します。"
    if entry.kind == CircumstanceKind.PREGNANCY:
        if entry.pregnancy_stage not in PregnancyStage.values:
            errors["pregnancy_stage"] = "妊娠・出産の状況を一覧から選んでください。"
    elif entry.pregnancy_stage:
        errors["pregnancy_stage"] = "妊娠・出産の状況は妊娠・出産にだけ入力します。"
    if entry.kind == CircumstanceKind.SCHOOL:
        if entry.school_stage not in SchoolingFact.values:
            errors["school_stage"] = "就学状況を一覧から選んでください。"
    elif entry.school_stage:
        errors["school_stage"] = "就学状況は就学状況の変更にだけ入力します。"
    _check_move(entry, errors)


def _check_move(entry: CircumstanceEntry, errors: dict) -> None:
    """転居: the new address, its prefecture and 級地 are required (they decide the 住宅扶助 limit, the
    基準額 and the 冬季加算 region from the day of the move); the winter region may be left to the
    prefecture (the engine's table)."""
    if entry.kind != CircumstanceKind.MOVE:
        for name in (*MOVE_FIELDS, "new_winter_region"):
            if getattr(entry, name):
                errors[name] = "転居先の項目は転居にだけ入力します。"
        return
    entry.new_address = entry.new_address.strip()
    entry.new_prefecture = entry.new_prefecture.strip()
    entry.new_municipality = entry.new_municipality.strip()
    if not entry.new_address:
        errors["new_address"] = "転居先の住所を入力してください。"
    if not entry.new_prefecture:
        errors["new_prefecture"] = "転居先の都道府県を入力してください（住宅扶助の限度額に使います）。"
    elif entry.new_prefecture not in PREFECTURE_NAMES:
        errors["new_prefecture"] = "転居先の都道府県は一覧から選んでください。"
    if entry.new_grade_area not in GRADE_AREA_VALUES:
        errors["new_grade_area"] = "転居先の級地を一覧から選んでください。"
    entry.new_postal_code = normalize_postal_code(entry.new_postal_code)
    if entry.new_postal_code:
        try:
            POSTAL_CODE(entry.new_postal_code)
        except ValidationError as exc:
            errors["new_postal_code"] = message_of(exc)
    if entry.new_winter_region and entry.new_winter_region not in WINTER_REGION_VALUES:
        errors["new_winter_region"] = "冬季加算地区を一覧から選んでください。"


@transaction.atomic
def record_circumstance(actor, household: Household, entry: CircumstanceEntry) -> Circumstance:
    """Record one change of circumstances of `household` as a dated fact."""
    require_edit(actor, household)
    errors: dict[str, str] = {}
    if entry.kind not in CircumstanceKind.values:
        raise ValidationError({"kind": "変更の種類を一覧から選んでください。"})
    if entry.source_document not in CircumstanceDocument.values:
        errors["source_document"] = "確認した書類を一覧から選んでください。"
    if isinstance(entry.member, Member):
        # Serialises changes of one member (a departure changes the member row).
        entry.member = Member.objects.select_for_update().filter(pk=entry.member.pk).first() or entry.member
    _check_period(entry, household, errors)
    _check_member(entry, household, errors)
    _check_value(entry, errors)
    if entry.kind == CircumstanceKind.DEPARTURE and entry.effective_to is not None:
        errors["effective_to"] = "転出・死亡に適用終了日はありません（戻ったときは世帯員として登録します）。"
    elif entry.kind == CircumstanceKind.MOVE and entry.effective_to is not None:
        errors["effective_to"] = "転居に適用終了日はありません（次の転居を記録します）。"
    if errors:
        raise ValidationError(errors)
    fact = Circumstance(
        household=household,
        member=entry.member if entry.kind in OF_A_MEMBER else None,
        kind=entry.kind,
        amount=entry.amount if entry.kind in WITH_AMOUNT else None,
        certificate=entry.certificate,
        grade=entry.grade,
        pregnancy_stage=entry.pregnancy_stage,
        school_stage=entry.school_stage,
        new_postal_code=entry.new_postal_code.strip(),
        new_address=entry.new_address,
        new_prefecture=entry.new_prefecture,
        new_municipality=entry.new_municipality,
        new_grade_area=entry.new_grade_area,
        new_winter_region=entry.new_winter_region,
        effective_from=entry.effective_from,
        effective_to=entry.effective_to,
        source_document=entry.source_document,
        note=entry.note.strip(),
        recorded_by=actor,
    )
    fact.save()
    if entry.kind == CircumstanceKind.DEPARTURE:
        Member.objects.filter(pk=entry.member.pk).update(left_on=entry.effective_from - timedelta(days=1))
    record(
        actor,
        Action.CREATE,
        target=fact,
        detail={
            "household": str(household.public_id),
            **({"member": str(fact.member.public_id)} if fact.member else {}),
            "kind": fact.kind,
            "value": fact.value_text,
            "effective_from": fact.effective_from.isoformat(),
            **({"effective_to": fact.effective_to.isoformat()} if fact.effective_to else {}),
        },
    )
    return fact


def open_circumstance(actor, public_id) -> Circumstance:
    """Read one recorded change: visible exactly when its household is (audited, a refusal a 404)."""
    return open_household_record(
        actor, Circumstance, public_id, "記録が見つかりません。", related=("member", "recorded_by__staff")
    )


def history_of(household: Household):
    """Every recorded change of the household, newest first."""
    return (
        Circumstance.objects.filter(household=household)
        .select_related("member", "recorded_by__staff")
        .order_by("-recorded_at", "-id")
    )
