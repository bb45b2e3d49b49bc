"""`hogo payments run` refused by the service stops with an error naming the option (exit code 1), and no
run is written."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hogo.payments import services
from hogo.payments.models import PaymentRun

from .payment_helpers import approved_run, assisted, payment_settings


def _refused(cast, *args, username="clerk", office=None):
    office = office or cast.office_a.municipality_code
    before = PaymentRun.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("payments", "run", "--office", office, "--as", username, *args, stdout=StringIO())
    assert refused.value.returncode == 1
    assert PaymentRun.objects.count() == before
    return str(refused.value)


@pytest.fixture
def ready(cast):
    payment_settings(cast.office_a)
    assisted(cast)
    return cast


def test_a_month_not_written_yyyy_mm_is_refused_naming_month(ready):
    assert _refused(ready, "--month", "2026-13") == "--month: 支給月は YYYY-MM の形で入力してください。"


def test_a_second_monthly_run_of_the_month_is_refused_naming_month(ready):
    approved_run(ready)
    message = _refused(ready, "--month", "2026-12")
    assert message.startswith("--month: 令和8年12月の定例支給は既に計算されています。")


def test_an_extra_run_without_its_pay_day_is_refused_naming_pay_on(ready):
    approved_run(ready)
    assert _refused(ready, "--month", "2026-12", "--kind", "extra") == "--pay-on: 随時払の支給日を入力してください。"


def test_a_caseworker_may_not_compute_a_run(ready):
    assert _refused(ready, "--month", "2026-12", username="cw") == services.NOT_COMPUTER


def test_a_clerk_of_another_office_may_not_compute_it(ready):
    assert _refused(ready, "--month", "2026-12", username="b_clerk") == services.NOT_COMPUTER


def test_an_unknown_user_is_refused(ready):
    assert _refused(ready, "--month", "2026-12", username="nobody").startswith("--as nobody:")


def test_an_unknown_office_is_refused(ready):
    assert _refused(ready, "--month", "2026-12", office="999999").startswith("--office 999999:")


def test_an_office_without_payment_settings_is_refused(cast):
    assisted(cast)
    assert _refused(cast, "--month", "2026-12").startswith("この事務所の支給の設定")
