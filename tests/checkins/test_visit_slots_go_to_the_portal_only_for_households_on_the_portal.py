"""The core sends the portal the upcoming visits of households that use the portal, with a purpose worded
for the recipient (the CW's own note stays in the core), and a visit cancelled later goes with its new
state."""

import json

import pytest

from hogo.casework import services as casework
from hogo.transfer import keys, services

from .checkin_helpers import on_portal, proposed_visit, records_of

pytestmark = pytest.mark.django_db


def test_only_households_with_a_portal_account_in_force_get_their_visits_sent(cast):
    code = cast.office_a.municipality_code
    keys.new_key("core", code)
    on_portal(cast.households["own"])
    on_portal(cast.households["mate"], ended=True)
    mine = proposed_visit(cast)
    proposed_visit(cast, cast.households["mate"])
    sent = records_of(services.export_bundle(cast.office_a, "portal"))
    (row,) = sent["visit_slot"]
    assert row["key"] == str(mine.public_id) and row["household"] == str(cast.households["own"].public_id)
    assert row["status"] == "proposed" and row["slot"] == "10:00〜10:30"
    assert row["date"] == mine.planned_on.isoformat()
    assert "内部メモ" not in json.dumps(sent, ensure_ascii=False) and row["purpose"]


def test_a_visit_cancelled_in_the_core_is_sent_cancelled(cast):
    code = cast.office_a.municipality_code
    keys.new_key("core", code)
    on_portal(cast.households["own"])
    visit = proposed_visit(cast)
    casework.set_visit_status(cast.users["cw"], visit, "cancelled")
    (row,) = records_of(services.export_bundle(cast.office_a, "portal"))["visit_slot"]
    assert row["status"] == "cancelled"
