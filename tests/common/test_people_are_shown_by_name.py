"""A person is shown by name, not by login id: who opened a household (the access log), the partner
agency member in the header, the author of a record."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.common.people import name_of, names_by_id
from tests.roles import agency_member_of


def test_the_access_log_names_the_staff_member_who_opened_the_household(cast, login):
    household = cast.households["own"]
    login(cast.users["cw_mate"]).get(reverse("household_detail", args=[household.public_id]))
    body = login(cast.users["sv"]).get(reverse("access_log", args=[household.public_id])).content.decode()
    assert "<td>鈴木 花子</td>" in body
    assert "<td>cw_mate</td>" not in body


def test_the_access_log_keeps_the_login_id_of_an_account_that_is_gone(cast, login):
    household = cast.households["own"]
    login(cast.users["cw_mate"]).get(reverse("household_detail", args=[household.public_id]))
    AuditEntry.objects.filter(actor_id=cast.users["cw_mate"].pk).update(actor_id=None)
    body = login(cast.users["sv"]).get(reverse("access_log", args=[household.public_id])).content.decode()
    assert "<td>cw_mate</td>" in body


def test_the_partner_agency_header_shows_the_members_name(cast, login):
    member = agency_member_of(cast.office_a)
    body = login(member).get(reverse("agency_home")).content.decode()
    assert '<span class="site-user__name">社協 一郎</span>' in body


def test_the_staff_header_shows_the_staff_members_name(cast, login):
    body = login(cast.users["chief"]).get(reverse("home"), follow=True).content.decode()
    assert '<span class="site-user__name">渡辺 課長</span>' in body


def test_an_account_with_no_person_behind_it_is_shown_by_its_login_id(cast):
    robot = get_user_model().objects.create_user(username="batch")
    assert name_of(robot) == "batch"
    assert names_by_id([robot.pk, cast.users["cw"].pk, None]) == {robot.pk: "batch", cast.users["cw"].pk: "佐藤 一郎"}
