"""Entering a member's income: the figures reach the engine (recognised income with its 基礎控除),
corrections keep the history, and bad input is refused with the field named and nothing saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.decisions.facts import engine_input
from hogo.decisions.income_effect import effect_of
from hogo.households import income_services
from hogo.households.income_services import IncomeEntry
from hogo.households.models import Income, IncomeRuleSetting, StatusChange
from tests.factories import make_household

MONTH = date(2026, 10, 1)
PAY_SLIP = {
    "kind": "earnings",
    "detail": "給与",
    "payer": "みなと青果",
    "source_document": "pay_slip",
    "since": "2026-10",
    "monthly_amount": "100,000円",
    "payment_interval": "1",
    "income_tax": "1000",
    "resident_tax": "500",
    "social_insurance": "14000",
    "commuting": "5000",
}


@pytest.fixture
def household(cast):
    return cast.households["own"]


@pytest.fixture
def head(household):
    return household.members.get(relation="head")


def post_income(login, cast, household, head, **changes):
    data = {**PAY_SLIP, "member": str(head.public_id), **changes}
    return login(cast.users["cw"]).post(reverse("income_new", args=[household.public_id]), data)


def entry(head, **changes) -> IncomeEntry:
    values = {"member": head, "kind": "earnings", "payer": "みなと青果", "monthly_amount": 100_000, "since": MONTH}
    return IncomeEntry(**(values | changes))


def income_lines(calc):
    return {
        line.code: line.amount for line in calc.lines if line.code.startswith("income_") or "deduction" in line.code
    }


def test_pay_slip_figures_reach_the_engine_with_the_basic_deduction(cast, login, household, head):
    response = post_income(login, cast, household, head)
    income = Income.objects.get()
    assert response.status_code == 302 and response.url == reverse("income_detail", args=[income.public_id])
    assert (income.monthly_amount, income.income_tax, income.resident_tax, income.deductions) == (
        100_000,
        1_000,
        500,
        20_500,
    )
    after = effect_of(income).after
    lines = income_lines(after)
    assert lines["basic_deduction"] == 23_600  # 基礎控除額表: 99,000〜102,999円, 1人目
    assert lines["income_employment"] == 100_000 - 20_500 - 23_600
    assert after.recognized_income == 55_900


def test_the_result_page_shows_the_basic_deduction_and_the_benefit_before_and_after(cast, login, household, head):
    post_income(login, cast, household, head)
    income = Income.objects.get()
    html = login(cast.users["cw"]).get(reverse("income_detail", args=[income.public_id])).content.decode()
    effect = effect_of(income)
    assert "基礎控除" in html and "23,600円" in html
    assert f"{effect.before.benefit:,}円" in html and f"{effect.after.benefit:,}円" in html
    assert effect.before.recognized_income == 0 and effect.change == -55_900


def test_two_employers_in_one_month_take_one_basic_deduction_on_their_total(cast, household, head):
    income_services.record_income(cast.users["cw"], household, entry(head, monthly_amount=60_000))
    income_services.record_income(cast.users["cw"], household, entry(head, payer="みなと食堂", monthly_amount=70_000))
    incomes = engine_input(household, MONTH)["incomes"]
    assert incomes == [
        {
            "member": str(head.public_id),
            "kind": "employment",
            "gross": 130_000,
            "tax": 0,
            "social_insurance": 0,
            "commuting": 0,
            "expenses": 0,
            "new_job": False,
        }
    ]


def test_a_bonus_is_earnings_of_its_month_only(cast, household, head):
    income_services.record_income(cast.users["cw"], household, entry(head))
    bonus = entry(head, detail="賞与", monthly_amount=50_000, since=date(2026, 12, 1), until=date(2026, 12, 1))
    income_services.record_income(cast.users["cw"], household, bonus)
    assert engine_input(household, date(2026, 12, 1))["incomes"][0]["gross"] == 150_000
    assert engine_input(household, date(2027, 1, 1))["incomes"][0]["gross"] == 100_000


def test_a_pension_paid_every_two_months_is_recognised_monthly_rounded_down(cast, household, head):
    pension = entry(head, kind="pension", payer="日本年金機構", monthly_amount=None, payment_amount=130_001)
    pension.payment_interval = 2
    income = income_services.record_income(cast.users["cw"], household, pension)
    assert income.monthly_amount == 65_000
    assert engine_input(household, MONTH)["incomes"] == [
        {"member": str(head.public_id), "kind": "pension", "gross": 65_000}
    ]


def test_the_office_may_round_the_pension_half_up(cast, household, head):
    IncomeRuleSetting.objects.create(office=cast.office_a, pension_rounding="round")
    pension = entry(head, kind="pension", monthly_amount=None, payment_amount=130_001, payment_interval=2)
    assert income_services.record_income(cast.users["cw"], household, pension).monthly_amount == 65_001


def test_the_month_received_decides_the_first_month_by_the_office_rule(cast, household, head):
    received = entry(head, since=None, received_on=date(2026, 6, 25))
    assert income_services.record_income(cast.users["cw"], household, received).since == date(2026, 6, 1)
    IncomeRuleSetting.objects.create(office=cast.office_a, earnings_month="next")
    other = entry(head, payer="みなと食堂", since=None, received_on=date(2026, 6, 25))
    assert income_services.record_income(cast.users["cw"], household, other).since == date(2026, 7, 1)


def test_a_correction_is_a_new_entry_and_the_old_one_stays_in_the_history(cast, login, household, head):
    post_income(login, cast, household, head)
    first = Income.objects.get()
    response = login(cast.users["cw"]).post(
        reverse("income_correct", args=[first.public_id]),
        {**PAY_SLIP, "member": str(head.public_id), "monthly_amount": "120000", "note": "明細の読み違い"},
    )
    second = Income.objects.exclude(pk=first.pk).get()
    assert response.status_code == 302 and response.url == reverse("income_detail", args=[second.public_id])
    first.refresh_from_db()
    assert (first.monthly_amount, second.monthly_amount, second.supersedes) == (100_000, 120_000, first)
    assert list(Income.objects.current()) == [second]
    assert engine_input(household, MONTH)["incomes"][0]["gross"] == 120_000
    effect = effect_of(second)
    assert effect.before.recognized_income == 55_900  # the corrected entry, as it was recognised
    assert effect_of(first).after.recognized_income == 55_900  # the history is still explained as it was
    history = login(cast.users["cw"]).get(reverse("income_list", args=[household.public_id])).content.decode()
    assert "訂正済み" in history and "120,000円" in history and "100,000円" in history


def test_an_entry_already_corrected_cannot_be_corrected_again(cast, household, head):
    first = income_services.record_income(cast.users["cw"], household, entry(head))
    income_services.correct_income(cast.users["cw"], first, entry(head, monthly_amount=110_000))
    with pytest.raises(ValidationError) as refused:
        income_services.correct_income(cast.users["cw"], first, entry(head, monthly_amount=120_000))
    assert "__all__" in refused.value.message_dict
    assert Income.objects.count() == 2


def test_an_income_entry_cannot_be_changed_in_place(cast, household, head):
    income = income_services.record_income(cast.users["cw"], household, entry(head))
    income.monthly_amount = 1
    with pytest.raises(ValidationError):
        income.save()


# Bad input: each refused with the field named; nothing saved, nothing audited as created.


def assert_refused(response, field, text):
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and text in " ".join(errors[field]), errors
    assert Income.objects.count() == 0
    assert not AuditEntry.objects.filter(action=Action.CREATE, target_type="income").exists()


@pytest.mark.parametrize(
    "field, value, text",
    [
        ("monthly_amount", "-5000", "月額（総支給額）は数字で入力してください"),
        ("monthly_amount", "abc", "月額（総支給額）は数字で入力してください"),
        ("social_insurance", "-1", "社会保険料は数字で入力してください"),
        ("income_tax", "１２ab", "所得税は数字で入力してください"),
        ("since", "2026-13", "認定開始月は正しい日付"),
    ],
)
def test_negative_or_non_numeric_figures_are_refused_by_the_form(cast, login, household, head, field, value, text):
    assert_refused(post_income(login, cast, household, head, **{field: value}), field, text)


def test_an_income_for_a_person_of_another_household_is_refused(cast, login, household, head):
    stranger = cast.households["mate"].members.get(relation="head")
    response = post_income(login, cast, household, head, member=str(stranger.public_id))
    assert_refused(response, "member", "世帯員は一覧から選んでください")
    with pytest.raises(ValidationError) as refused:
        income_services.record_income(cast.users["cw"], household, entry(stranger))
    assert list(refused.value.message_dict) == ["member"]
    assert Income.objects.count() == 0


def test_an_income_before_the_assistance_began_is_refused(cast, login):
    household = make_household(cast.office_a, cast.staff["cw"], since=date(2026, 4, 10), head_name="森 花子")
    head = household.members.get(relation="head")
    response = post_income(login, cast, household, head, since="2026-03")
    assert_refused(response, "since", "保護の期間（令和8年4月から）より前")


def test_an_income_after_the_assistance_ended_is_refused(cast, login, cw_household_terminated, head):
    household = cw_household_terminated
    head = household.members.get(relation="head")
    assert_refused(post_income(login, cast, household, head, since="2026-10"), "since", "令和8年8月まで")
    assert_refused(post_income(login, cast, household, head, since="2026-07"), "until", "認定終了月")


@pytest.fixture
def cw_household_terminated(cast):
    household = make_household(cast.office_a, cast.staff["cw"], since=date(2026, 1, 5), head_name="森 一郎")
    household.status = "terminated"
    household.save(update_fields=["status"])
    StatusChange.objects.create(
        household=household,
        from_status="active",
        to_status="terminated",
        effective_date=date(2026, 8, 31),
        reason="廃止",
    )
    return household


def test_a_period_that_ends_before_it_starts_is_refused(cast, login, household, head):
    assert_refused(post_income(login, cast, household, head, until="2026-09"), "until", "認定開始月より後")


def test_an_implausibly_large_amount_needs_an_explicit_confirmation(cast, login, household, head):
    response = post_income(login, cast, household, head, monthly_amount="1,000,000")
    assert_refused(response, "confirm_large", "500,000円を超えています")
    response = post_income(login, cast, household, head, monthly_amount="1,000,000", confirm_large="on")
    assert response.status_code == 302 and Income.objects.get().monthly_amount == 1_000_000


def test_an_overlapping_entry_of_the_same_income_is_refused(cast, login, household, head):
    post_income(login, cast, household, head)
    before = Income.objects.count()
    response = post_income(login, cast, household, head, since="2026-12")
    assert response.status_code == 200
    assert "令和8年10月〜継続中に登録済み" in " ".join(response.context["form"].errors["since"])
    assert Income.objects.count() == before == 1


def test_the_same_payer_in_months_that_do_not_overlap_is_accepted(cast, household, head):
    income_services.record_income(cast.users["cw"], household, entry(head, until=date(2026, 10, 1)))
    income_services.record_income(cast.users["cw"], household, entry(head, since=date(2026, 11, 1)))
    assert Income.objects.count() == 2


def test_deductions_above_the_gross_pay_are_refused(cast, login, household, head):
    response = post_income(login, cast, household, head, monthly_amount="10000", social_insurance="14000")
    assert_refused(response, "monthly_amount", "総支給額を超えています")


def test_pay_slip_deductions_are_refused_for_a_pension(cast, login, household, head):
    response = post_income(login, cast, household, head, kind="pension")
    assert_refused(response, "income_tax", "就労収入にだけ")


def test_reading_the_incomes_is_audited(cast, login, household, head):
    income = income_services.record_income(cast.users["cw"], household, entry(head))
    login(cast.users["sv"]).get(reverse("income_list", args=[household.public_id]))
    login(cast.users["sv"]).get(reverse("income_detail", args=[income.public_id]))
    assert AuditEntry.objects.filter(
        action=Action.VIEW, actor_username="sv", target_type="household", target_id=str(household.public_id)
    ).exists()
    assert AuditEntry.objects.filter(
        action=Action.VIEW, actor_username="sv", target_type="income", target_id=str(income.public_id)
    ).exists()


def test_varying_earnings_are_averaged_over_the_last_three_months(cast, login, household, head):
    recent = {"recent_0": "90,000", "recent_1": "100000", "recent_2": "110,002円"}
    response = post_income(login, cast, household, head, monthly_amount="", **recent)
    income = Income.objects.get()
    assert response.status_code == 302 and income.monthly_amount == 100_000
    assert "90,000円・100,000円・110,002円）の平均 100,000円" in income.note and "原文未確認" in income.note


def test_a_monthly_amount_and_months_to_average_together_are_refused(cast, login, household, head):
    response = post_income(login, cast, household, head, recent_0="90000")
    assert_refused(response, "monthly_amount", "どちらか一方")
