"""Work without an object happens in the acting office: for staff with roles in two offices, the
office they chose (事務所の切り替え), never "the first one"; until they choose, such work is refused
with a pointer to the chooser. Staff with roles in one office act there without choosing. Work on an
object happens in the object's office, whichever office was chosen."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hogo.decisions.models import RecalcRun
from hogo.decisions.recalc import start_recalc
from hogo.households.models import Household
from hogo.knowledge import examples
from hogo.knowledge.models import CaseExample
from hogo.offices.acting import SESSION_KEY
from hogo.offices.models import Role
from tests.households.test_register_household import form_data

from .acting import also_holds, choose

CLEAN = {
    "title": "受診を拒む単身高齢者への対応",
    "work_area": "medical",
    "characteristics": ["elderly"],
    "situation": "80代のAさんは受診を拒否していた。",
    "handling": "地域包括支援センターと同行訪問した。",
    "outcome": "",
    "lessons": "",
}
START = {"as_of": "2027-01-01", "reason": "基準改定"}


@pytest.fixture
def clerk_of_both(cast):
    return also_holds(cast.staff["clerk"], cast.office_b, Role.CLERK)


@pytest.mark.parametrize("chosen", ["office_a", "office_b"])
def test_a_clerk_of_two_offices_starts_the_recalculation_in_the_office_they_chose(cast, clerk_of_both, login, chosen):
    client = login(clerk_of_both)
    office = getattr(cast, chosen)
    choose(client, office)

    response = client.post(reverse("recalc_list"), START)

    run = RecalcRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("recalc_detail", args=[run.public_id])
    assert run.office == office


def test_before_choosing_a_clerk_of_two_offices_is_refused_and_pointed_to_the_chooser(cast, clerk_of_both, login):
    client = login(clerk_of_both)

    page = client.get(reverse("recalc_list"))
    response = client.post(reverse("recalc_list"), START)

    assert page.status_code == 200 and "事務所の切り替え" in page.content.decode()
    assert response.status_code == 403
    assert "事務所の切り替え" in response.content.decode()
    assert not RecalcRun.objects.exists()


def test_a_supervisor_of_two_offices_sees_the_team_and_standard_of_the_office_they_chose(cast, login):
    cast.office_b.caseload_standard = 65
    cast.office_b.save()
    supervisor = also_holds(cast.staff["sv"], cast.office_b, Role.SUPERVISOR, team_name="保護第1係")
    client = login(supervisor)

    assert client.get(reverse("team")).status_code == 403

    choose(client, cast.office_b)
    in_b = client.get(reverse("team")).content.decode()
    assert "山本 四郎" in in_b and "佐藤 一郎" not in in_b and "/ 65" in in_b

    choose(client, cast.office_a)
    in_a = client.get(reverse("team")).content.decode()
    assert "佐藤 一郎" in in_a and "山本 四郎" not in in_a and "/ 80" in in_a


def test_a_chief_of_two_offices_sees_and_writes_the_case_examples_of_the_office_they_chose(cast, login):
    for office, chief, title in ((cast.office_a, "chief", "みなとの事例"), (cast.office_b, "b_chief", "かわせの事例")):
        written = examples.write_example(cast.users[chief], {**CLEAN, "title": title}, office=office)
        examples.publish_example(cast.users[chief], written)
    chief = also_holds(cast.staff["chief"], cast.office_b, Role.CHIEF)
    client = login(chief)
    choose(client, cast.office_b)

    page = client.get(reverse("knowledge_examples")).content.decode()
    client.post(reverse("knowledge_example_new"), {**CLEAN, "title": "新しい事例"})

    assert "かわせの事例" in page and "みなとの事例" not in page
    assert CaseExample.objects.get(title="新しい事例").office == cast.office_b


def test_a_caseworker_of_two_offices_registers_households_in_the_office_they_chose(cast, login):
    caseworker = also_holds(cast.staff["cw"], cast.office_b, Role.CASEWORKER, team_name="保護第1係")
    client = login(caseworker)
    choose(client, cast.office_b)

    response = client.post(reverse("household_new"), form_data(cast, winter_region="I", grade_area="2-1"))

    assert response.status_code == 302
    assert Household.objects.get(case_number="2026-0001").office == cast.office_b


def test_a_one_office_clerk_acts_in_their_office_without_choosing_and_a_stale_choice_is_ignored(cast, login):
    client = login(cast.users["clerk"])
    session = client.session
    session[SESSION_KEY] = cast.office_b.pk  # an office where the clerk holds no role
    session.save()

    client.post(reverse("recalc_list"), START)

    assert RecalcRun.objects.get().office == cast.office_a


def test_work_on_an_object_is_done_in_the_objects_office_whatever_office_was_chosen(cast, login):
    chief = also_holds(cast.staff["chief"], cast.office_b, Role.CHIEF)
    run_of_a = start_recalc(cast.users["clerk"], cast.office_a, date(2027, 1, 1), "基準改定", enqueue=False)
    client = login(chief)
    choose(client, cast.office_b)

    assert client.get(reverse("recalc_detail", args=[run_of_a.public_id])).status_code == 200
    assert client.get(reverse("household_detail", args=[cast.households["own"].public_id])).status_code == 200


def test_a_service_given_an_office_where_the_actor_holds_no_role_refuses(cast):
    with pytest.raises(PermissionDenied):
        examples.write_example(cast.users["cw"], CLEAN, office=cast.office_b)
    assert not CaseExample.objects.exists()


def test_a_service_left_to_choose_for_staff_of_two_offices_refuses_rather_than_pick_one(cast):
    chief = also_holds(cast.staff["chief"], cast.office_b, Role.CHIEF)
    with pytest.raises(PermissionDenied):
        examples.write_example(chief, CLEAN)
    assert not CaseExample.objects.exists()
