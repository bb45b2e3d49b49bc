from importlib import import_module

from django.db import migrations, models

fts = import_module("hogo.casework.migrations.0004_sqlite_fts")


class Migration(migrations.Migration):
    """The edit version of a case record (decision 0021). On SQLite adding the column rebuilds the
    table, which drops the full-text triggers of 0004: they are created again (and the index rebuilt)."""

    dependencies = [
        ("casework", "0006_pg_household_terms_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="caserecord",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="更新番号"),
        ),
        migrations.RunPython(fts.create, migrations.RunPython.noop),
    ]
