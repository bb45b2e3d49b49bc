"""From a determination to collection: approval like any decision, receivables with derived
balances, payments, instalment plans, 法第78条の2 offsets, write-off, dunning with an SMS export and
delivery results, and the collection team's limited view."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.approvals import services as approvals
from hogo.receivables import rules, services
from hogo.receivables.models import Delivery
from tests.transfer.service_bundles import attached, opened

from .conftest import in_days


def test_the_determination_is_approved_along_the_route_and_opens_a_63_receivable(cast, approved, receivable):
    assert approved.status == "approved" and approved.total == 105_000
    assert (receivable.kind, services.balance_of(receivable)) == ("63", 105_000)
    assert receivable.debtor_name == "山田 太郎"
    approved.surcharge_percent = 10
    with pytest.raises(ValidationError):
        approved.save()


def test_the_drafter_cannot_approve_and_facts_are_required(cast, back_payment_lines, today):
    with pytest.raises(ValidationError) as refused:
        services.draft_determination(
            cast.users["cw"],
            cast.households["own"],
            lines=back_payment_lines,
            cause="recipient",
            due_on=today + timedelta(days=30),
        )
    assert "means_existed" in refused.value.message_dict
    determination = services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=back_payment_lines,
        cause="office",
        due_on=today + timedelta(days=30),
        means_existed="x",
        dishonest_from=today.replace(year=2026, month=5, day=1),
        dishonest_facts="就労収入を申告せず",
        surcharge_percent=40,
    )
    assert (determination.principal63, determination.principal78, determination.surcharge78) == (35_000, 70_000, 28_000)
    with pytest.raises(PermissionDenied):
        approvals.approve(cast.users["cw"], determination)


def test_a_mixed_determination_opens_two_receivables_with_the_surcharge_on_78(cast, back_payment_lines, today):
    determination = services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=back_payment_lines,
        cause="recipient",
        due_on=today + timedelta(days=30),
        means_existed="資力あり",
        dishonest_from=today.replace(year=2026, month=5, day=10),
        dishonest_facts="不正な手段",
        surcharge_percent=40,
    )
    approvals.approve(cast.users["sv"], determination)
    approvals.approve(cast.users["chief"], determination)
    balances = {r.kind: services.balance_of(r) for r in determination.receivables.all()}
    assert balances == {"63": 35_000, "78": 98_000}


def test_payments_plans_and_the_balance(cast, receivable, collector):
    services.set_plan(collector, receivable, instalments=[(in_days(30), 50_000), (in_days(60), 55_000)])
    services.record_payment(collector, receivable, amount=50_000, on=in_days(0), channel="bank")
    assert services.balance_of(receivable) == 55_000
    assert services.next_due(receivable) == in_days(60)
    with pytest.raises(ValidationError) as refused:
        services.record_payment(collector, receivable, amount=55_001, on=in_days(0), channel="counter")
    assert "残高（55,000円）を超えています" in refused.value.message_dict["amount"][0]
    with pytest.raises(ValidationError) as refused:
        services.set_plan(collector, receivable, instalments=[(in_days(30), 50_000)])
    assert "一致しません" in refused.value.message_dict["instalments"][0]


def test_caseworkers_and_supervisors_do_not_take_payments(cast, receivable):
    for role in ("cw", "sv", "chief"):
        with pytest.raises(PermissionDenied):
            services.record_payment(cast.users[role], receivable, amount=1, on=in_days(0), channel="bank")


def test_offsetting_needs_the_written_application_and_a_78_debt(cast, collector, back_payment_lines, today):
    determination = services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=back_payment_lines,
        cause="recipient",
        due_on=today + timedelta(days=30),
        dishonest_from=today.replace(year=2026, month=4, day=1),
        dishonest_facts="不正な手段",
    )
    approvals.approve(cast.users["sv"], determination)
    approvals.approve(cast.users["chief"], determination)
    debt = determination.receivables.get()
    with pytest.raises(ValidationError, match="書面による申出"):
        services.record_offset(collector, debt, amount=3_000, on=today)
    services.record_offset_application(collector, debt, applied_on=today)
    services.record_offset(collector, debt, amount=3_000, on=today)
    with pytest.raises(ValidationError, match="上限（5,000円）"):
        services.record_offset(collector, debt, amount=2_001, on=today)


def test_write_off_is_the_chiefs_and_then_no_payment_is_accepted(cast, receivable, collector):
    with pytest.raises(PermissionDenied):
        services.write_off(collector, receivable, reason="時効の完成")
    services.write_off(cast.users["chief"], receivable, reason="時効の完成（地方自治法第236条）")
    assert services.balance_of(receivable) == 0
    with pytest.raises(ValidationError, match="不納欠損"):
        services.record_payment(collector, receivable, amount=1, on=in_days(0), channel="bank")


def test_dunning_selects_overdue_exports_a_signed_sms_bundle_and_imports_results(cast, receivable, collector, today):
    type(receivable).objects.filter(pk=receivable.pk).update(
        due_on=today - timedelta(days=40), debtor_phone="090-0000-0000"
    )
    rows = services.overdue(cast.office_a.pk, min_days=30, min_amount=1_000, kinds=["63", "78"], today=today)
    assert [r["receivable"].reference for r in rows] == [receivable.reference] and rows[0]["days"] == 40
    assert services.overdue(cast.office_a.pk, min_days=60, min_amount=1_000, kinds=["63"], today=today) == []
    batch = services.create_batch(
        collector, cast.office_a.pk, criteria={"min_days": 30}, receivables=[r["receivable"] for r in rows]
    )
    bundle = opened(services.sms_export(batch), cast.office_a.municipality_code, "sms")
    messages = attached(bundle, "messages.csv").decode()
    assert bundle.records["sms_message"] == [
        {"reference": receivable.reference, "phone": "090-0000-0000", "message": services.SMS_MESSAGE}
    ]
    assert receivable.reference in messages and "090-0000-0000" in messages
    assert "山田" not in str(bundle.records) and "105,000" not in str(bundle.records)
    assert "山田" not in messages and "105,000" not in messages  # nothing sensitive in the message
    with pytest.raises(ValidationError, match="含まれない整理番号"):
        services.import_deliveries(collector, batch, b"reference,status\nUNKNOWN,delivered\n")
    assert not Delivery.objects.exists()
    result = f"reference,status\n{receivable.reference},delivered\n".encode()
    assert services.import_deliveries(collector, batch, result) == 1
    assert services.import_deliveries(collector, batch, result) == 0
    assert Delivery.objects.get().reached


def test_figures_by_kind_age_cause_and_collection_rate(cast, receivable, collector, today):
    services.record_payment(collector, receivable, amount=5_000, on=today, channel="counter")
    figures = services.figures(cast.office_a.pk, today)
    assert figures["by_kind_age"] == {"法第63条 返還金": {"期限内": 100_000}}
    assert figures["new_by_month"][today.strftime("%Y-%m")] == {"recipient": 1, "office": 0}
    assert figures["collection_rate"] == round(5_000 / 105_000, 3)


def test_the_collection_team_sees_receivables_but_no_household(cast, receivable, collector):
    from hogo.households.scoping import households_visible_to

    assert list(services.visible_receivables(collector)) == [receivable]
    assert not households_visible_to(collector).exists()
    assert receivable not in services.visible_receivables(cast.users["b_cw"])


def test_limitation_is_five_years_from_the_day_after_the_due_date(receivable):
    from datetime import date

    from hogo.receivables.rules_dates import limitation_date

    assert limitation_date(date(2026, 12, 31)) == date(2031, 12, 31)
    assert limitation_date(date(2028, 2, 28)) == date(2033, 2, 28)


def test_candidates_come_from_the_benefit_ledger(cast):
    from datetime import date

    from hogo.decisions.models import LedgerAdjustment

    assert services.candidate_lines(cast.households["own"]) == []
    assert LedgerAdjustment.Kind.REPAYMENT_CANDIDATE
    _ = date, rules


def test_the_debtors_phone_is_checked(cast, receivable, collector):
    with pytest.raises(ValidationError, match="090-1234-5678"):
        services.update_contact(collector, receivable, phone="call me")
    assert services.update_contact(collector, receivable, phone="090-1234-5678").debtor_phone == "090-1234-5678"
    with pytest.raises(PermissionDenied):
        services.update_contact(cast.users["cw"], receivable, phone="090-1234-5678")
