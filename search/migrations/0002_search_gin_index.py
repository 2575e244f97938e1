"""The GIN index that serves full-text search, on PostgreSQL only (SQLite has no GIN and no tsvector).

It is not declared in SearchEntry.Meta because the SQLite fallback (`make run`) cannot build it.
After upgrading an existing database, fill the index once: `python manage.py rebuild_search_index`.
"""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (search)"
DROP = "DROP INDEX IF EXISTS search_entry_vector_gin"


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
