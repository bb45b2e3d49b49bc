"""Incomes entered before issue 15 migrate: each gets its own public id and keeps its figures."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import OfficeFactory

BEFORE = [("households", "0003_household_latitude_household_longitude")]
AFTER = [("households", "0006_income_public_id_unique")]


@pytest.mark.django_db(transaction=True)
def test_existing_incomes_get_a_public_id_and_keep_their_amounts():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    office = OfficeFactory()  # the offices tables stay as they are now
    household = old.get_model("households", "Household").objects.create(
        office_id=office.pk,
        case_number="1",
        address="移行町",
        grade_area="1-1",
        winter_region="VI",
        household_type="other",
    )
    member = old.get_model("households", "Member").objects.create(
        household=household,
        name="移行 太郎",
        name_kana="いこう たろう",
        birth_date=date(1960, 1, 1),
        sex="male",
        relation="head",
    )
    Income = old.get_model("households", "Income")
    for amount in (50_000, 60_000):
        Income.objects.create(member=member, kind="pension", monthly_amount=amount, since=date(2024, 4, 1))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("households", "Income")
    rows = list(new.objects.order_by("id").values("public_id", "monthly_amount", "until", "income_tax"))
    assert [r["monthly_amount"] for r in rows] == [50_000, 60_000]
    assert all(r["public_id"] for r in rows) and rows[0]["public_id"] != rows[1]["public_id"]
    assert all(r["until"] is None and r["income_tax"] == 0 for r in rows)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
