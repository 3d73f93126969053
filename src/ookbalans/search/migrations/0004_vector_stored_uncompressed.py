"""PostgreSQL keeps the search vectors uncompressed: ranking reads every matching vector, and
decompressing them cost most of a whole-country search (380 ms against 50 ms to read all vectors).

Vectors written before this migration stay compressed until they are written again
(`ookbalans rebuild_search_index`, or any change of the service).
"""

from django.db import migrations


def run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_concepts_and_local_words"),
    ]

    operations = [
        migrations.RunPython(
            run("ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTERNAL"),
            run("ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED"),
        ),
    ]
