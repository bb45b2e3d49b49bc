"""Work that waits in the approval inbox, built directly on the standard cast (tests/conftest.py):
drafts at each step, a determination, records to sign, a 一斉更正 run and a returned draft, in
office A's two teams and in office B."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.approvals.models import ActionKind
from hogo.casework.models import CaseRecord
from hogo.decisions.models import Decision, RecalcResult, RecalcRun
from hogo.receivables import services as receivables

RETURN_REASON = "収入申告書の写しを添付してください。"


def decision_draft(household, drafter, *, days_ago=0, on=date(2026, 10, 1)) -> Decision:
    decision = Decision.objects.create(
        household=household,
        kind="change",
        effective_from=on,
        amounts={"living": 70000},
        benefit_total=70000,
        reasons="収入の変動による変更",
        drafted_by=drafter,
    )
    if days_ago:
        Decision.objects.filter(pk=decision.pk).update(drafted_at=timezone.now() - timedelta(days=days_ago))
        decision.refresh_from_db()
    return decision


def determination_draft(household, drafter, *, amount=35_000):
    """A 法第63条 determination drafted by `drafter`, waiting for the first step."""
    return receivables.draft_determination(
        drafter,
        household,
        lines=[{"month": "2026-04", "assistance": "living", "amount": amount}],
        cause="recipient",
        due_on=timezone.localdate() + timedelta(days=30),
        means_existed="年金の遡及支給があった月に資力があった。",
    )


def confirmed_record(household, author, *, body="【状況】変わりなし") -> CaseRecord:
    return CaseRecord.objects.create(
        household=household,
        kind="phone",
        occurred_on=timezone.localdate(),
        body=body,
        author=author,
        confirmed_at=timezone.now(),
    )


@dataclass
class Work:
    sv_decision: Decision  # team 1 ("own"), waiting for the supervisor of team 1
    other_team_decision: Decision  # team 2, waiting for the supervisor of team 2
    chief_decision: Decision  # team 1 ("mate"), approved by sv, waiting for the chief
    determination: object  # team 1 ("own"), waiting for sv
    record: CaseRecord  # team 1, to sign
    other_team_record: CaseRecord  # team 2, to sign
    run: RecalcRun  # office A, its one draft (team 1, "mate") approved in bulk by sv
    run_draft: Decision
    b_decision: Decision  # office B, waiting for b_sv
    returned: Decision  # cw's draft returned by sv with RETURN_REASON


def make_work(cast) -> Work:
    users, households = cast.users, cast.households
    sv_decision = decision_draft(households["own"], users["cw"], days_ago=3)
    other = decision_draft(households["other_team"], users["cw_other"], days_ago=2)
    chief_decision = decision_draft(households["mate"], users["cw_mate"], days_ago=5)
    approvals.approve(users["sv"], chief_decision)
    determination = determination_draft(households["own"], users["cw"])
    record = confirmed_record(households["own"], users["cw"])
    other_record = confirmed_record(households["other_team"], users["cw_other"])
    CaseRecord.objects.create(  # a draft the CW has not confirmed: nobody signs it yet
        household=households["own"], kind="phone", occurred_on=timezone.localdate(), body="下書き", author=users["cw"]
    )
    run = RecalcRun.objects.create(
        office=cast.office_a, as_of=date(2027, 1, 1), reason="基準改定", requested_by=users["clerk"], total=1
    )
    run_draft = decision_draft(households["mate"], users["clerk"], on=date(2027, 1, 1))
    RecalcResult.objects.create(
        run=run, household=households["mate"], outcome="changed", old_total=80000, new_total=70000, decision=run_draft
    )
    b_decision = decision_draft(households["b_household"], users["b_cw"], days_ago=1)
    returned = decision_draft(households["own"], users["cw"], days_ago=4, on=date(2026, 9, 1))
    approvals.return_for_redrafting(users["sv"], returned, RETURN_REASON)
    return Work(
        sv_decision=sv_decision,
        other_team_decision=other,
        chief_decision=chief_decision,
        determination=determination,
        record=record,
        other_team_record=other_record,
        run=run,
        run_draft=run_draft,
        b_decision=b_decision,
        returned=returned,
    )


_LINK = re.compile(r'href="(/(?:decisions|determinations|records|recalc)/[0-9a-f-]{36}/)"')


def item_links(response) -> set[str]:
    """The links to records and runs a page shows."""
    return set(_LINK.findall(response.content.decode()))


def is_a_return(decision) -> bool:
    return decision.actions.filter(action=ActionKind.RETURN).exists()
