"""The household facts the benefit engine needs, read from the case record.

The mapping from the case record to the engine's input is deliberate and narrow:
- 障害者加算: 身体障害者手帳 1・2級 and 精神障害者保健福祉手帳 1級 count as the higher level; 身体3級 and
  精神2級 as the lower; other grades and 療育手帳 alone give no addition here (the CW can state
  the level through the disability grade, e.g. 障害基礎年金1級 → "1級").
- Incomes: 就労収入 → employment (gross; tax and social insurance as declared are not yet
  recorded, so none are deducted), 年金・手当・仕送り → recognised in full.
"""
from hogo.households.models import DisabilityKind, Household, IncomeKind, Relation

SEVERE_GRADES = {DisabilityKind.PHYSICAL: {"1級", "2級"}, DisabilityKind.MENTAL: {"1級"}}
MODERATE_GRADES = {DisabilityKind.PHYSICAL: {"3級"}, DisabilityKind.MENTAL: {"2級"}}
INCOME_KIND = {IncomeKind.EARNINGS: "employment", IncomeKind.PENSION: "pension", IncomeKind.ALLOWANCE: "allowance",
               IncomeKind.SUPPORT: "support", IncomeKind.OTHER: "other"}
ENGINE_RELATIONS = {r.value for r in Relation}


def disability_level(kind: str, grade: str) -> str | None:
    grade = (grade or "").strip()
    if grade in SEVERE_GRADES.get(kind, ()):
        return "severe"
    if grade in MODERATE_GRADES.get(kind, ()):
        return "moderate"
    return None


def engine_input(household: Household, as_of) -> dict:
    """The JSON object `hogo calc` takes, for this household on `as_of` (members who have left are
    not counted)."""
    members = [m for m in household.members.all() if m.left_on is None or m.left_on >= as_of]
    data_members = []
    incomes = []
    for m in members:
        entry = {"id": str(m.public_id), "birth_date": m.birth_date.isoformat(),
                 "relation": m.relation if m.relation in ENGINE_RELATIONS else "other"}
        level = disability_level(m.disability_kind, m.disability_grade)
        if level:
            entry["disability"] = level
        data_members.append(entry)
        for income in m.incomes.all():
            if income.since <= as_of:
                incomes.append({"member": str(m.public_id), "kind": INCOME_KIND[income.kind],
                                "gross": income.monthly_amount})
    return {
        "as_of": as_of.isoformat(), "grade_area": household.grade_area, "winter_region": household.winter_region,
        "prefecture": household.prefecture or household.office.name, "municipality": household.municipality,
        "members": data_members, "rent": household.rent, "incomes": incomes,
    }
