"""A monthly run is paid on the office's pay day, moved earlier to the last bank business day when the banks
are closed (weekends, national holidays, 12/31 to 1/3)."""

from datetime import date

import pytest

from hogo.payments import services

from .payment_helpers import payment_settings


def _run(cast, month, pay_day):
    payment_settings(cast.office_a, pay_day=pay_day)
    return services.compute_run(cast.users["clerk"], cast.office_a, month)


def test_januarys_run_on_day_1_is_paid_on_december_30(cast):
    run = _run(cast, "2027-01", pay_day=1)
    assert run.pay_on == date(2026, 12, 30)


def test_a_pay_day_on_a_sunday_moves_to_the_friday_before(cast):
    assert date(2027, 2, 7).weekday() == 6
    run = _run(cast, date(2027, 2, 1), pay_day=7)
    assert run.pay_on == date(2027, 2, 5)


def test_a_pay_day_on_a_saturday_moves_to_the_friday_before(cast):
    assert date(2027, 3, 6).weekday() == 5
    run = _run(cast, date(2027, 3, 1), pay_day=6)
    assert run.pay_on == date(2027, 3, 5)


def test_a_pay_day_on_a_national_holiday_moves_to_the_day_before(cast):
    run = _run(cast, date(2027, 2, 1), pay_day=11)  # 建国記念の日 (Thursday)
    assert run.pay_on == date(2027, 2, 10)


def test_golden_week_moves_the_pay_day_into_the_month_before(cast):
    run = _run(cast, date(2027, 5, 1), pay_day=5)  # 5/3-5/5 holidays, 5/1-2 weekend
    assert run.pay_on == date(2027, 4, 30)


@pytest.mark.parametrize("month", ["2026-12", "2027-06"])
def test_a_pay_day_on_a_business_day_stays(cast, month):
    run = _run(cast, month, pay_day=1)
    assert run.pay_on == date(int(month[:4]), int(month[5:]), 1)
