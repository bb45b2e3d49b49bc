"""The dunning pages show debtors' names, addresses and balances: the overdue list, a batch and its
letters each write one audit entry naming the receivables shown (decision 0022)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.receivables.models import DunningBatch

PARAMS = "min_days=30&min_amount=1000&kinds=63&kinds=78"


@pytest.fixture
def batch(cast, receivable, collector, client, today):
    type(receivable).objects.filter(pk=receivable.pk).update(due_on=today - timedelta(days=45))
    client.force_login(collector)
    client.post(f"{reverse('dunning')}?{PARAMS}")
    return DunningBatch.objects.get()


def entries_after(seq, **filters):
    return list(AuditEntry.objects.filter(seq__gt=seq, **filters).order_by("seq"))


def last_seq():
    return AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_the_overdue_list_records_the_receivables_it_shows(cast, receivable, collector, client, today):
    type(receivable).objects.filter(pk=receivable.pk).update(due_on=today - timedelta(days=45))
    client.force_login(collector)
    before = last_seq()
    client.get(f"{reverse('dunning')}?{PARAMS}")
    (entry,) = entries_after(before, action=Action.LIST)
    assert entry.detail["view"] == "dunning" and entry.office_id == cast.office_a.pk
    assert entry.detail["shown"] == [str(receivable.public_id)] and entry.detail["shown_count"] == 1


def test_opening_a_batch_records_the_batch_and_its_debtors(batch, receivable, client):
    before = last_seq()
    client.get(reverse("dunning_batch", args=[batch.public_id]))
    (entry,) = entries_after(before)
    assert (entry.action, entry.target_type, entry.target_id) == (Action.VIEW, "dunning_batch", str(batch.public_id))
    assert entry.detail == {"view": "dunning_batch", "shown": [str(receivable.public_id)], "shown_count": 1}
    assert entry.actor_username == "collector" and entry.office_id == batch.office_id


def test_printing_the_letters_records_the_batch_and_its_debtors(batch, receivable, client):
    before = last_seq()
    response = client.get(reverse("dunning_letters", args=[batch.public_id]))
    assert response["Content-Type"] == "application/pdf"
    (entry,) = entries_after(before)
    assert (entry.action, entry.target_type, entry.target_id) == (Action.VIEW, "dunning_batch", str(batch.public_id))
    assert entry.detail == {"view": "dunning_letters", "shown": [str(receivable.public_id)], "shown_count": 1}


def test_the_receivable_list_records_which_receivables_it_shows(receivable, collector, client):
    client.force_login(collector)
    before = last_seq()
    client.get(reverse("receivable_list"))
    (entry,) = entries_after(before, action=Action.LIST)
    assert entry.detail["view"] == "receivables" and entry.detail["shown"] == [str(receivable.public_id)]
