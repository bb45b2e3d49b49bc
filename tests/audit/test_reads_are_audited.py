"""Every view of a household is recorded (who, what, when, from where, why); supervisors and
the chief can see who opened a household."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry


def test_opening_a_household_records_who_from_where_and_why(cast, login):
    household = cast.households["own"]
    login(cast.users["cw"]).get(reverse("household_detail", args=[household.public_id]), REMOTE_ADDR="192.0.2.10")
    entry = AuditEntry.objects.filter(action=Action.VIEW, target_id=str(household.public_id)).get()
    assert entry.actor_username == "cw" and entry.source == "192.0.2.10"
    assert entry.detail == {"basis": "own_caseload"} and entry.office_id == cast.office_a.pk and entry.at


def test_a_teammates_read_records_team_basis_and_chiefs_office_basis(cast, login):
    household = cast.households["own"]
    login(cast.users["cw_mate"]).get(reverse("household_detail", args=[household.public_id]))
    login(cast.users["chief"]).get(reverse("household_detail", args=[household.public_id]))
    bases = dict(AuditEntry.objects.filter(action=Action.VIEW).values_list("actor_username", "detail__basis"))
    assert bases == {"cw_mate": "team", "chief": "office"}


def test_changes_are_recorded(cast, login):
    household = cast.households["own"]
    login(cast.users["cw"]).post(
        reverse("always_know_edit", args=[household.public_id]),
        {"assistance_policy": "通院同行を検討", "cautions": "犬がいる"},
    )
    assert AuditEntry.objects.filter(action=Action.UPDATE, target_id=str(household.public_id)).exists()


def test_lists_and_searches_are_recorded(cast, login):
    login(cast.users["cw"]).get("/households/?q=やまだ")
    entry = AuditEntry.objects.get(action=Action.SEARCH)
    assert entry.detail["query"] == "やまだ" and entry.detail["count"] == 1


def test_supervisor_sees_who_opened_the_household(cast, login):
    household = cast.households["own"]
    login(cast.users["cw_mate"]).get(reverse("household_detail", args=[household.public_id]))
    body = login(cast.users["sv"]).get(reverse("access_log", args=[household.public_id])).content.decode()
    assert "鈴木 花子" in body and "係のケース" in body


def test_logins_and_failed_logins_are_recorded(cast, client):
    client.post(reverse("login"), {"username": "cw", "password": "wrong-password"})
    client.post(reverse("login"), {"username": "cw", "password": "correct-horse-battery"})
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions == [Action.LOGIN_FAILED, Action.LOGIN]
