"""The recommended visit grade comes with the facts that led to it; the CW accepts or overrides
it with a reason; the SV sees overrides."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.casework import grading, services
from hogo.casework.grading import GradeFacts, recommend
from hogo.households.models import Household


def test_a_stable_elderly_household_is_recommended_d_and_says_why():
    result = recommend(GradeFacts(household_type="elderly"))
    assert result.grade == "D"
    assert result.reasons == [("特に頻回な訪問を要する事情がない", 0)]


def test_children_and_a_job_seeker_make_it_b_with_each_reason_and_its_points():
    result = recommend(GradeFacts(household_type="single_parent", children=2, seeking_work=True))
    assert result.grade == "B"
    assert ("18歳未満の子どもがいる（2人）", 2) in result.reasons
    assert ("稼働能力があり求職中の世帯員がいる", 2) in result.reasons
    assert ("母子世帯", 1) in result.reasons
    assert result.points == 5


def test_a_recent_incident_with_other_risks_makes_it_a():
    result = recommend(GradeFacts(recent_incident=True, mental_illness=True, cautions=True))
    assert (result.grade, result.points) == ("A", 7)


def test_stable_work_lowers_the_score():
    assert recommend(GradeFacts(working=True, children=1)).points == 1


def test_residents_of_a_hospital_or_facility_get_the_institution_interval():
    result = recommend(GradeFacts(in_institution=True, children=3))
    assert result.grade == grading.INSTITUTION


@pytest.mark.parametrize("points, grade", [(7, "A"), (6, "B"), (4, "B"), (3, "C"), (2, "C"), (1, "D"), (0, "D")])
def test_thresholds(points, grade):
    assert next((g for g, at_least in grading.THRESHOLDS if points >= at_least), "D") == grade


def test_accepting_the_recommendation_needs_no_reason_and_sets_the_grade(cast, rules):
    household = cast.households["own"]
    recommended = grading.recommend(services.grade_facts(household)).grade
    decision = services.decide_grade(cast.users["cw"], household, chosen=recommended)
    assert decision.recommended == recommended and not decision.overridden
    assert Household.objects.get(pk=household.pk).visit_grade == recommended


def test_overriding_without_a_reason_is_refused_on_the_reason_field(cast, rules):
    recommended = grading.recommend(services.grade_facts(cast.households["own"])).grade
    with pytest.raises(ValidationError) as refused:
        services.decide_grade(cast.users["cw"], cast.households["own"], chosen="A" if recommended != "A" else "D")
    assert "override_reason" in refused.value.message_dict
    assert Household.objects.get(pk=cast.households["own"].pk).visit_grade == ""


def test_the_supervisor_sees_an_override_with_its_reason(cast, rules, login):
    services.decide_grade(
        cast.users["cw"], cast.households["own"], chosen="A", override_reason="近隣から苦情が続いている"
    )
    page = login(cast.users["sv"]).get(reverse("grade_overrides")).content.decode()
    assert "近隣から苦情が続いている" in page
    assert (
        "近隣から苦情が続いている" not in login(cast.users["sv_other"]).get(reverse("grade_overrides")).content.decode()
    )


def test_the_grade_page_shows_the_reasons(cast, rules, login):
    household = cast.households["own"]
    household.cautions = "大声を出すことがある"
    household.save()
    page = login(cast.users["cw"]).get(reverse("visit_grade", args=[household.public_id])).content.decode()
    assert "留意事項が記録されている" in page and "推奨の理由" in page


def test_the_annual_plan_steps_by_the_grade_interval_and_keeps_month_ends():
    from datetime import date

    assert grading.annual_plan(date(2026, 1, 31), 3, date(2026, 12, 31)) == [
        date(2026, 1, 31),
        date(2026, 4, 30),
        date(2026, 7, 31),
        date(2026, 10, 31),
    ]


def test_the_grade_page_shows_the_annual_plan(cast, rules, login):
    from django.utils import timezone

    from hogo.followups.generate import regenerate_chunk

    household = cast.households["own"]
    household.visit_grade = "B"
    household.save()
    regenerate_chunk([household.pk], timezone.localdate())
    response = login(cast.users["cw"]).get(reverse("visit_grade", args=[household.public_id]))
    assert response.context["plan"]["months"] == 2
    assert 6 <= len(response.context["plan"]["dates"]) <= 7
