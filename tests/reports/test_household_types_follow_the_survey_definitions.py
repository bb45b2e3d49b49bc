"""世帯類型 by the 被保護者調査's definitions (rules.household_type), each household in exactly one type:
高齢者 first, then 母子, 障害者, 傷病者, else その他."""

from hogo.reports.rules import HouseholdFacts, Person, household_type


def facts(*people, recorded="other"):
    return HouseholdFacts(tuple(people), recorded)


HEAD_70 = Person(70, "male", "head")


def test_only_people_of_65_or_over_is_an_elderly_household():
    assert household_type(facts(HEAD_70, Person(66, "female", "spouse"))) == "elderly"


def test_an_elderly_household_may_include_children_under_18():
    assert household_type(facts(HEAD_70, Person(12, "male", "grandchild"))) == "elderly"


def test_a_member_between_18_and_64_makes_it_no_longer_elderly():
    assert household_type(facts(HEAD_70, Person(40, "male", "child"))) == "other"


def test_a_woman_under_65_with_her_children_under_18_is_a_single_mother_household():
    assert household_type(facts(Person(35, "female", "head"), Person(8, "male", "child"))) == "single_parent"


def test_a_father_with_his_children_is_not_a_single_mother_household():
    assert household_type(facts(Person(35, "male", "head"), Person(8, "male", "child"))) == "other"


def test_a_mother_with_an_adult_child_is_not_a_single_mother_household():
    assert household_type(facts(Person(45, "female", "head"), Person(19, "male", "child"))) == "other"


def test_a_woman_alone_is_not_a_single_mother_household():
    assert household_type(facts(Person(35, "female", "head"))) == "other"


def test_a_head_with_the_disability_addition_makes_a_disabled_household():
    assert household_type(facts(Person(50, "male", "head", disability_addition=True))) == "disabled"


def test_the_caseworkers_recorded_disabled_type_stands_for_cannot_work_because_of_it():
    assert household_type(facts(Person(50, "male", "head"), recorded="disabled")) == "disabled"


def test_a_head_in_hospital_makes_a_sick_household():
    assert household_type(facts(Person(50, "male", "head", inpatient=True))) == "sick"


def test_elderly_comes_before_disabled_and_single_mother_before_sick():
    assert household_type(facts(Person(70, "male", "head", disability_addition=True))) == "elderly"
    mother = Person(35, "female", "head", inpatient=True)
    assert household_type(facts(mother, Person(5, "female", "child"))) == "single_parent"


def test_disabled_comes_before_sick():
    head = Person(50, "male", "head", disability_addition=True, inpatient=True)
    assert household_type(facts(head)) == "disabled"


def test_the_recorded_elderly_type_does_not_make_a_young_household_elderly():
    assert household_type(facts(Person(40, "male", "head"), recorded="elderly")) == "other"
