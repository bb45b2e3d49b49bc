from django.db import models


class JSONField(models.JSONField):
    """JSONField for large documents (need-test facts and results) that bulk-inserts through plain
    VALUES on PostgreSQL.

    Django 5.2 bulk-inserts PostgreSQL rows through UNNEST of arrays, and psycopg escapes every
    string inside an array in Python: for documents of several kilobytes that costs more than the
    whole engine run. A `get_placeholder` makes Django use the VALUES form instead. Small JSON
    (audit details, amounts) stays a plain JSONField: there UNNEST, with a handful of placeholders
    instead of one per value, is the faster form."""

    def get_placeholder(self, value, compiler, connection):
        return "%s"
