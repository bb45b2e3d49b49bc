"""Each step of a case record has its own URL. The author saves and confirms a draft, the team's
supervisor signs it, the household's caseworker and supervisor add to a signed record; others who
can read the record get 403, those who cannot 404 — and nothing changes. Asking for a draft from
notes is for those who may write the household's records, and never saves one."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from hogo.casework import services
from hogo.casework.models import CaseRecord
from tests.roles import ROLES

ROLE_TESTED_URLS = {"record_save", "record_confirm", "record_sign", "record_addendum", "record_draft"}

BODY = "【日時】11月20日 10時\n【相手】世帯主\n【内容】通院の予定を聞いた。\n【今後の方針】来月訪問する。"
# the household's team, the chief and the clerk read its records; nobody else finds them
READERS = {role: 404 for role in ROLES} | {r: 403 for r in ("cw", "cw_mate", "sv", "chief", "clerk")}
AUTHOR = READERS | {"cw": 302}
SUPERVISOR = READERS | {"sv": 302}
EDITORS = READERS | {"cw": 302, "sv": 302}


@pytest.fixture
def records(cast, rules, today):
    def written():
        return services.create_record(
            cast.users["cw"], cast.households["own"], kind="phone", occurred_on=today - timedelta(days=1), body=BODY
        )

    draft, confirmed, signed = written(), written(), written()
    for case_record in (confirmed, signed):
        services.update_record(cast.users["cw"], case_record, body=BODY, confirm=True)
    services.sign_record(cast.users["sv"], signed)
    return {"draft": draft, "confirmed": confirmed, "signed": signed}


def state_of(case_record):
    case_record = CaseRecord.objects.get(pk=case_record.pk)
    return case_record.body, case_record.confirmed_at, case_record.signed_at, case_record.addenda.count()


ACTIONS = [
    ("record_save", "draft", {"body": BODY + "\n追記なし。"}, AUTHOR),
    ("record_confirm", "draft", {"body": BODY}, AUTHOR),
    ("record_sign", "confirmed", {}, SUPERVISOR),
    ("record_addendum", "signed", {"body": "12月1日に受診したと電話あり。"}, EDITORS),
]


@pytest.mark.parametrize(
    "action, which, data, role, expected",
    [(action, which, data, role, code) for action, which, data, table in ACTIONS for role, code in table.items()],
)
def test_each_record_action_per_role(records, everyone, login, action, which, data, role, expected):
    case_record = records[which]
    before = state_of(case_record)
    response = login(everyone[role]).post(reverse(action, args=[case_record.public_id]), data)
    assert response.status_code == expected
    if expected == 302:
        assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert state_of(case_record) != before
    else:
        assert state_of(case_record) == before


@pytest.mark.parametrize("role, expected", {**EDITORS, "cw": 200, "sv": 200}.items())
def test_asking_for_a_draft_from_notes_per_role(cast, records, everyone, login, role, expected):
    count = CaseRecord.objects.count()
    response = login(everyone[role]).post(
        reverse("record_draft", args=[cast.households["own"].public_id]), {"kind": "phone", "notes": "電話で聞いた"}
    )
    assert response.status_code == expected and CaseRecord.objects.count() == count


@pytest.mark.parametrize("action", ["record_save", "record_confirm", "record_sign", "record_addendum"])
def test_the_record_page_takes_no_posts_and_the_actions_no_gets(records, cast, login, action):
    client = login(cast.users["sv"])
    assert client.post(reverse("record_detail", args=[records["draft"].public_id])).status_code == 405
    assert client.get(reverse(action, args=[records["draft"].public_id])).status_code == 405
