"""The 支出命令書（保護費）: its gross is the sum of the run's lines by budget line, its net the run's net,
and it shows the payments by method, the chief's approval and the pay day in 和暦, and the note that
budget line names follow the office's own."""

import re

from django.db.models import F, Sum
from django.utils import timezone

from hogo.common.wareki import wareki
from hogo.payments.documents import (
    BUDGET_LINES,
    accounting_figures,
    render_accounting_summary,
    render_counter_list,
)
from hogo.payments.models import Item, Method, Payment, PaymentLine

from .test_documents_counter_list_shows_each_counter_household_and_the_total import mixed_run, pdf_text


def amount_after(label: str, text: str) -> int:
    match = re.search(rf"^{re.escape(label)}.*?([▲]?[0-9,]+)$", text, re.M)
    assert match, label
    value = match.group(1)
    return -int(value[1:].replace(",", "")) if value.startswith("▲") else int(value.replace(",", ""))


def test_the_net_is_the_runs_net_and_the_gross_the_sum_of_its_lines(cast, tmp_path):
    run = mixed_run(cast)
    text = pdf_text(render_accounting_summary(run), tmp_path)
    positive = run.lines.exclude(item=Item.OFFSET).aggregate(total=Sum("amount"))["total"]
    assert amount_after("支出総額", text) == positive
    assert amount_after("差引支給額", text) == run.totals["net"]
    assert amount_after(BUDGET_LINES[Item.LIVING], text) == run.totals["by_item"]["living"]
    assert amount_after("計", text) == run.totals["net"]


def test_methods_approval_pay_day_and_the_budget_note_are_shown(cast, tmp_path):
    run = mixed_run(cast)
    text = pdf_text(render_accounting_summary(run), tmp_path)
    figures = accounting_figures(run)
    assert figures["methods"]["counter"][0] == 2 and figures["methods"]["proxy"][0] == 1
    assert "口座振込 1" in text and "窓口払 2" in text and "代理納付 1" in text
    approved = run.actions.get(action="approve")
    assert f"決裁 課長 渡辺 課長 {wareki(timezone.localtime(approved.at).date())}" in text
    assert f"支給日 {wareki(run.pay_on)}" in text
    assert "予算科目は事務所の設定に合わせて読み替えてください" in text


def test_a_deduction_is_shown_negative_and_taken_from_the_gross(cast, tmp_path):
    run = mixed_run(cast)
    payment = run.payments.filter(method=Method.COUNTER).first()
    # a 法第78条の2 deduction as compute_run writes it (queryset writes: the approved run's rows refuse save())
    PaymentLine.objects.bulk_create(
        [
            PaymentLine(
                payment=payment,
                run=run,
                household=payment.household,
                month=run.month,
                item=Item.OFFSET,
                amount=-2_000,
                source={"receivable": 0},
            )
        ]
    )
    Payment.objects.filter(pk=payment.pk).update(amount=F("amount") - 2_000)
    gross = run.totals["gross"]
    text = pdf_text(render_accounting_summary(run), tmp_path)
    assert amount_after("支出総額", text) == gross
    assert amount_after("控除", text) == -2_000
    assert amount_after("差引支給額", text) == gross - 2_000 == amount_after("計", text)
    listed = pdf_text(render_counter_list(run), tmp_path, "counter.pdf")
    row = next(line for line in listed.splitlines() if payment.household.case_number in line)
    assert "▲2,000" in row and f"{payment.amount - 2_000:,}" in row
