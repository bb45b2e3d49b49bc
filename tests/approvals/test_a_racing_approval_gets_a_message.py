"""Two approvers pressing 承認 on the same step at the same moment: one approval is recorded, the
other person gets a message — never a server error. Run with real threads and connections."""

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.urls import reverse

from hogo.offices.models import Role, TeamMembership
from tests.factories import make_staff


def press_at_once(url, users):
    barrier = threading.Barrier(len(users))
    outcomes = {}

    def press(user):
        client = Client()
        client.force_login(user)
        barrier.wait()
        try:
            response = client.post(url, {"comment": ""})
            outcomes[user.username] = (response.status_code, [str(m) for m in get_messages(response.wsgi_request)])
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_supervisors_approving_one_determination_at_once_get_one_approval_and_a_message(cast, determination):
    team = TeamMembership.objects.get(staff=cast.staff["sv"]).team
    second = make_staff(cast.office_a, Role.SUPERVISOR, team=team, username="sv2").user
    url = reverse("determination_approve", args=[determination.public_id])
    outcomes = press_at_once(url, [cast.users["sv"], second])
    assert {status for status, _ in outcomes.values()} == {302}
    said = [text for _, texts in outcomes.values() for text in texts]
    assert sum("承認しました" in text for text in said) == 1
    assert len(said) == 2  # the other one was told why
    assert determination.actions.filter(action="approve").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_approver_pressing_twice_gets_one_approval_and_a_message(cast, determination):
    url = reverse("determination_approve", args=[determination.public_id])
    outcomes = []
    for _ in range(2):
        client = Client()
        client.force_login(cast.users["sv"])
        response = client.post(url, {"comment": ""})
        outcomes.append((response.status_code, [str(m) for m in get_messages(response.wsgi_request)]))
    assert [status for status, _ in outcomes] == [302, 302]
    assert "承認しました" in outcomes[0][1][0]
    assert "課長" in outcomes[1][1][0]  # the next step is not theirs
    assert determination.actions.filter(action="approve").count() == 1
