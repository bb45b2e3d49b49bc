"""訪問格付け: a recommended visit grade from a household's facts, with the facts that led to it.
Pure functions, no Django import. The caseworker accepts or overrides it (with a reason); the
office's interval for each grade is the follow-up rule 家庭訪問 (never beyond the national floor).

Each fact adds points; the total picks the grade (A is visited most often). The weights are an
office-practice default, not law: they lean to frequent visits where the household's situation can
change fast (a recent incident, children, someone able to work who is looking for a job, mental
illness, an elderly person living alone, unresolved overdue checks) and to fewer where it is stable.
"""

from dataclasses import dataclass, field

from hogo.followups.schedule import add_months  # pure: month ends fall back to the last day

THRESHOLDS = (("A", 7), ("B", 4), ("C", 2))  # at least this many points; fewer is D
INSTITUTION = "institution"


@dataclass(frozen=True)
class GradeFacts:
    household_type: str = "other"  # elderly / disabled / sick / single_parent / other
    in_institution: bool = False
    members: int = 1
    children: int = 0  # under 18
    elderly_alone: bool = False  # one person aged 75 or over
    working: bool = False
    seeking_work: bool = False
    mental_illness: bool = False
    outpatient: bool = False
    care_certified: bool = False
    recent_incident: bool = False  # noted by the caseworker in the last 90 days
    overdue_checks: int = 0
    cautions: bool = False  # the always-know panel has 留意事項


@dataclass(frozen=True)
class Recommendation:
    grade: str  # "A"–"D", or "institution"
    points: int
    reasons: list = field(default_factory=list)  # [(label, points)]


def recommend(facts: GradeFacts) -> Recommendation:
    if facts.in_institution:
        return Recommendation(INSTITUTION, 0, [("入院・施設入所中（年1回以上の訪問）", 0)])
    reasons = []

    def add(condition, label, points):
        if condition:
            reasons.append((label, points))

    add(facts.recent_incident, "最近90日に事故・トラブル等の記録がある", 4)
    add(facts.children > 0, f"18歳未満の子どもがいる（{facts.children}人）", 2)
    add(facts.household_type == "single_parent", "母子世帯", 1)
    add(facts.seeking_work, "稼働能力があり求職中の世帯員がいる", 2)
    add(facts.mental_illness, "精神障害のある世帯員がいる", 2)
    add(facts.elderly_alone, "75歳以上の単身世帯", 2)
    add(facts.overdue_checks >= 2, f"期限切れの確認事項が{facts.overdue_checks}件ある", 2)
    add(facts.cautions, "留意事項が記録されている", 1)
    add(facts.care_certified and facts.members == 1, "要介護・要支援認定を受けた単身者", 1)
    add(facts.outpatient and not facts.mental_illness, "通院中の世帯員がいる", 1)
    add(facts.working and not facts.seeking_work, "就労しており生活が安定している", -1)
    points = sum(p for _, p in reasons)
    grade = next((g for g, at_least in THRESHOLDS if points >= at_least), "D")
    if not reasons:
        reasons.append(("特に頻回な訪問を要する事情がない", 0))
    return Recommendation(grade, points, reasons)


def thresholds_text() -> str:
    """The grading scale as the grade page states it: 'A 7点以上・B 4点以上・C 2点以上・それ未満 D'."""
    return "・".join([f"{grade} {at_least}点以上" for grade, at_least in THRESHOLDS] + ["それ未満 D"])


def annual_plan(start, months_between: int, until) -> list:
    """Visit dates from `start` every `months_between` months up to `until` (the annual plan a
    household's grade gives), using the follow-ups' month arithmetic."""
    dates, step = [], 0
    while True:
        day = add_months(start, months_between * step)
        if day > until:
            return dates
        dates.append(day)
        step += 1
