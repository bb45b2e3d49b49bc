"""Each action on a receivable has its own URL; who may use it. The collection team (債権管理 and
事務) records payments, plans, offsets and contacts; only the chief writes a debt off. Others who can
read the receivable get 403; those who cannot (other teams and offices, the administrator, partner
agencies) 404 — and nothing changes."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.receivables import services
from hogo.receivables.models import Receivable
from tests.roles import ROLES

from .form_rows import rows

ROLE_TESTED_URLS = {
    "receivable_payment",
    "receivable_plan",
    "receivable_offset",
    "receivable_offset_application",
    "receivable_contact",
    "receivable_write_off",
}

ALL = [*ROLES, "b_clerk"]
# the household's team, the chief and the office's collection team find the receivable; others get 404
COLLECTING = {role: 404 for role in ALL} | {r: 403 for r in ("cw", "cw_mate", "sv", "chief")}
COLLECTING |= {"clerk": 302, "collector": 302}
WRITING_OFF = COLLECTING | {"chief": 302, "clerk": 403, "collector": 403}


def posted(action, debt, today):
    return {
        "receivable_payment": {"amount": "1000", "on": today.isoformat(), "channel": "counter"},
        "receivable_plan": rows(
            "instalments",
            {"due_on": today.replace(year=today.year + 1).isoformat(), "amount": services.balance_of(debt)},
        ),
        "receivable_offset": {"amount": "1000"},
        "receivable_offset_application": {},
        "receivable_contact": {"phone": "090-1234-5678"},
        "receivable_write_off": {"reason": "時効の完成（地方自治法第236条）"},
    }[action]


def state_of(debt):
    debt = Receivable.objects.get(pk=debt.pk)
    return debt.entries.count(), debt.instalments.count(), debt.debtor_phone, debt.offset_applied_on


@pytest.mark.parametrize(
    "action, role, expected",
    [
        (action, role, expected)
        for action in (
            "receivable_payment",
            "receivable_plan",
            "receivable_offset",
            "receivable_offset_application",
            "receivable_contact",
        )
        for role, expected in COLLECTING.items()
    ]
    + [("receivable_write_off", role, expected) for role, expected in WRITING_OFF.items()],
)
def test_each_receivable_action_per_role(everyone, debt78, login, today, action, role, expected):
    if action == "receivable_offset_application":
        Receivable.objects.filter(pk=debt78.pk).update(offset_applied_on=None)
    before = state_of(debt78)
    response = login(everyone[role]).post(reverse(action, args=[debt78.public_id]), posted(action, debt78, today))
    assert response.status_code == expected
    if expected == 302:
        assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert state_of(debt78) != before
    else:
        assert state_of(debt78) == before


@pytest.mark.parametrize("action", ["receivable_payment", "receivable_offset", "receivable_write_off"])
def test_the_action_urls_take_only_posts(cast, debt78, login, action):
    assert login(cast.users["chief"]).get(reverse(action, args=[debt78.public_id])).status_code == 405
