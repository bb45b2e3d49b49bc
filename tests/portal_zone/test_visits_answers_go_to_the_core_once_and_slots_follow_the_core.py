"""The recipient's answer goes to the core in the next bundle and not again (a changed answer goes again);
a slot the core cancels or moves is updated on the portal, and a moved slot loses the old answer."""

import pytest
from django.urls import reverse

from hogo.portal_visits.models import VisitAnswer, VisitSlot

from .visits_helpers import HOUSEHOLD, deliver, recipient, slot, to_core

pytestmark = pytest.mark.django_db

KEY = "33333333-3333-4333-8333-333333333333"


def test_an_answer_is_sent_once_and_a_changed_one_again(client):
    me = recipient()
    deliver([slot(KEY)])
    client.force_login(me.user)
    client.post(reverse("my_visit_answer", args=[KEY]), {"answer": "confirm"})
    (row,) = to_core()["visit_answer"]
    assert row == {**row, "key": KEY, "household": HOUSEHOLD, "account": "ra-1", "answer": "confirm", "wish": ""}
    assert to_core()["visit_answer"] == []
    client.post(reverse("my_visit_answer", args=[KEY]), {"answer": "confirm"})  # the same again: nothing new
    assert to_core()["visit_answer"] == []
    client.post(reverse("my_visit_answer", args=[KEY]), {"answer": "decline"})
    assert [r["answer"] for r in to_core()["visit_answer"]] == ["decline"]


def test_a_cancelled_slot_can_no_longer_be_answered(client):
    me = recipient()
    deliver([slot(KEY)])
    deliver([slot(KEY, status="cancelled")])
    assert VisitSlot.objects.get().status == "cancelled"
    client.force_login(me.user)
    client.post(reverse("my_visit_answer", args=[KEY]), {"answer": "confirm"})
    assert not VisitAnswer.objects.exists()
    assert "取りやめになりました" in client.get(reverse("my_visits")).content.decode()


def test_a_moved_slot_loses_the_answer_to_the_old_time(client):
    me = recipient()
    deliver([slot(KEY)])
    client.force_login(me.user)
    client.post(reverse("my_visit_answer", args=[KEY]), {"answer": "confirm"})
    deliver([slot(KEY, days=5)])
    assert not VisitAnswer.objects.exists()
