"""Properties of the engine over generated households (hypothesis)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hogo.benefits.engine import calculate, parse_household

GRADES = ["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"]
AS_OF = st.dates(min_value=date(2023, 10, 1), max_value=date(2027, 3, 1)).map(lambda d: d.replace(day=1))


@st.composite
def households(draw):
    as_of = draw(AS_OF)
    size = draw(st.integers(1, 6))
    members = []
    for i in range(size):
        age_days = draw(st.integers(0, 100 * 365))
        members.append(
            {
                "id": f"m{i}",
                "birth_date": (as_of - timedelta(days=age_days)).isoformat(),
                "relation": "head" if i == 0 else draw(st.sampled_from(["spouse", "child", "parent", "other"])),
                "disability": draw(st.sampled_from([None, None, "severe", "moderate"])),
            }
        )
    incomes = [
        {
            "member": f"m{draw(st.integers(0, size - 1))}",
            "kind": draw(st.sampled_from(["employment", "pension", "support", "temporary"])),
            "gross": draw(st.integers(0, 400_000)),
            "social_insurance": draw(st.integers(0, 20_000)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "as_of": as_of.isoformat(),
        "grade_area": draw(st.sampled_from(GRADES)),
        "winter_region": None,
        "prefecture": draw(st.sampled_from(["北海道", "埼玉県", "東京都"])),
        "municipality": "",
        "members": members,
        "rent": draw(st.integers(0, 120_000)),
        "incomes": incomes,
    }


def run(data):
    return calculate(parse_household(data))


@settings(max_examples=300, deadline=None)
@given(households(), st.integers(1, 200_000))
def test_more_income_never_raises_the_benefit(data, extra):
    before = run(data).benefit
    richer = dict(data, incomes=data["incomes"] + [{"member": "m0", "kind": "pension", "gross": extra}])
    assert run(richer).benefit <= before


@settings(max_examples=300, deadline=None)
@given(households())
def test_benefit_is_never_negative_and_every_amount_is_an_int(data):
    result = run(data).as_dict()
    assert result["benefit"]["total"] >= 0
    assert all(v >= 0 for v in result["benefit"]["by_assistance"].values())

    def ints(value):
        if isinstance(value, dict):
            return all(ints(v) for v in value.values())
        if isinstance(value, list):
            return all(ints(v) for v in value)
        return not isinstance(value, float)

    assert ints(result)
    for key in ("minimum_cost_of_living", "winter_addition", "housing_assistance", "education_assistance"):
        assert type(result[key]) is int
    assert all(type(a["amount"]) is int for a in result["living_assistance"]["additions"])


@settings(max_examples=300, deadline=None)
@given(households())
def test_every_value_the_engine_used_has_a_source(data):
    result = run(data)
    assert result.lines
    for line in result.lines:
        assert line.source.strip(), line
        assert type(line.amount) is int
    assert result.standards and all(result.standards.values())


@settings(max_examples=200, deadline=None)
@given(households())
def test_benefit_is_the_shortfall_when_there_is_need(data):
    result = run(data)
    assert result.need == (result.minimum_cost_of_living > result.recognized_income)
    assert result.benefit == max(0, result.minimum_cost_of_living - result.recognized_income)
