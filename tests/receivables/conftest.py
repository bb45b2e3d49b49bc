from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.offices.models import Role
from hogo.receivables import services
from tests.factories import make_staff
from tests.transfer.service_bundles import give_office_keys


@pytest.fixture(autouse=True)
def office_keys(request, settings, tmp_path):
    """Every office of the cast has its core signing key: the SMS export is a signed bundle."""
    give_office_keys(request, settings, tmp_path)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def collector(cast):
    return make_staff(cast.office_a, Role.COLLECTOR, username="collector", name="徴収 担当").user


@pytest.fixture
def back_payment_lines():
    return [{"month": f"2026-0{m}", "assistance": "living", "amount": 35_000} for m in (4, 5, 6)]


@pytest.fixture
def approved(cast, back_payment_lines, today):
    """A missed pension back-payment as a 法第63条 determination, approved by SV and chief."""
    determination = services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=back_payment_lines,
        cause="recipient",
        due_on=today + timedelta(days=30),
        means_existed="2026年7月に年金の遡及支給（4〜6月分）があり、その月に資力があった。",
    )
    approvals.approve(cast.users["sv"], determination)
    approvals.approve(cast.users["chief"], determination)
    determination.refresh_from_db()
    return determination


@pytest.fixture
def receivable(approved):
    return approved.receivables.get()


@pytest.fixture
def debt78(cast, back_payment_lines, today):
    """A 法第78条 collection, approved; its debtor has applied in writing for offsetting (法第78条の2)."""
    determination = services.draft_determination(
        cast.users["cw"],
        cast.households["own"],
        lines=back_payment_lines,
        cause="recipient",
        due_on=today + timedelta(days=30),
        dishonest_from=today.replace(year=2026, month=4, day=1),
        dishonest_facts="収入を申告しなかった。",
    )
    approvals.approve(cast.users["sv"], determination)
    approvals.approve(cast.users["chief"], determination)
    debt = determination.receivables.get()
    type(debt).objects.filter(pk=debt.pk).update(offset_applied_on=today)
    debt.refresh_from_db()
    return debt


def in_days(n):
    return timezone.localdate() + timedelta(days=n)
