"""Per-role access to the change-of-circumstances views: the household's recorded changes, the entry
form, and one recorded change with the comparison against the decision in force. Those who may read
the household read its changes (the read is audited); only its CW and the team's SV record one (a POST
redirects to the recorded change); everyone else gets a 404 (audited as denied), and a refused POST
changes nothing. The recorded change offers 「この内容で変更決定を起案」 to those who may draft."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.households.models import Circumstance
from tests.roles import ROLES, assert_sent_to_login, denied_entries

from .circumstance_helpers import head_of, record_change, under_start_decision

ROLE_TESTED_URLS = {"circumstance_list", "circumstance_new", "circumstance_detail"}

READ = {role: 404 for role in ROLES} | {r: 200 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
WORK = READ | {r: 403 for r in ("cw_mate", "chief", "clerk")}
VIEWS = [("circumstance_list", "household", READ), ("circumstance_new", "household", WORK)]
VIEWS += [("circumstance_detail", "fact", READ)]


@pytest.fixture
def objects(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    fact = record_change(cw, household, "care_premium", amount=3_000)
    return {"household": household.public_id, "fact": fact.public_id, "head": head_of(household).public_id}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, target, expected", VIEWS)
def test_each_role_gets_what_it_may(everyone, objects, login, role, name, target, expected):
    response = login(everyone[role]).get(reverse(name, args=[objects[target]]))
    assert response.status_code == expected[role]
    if expected[role] == 404:
        assert denied_entries(everyone[role], objects[target]).count() == 1
    if expected[role] == 200:
        assert AuditEntry.objects.filter(action=Action.VIEW, actor_id=everyone[role].pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_recording_is_refused_to_those_who_may_not_and_changes_nothing(everyone, objects, login, role):
    before = list(Circumstance.objects.values_list("pk", flat=True))
    response = login(everyone[role]).post(
        reverse("circumstance_new", args=[objects["household"]]),
        {"kind": "rent", "effective_from": "2026-11-01", "amount": "42,000円"},
    )
    if role in ("cw", "sv"):
        fact = Circumstance.objects.get(kind="rent")
        assert response.status_code == 302
        assert response.url == reverse("circumstance_detail", args=[fact.public_id])
        assert fact.amount == 42_000 and fact.recorded_by == everyone[role]
    else:
        assert response.status_code == WORK[role]
        assert list(Circumstance.objects.values_list("pk", flat=True)) == before
        assert not AuditEntry.objects.filter(action=Action.CREATE, actor_id=everyone[role].pk).exists()


@pytest.mark.parametrize(
    "role, button", [("cw", True), ("sv", True), ("cw_mate", False), ("chief", False), ("clerk", False)]
)
def test_the_recorded_change_shows_before_and_after_and_the_button_to_those_who_may_draft(
    everyone, objects, login, role, button
):
    html = login(everyone[role]).get(reverse("circumstance_detail", args=[objects["fact"]])).content.decode()
    assert "今の決定との比較（令和8年10月分から）" in html and "計算し直した額" in html
    assert "+3,000円" in html or "＋3,000円" in html
    assert ("この内容で変更決定を起案" in html) is button
    assert reverse("change_draft", args=[objects["household"]]) in html or not button


@pytest.mark.parametrize(
    "role, link", [("cw", True), ("sv", True), ("cw_mate", False), ("chief", False), ("clerk", False)]
)
def test_the_household_page_offers_recording_to_those_who_may_record(everyone, objects, login, role, link):
    html = login(everyone[role]).get(reverse("household_detail", args=[objects["household"]])).content.decode()
    assert ("状況の変化を記録" in html) is link
    assert reverse("circumstance_list", args=[objects["household"]]) in html


def test_after_saving_the_form_the_button_drafts_one_change_decision(cast, objects, login):
    client = login(cast.users["cw"])
    response = client.post(
        reverse("circumstance_new", args=[objects["household"]]),
        {
            "kind": "disability",
            "member": str(objects["head"]),
            "effective_from": "2026-10-01",
            "certificate": "physical",
            "grade": "1級",
            "source_document": "disability_certificate",
        },
        follow=True,
    )
    assert "障害者手帳の等級を記録しました" in response.content.decode()
    assert "この内容で変更決定を起案" in response.content.decode()
    drafted = client.post(
        reverse("change_draft", args=[objects["household"]]), {"effective_from": "2026-10-01"}, follow=True
    )
    decision = drafted.context["decision"]
    assert decision.kind == "change" and "障害者手帳の等級：身体障害 1級" in decision.reasons
    assert "介護保険料（普通徴収の月額）：月額 3,000円" in decision.reasons  # both changes of October, one decision


@pytest.mark.parametrize("name, target", [(name, target) for name, target, _ in VIEWS])
def test_anonymous_is_sent_to_login(objects, client, name, target):
    assert_sent_to_login(client.get(reverse(name, args=[objects[target]])))
