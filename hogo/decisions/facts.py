"""The household facts the benefit engine needs, read from the case record.

The mapping from the case record to the engine's input is deliberate and narrow:
- 障害者加算: 身体障害者手帳 1・2級 and 精神障害者保健福祉手帳 1級 count as the higher level; 身体3級 and
  精神2級 as the lower; other grades and 療育手帳 alone give no addition here (the CW can state
  the level through the disability grade, e.g. 障害基礎年金1級 → "1級").
- Incomes (decision 0017): only the entries no later correction superseded, in the months of their
  period. 就労収入 → employment: a member's pay slips of the month (several employers, a bonus) make
  one engine income, so the 基礎控除 is taken once on their total; 所得税 + 住民税 → tax, 社会保険料 →
  social_insurance, 通勤費 → commuting, other actual expenses → expenses. 養育費 → child_support,
  臨時収入 → temporary, 財産収入 → other; 年金・手当・仕送り → recognised in full.
- Members who left the household before the day do not count; a member who joined an existing
  household (世帯員となった日 later than the first members') counts from that day (転入・出生).
- Changes of circumstances (decision 0019): the dated facts whose period covers the day, one per kind
  and member (the one effective latest, the last recorded on a tie): 介護保険料（普通徴収） →
  care_insurance_premium; 障害者手帳の等級 → disability (by the grades above, replacing the member's
  own); 妊娠・出産 → pregnancy; 家賃 → rent (replacing the household's); 転出・死亡 → the member no
  longer counts; 入院 → hospitalised, after the month rule (`circumstance_rules`: from the month after
  the admission, not for a stay of less than one month); 介護施設入所 → care_facility_allowance (the
  recorded monthly amount); 常時在宅 → winter_special for the household (a member at home only);
  就学状況 → school_stage; 転居 → the household's address, prefecture, municipality, 級地 and winter
  region from the day, and its rent (the later of a 転居 and a 家賃 fact wins).
"""

from django.db.models import Q

from hogo.households.circumstance_rules import counts_as_inpatient
from hogo.households.income_rules import in_period
from hogo.households.models import (
    Circumstance,
    CircumstanceKind,
    DisabilityKind,
    Household,
    Income,
    IncomeKind,
    Member,
    Relation,
)

SEVERE_GRADES = {DisabilityKind.PHYSICAL: {"1級", "2級"}, DisabilityKind.MENTAL: {"1級"}}
MODERATE_GRADES = {DisabilityKind.PHYSICAL: {"3級"}, DisabilityKind.MENTAL: {"2級"}}
INCOME_KIND = {
    IncomeKind.EARNINGS: "employment",
    IncomeKind.PENSION: "pension",
    IncomeKind.ALLOWANCE: "allowance",
    IncomeKind.SUPPORT: "support",
    IncomeKind.CHILD_SUPPORT: "child_support",
    IncomeKind.TEMPORARY: "temporary",
    IncomeKind.PROPERTY: "other",
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
    "joined_on",
)
INCOME_FIELDS = (
    "id",
    "member_id",
    "kind",
    "monthly_amount",
    "since",
    "until",
    "income_tax",
    "resident_tax",
    "social_insurance",
    "commuting",
    "other_expenses",
    "new_job",
)
CIRCUMSTANCE_FIELDS = (
    "id",
    "household_id",
    "member_id",
    "kind",
    "amount",
    "certificate",
    "grade",
    "pregnancy_stage",
    "school_stage",
    "new_postal_code",
    "new_address",
    "new_prefecture",
    "new_municipality",
    "new_grade_area",
    "new_winter_region",
    "effective_from",
    "effective_to",
)
MOVED_FIELDS = {
    "address": "new_address",
    "postal_code": "new_postal_code",
    "prefecture": "new_prefecture",
    "municipality": "new_municipality",
    "grade_area": "new_grade_area",
}
PAY_SLIP_LINES = ("gross", "tax", "social_insurance", "commuting", "expenses")


def disability_level(kind: str, grade: str) -> str | None:
    grade = (grade or "").strip()
    if grade in SEVERE_GRADES.get(kind, ()):
        return "severe"
    if grade in MODERATE_GRADES.get(kind, ()):
        return "moderate"
    return None


