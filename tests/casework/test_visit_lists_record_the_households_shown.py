"""The visit calendar and the supervisors' list of grade overrides name households: each writes one
audit entry with the households shown, not only "a list was opened" (decision 0022)."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.audit.services import shown
from hogo.casework import services


def last_seq():
    return AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_the_visit_calendar_records_the_households_with_visits_that_month(cast, rules, today, login):
    household = cast.households["own"]
    services.propose_visit(cast.users["cw"], household, planned_on=today)
    services.propose_visit(cast.users["cw"], household, planned_on=today)
    client = login(cast.users["cw"])
    before = last_seq()
    client.get(reverse("visit_calendar"), {"month": today.strftime("%Y-%m")})
    (entry,) = AuditEntry.objects.filter(seq__gt=before, action=Action.LIST)
    assert entry.detail["view"] == "visit_calendar"
    assert entry.detail["shown"] == [str(household.public_id)] and entry.detail["shown_count"] == 1


def test_the_grade_override_list_records_the_households_it_shows(cast, rules, login):
    household = cast.households["own"]
    services.decide_grade(cast.users["cw"], household, chosen="A", override_reason="近隣から苦情が続いている")
    client = login(cast.users["sv"])
    before = last_seq()
    client.get(reverse("grade_overrides"))
    (entry,) = AuditEntry.objects.filter(seq__gt=before, action=Action.LIST)
    assert entry.detail["view"] == "grade_overrides" and entry.detail["shown"] == [str(household.public_id)]


def test_a_long_list_stays_one_bounded_entry():
    ids = [f"id-{n}" for n in range(250)]
    detail = shown(ids)
    assert detail["shown"] == ids[:200] and detail["shown_count"] == 250 and detail["shown_omitted"] == 50
    assert shown(["a", "b", "a"]) == {"shown": ["a", "b"], "shown_count": 2}
