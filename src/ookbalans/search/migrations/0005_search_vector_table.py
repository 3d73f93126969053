"""PostgreSQL's search vectors move to a narrow table of their own (`SearchVector`).

A whole-country search read and ranked the vectors inside the wide document rows (texts and
concepts beside them), and indexing inserted each document and then updated it with its vector,
which left a dead copy of every row: 283 MB for 100,000 documents, half of it dead. The new table
holds ids, the name and three vectors (whole document, name, name plus short description), each
row written once.

On PostgreSQL this migration fills the table from the existing vectors (no rebuild needed) and
drops the old column and its index. The documents' table keeps its dead space until
`VACUUM FULL search_searchdocument` (or a quiet moment's `ookbalans rebuild_search_index`
followed by VACUUM). On SQLite the table is created and stays empty: the FTS5 table does its work.
"""

import django.db.models.deletion
from django.db import migrations, models

import ookbalans.search.models

BATCH = 2000
# The same statement the PostgreSQL backend writes with, frozen here: the existing whole-document
# vector is copied as it is; the name's and the head's vectors are made from the document.
COPY = (
    "INSERT INTO search_searchvector "
    "(document_id, service_id, coalition_id, title, vector, title_vector, head_vector) "
    "SELECT d.id, d.service_id, d.coalition_id, d.title, d.vector, t.vector, "
    "setweight(t.vector, 'A') || setweight(to_tsvector('dutch', d.body || ' ' || v.body_tokens), 'B') "
    "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, title_tokens, body_tokens) "
    "JOIN search_searchdocument d ON d.id = v.id "
    "CROSS JOIN LATERAL (SELECT to_tsvector('dutch', d.title || ' ' || v.title_tokens) AS vector) t "
    "WHERE d.vector IS NOT NULL"
)
# A tier's first matches by name, found through the vector's GIN index. The planner, guessing
# how many of 100,000 rows an OR of twenty words matches, would rather read the whole table and
# every vector in it; inside this function it may not, and it plans with the query's own words.
FIRST_MATCHES = """
CREATE FUNCTION search_first_matches(vector_column text, query tsquery, how_many integer)
RETURNS TABLE (document_id bigint, title text, service_id uuid)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT v.document_id, v.title, v.service_id FROM search_searchvector v '
        'WHERE v.%I @@ $1 ORDER BY v.title, v.service_id LIMIT $2',
        vector_column
    ) USING query, how_many;
END
$$
"""
FORWARD_AFTER = [
    FIRST_MATCHES,
    "CREATE INDEX search_vector_whole ON search_searchvector USING gin (vector)",
    "CREATE INDEX search_vector_title ON search_searchvector USING gin (title_vector)",
    "CREATE INDEX search_vector_head ON search_searchvector USING gin (head_vector)",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
    "ANALYZE search_searchvector",
]
BACKWARD = [
    "DROP FUNCTION IF EXISTS search_first_matches(text, tsquery, integer)",
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector",
    "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTERNAL",
    "UPDATE search_searchdocument d SET vector = v.vector FROM search_searchvector v WHERE v.document_id = d.id",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
]


def token(code: str) -> str:
    """`backends.concept_token` as it was when this migration was written."""
    return "zq" + "".join(char for char in code.lower() if char.isalnum() and char.isascii())


def field_tokens(concepts, name: str) -> str:
    return " ".join(sorted({token(code) for code in (concepts or {}).get("fields", {}).get(name, ())}))


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in ("vector", "title_vector", "head_vector"):
        # Ranking reads whole vectors: stored uncompressed (see 0004).
        schema_editor.execute(f"ALTER TABLE search_searchvector ALTER COLUMN {column} SET STORAGE EXTERNAL")
    documents = apps.get_model("search", "SearchDocument").objects.order_by("pk").values_list("pk", "concepts")
    batch = []
    with schema_editor.connection.cursor() as cursor:
        for pk, concepts in documents.iterator(chunk_size=BATCH):
            batch.append((pk, field_tokens(concepts, "title"), field_tokens(concepts, "body")))
            if len(batch) == BATCH:
                cursor.execute(COPY, [list(column) for column in zip(*batch, strict=True)])
                batch = []
        if batch:
            cursor.execute(COPY, [list(column) for column in zip(*batch, strict=True)])
    for statement in FORWARD_AFTER:
        schema_editor.execute(statement, params=None)  # no parameters: '%I' is format()'s own


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_vector_stored_uncompressed"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchVector",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="search.searchdocument",
                    ),
                ),
                ("service_id", models.UUIDField()),
                ("coalition_id", models.UUIDField(db_index=True)),
                ("title", models.TextField()),
                ("vector", ookbalans.search.models.VectorField()),
                ("title_vector", ookbalans.search.models.VectorField()),
                ("head_vector", ookbalans.search.models.VectorField()),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
