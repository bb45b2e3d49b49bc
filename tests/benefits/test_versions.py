"""The engine picks the standards version in force on as_of and says so."""

from .helpers import calc, household, member


def single_65(as_of):
    return calc(household(as_of=as_of, members=[member("m1", 66, as_of=as_of)]))


def test_special_addition_follows_the_three_versions():
    amounts = {
        as_of: next(x.amount for x in single_65(as_of).lines if x.code == "special")
        for as_of in ("2023-10-01", "2025-09-01", "2025-10-01", "2026-09-01", "2026-10-01")
    }
    assert amounts == {
        "2023-10-01": 1000,
        "2025-09-01": 1000,
        "2025-10-01": 1500,
        "2026-09-01": 1500,
        "2026-10-01": 2500,
    }


def test_transitional_addition_is_reduced_by_1000_per_person_from_2026_10():
    before = next(x.amount for x in single_65("2026-09-01").lines if x.code == "transitional")
    after = next(x.amount for x in single_65("2026-10-01").lines if x.code == "transitional")
    assert (before, after) == (1130, 130)


def test_the_unconfirmed_2023_transitional_table_is_reported_not_guessed():
    result = single_65("2024-04-01")
    line = next(x for x in result.lines if x.code == "transitional")
    assert line.amount == 0 and not line.verified
    assert any("経過的加算" in item for item in result.unconfirmed)
    assert result.standards["special_addition"] == "2023-10-01"


def test_standards_version_names_the_newest_version_used():
    assert single_65("2026-10-01").standards_version == "2026-10-01"
    assert single_65("2026-04-01").standards_version == "2026-04-01"  # 障害者加算・未成年者控除 令和8年4月版
    assert single_65("2026-03-01").standards_version == "2025-10-01"


def test_six_person_households_before_2026_10_use_the_same_values_but_say_they_are_unconfirmed():
    as_of = "2026-04-01"
    members = [member("h", 40, as_of=as_of)] + [member(f"c{i}", 8, "child", as_of=as_of) for i in range(5)]
    result = calc(household(as_of=as_of, members=members))
    class2 = next(x for x in result.lines if x.code == "class2")
    assert class2.amount == 55650 and not class2.verified


def test_a_month_started_midway_prorates_living_assistance_by_days():
    members = [member("m1", 66)]
    whole = calc(household(members=members, rent=40000))
    half = calc(household(members=members, rent=40000, period={"start": "2026-10-17", "end": "2026-10-31"}))
    # 76,880 × 15 ÷ 31 = 37,200 exactly → 37,200 (no fraction); housing is not prorated
    assert half.living_total == 37200 and half.housing == whole.housing == 40000
    line = next(x for x in half.lines if x.code == "proration")
    assert "15日 ÷ 31日" in line.working and not line.verified


def test_proration_rounds_the_part_below_one_yen_up():
    from hogo.benefits.engine.rules import prorate

    assert prorate(76880, 10, 31) == 24800  # 24,800.0
    assert prorate(71900, 10, 31) == 23194  # 23,193.5… → 23,194
    assert prorate(71900, 30, 30) == 71900


def test_a_stored_record_expands_to_the_same_explanation():
    from hogo.benefits.engine.calculator import expand_record

    result = calc(household(as_of="2024-04-01", members=[member("m1", 66, as_of="2024-04-01")], rent=30000))
    record = result.as_record()
    assert len(str(record)) < len(str(result.as_dict()))
    assert expand_record(record) == result.as_dict()
