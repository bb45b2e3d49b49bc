from django.db import DatabaseError, migrations, transaction


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():  # btree_gin is a trusted extension; without the right to create it, go without
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    except DatabaseError:
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS casework_caserecord_household_terms ON casework_caserecord "
        "USING gin (household_id, search_vector)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS casework_caserecord_household_terms")


class Migration(migrations.Migration):
    """PostgreSQL: one GIN index over (household, terms), so a caseworker's search within their
    team's households does not walk every record of those households."""

    dependencies = [("casework", "0005_pg_search_vector")]
    operations = [migrations.RunPython(create, drop)]
