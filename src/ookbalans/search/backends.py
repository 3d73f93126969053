"""The two search backends, chosen by the database: SQLite FTS5 and PostgreSQL full text with pg_trgm."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from ookbalans.search.text import MIN_PREFIX_STEM, Analysis, Concept, Phrase, index_stems, stem

# How much a match weighs per field: the name most, the full description least.
TITLE_WEIGHT, BODY_WEIGHT, DESCRIPTION_WEIGHT = 10.0, 4.0, 1.0


class SqliteBackend:
    """An FTS5 table of Python-stemmed text (Snowball Dutch), ranked by BM25."""

    table = "search_fts"

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")

    def write(self, documents: Iterable) -> None:
        rows = [
            (doc.pk, index_stems(doc.title), index_stems(doc.body), index_stems(doc.description))
            for doc in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.table} WHERE rowid = %s", [(row[0],) for row in rows])
            cursor.executemany(
                f"INSERT INTO {self.table} (rowid, title, body, description) VALUES (%s, %s, %s, %s)", rows
            )

    def delete(self, document_ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.table} WHERE rowid = %s", [(pk,) for pk in document_ids])

    @staticmethod
    def _word(word: str) -> str:
        stemmed = stem(word)
        return f'"{stemmed}"*' if len(stemmed) >= MIN_PREFIX_STEM else f'"{stemmed}"'

    def _alternative(self, phrase: Phrase) -> str:
        return "(" + " AND ".join(self._word(word) for word in phrase) + ")"

    def _concept(self, concept: Concept) -> str:
        return "(" + " OR ".join(self._alternative(a) for a in concept.alternatives) + ")"

    def expression(self, concepts: Iterable[Concept], operator: str = "AND") -> str:
        return f" {operator} ".join(self._concept(concept) for concept in concepts)

    def search(self, analysis: Analysis, services_sql: str, params, limit: int, all_needs: bool = True):
        expression = self.expression(analysis.concepts, "AND" if all_needs else "OR")
        sql = (
            f"SELECT d.service_id, -bm25({self.table}, %s, %s, %s) AS score "
            f"FROM {self.table} JOIN search_searchdocument d ON d.id = {self.table}.rowid "
            f"WHERE {self.table} MATCH %s AND d.service_id IN ({services_sql}) "
            "ORDER BY score DESC, d.title, d.service_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [TITLE_WEIGHT, BODY_WEIGHT, DESCRIPTION_WEIGHT, expression, *params, limit])
            return cursor.fetchall()

    def similar_words(self, word: str, vocabulary) -> list[str]:
        return vocabulary.similar_words(word)


class PostgresBackend:
    """A weighted tsvector in the `dutch` configuration with a GIN index; typos through pg_trgm."""

    VECTOR = (
        "setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B') "
        "|| setweight(to_tsvector('dutch', description), 'C')"
    )

    def clear(self) -> None:
        pass  # the vector lives on the document row and goes with it

    def write(self, documents: Iterable) -> None:
        ids = [doc.pk for doc in documents]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_searchdocument SET vector = {self.VECTOR} WHERE id = ANY(%s)", [ids]
            )

    def delete(self, document_ids: Iterable[int]) -> None:
        pass

    @staticmethod
    def _word(word: str) -> str:
        return f"{word}:*" if len(stem(word)) >= MIN_PREFIX_STEM else word

    def _concept(self, concept: Concept) -> str:
        return (
            "(" + " | ".join("(" + " & ".join(map(self._word, a)) + ")" for a in concept.alternatives) + ")"
        )

    def expression(self, concepts: Iterable[Concept], operator: str = "&") -> str:
        return f" {operator} ".join(self._concept(concept) for concept in concepts)

    def search(self, analysis: Analysis, services_sql: str, params, limit: int, all_needs: bool = True):
        expression = self.expression(analysis.concepts, "&" if all_needs else "|")
        # Weights for D, C, B, A in the order ts_rank expects them.
        weights = f"'{{0, {DESCRIPTION_WEIGHT / 10}, {BODY_WEIGHT / 10}, {TITLE_WEIGHT / 10}}}'"
        sql = (
            f"SELECT d.service_id, ts_rank({weights}, d.vector, q) AS score "
            "FROM search_searchdocument d, to_tsquery('dutch', %s) q "
            f"WHERE d.vector @@ q AND d.service_id IN ({services_sql}) "
            "ORDER BY score DESC, d.title, d.service_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, *params, limit])
            return cursor.fetchall()

    def similar_words(self, word: str, vocabulary) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_searchword WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC LIMIT 30",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]


def current():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
