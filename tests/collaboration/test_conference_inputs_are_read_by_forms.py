"""What is posted to a conference, or put in the address of the page that makes one, is read by a
form: a bad value is refused with a message naming the field — never a server error — and saves
nothing."""

from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.collaboration.models import Conference
from tests.collaboration.conftest import make_member


def said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_candidate_date_that_is_not_a_date_is_refused(cast, conference, login):
    response = login(cast.users["cw"]).post(
        reverse("conference_date", args=[conference.public_id]), {"starts_at": "xyz"}
    )
    assert response.status_code == 302 and said(response) == [
        "候補日時は正しい日時で入力してください（例: 2026-04-01 14:00）。"
    ]
    assert not conference.candidate_dates.exists()


def test_a_candidate_date_left_empty_asks_for_the_date(cast, conference, login):
    response = login(cast.users["cw"]).post(reverse("conference_date", args=[conference.public_id]), {})
    assert said(response) == ["候補日時を入力してください。"]


def test_removing_a_membership_that_is_not_one_names_the_field(cast, conference, login):
    response = login(cast.users["cw"]).post(
        reverse("conference_member_remove", args=[conference.public_id]), {"membership": "abc"}
    )
    assert response.status_code == 302 and said(response) == ["構成員は一覧から選んでください。"]
    assert not conference.memberships.filter(left_on__isnull=False).exists()


def test_a_member_of_an_agency_not_invited_is_refused_by_the_service(cast, conference, agencies, login):
    stranger = make_member(agencies["social_welfare_council"], "shakyo", "社協 三郎")
    response = login(cast.users["cw"]).post(
        reverse("conference_member_add", args=[conference.public_id]), {"member": stranger.pk}
    )
    assert said(response) == ["招集していない関係機関の担当者は加えられません。"]


def test_materials_with_an_unknown_fact_are_refused(cast, conference, login):
    response = login(cast.users["cw"]).post(
        reverse("conference_materials", args=[conference.public_id]), {"facts": ["bank_account"]}
    )
    assert response.status_code == 302 and "資料に含める項目は一覧から選んでください。" in said(response)[0]
    assert not conference.materials.exists()


def test_minutes_without_text_come_back_with_the_error_on_the_field(cast, conference, login, today):
    response = login(cast.users["cw"]).post(
        reverse("conference_meeting", args=[conference.public_id]), {"held_on": today.isoformat(), "minutes": ""}
    )
    assert response.status_code == 200 and "会議録を入力してください。" in response.content.decode()
    assert Conference.objects.get(pk=conference.pk).held_on is None


def test_a_bad_assessment_in_the_address_names_the_field(cast, case_one, login):
    url = reverse("conference_new", args=[case_one.public_id])
    response = login(cast.users["cw"]).get(url, {"assessment": "abc"})
    assert response.status_code == 200 and "会議を開くかの検討は一覧から選んでください。" in response.content.decode()
