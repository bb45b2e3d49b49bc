"""What a member did goes to the core in the next bundle, in the core's record schemas, and not again;
an answer changed after it was sent is sent again."""

from django.urls import reverse
from django.utils import timezone

from hogo.portal.models import PortalCandidate, PortalDateAnswer, PortalPledge
from hogo.portal.services import PLEDGE_TEXT

from .helpers import CONFERENCE, OFFICE, activated, standard, to_core


def answer(client, choices: dict[str, str]):
    data = {f"date_{PortalCandidate.objects.get(key=k).pk}": v for k, v in choices.items()}
    return client.post(reverse("portal_dates", args=[CONFERENCE]), data)


def test_the_pledge_and_answers_are_exported_once(client, db):
    standard()
    client.force_login(activated())
    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    answer(client, {"cd-7d4c0": "yes", "cd-7d4c1": "no"})

    records = to_core()

    assert records["pledge"] == [
        {
            "office": OFFICE,
            "conference": CONFERENCE,
            "member": "am-1",
            "text": PLEDGE_TEXT,
            "signed_at": timezone.localtime(PortalPledge.objects.get().signed_at).isoformat(),
        }
    ]
    assert sorted((r["candidate"], r["member"], r["available"]) for r in records["date_answer"]) == [
        ("cd-7d4c0", "am-1", True),
        ("cd-7d4c1", "am-1", False),
    ]
    assert all(r["office"] == OFFICE and "+09:00" in r["answered_at"] for r in records["date_answer"])
    assert PortalPledge.objects.get().sent_bundle and not PortalDateAnswer.objects.filter(sent_at=None).exists()
    assert agency_records(to_core()) == {"pledge": [], "date_answer": []}


def test_a_changed_answer_is_sent_again_and_an_unchanged_one_is_not(client, db):
    standard()
    client.force_login(activated())
    answer(client, {"cd-7d4c0": "yes", "cd-7d4c1": "no"})
    to_core()

    answer(client, {"cd-7d4c0": "no", "cd-7d4c1": "no"})

    assert [(r["candidate"], r["available"]) for r in to_core()["date_answer"]] == [("cd-7d4c0", False)]


def test_what_a_member_did_in_a_conference_they_left_is_not_sent(client, db):
    from .helpers import conference, deliver, member

    standard()
    client.force_login(activated())
    client.post(reverse("portal_pledge", args=[CONFERENCE]))
    answer(client, {"cd-7d4c0": "yes"})

    deliver([member(1, "agency_a")], [conference(CONFERENCE, [("am-1", False)])])

    assert agency_records(to_core()) == {"pledge": [], "date_answer": []}


def agency_records(records: dict) -> dict:
    """The agency record types of a bundle (the recipients' types travel in the same bundles)."""
    return {t: records[t] for t in ("pledge", "date_answer")}
