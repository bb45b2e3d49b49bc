"""A run's page records in the audit log every household it shows: those of the rows waiting for a
caseworker, of the large changes held for a look and of the drafted changes, each once, in the order
of the page — a large change whose draft is not among the drafts shown is not left out."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.linkage import views
from hogo.linkage.models import Outcome

from .helpers import import_pension, pension_line, pensioner
from .test_linkage_pages_per_role import namesake

AMBIGUOUS = ",山田 花子,ヤマダ ハナコ,1955-03-03,老齢基礎年金,600000,100000,2026-06,"


def the_entry(run):
    return AuditEntry.objects.filter(action=Action.VIEW, target_id=str(run.public_id)).latest("seq")


def test_the_households_of_large_changes_beyond_the_drafts_shown_are_audited(cast, login, monkeypatch):
    own, mate = cast.households["own"], cast.households["mate"]
    heads = [pensioner(own, cast.users["cw"]), pensioner(mate, cast.users["cw_mate"], number="100000000002")]
    lines = [pension_line(head, annual=780_000) for head in reversed(heads)]  # "mate" on the first line
    run = import_pension(cast.users["sv"], cast.office_a, *lines).run
    assert run.items.filter(outcome=Outcome.DRAFTED).exclude(review="").count() == 2
    assert own.case_number < mate.case_number
    monkeypatch.setattr(views, "SHOWN_PER_LIST", 1)  # one row a list: drafts by case number, large changes by line

    response = login(cast.users["chief"]).get(reverse("linkage_detail", args=[run.public_id]))

    assert [r.household for r in response.context["drafted"]] == [own]
    assert [r.household for r in response.context["review"]] == [mate]
    shown = the_entry(run).detail["shown"]
    assert sorted(shown) == sorted([str(own.public_id), str(mate.public_id)])


def test_waiting_rows_large_changes_and_drafts_are_audited_in_the_order_of_the_page(cast, login):
    own, mate = cast.households["own"], cast.households["mate"]
    head = pensioner(own, cast.users["cw"])
    namesake(own)
    namesake(mate)
    other = pensioner(cast.households["other_team"], cast.users["cw_other"], number="100000000009")
    lines = [AMBIGUOUS, pension_line(head, annual=780_000), pension_line(other, annual=780_000)]
    run = import_pension(cast.users["sv"], cast.office_a, *lines).run

    response = login(cast.users["clerk"]).get(reverse("linkage_detail", args=[run.public_id]))

    page = response.context["waiting"] + response.context["review"] + response.context["drafted"]
    expected = list(dict.fromkeys(str(r.household.public_id) for r in page if r.household))
    assert the_entry(run).detail["shown"] == expected
    assert set(expected) == {str(own.public_id), str(cast.households["other_team"].public_id)}
