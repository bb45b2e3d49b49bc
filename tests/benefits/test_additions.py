"""Hand-worked cases for each addition."""

from .helpers import calc, household, member


def additions(result, code):
    return [(a["member"], a["amount"]) for a in result.additions if a["code"] == code]


def test_child_rearing_is_paid_until_the_first_31_march_after_the_18th_birthday():
    # born 2008-06-15: 18 on 2026-06-15, so the child period ends 2027-03-31
    for as_of, paid in (("2027-03-01", True), ("2027-04-01", False)):
        result = calc(
            household(
                as_of=as_of,
                members=[member("p", 45, as_of=as_of), member("c", relation="child", birth_date="2008-06-15")],
            )
        )
        assert additions(result, "child_rearing") == ([("c", 10190)] if paid else [])


def test_a_child_born_on_1_april_is_a_child_until_the_31_march_on_which_18_is_reached():
    # Born 2008-04-01: 18 is reached at the end of 2026-03-31, the day before the birthday
    # (年齢計算ニ関スル法律, 民法第143条); 「18歳に達する日以後の最初の3月31日」 is that same day.
    def paid_on(as_of):
        members = [member("p", 45, as_of=as_of), member("c", relation="child", birth_date="2008-04-01")]
        return additions(calc(household(as_of=as_of, members=members)), "child_rearing")

    assert paid_on("2026-03-01") == [("c", 10190)]
    assert paid_on("2026-04-01") == []


def test_single_parent_addition_by_number_of_children_and_grade():
    def single_parent(n, grade):
        members = [member("p", 35)] + [member(f"c{i}", 8, "child") for i in range(n)]
        return additions(calc(household(grade=grade, members=members)), "single_parent")

    assert single_parent(1, "1-1") == [("p", 18800)]
    assert single_parent(2, "1-2") == [("p", 18800 + 4800)]
    assert single_parent(3, "2-1") == [("p", 17400 + 4400 + 2700)]
    assert single_parent(4, "3-2") == [("p", 16100 + 4100 + 2500 * 2)]


def test_no_single_parent_addition_with_a_spouse():
    members = [member("p", 35), member("s", 36, "spouse"), member("c", 8, "child")]
    assert additions(calc(household(members=members)), "single_parent") == []


def test_single_parent_and_disability_additions_are_not_paid_together_the_higher_is_kept():
    severe = [member("p", 35, disability="severe"), member("c", 8, "child")]
    result = calc(household(members=severe))
    assert additions(result, "disability") == [("p", 27460)] and additions(result, "single_parent") == []
    moderate = [member("p", 35, disability="moderate"), member("c", 8, "child")]
    result = calc(household(members=moderate))
    assert additions(result, "single_parent") == [("p", 18800)] and additions(result, "disability") == []


def test_disability_addition_by_level_and_grade_group():
    def amount(level, grade):
        return additions(calc(household(grade=grade, members=[member("p", 50, disability=level)])), "disability")

    assert amount("severe", "1-2") == [("p", 27460)]
    assert amount("severe", "2-2") == [("p", 25540)]
    assert amount("moderate", "3-1") == [("p", 15750)]


def test_pregnancy_and_care_premium_additions():
    members = [
        member("p", 30, pregnancy="from_6_months", care_insurance_premium=0),
        member("g", 70, "parent", care_insurance_premium=6200),
    ]
    result = calc(household(members=members))
    assert additions(result, "pregnancy") == [("p", 13790)]
    assert additions(result, "care_premium") == [("g", 6200)]


def test_education_assistance_by_school_stage():
    members = [member("p", 40), member("e", 8, "child"), member("j", 13, "child"), member("h", 16, "child")]
    result = calc(household(members=members))
    assert (result.education, result.occupational) == (2600 + 5100, 5300)
