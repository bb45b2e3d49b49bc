"""A partner-agency member who belongs to no conference is told what the start page is for, what
to do, and whom in the office to ask."""

from django.urls import reverse

from hogo.collaboration.models import Agency
from tests.roles import agency_member_of


def test_a_member_without_conferences_is_told_what_the_page_is_for_and_whom_to_ask(cast, client):
    user = agency_member_of(cast.office_a)
    Agency.objects.filter(members__user=user).update(contact="03-1234-5678（地域福祉課）")
    client.force_login(user)
    response = client.get(reverse("agency_home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "このページについて" in page
    assert "支援会議（ケース会議）に招かれると、ここに会議が表示されます" in page
    assert "いま参加している会議はありません" in page
    assert "お問い合わせ先" in page
    assert "みなと市福祉事務所（生活保護担当）" in page
    assert "03-1234-5678（地域福祉課）" in page