def facts_in_force(circumstances, as_of) -> dict[tuple, dict]:
    """The facts in force on `as_of` (rows of CIRCUMSTANCE_FIELDS), by (kind, member id): of those whose
    period covers the day, the one effective latest, the last recorded on a tie."""
    chosen: dict[tuple, dict] = {}
    for row in sorted(circumstances, key=lambda r: (r["effective_from"], r["id"])):
        if row["effective_from"] <= as_of and (row["effective_to"] is None or as_of <= row["effective_to"]):
            chosen[(row["kind"], row["member_id"])] = row
    return chosen


def where_living(household: dict, facts: dict) -> dict:
    """The household row as it stands under the facts in force: after a 転居, the new address, 級地,
    prefecture, municipality and winter region (the region left to the prefecture when not given)."""
    move = facts.get((CircumstanceKind.MOVE, None))
    if move is None:
        return household
    moved = {**household, **{field: move[new] for field, new in MOVED_FIELDS.items()}}
    moved["winter_region"] = move["new_winter_region"] or None
    return moved


def rent_in_force(household: dict, facts: dict) -> int:
    """The rent: the later of a 家賃 fact and a 転居 fact in force, else the household's own."""
    latest = max(
        (f for f in (facts.get((CircumstanceKind.RENT, None)), facts.get((CircumstanceKind.MOVE, None))) if f),
        key=lambda f: (f["effective_from"], f["id"]),
        default=None,
    )
    return latest["amount"] if latest is not None else household["rent"]


def counted_members(members: list[dict], facts: dict, as_of) -> list[dict]:
    """The members who count on `as_of`: not gone (世帯を離れた日, a 転出・死亡 fact), and not yet to
    come — a member whose 世帯員となった日 is later than the first members' counts from that day."""
    founded = min((m["joined_on"] for m in members if m.get("joined_on")), default=None)
    return [
        m
        for m in members
        if not (m["left_on"] is not None and m["left_on"] < as_of)
        and (CircumstanceKind.DEPARTURE, m["id"]) not in facts
        and not (m.get("joined_on") and founded and founded < m["joined_on"] and as_of < m["joined_on"])
    ]


def engine_input_from(household: dict, members: list[dict], incomes_by_member: dict[int, list[dict]], as_of) -> dict:
    """The JSON object `hogo calc` takes, from plain rows (HOUSEHOLD_FIELDS, MEMBER_FIELDS, INCOME_FIELDS;
    the household row's "circumstances", when present, CIRCUMSTANCE_FIELDS)."""
    data_members, incomes = [], []
    facts = facts_in_force(household.get("circumstances", ()), as_of)
    living = where_living(household, facts)
    winter_special = False
    for m in counted_members(members, facts, as_of):
        member_id = str(m["public_id"])
        entry = {
            "id": member_id,
            "birth_date": m["birth_date"].isoformat(),
            "relation": m["relation"] if m["relation"] in ENGINE_RELATIONS else "other",
        }
        level = disability_level(m["disability_kind"], m["disability_grade"])
        certificate = facts.get((CircumstanceKind.DISABILITY, m["id"]))
        if certificate is not None:
            level = disability_level(certificate["certificate"], certificate["grade"])
        if level:
            entry["disability"] = level
        pregnancy = facts.get((CircumstanceKind.PREGNANCY, m["id"]))
        if pregnancy is not None and pregnancy["pregnancy_stage"]:
            entry["pregnancy"] = pregnancy["pregnancy_stage"]
        premium = facts.get((CircumstanceKind.CARE_PREMIUM, m["id"]))
        if premium is not None and premium["amount"]:
            entry["care_insurance_premium"] = premium["amount"]
        stay = facts.get((CircumstanceKind.HOSPITAL, m["id"]))
        if stay is not None and counts_as_inpatient(as_of, stay["effective_from"], stay["effective_to"]):
            entry["hospitalised"] = True
        facility = facts.get((CircumstanceKind.FACILITY, m["id"]))
        if facility is not None:
            entry["care_facility_allowance"] = facility["amount"]
        schooling = facts.get((CircumstanceKind.SCHOOL, m["id"]))
        if schooling is not None:
            entry["school_stage"] = schooling["school_stage"]
        at_home = not entry.get("hospitalised") and "care_facility_allowance" not in entry
        winter_special = winter_special or (at_home and (CircumstanceKind.HOMEBOUND, m["id"]) in facts)
        data_members.append(entry)
        incomes += _engine_incomes(member_id, incomes_by_member.get(m["id"], ()), as_of)
    data = {
        "as_of": as_of.isoformat(),
        "grade_area": living["grade_area"],
        "winter_region": living["winter_region"],
        "prefecture": living["prefecture"] or living["office__name"],
        "municipality": living["municipality"],
        "members": data_members,
        "rent": rent_in_force(household, facts),
        "incomes": incomes,
    }
    if winter_special:
        data["winter_special"] = True
    return data


