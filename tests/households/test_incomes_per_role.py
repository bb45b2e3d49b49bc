"""Per-role access to the income views: the household's incomes (history), the entry form, one entry
with what it changes, its correction, and the entry from a received declaration. Those who may read
the household read its incomes (the read is audited); only its CW and the team's SV enter or correct
one; everyone else gets a 404 (audited as denied), and a refused POST changes nothing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import Action, AuditEntry
from hogo.followups import services as followup_services
from hogo.followups.models import DeclaredIncome
from hogo.households import income_services
from hogo.households.income_services import IncomeEntry
from hogo.households.models import Income
from tests.roles import ROLES, assert_sent_to_login, denied_entries

ROLE_TESTED_URLS = {"income_list", "income_new", "income_detail", "income_correct", "declaration_income_new"}

READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}


@pytest.fixture
def objects(cast):
    household = cast.households["own"]
    head = household.members.get(relation="head")
    income = income_services.record_income(
        cast.users["cw"],
        household,
        IncomeEntry(member=head, kind="earnings", payer="みなと青果", monthly_amount=80_000, since=date(2026, 10, 1)),
    )
    declaration = followup_services.register_declaration(
        cast.users["cw"],
        household,
        kind="income",
        received_on=timezone.localdate() - timedelta(days=1),
        channel="paper",
    )
    return {
        "household": household.public_id,
        "income": income.public_id,
        "declaration": declaration.public_id,
        "head": head.public_id,
    }


VIEWS = [
    ("income_list", "household", READ),
    ("income_new", "household", WORK),
    ("income_detail", "income", READ),
    ("income_correct", "income", WORK),
    ("declaration_income_new", "declaration", WORK),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_each_role_gets_what_it_may(everyone, objects, login, role, name, target, expected):
    response = login(everyone[role]).get(reverse(name, args=[objects[target]]))
    assert response.status_code == expected[role]
    if expected[role] == 404:
        assert denied_entries(everyone[role], objects[target]).count() == 1
    if expected[role] == 200:
        assert AuditEntry.objects.filter(action=Action.VIEW, actor_id=everyone[role].pk).exists()


def pay_slip(objects):
    return {
        "member": str(objects["head"]),
        "kind": "earnings",
        "payer": "みなと食堂",
        "since": "2026-11",
        "monthly_amount": "90000",
        "payment_interval": "1",
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name, target",
    [("income_new", "household"), ("income_correct", "income"), ("declaration_income_new", "declaration")],
)
def test_entering_or_correcting_is_refused_to_those_who_may_not_and_changes_nothing(
    everyone, objects, login, role, name, target
):
    before = list(Income.objects.values_list("pk", "monthly_amount"))
    response = login(everyone[role]).post(reverse(name, args=[objects[target]]), pay_slip(objects))
    if role in ("cw", "sv"):
        assert response.status_code == 302
        assert Income.objects.count() == len(before) + 1
    else:
        assert response.status_code == WORK[role]
        assert list(Income.objects.values_list("pk", "monthly_amount")) == before
        assert not DeclaredIncome.objects.exists()
        assert not AuditEntry.objects.filter(action=Action.CREATE, actor_id=everyone[role].pk).exists()


def test_an_entry_from_the_declaration_is_linked_and_shown_on_the_declaration_page(cast, objects, login):
    client = login(cast.users["cw"])
    response = client.post(reverse("declaration_income_new", args=[objects["declaration"]]), pay_slip(objects))
    income = Income.objects.get(payer="みなと食堂")
    assert response.url == reverse("income_detail", args=[income.public_id])
    assert DeclaredIncome.objects.get().income == income
    page = client.get(reverse("declaration_detail", args=[objects["declaration"]])).content.decode()
    assert "認定した収入" in page and "90,000円" in page
    result = client.get(response.url).content.decode()
    assert "基礎控除" in result and "扶助額（月額）" in result and "登録後" in result


@pytest.mark.parametrize("name, target", [(name, target) for name, target, _ in VIEWS])
def test_anonymous_is_sent_to_login(objects, client, name, target):
    assert_sent_to_login(client.get(reverse(name, args=[objects[target]])))


@pytest.mark.parametrize(
    "role, link", [("cw", True), ("sv", True), ("cw_mate", False), ("chief", False), ("clerk", False)]
)
def test_the_household_page_offers_income_entry_to_those_who_may_enter_one(everyone, objects, login, role, link):
    html = login(everyone[role]).get(reverse("household_detail", args=[objects["household"]])).content.decode()
    assert ("収入を登録" in html) is link
    assert reverse("income_list", args=[objects["household"]]) in html
