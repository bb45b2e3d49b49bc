"""A partner agency's member sees the purpose of each conference they take part in, which speaks of
a person: the page writes one audit entry naming the conferences shown (decision 0022)."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry


def test_the_agency_home_records_the_conferences_it_lists(conference, members, client):
    client.force_login(members["community"].user)
    client.get(reverse("agency_home"))
    entry = AuditEntry.objects.filter(action=Action.LIST).latest("seq")
    assert entry.actor_username == "houkatsu" and entry.detail["view"] == "agency_home"
    assert entry.detail["shown"] == [str(conference.public_id)]
