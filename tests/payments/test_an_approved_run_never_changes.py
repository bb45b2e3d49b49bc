"""The chief's approval (支出命令) freezes a run: the run, its payments and its lines can no longer be saved
or deleted, it cannot be computed again and it cannot be approved a second time."""

import pytest
from django.core.exceptions import ValidationError

from hogo.approvals import services as approvals
from hogo.common.models import InsertOnlyViolation
from hogo.payments import services
from hogo.receivables.models import Entry

from .payment_helpers import approved_run, bank_account, debt78, decided, offset_limit, payment_settings


@pytest.fixture
def frozen(cast):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=80_000, housing=30_000)
    bank_account(cast.users["cw"], own)
    return approved_run(cast)


def test_saving_or_deleting_the_run_is_refused(frozen):
    frozen.pay_on = frozen.pay_on.replace(day=2)
    with pytest.raises(InsertOnlyViolation):
        frozen.save()
    with pytest.raises(InsertOnlyViolation):
        frozen.delete()


def test_saving_or_deleting_a_payment_is_refused(frozen):
    payment = frozen.payments.get()
    payment.amount += 1
    with pytest.raises(InsertOnlyViolation):
        payment.save()
    with pytest.raises(InsertOnlyViolation):
        payment.delete()
    assert frozen.payments.get().amount == payment.amount - 1


def test_saving_or_deleting_a_line_is_refused(frozen):
    line = frozen.lines.order_by("id").first()
    line.amount += 1
    with pytest.raises(InsertOnlyViolation):
        line.save()
    with pytest.raises(InsertOnlyViolation):
        line.delete()
    assert frozen.lines.count() == 2


def test_recomputing_an_approved_run_is_refused(cast, frozen):
    before = list(frozen.lines.values_list("id", "amount"))
    with pytest.raises(ValidationError):
        services.recompute(cast.users["clerk"], frozen)
    assert list(frozen.lines.values_list("id", "amount")) == before


def test_approving_again_is_refused_and_books_no_second_offset(cast):
    payment_settings(cast.office_a)
    own = cast.households["own"]
    decided(own, cast.users["cw"], living=80_000)
    offset_limit(cast.office_a, 5_000)
    debt = debt78(cast, amount=35_000)
    run = approved_run(cast)
    for actor in ("chief", "clerk"):
        with pytest.raises(ValidationError, match="既に"):
            approvals.approve(cast.users[actor], run)
    assert Entry.objects.filter(receivable=debt, kind="offset").count() == 1
    assert run.actions.filter(action="approve").count() == 1
