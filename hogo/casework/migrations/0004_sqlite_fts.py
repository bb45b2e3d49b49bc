from django.db import migrations

STATEMENTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS casework_caserecord_fts USING fts5(search_terms, content='casework_caserecord', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS casework_caserecord_fts_ai AFTER INSERT ON casework_caserecord BEGIN "
    "INSERT INTO casework_caserecord_fts(rowid, search_terms) VALUES (new.id, new.search_terms); END",
    "CREATE TRIGGER IF NOT EXISTS casework_caserecord_fts_ad AFTER DELETE ON casework_caserecord BEGIN "
    "INSERT INTO casework_caserecord_fts(casework_caserecord_fts, rowid, search_terms) VALUES ('delete', old.id, old.search_terms); END",
    "CREATE TRIGGER IF NOT EXISTS casework_caserecord_fts_au AFTER UPDATE OF search_terms ON casework_caserecord BEGIN "
    "INSERT INTO casework_caserecord_fts(casework_caserecord_fts, rowid, search_terms) VALUES ('delete', old.id, old.search_terms); "
    "INSERT INTO casework_caserecord_fts(rowid, search_terms) VALUES (new.id, new.search_terms); END",
    "INSERT INTO casework_caserecord_fts(casework_caserecord_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS casework_caserecord_fts_ai",
    "DROP TRIGGER IF EXISTS casework_caserecord_fts_ad",
    "DROP TRIGGER IF EXISTS casework_caserecord_fts_au",
    "DROP TABLE IF EXISTS casework_caserecord_fts",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in STATEMENTS:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    """SQLite: an FTS5 index of the records' search terms, kept in step by triggers (PostgreSQL has
    its GIN index from 0002). The terms are already Sudachi's normalised forms separated by spaces,
    so FTS5's unicode61 tokenizer only has to split on the spaces."""

    dependencies = [("casework", "0003_newest_first")]
    operations = [migrations.RunPython(create, drop)]
