from django.db import migrations

INDEX = "casework_caserecord_terms_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON casework_caserecord "
            "USING gin (to_tsvector('simple'::regconfig, search_terms))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """Full-text index of case records on PostgreSQL (SQLite matches whole terms with LIKE)."""

    dependencies = [("casework", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
