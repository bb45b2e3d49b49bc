"""A small office for the report tests: households of each 世帯類型 with dated status histories (starts and
terminations in known months), members of known ages, and a run computed in this process."""

from datetime import date

from hogo.households.models import Member, StatusChange
from hogo.households.services import search_key
from hogo.reports import services

from ..factories import make_household

OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)


def member(household, relation, birth, sex="female", **more):
    name = f"世帯員 {relation}"
    return Member.objects.create(
        household=household,
        name=name,
        name_kana="セタイイン",
        search_name=search_key(name),
        search_kana=search_key("セタイイン"),
        birth_date=birth,
        sex=sex,
        relation=relation,
        **more,
    )


def moves(household, *changes):
    """Status changes after the first one the factory made: (day, status, reason)."""
    before = household.status_changes.order_by("-effective_date", "-id").first().to_status
    for day, status, reason in changes:
        StatusChange.objects.create(
            household=household, from_status=before, to_status=status, effective_date=day, reason=reason
        )
        before = status
    household.status = before
    household.save(update_fields=["status"])


def populate(cast):
    """Office A: the cast's households plus an elderly pair, a single mother, a disabled head, a started
    and a terminated household in November, and one suspended."""
    office, cw = cast.office_a, cast.staff["cw"]
    made = {}
    made["elderly"] = make_household(office, cw, since=date(2020, 4, 1), birth_date=date(1950, 1, 1))
    made["mother"] = make_household(office, cw, since=date(2021, 4, 1), household_type="single_parent")
    head = made["mother"].members.get()
    head.birth_date, head.sex = date(1990, 5, 5), "female"
    head.save()
    member(made["mother"], "child", date(2018, 6, 1))
    made["disabled"] = make_household(office, cw, since=date(2022, 4, 1), household_type="disabled")
    head = made["disabled"].members.get()
    head.birth_date, head.disability_kind, head.disability_grade = date(1980, 1, 1), "physical", "1級"
    head.save()
    made["started"] = make_household(office, cw, status="applying", since=date(2026, 10, 20), household_type="other")
    head = made["started"].members.get()
    head.birth_date = date(1985, 1, 1)
    head.save()
    moves(made["started"], (date(2026, 11, 5), "active", "保護開始決定"))
    made["ended"] = make_household(office, cw, since=date(2019, 4, 1), household_type="other")
    head = made["ended"].members.get()
    head.birth_date = date(1970, 1, 1)
    head.save()
    moves(made["ended"], (date(2026, 11, 20), "terminated", "就労収入の増加により廃止"))
    made["suspended"] = make_household(office, cw, since=date(2019, 4, 1), household_type="sick")
    head = made["suspended"].members.get()
    head.birth_date = date(1975, 1, 1)
    head.save()
    moves(made["suspended"], (date(2026, 9, 1), "suspended", "保護停止決定"))
    return made


def computed(actor, office, report="monthly", month="2026-11"):
    return services.run_now(actor, office, report, month)


def table(run, key):
    return next(t for t in run.result["tables"] if t["key"] == key)


def row(run, key, label):
    return dict((lab, values) for lab, values in table(run, key)["rows"])[label]
