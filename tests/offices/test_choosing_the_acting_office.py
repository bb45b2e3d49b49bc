"""事務所の切り替え: staff with roles in two offices choose their acting office (also right after
logging in); choosing an office where they hold no role is refused, audited, and changes nothing.
Staff with roles in one office never see the chooser."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.offices.acting import SESSION_KEY
from hogo.offices.models import Role, RoleAssignment
from tests.factories import PASSWORD, OfficeFactory, yesterday

from .acting import also_holds, choose

CHOOSER = "事務所の切り替え"


@pytest.fixture
def dual(cast):
    """The chief of office A, who is also the chief of office B."""
    return also_holds(cast.staff["chief"], cast.office_b, Role.CHIEF)


def test_the_chooser_lists_the_users_offices_with_their_roles(cast, dual, login):
    page = login(dual).get(reverse("choose_office")).content.decode()
    assert cast.office_a.name in page and cast.office_b.name in page and "課長" in page


def test_a_choice_is_kept_in_the_session_and_audited(cast, dual, login):
    client = login(dual)

    response = choose(client, cast.office_b)

    assert response.status_code == 302 and response.url == reverse("home")
    assert client.session[SESSION_KEY] == cast.office_b.pk
    entry = AuditEntry.objects.get(actor_id=dual.pk, action=Action.UPDATE, target_type="office")
    assert entry.office_id == cast.office_b.pk and entry.detail["acting_office"] == cast.office_b.pk


def test_choosing_an_office_where_the_user_holds_no_role_is_refused_and_changes_nothing(cast, dual, login):
    elsewhere = OfficeFactory(name="よその市福祉事務所")
    client = login(dual)
    choose(client, cast.office_a)

    response = choose(client, elsewhere)

    assert response.status_code == 403
    assert client.session[SESSION_KEY] == cast.office_a.pk
    assert AuditEntry.objects.filter(
        actor_id=dual.pk, action=Action.DENIED, target_type="office", target_id=str(elsewhere.pk)
    ).exists()


def test_an_office_that_is_not_a_number_is_a_field_error_and_changes_nothing(cast, dual, login):
    client = login(dual)

    response = client.post(reverse("choose_office"), {"office": "abc"})

    assert response.status_code == 200
    assert "作業する事務所は数字で入力してください。" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_choice_lapses_when_the_role_there_ends(cast, dual, login):
    client = login(dual)
    choose(client, cast.office_b)
    RoleAssignment.objects.filter(staff__user=dual, office=cast.office_b).update(valid_to=yesterday())

    page = client.get(reverse("household_search")).content.decode()

    assert client.get(reverse("choose_office")).status_code == 404
    assert CHOOSER not in page


def test_staff_of_two_offices_see_the_chooser_in_the_menu(dual, login):
    assert CHOOSER in login(dual).get(reverse("household_search")).content.decode()


@pytest.mark.parametrize("role", ["cw", "sv", "chief", "clerk", "admin", "b_cw"])
def test_staff_of_one_office_never_see_the_chooser(cast, login, role):
    client = login(cast.users[role])
    assert CHOOSER not in client.get(reverse("home"), follow=True).content.decode()
    assert client.get(reverse("choose_office")).status_code == 404


def test_staff_of_two_offices_are_taken_to_the_chooser_after_logging_in(cast, dual, client):
    response = client.post(reverse("login"), {"username": dual.username, "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("choose_office")


def test_staff_of_one_office_are_taken_to_the_usual_page_after_logging_in(cast, client):
    response = client.post(reverse("login"), {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 302 and response.url != reverse("choose_office")
