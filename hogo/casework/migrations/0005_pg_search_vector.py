from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE casework_caserecord ADD COLUMN IF NOT EXISTS search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_terms)) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS casework_caserecord_vector_gin ON casework_caserecord USING gin (search_vector)"
        )
        schema_editor.execute("DROP INDEX IF EXISTS casework_caserecord_terms_gin")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS casework_caserecord_vector_gin")
        schema_editor.execute("ALTER TABLE casework_caserecord DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    """PostgreSQL: the record's terms as a stored, generated tsvector with its GIN index, so that
    testing a record while walking newest-first costs a lookup, not a to_tsvector call. The model
    does not declare the column: the database computes it."""

    dependencies = [("casework", "0004_sqlite_fts")]
    operations = [migrations.RunPython(create, drop)]
