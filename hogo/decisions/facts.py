"""The household facts the benefit engine needs, read from the case record.

The mapping from the case record to the engine's input is deliberate and narrow:
- 障害者加算: 身体障害者手帳 1・2級 and 精神障害者保健福祉手帳 1級 count as the higher level; 身体3級 and
  精神2級 as the lower; other grades and 療育手帳 alone give no addition here (the CW can state
  the level through the disability grade, e.g. 障害基礎年金1級 → "1級").
- Incomes: 就労収入 → employment (gross; tax and social insurance as declared are not yet
  recorded, so none are deducted), 年金・手当・仕送り → recognised in full.
- Members who left the household before the day do not count; incomes count from their start.
"""

from hogo.households.models import DisabilityKind, Household, Income, IncomeKind, Member, Relation

SEVERE_GRADES = {DisabilityKind.PHYSICAL: {"1級", "2級"}, DisabilityKind.MENTAL: {"1級"}}
MODERATE_GRADES = {DisabilityKind.PHYSICAL: {"3級"}, DisabilityKind.MENTAL: {"2級"}}
INCOME_KIND = {
    IncomeKind.EARNINGS: "employment",
    IncomeKind.PENSION: "pension",
    IncomeKind.ALLOWANCE: "allowance",
    IncomeKind.SUPPORT: "support",
    IncomeKind.OTHER: "other",
}
ENGINE_RELATIONS = {r.value for r in Relation}
HOUSEHOLD_FIELDS = (
    "id",
    "grade_area",
    "winter_region",
    "prefecture",
    "municipality",
    "rent",
    "office__name",
    "case_number",
    "address",
    "postal_code",
)
MEMBER_FIELDS = (
    "id",
    "household_id",
    "public_id",
    "name",
    "birth_date",
    "relation",
    "disability_kind",
    "disability_grade",
    "left_on",
)
INCOME_FIELDS = ("member_id", "kind", "monthly_amount", "since")


def disability_level(kind: str, grade: str) -> str | None:
    grade = (grade or "").strip()
    if grade in SEVERE_GRADES.get(kind, ()):
        return "severe"
    if grade in MODERATE_GRADES.get(kind, ()):
        return "moderate"
    return None


def engine_input_from(household: dict, members: list[dict], incomes_by_member: dict[int, list[dict]], as_of) -> dict:
    """The JSON object `hogo calc` takes, from plain rows (HOUSEHOLD_FIELDS, MEMBER_FIELDS, INCOME_FIELDS)."""
    data_members, incomes = [], []
    for m in members:
        if m["left_on"] is not None and m["left_on"] < as_of:
            continue
        member_id = str(m["public_id"])
        entry = {
            "id": member_id,
            "birth_date": m["birth_date"].isoformat(),
            "relation": m["relation"] if m["relation"] in ENGINE_RELATIONS else "other",
        }
        level = disability_level(m["disability_kind"], m["disability_grade"])
        if level:
            entry["disability"] = level
        data_members.append(entry)
        for income in incomes_by_member.get(m["id"], ()):
            if income["since"] <= as_of:
                incomes.append(
                    {"member": member_id, "kind": INCOME_KIND[income["kind"]], "gross": income["monthly_amount"]}
                )
    return {
        "as_of": as_of.isoformat(),
        "grade_area": household["grade_area"],
        "winter_region": household["winter_region"],
        "prefecture": household["prefecture"] or household["office__name"],
        "municipality": household["municipality"],
        "members": data_members,
        "rent": household["rent"],
        "incomes": incomes,
    }


def load_rows(household_ids) -> tuple[dict[int, dict], dict[int, list[dict]], dict[int, list[dict]]]:
    """Households, their members and the members' incomes as plain rows, in three queries."""
    households = {h["id"]: h for h in Household.objects.filter(pk__in=household_ids).values(*HOUSEHOLD_FIELDS)}
    members: dict[int, list[dict]] = {}
    for m in Member.objects.filter(household_id__in=household_ids).order_by("id").values(*MEMBER_FIELDS):
        members.setdefault(m["household_id"], []).append(m)
    incomes: dict[int, list[dict]] = {}
    for i in Income.objects.filter(member__household_id__in=household_ids).order_by("id").values(*INCOME_FIELDS):
        incomes.setdefault(i["member_id"], []).append(i)
    return households, members, incomes


def addressee_from(household: dict, members: list[dict]) -> dict:
    """Who a notice is addressed to, as it stands when the decision is drafted."""
    head = next((m for m in members if m["relation"] == Relation.HEAD), None)
    return {
        "case_number": household["case_number"],
        "office": household["office__name"],
        "head_name": head["name"] if head else "",
        "address": household["address"],
        "postal_code": household["postal_code"],
    }


def engine_input(household: Household, as_of) -> dict:
    """The engine input for one household on `as_of`."""
    households, members, incomes = load_rows([household.pk])
    return engine_input_from(households[household.pk], members.get(household.pk, []), incomes, as_of)
