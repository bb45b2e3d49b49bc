"""Editing where a household lives, its visit grade or a member's medical care and certificate
dates recomputes its checks at once; bad input names the field and saves nothing."""

from datetime import timedelta

from django.urls import reverse

from hogo.followups.models import FollowUp, State
from hogo.households.models import Household


def form_data(member, **values):
    data = {
        "residence": "home",
        "visit_grade": "",
        f"{member.public_id}__medical_care": "",
        f"{member.public_id}__care_certified_until": "",
        f"{member.public_id}__disability_certificate_until": "",
    }
    data.update(
        {
            k if k in ("residence", "visit_grade", "latitude", "longitude") else f"{member.public_id}__{k}": v
            for k, v in values.items()
        }
    )
    return data


def test_an_inpatient_gets_the_three_monthly_medical_check_at_once(cast, rules, login):
    household = cast.households["own"]
    head = household.members.get()
    response = login(cast.users["cw"]).post(
        reverse("check_facts_edit", args=[household.public_id]),
        form_data(head, residence="hospital", medical_care="inpatient"),
    )
    assert response.status_code == 302
    titles = set(FollowUp.objects.filter(household=household, state=State.OPEN).values_list("title", flat=True))
    assert "医療要否意見書（入院）の更新" in titles
    household.refresh_from_db()
    assert household.residence == "hospital"


def test_a_certificate_date_creates_its_check(cast, rules, login, today):
    household = cast.households["own"]
    head = household.members.get()
    until = today + timedelta(days=30)
    login(cast.users["cw"]).post(
        reverse("check_facts_edit", args=[household.public_id]),
        form_data(head, disability_certificate_until=until.isoformat()),
    )
    item = FollowUp.objects.get(household=household, rule=rules["disability_certificate"], state=State.OPEN)
    assert item.due_on == until and item.urgency(today) == "due"


def test_a_bad_date_names_the_field_and_saves_nothing(cast, rules, login):
    household = cast.households["own"]
    head = household.members.get()
    response = login(cast.users["cw"]).post(
        reverse("check_facts_edit", args=[household.public_id]),
        form_data(head, residence="hospital", care_certified_until="2026-02-30"),
    )
    assert response.status_code == 200
    assert "要介護認定の有効期間満了日は正しい日付で入力してください" in response.content.decode()
    assert Household.objects.get(pk=household.pk).residence == "home"


def test_an_unknown_visit_grade_is_refused(cast, rules, login):
    household = cast.households["own"]
    head = household.members.get()
    response = login(cast.users["cw"]).post(
        reverse("check_facts_edit", args=[household.public_id]), form_data(head, visit_grade="Z")
    )
    assert response.status_code == 200
    assert "訪問格付けは一覧から選んでください。" in response.content.decode()


def test_a_position_is_saved_and_half_a_position_is_refused(cast, rules, login):
    household = cast.households["own"]
    head = household.members.get()
    client = login(cast.users["cw"])
    url = reverse("check_facts_edit", args=[household.public_id])
    assert client.post(url, form_data(head, latitude="35.681236", longitude="139.767125")).status_code == 302
    household.refresh_from_db()
    assert (str(household.latitude), str(household.longitude)) == ("35.681236", "139.767125")
    response = client.post(url, form_data(head, latitude="35.1", longitude=""))
    assert response.status_code == 200 and "緯度と経度は両方入力してください" in response.content.decode()