def _engine_incomes(member_id: str, rows, as_of) -> list[dict]:
    """One member's incomes counting on `as_of`, in the engine's terms; earnings summed into one."""
    out, earnings = [], None
    for income in rows:
        if not in_period(as_of, income["since"], income.get("until")) or income["since"] > as_of:
            continue
        kind = INCOME_KIND[income["kind"]]
        if kind != "employment":
            out.append({"member": member_id, "kind": kind, "gross": income["monthly_amount"]})
            continue
        lines = {
            "gross": income["monthly_amount"],
            "tax": income.get("income_tax", 0) + income.get("resident_tax", 0),
            "social_insurance": income.get("social_insurance", 0),
            "commuting": income.get("commuting", 0),
            "expenses": income.get("other_expenses", 0),
        }
        if earnings is None:
            earnings = {"member": member_id, "kind": kind, **lines, "new_job": bool(income.get("new_job"))}
        else:
            for line in PAY_SLIP_LINES:
                earnings[line] += lines[line]
            earnings["new_job"] = earnings["new_job"] or bool(income.get("new_job"))
    if earnings is not None:
        out.insert(0, earnings)
    return out


LOAD_CHUNK = 10_000  # household ids named in one query (PostgreSQL takes at most 65,535 parameters)


def load_rows(
    household_ids, *, leave_out=(), bring_back=()
) -> tuple[dict[int, dict], dict[int, list[dict]], dict[int, list[dict]]]:
    """Households, their members and the members' incomes as plain rows, in four queries (each household
    row carries its dated facts under "circumstances"); a list of more than LOAD_CHUNK ids is read in
    chunks of that many.

    Incomes are those in force (not superseded); `leave_out` and `bring_back` (income ids) give the
    facts as they stood before an entry: without it, with the entry it corrected."""
    if isinstance(household_ids, list | tuple | set) and len(household_ids) > LOAD_CHUNK:
        ids, out = list(household_ids), ({}, {}, {})
        for start in range(0, len(ids), LOAD_CHUNK):
            for whole, part in zip(
                out, _load_rows(ids[start : start + LOAD_CHUNK], leave_out, bring_back), strict=True
            ):
                whole.update(part)
        return out
    return _load_rows(household_ids, leave_out, bring_back)


def _load_rows(household_ids, leave_out, bring_back):
    households = {h["id"]: h for h in Household.objects.filter(pk__in=household_ids).values(*HOUSEHOLD_FIELDS)}
    for h in households.values():
        h["circumstances"] = []
    for c in Circumstance.objects.filter(household_id__in=household_ids).values(*CIRCUMSTANCE_FIELDS):
        households[c["household_id"]]["circumstances"].append(c)
    members: dict[int, list[dict]] = {}
    for m in Member.objects.filter(household_id__in=household_ids).order_by("id").values(*MEMBER_FIELDS):
        members.setdefault(m["household_id"], []).append(m)
    incomes: dict[int, list[dict]] = {}
    in_force = Income.objects.filter(member__household_id__in=household_ids).filter(
        Q(superseded_by__isnull=True) | Q(pk__in=list(bring_back))
    )
    for i in in_force.exclude(pk__in=list(leave_out)).order_by("id").values(*INCOME_FIELDS):
        incomes.setdefault(i["member_id"], []).append(i)
    return households, members, incomes


def addressee_from(household: dict, members: list[dict], as_of=None) -> dict:
    """Who a notice is addressed to, as it stands when the decision is drafted (at the address in force
    on `as_of`, the day the decision takes effect, when given: a 転居's decision goes to the new one)."""
    if as_of is not None:
        household = where_living(household, facts_in_force(household.get("circumstances", ()), as_of))
    head = next((m for m in members if m["relation"] == Relation.HEAD), None)
    return {
        "case_number": household["case_number"],
        "office": household["office__name"],
        "head_name": head["name"] if head else "",
        "address": household["address"],
        "postal_code": household["postal_code"],
    }


def engine_input(household: Household, as_of, *, leave_out=(), bring_back=()) -> dict:
    """The engine input for one household on `as_of` (see `load_rows` for the two options)."""
    households, members, incomes = load_rows([household.pk], leave_out=leave_out, bring_back=bring_back)
    return engine_input_from(households[household.pk], members.get(household.pk, []), incomes, as_of)
