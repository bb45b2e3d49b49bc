"""The home page knows no leaf app: the caseworker's work list is a section the follow-ups app
registers, and users whose work is one app's (partner agencies, the collection team) start on the
page that app registers."""

from django.urls import reverse

from hogo.common import registry
from hogo.offices.models import Role
from tests.factories import make_staff


def test_the_caseworkers_home_shows_the_work_list_section(cast, login):
    response = login(cast.users["cw"]).get(reverse("home"))
    assert response.status_code == 200
    assert "今日の仕事" in response.content.decode()


def test_a_supervisor_without_a_caseload_gets_no_work_list_section(cast, login):
    response = login(cast.users["sv"]).get(reverse("home"))
    assert response.status_code == 200
    assert "今日の仕事" not in response.content.decode()


def test_the_collection_team_starts_on_the_receivables_page(cast, login):
    collector = make_staff(cast.office_a, Role.COLLECTOR, username="collector").user
    response = login(collector).get(reverse("home"))
    assert response.status_code == 302 and response.url == reverse("receivable_list")


def test_apps_register_the_home_sections_and_start_pages():
    assert "work_today" in {section.key for section in registry._home_sections.values()}
    assert {"partner_agency", "collection_team"} <= set(registry._start_pages)
