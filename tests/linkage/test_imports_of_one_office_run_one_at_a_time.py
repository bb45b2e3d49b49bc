"""Two files of one office are imported one at a time: each import locks its office first, looks again
under the lock for the same file (then it changes nothing) and matches and drafts only then, so a file
imported while another was being imported finds that one's draft and waits for it — never a second
open draft for one household. A dry run takes the same path and leaves nothing behind."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hogo.decisions.models import Decision, DecisionStatus
from hogo.linkage import matching, services
from hogo.linkage.models import LinkageRow, LinkageRun, Outcome
from hogo.offices.models import Office

from .helpers import import_pension, pension_line, pensioner


@pytest.fixture
def head(cast):
    return pensioner(cast.households["own"], cast.users["cw"])


def open_drafts(household):
    return Decision.objects.filter(household=household, kind="change", status=DecisionStatus.DRAFT)


def while_waiting_for_the_lock(monkeypatch, other_import):
    """Run `other_import` as if it held the office's lock when the next import asks for it (once)."""
    real = Office.objects.select_for_update
    asked, done = [], []

    def select_for_update(*args, **kwargs):
        if not asked:  # the other import asks for the lock too: it gets it at once
            asked.append(True)
            done.append(other_import())
        return real(*args, **kwargs)

    monkeypatch.setattr(Office.objects, "select_for_update", select_for_update)
    return done


def test_file_b_after_file_a_for_the_same_person_leaves_one_open_draft(cast, head):
    sv = cast.users["sv"]
    import_pension(sv, cast.office_a, pension_line(head, annual=780_000), name="a.csv")

    b = import_pension(sv, cast.office_a, pension_line(head, annual=732_000, month="2026-07"), name="b.csv")

    [row] = b.run.items.all()
    assert row.outcome == Outcome.EXCEPTION and row.reason == services.WAITING_DRAFT and row.decision is None
    assert open_drafts(cast.households["own"]).count() == 1


def test_a_file_imported_while_another_held_the_lock_waits_for_that_ones_draft(cast, head, monkeypatch):
    sv, clerk = cast.users["sv"], cast.users["clerk"]
    a_line = pension_line(head, annual=780_000)
    done = while_waiting_for_the_lock(monkeypatch, lambda: import_pension(clerk, cast.office_a, a_line, name="a.csv"))

    b = import_pension(sv, cast.office_a, pension_line(head, annual=732_000, month="2026-07"), name="b.csv")

    [a] = done
    [a_row], [b_row] = a.run.items.all(), b.run.items.all()
    assert a_row.outcome == Outcome.DRAFTED
    assert b_row.outcome == Outcome.EXCEPTION and b_row.reason == services.WAITING_DRAFT
    assert list(open_drafts(cast.households["own"])) == [a_row.decision]


def test_the_same_file_imported_while_it_waited_for_the_lock_is_found_again_under_it(cast, head, monkeypatch):
    line = pension_line(head, annual=780_000)
    done = while_waiting_for_the_lock(monkeypatch, lambda: import_pension(cast.users["clerk"], cast.office_a, line))
    matched = []
    real_match = matching.match_rows
    monkeypatch.setattr(matching, "match_rows", lambda *a, **k: matched.append(1) or real_match(*a, **k))

    second = import_pension(cast.users["sv"], cast.office_a, line, name="again.csv")

    [first] = done
    assert second.already and second.run == first.run and second.counts == first.counts
    assert len(matched) == 1  # the file was matched once, by the import that took it
    assert LinkageRun.objects.count() == 1 and open_drafts(cast.households["own"]).count() == 1


def test_an_import_locks_its_office_before_it_matches_any_row(cast, head, monkeypatch):
    at_matching = []
    real_match = matching.match_rows

    with CaptureQueriesContext(connection) as queries:

        def spy(*args, **kwargs):
            at_matching.append(len(queries.captured_queries))
            return real_match(*args, **kwargs)

        monkeypatch.setattr(matching, "match_rows", spy)
        import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000))

    office_table = Office._meta.db_table
    locks = [
        i
        for i, query in enumerate(queries.captured_queries)
        if f'FROM "{office_table}"' in query["sql"]
        and ("FOR UPDATE" in query["sql"] or not connection.features.has_select_for_update)
    ]
    assert at_matching and locks and locks[0] < at_matching[0]


def test_a_dry_run_under_the_lock_leaves_nothing_and_a_real_import_follows(cast, head):
    sv = cast.users["sv"]
    line = pension_line(head, annual=780_000)

    checked = import_pension(sv, cast.office_a, line, dry_run=True)

    assert checked.dry_run and not checked.already and checked.counts["drafted"] == 1
    assert not LinkageRun.objects.exists() and not LinkageRow.objects.exists()
    assert not open_drafts(cast.households["own"]).exists()
    imported = import_pension(sv, cast.office_a, line)
    assert not imported.already and imported.counts["drafted"] == 1
    assert import_pension(sv, cast.office_a, line, dry_run=True).already
