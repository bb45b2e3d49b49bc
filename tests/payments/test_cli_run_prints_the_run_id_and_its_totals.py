"""`hogo payments run` computes the office's run as the named clerk: the run's id on the first line, then
the count and the total in Japanese, as the run's own totals say."""

import uuid
from io import StringIO

from django.core.management import call_command

from hogo.approvals.models import Status
from hogo.payments.models import PaymentRun

from .payment_helpers import assisted, bank_account, payment_settings


def _run(cast, *more):
    out = StringIO()
    code = cast.office_a.municipality_code
    call_command("payments", "run", "--office", code, "--month", "2026-12", "--as", "clerk", *more, stdout=out)
    return out.getvalue().splitlines()


def test_the_first_line_is_the_id_of_the_drafted_run(cast):
    payment_settings(cast.office_a)
    assisted(cast)
    lines = _run(cast)
    run = PaymentRun.objects.get(public_id=uuid.UUID(lines[0]))
    assert run.office == cast.office_a
    assert run.status == Status.DRAFT
    assert run.drafted_by == cast.users["clerk"]
    assert run.kind == "monthly"
    assert str(run.month) == "2026-12-01"


def test_the_summary_says_the_count_and_the_total_of_the_run(cast):
    payment_settings(cast.office_a)
    bank_account(cast.users["clerk"], assisted(cast))
    assisted(cast, "mate", cw="cw_mate")
    lines = _run(cast)
    totals = PaymentRun.objects.get().totals
    assert totals["payments"] == 2
    assert totals["net"] > 0
    assert "件数: 2件（2世帯）" in lines
    assert f"合計: {totals['net']:,}円" in lines
    bank = totals["by_method"]["household:bank"]
    assert f"  口座振込: 1件 {bank['total']:,}円" in lines
