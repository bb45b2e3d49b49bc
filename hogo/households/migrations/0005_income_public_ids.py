"""Incomes entered before issue 15 had no public id: each gets its own (decision 0017). A migration of
its own, so the data change and the unique index are not in one transaction (PostgreSQL)."""

import uuid

from django.db import migrations


def give_existing_incomes_a_public_id(apps, schema_editor):
    Income = apps.get_model("households", "Income")
    for pk in Income.objects.filter(public_id__isnull=True).values_list("pk", flat=True).iterator():
        Income.objects.filter(pk=pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("households", "0004_income_entries")]

    operations = [migrations.RunPython(give_existing_incomes_a_public_id, migrations.RunPython.noop)]
