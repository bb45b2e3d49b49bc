"""On a tablet the ledger keeps to the columns that say something: a 扶助 never owed in the months shown
(教育扶助 for a household without children, 介護扶助 …) has no column; one that is owed has."""

from django.urls import reverse

from hogo.approvals import services as approvals


def _headers(body: str) -> str:
    return body.split("<thead>", 1)[1].split("</thead>", 1)[0]


def test_only_the_assistance_owed_has_a_column(cast, drafted, login):
    household, _, _, start = drafted
    approvals.approve(cast.users["sv"], start)
    approvals.approve(cast.users["chief"], start)

    body = login(cast.users["clerk"]).get(reverse("household_ledger", args=[household.public_id])).content.decode()

    headers = _headers(body)
    assert "生活扶助" in headers and "合計" in headers
    assert "教育扶助" not in headers and "介護扶助" not in headers and "医療扶助" not in headers
    assert set(start.amounts) >= {"living"}
