"""Demo payment data (issue 21): the office's payment settings (pay day 1, a synthetic originator code and
account), and for the households with an approved decision a bank account at a real bank and branch of
zengin-code (synthetic account numbers, the head's kana as the account name) — about one in seven paid at
the counter — and, for one in ten renting households, rent paid to the landlord (代理納付). Nothing is real.
"""

import random
from datetime import date

from django.db import transaction

from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.models import Member, Relation
from hogo.offices.models import Role, RoleAssignment

from . import zengin
from .models import Method, PaymentMethod, PaymentSettings, ProxyItem, ProxyPayee

BANKS = [("0005", "001"), ("0001", "004"), ("0009", "001"), ("0010", "001")]  # real codes, synthetic accounts
COUNTER_EVERY = 7
PROXY_EVERY = 10


def _recorder(office):
    clerk = RoleAssignment.objects.filter(office=office, role=Role.CLERK).select_related("staff__user").first()
    return clerk.staff.user if clerk else None


@transaction.atomic
def seed_payments(office, today: date, seed: int = 1) -> int:
    """Payment settings and methods for the office (once: an office with settings is left alone)."""
    if PaymentSettings.objects.filter(office=office).exists():
        return 0
    recorder = _recorder(office)
    if recorder is None:
        return 0
    PaymentSettings.objects.create(
        office=office,
        pay_day=1,
        originator_code=f"{int(office.municipality_code):010d}",
        originator_name=f"ﾌｸｼｼﾞﾑｼﾖ {office.municipality_code}",
        bank_code="0001",
        branch_code="004",
        account_type="2",
        account_number=f"{office.pk:07d}",
    )
    rng = random.Random(f"payments-{seed}-{office.municipality_code}")
    assisted = set(
        Decision.objects.filter(household__office=office, status=DecisionStatus.APPROVED).values_list(
            "household_id", flat=True
        )
    )
    heads = Member.objects.filter(household_id__in=assisted, relation=Relation.HEAD).select_related("household")
    methods, proxies = [], []
    for head in heads.order_by("household_id"):
        household = head.household
        since = date(2020, 4, 1)
        if rng.randrange(COUNTER_EVERY) == 0:
            methods.append(
                PaymentMethod(household=household, method=Method.COUNTER, starts_on=since, recorded_by=recorder)
            )
            continue
        try:
            name = zengin.to_zengin_kana(head.name_kana, "口座名義", 30)
        except zengin.ZenginError:
            continue
        bank, branch = rng.choice(BANKS)
        methods.append(
            PaymentMethod(
                household=household,
                method=Method.BANK,
                starts_on=since,
                bank_code=bank,
                branch_code=branch,
                account_type="1",
                account_number=f"{rng.randrange(10**7):07d}",
                account_name=name,
                recorded_by=recorder,
            )
        )
        if household.rent and rng.randrange(PROXY_EVERY) == 0:
            proxies.append(
                ProxyPayee(
                    household=household,
                    item=ProxyItem.HOUSING,
                    payee_name=f"{rng.choice(['みなと', 'はまべ', 'さくら'])}不動産管理",
                    monthly_amount=household.rent,
                    starts_on=since,
                    bank_code="0005",
                    branch_code="001",
                    account_type="1",
                    account_number=f"{rng.randrange(10**7):07d}",
                    account_name="ﾌﾄﾞｳｻﾝｶﾝﾘ(ｶ)",
                    recorded_by=recorder,
                )
            )
    PaymentMethod.objects.bulk_create(methods, batch_size=2000)
    ProxyPayee.objects.bulk_create(proxies, batch_size=2000)
    return len(methods)
