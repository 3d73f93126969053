"""The two search backends, chosen by the database: SQLite FTS5 and PostgreSQL full text with pg_trgm."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from ookbalans.search.ranking import FIELD_WEIGHTS
from ookbalans.search.text import MIN_PREFIX_STEM, stem, stopwords

# A candidate term: a word (matched by prefix when `prefix`) or a concept's token.
Term = tuple[str, bool]
# What a search returns per candidate: the service and its stored document (concepts as JSON text),
# so the shared ranking needs no second query.
DOCUMENT_COLUMNS = "d.service_id, d.title, d.body, d.labels, d.description, d.concepts"


def concept_token(code: str) -> str:
    """A concept as one word in the backends' index: 'zq' and the code's letters (never a Dutch word)."""
    return "zq" + "".join(char for char in code.lower() if char.isalnum() and char.isascii())


def stems_of(indexed_text: str) -> str:
    """A field's indexed words (with their lemmas and compound parts) as the FTS5 table holds them."""
    return " ".join(stem(word) for word in indexed_text.split() if word not in stopwords())


def factor_token(code: str) -> str:
    """A framework factor a service is classified with, as one word in the backends' index."""
    return concept_token(f"factor_{code}")


def concept_tokens(concepts: dict) -> str:
    codes = {code for found in (concepts or {}).get("fields", {}).values() for code in found}
    tokens = {concept_token(code) for code in codes}
    tokens.update(factor_token(code) for code in (concepts or {}).get("classified", ()))
    return " ".join(sorted(tokens))


# The SQL below is built from class constants, the shared field weights and Django's own SQL for the
# services queryset; every value from a user goes as a query parameter (marked "constants only").


def scope_token(coalition_id) -> str:
    """The coalition as one token in the FTS5 table: 'c' and its UUID's hex digits."""
    return "c" + getattr(coalition_id, "hex", str(coalition_id).replace("-", ""))


def candidate_rows(select_from_where: str, ranked: bool, params: list) -> list[tuple]:
    """Run a backend's candidate query: best score first when ranked (else in index order), up to a limit."""
    order = "ORDER BY score DESC, d.title, d.service_id " if ranked else ""
    with connection.cursor() as cursor:
        cursor.execute(select_from_where + order + "LIMIT %s", params)
        return cursor.fetchall()


class SqliteBackend:
    """An FTS5 table of Python-stemmed text (Snowball Dutch), ranked by BM25."""

    table = "search_fts"

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608 (constants only)

    def write(self, documents: Iterable) -> None:
        rows = [
            (
                doc.pk,
                stems_of(doc.title),
                stems_of(f"{doc.body} {doc.labels} {concept_tokens(doc.concepts)}"),
                stems_of(doc.description),
                scope_token(doc.coalition_id),
            )
            for doc in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.table} WHERE rowid = %s", [(row[0],) for row in rows])  # noqa: S608 (constants only)
            cursor.executemany(
                f"INSERT INTO {self.table} (rowid, title, body, description, scope) "  # noqa: S608 (constants only)
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def delete(self, document_ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.table} WHERE rowid = %s", [(pk,) for pk in document_ids])  # noqa: S608 (constants only)

    @staticmethod
    def _term(term: Term) -> str:
        word, prefix = term
        stemmed = stem(word)
        return f'"{stemmed}"*' if prefix and len(stemmed) >= MIN_PREFIX_STEM else f'"{stemmed}"'

    def search(self, terms: list[Term], services_sql: str, params, limit: int, coalition=None):
        """Documents matching any of the terms, as `DOCUMENT_COLUMNS` rows.

        In one coalition every match is a candidate (a coalition holds a few hundred services), so
        the database only finds them; the whole country is cut to the best `limit` by BM25 with the
        shared field weights (and so is a coalition that has more matches than that).
        """
        expression = " OR ".join(sorted({self._term(term) for term in terms}))
        if coalition is not None:
            # Walking one coalition's posting list is far cheaper than ranking the whole country.
            expression = f'scope : "{scope_token(coalition)}" AND ({expression})'
            rows = self._select(expression, services_sql, params, limit, ranked=False)
            if len(rows) < limit:
                return rows
        return self._select(expression, services_sql, params, limit, ranked=True)

    def _select(self, expression: str, services_sql: str, params, limit: int, ranked: bool):
        score = f"-bm25({self.table}, %s, %s, %s, 0)" if ranked else "0"
        sql = (
            f"SELECT {DOCUMENT_COLUMNS}, {score} AS score "  # noqa: S608 (constants only)
            f"FROM {self.table} JOIN search_searchdocument d ON d.id = {self.table}.rowid "
            f"WHERE {self.table} MATCH %s AND d.service_id IN ({services_sql}) "
        )
        weights = [FIELD_WEIGHTS["title"], FIELD_WEIGHTS["body"], FIELD_WEIGHTS["description"]]
        return candidate_rows(sql, ranked, [*(weights if ranked else []), expression, *params, limit])


class PostgresBackend:
    """A weighted tsvector in the `dutch` configuration with a GIN index; typos through pg_trgm."""

    VECTOR = (
        "setweight(to_tsvector('dutch', d.title), 'A') "
        "|| setweight(to_tsvector('dutch', d.body || ' ' || d.labels || ' ' || v.tokens), 'B') "
        "|| setweight(to_tsvector('dutch', d.description), 'C')"
    )

    def clear(self) -> None:
        pass  # the vector lives on the document row and goes with it

    def write(self, documents: Iterable) -> None:
        """Set the vectors of a batch of documents in one statement (not one per document)."""
        documents = list(documents)
        if not documents:
            return
        ids = [doc.pk for doc in documents]
        tokens = [concept_tokens(doc.concepts) for doc in documents]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_searchdocument AS d SET vector = {self.VECTOR} "  # noqa: S608 (constants only)
                "FROM unnest(%s::bigint[], %s::text[]) AS v(id, tokens) WHERE d.id = v.id",
                [ids, tokens],
            )

    def delete(self, document_ids: Iterable[int]) -> None:
        pass

    @staticmethod
    def _term(term: Term) -> str:
        word, prefix = term
        return f"{word}:*" if prefix and len(stem(word)) >= MIN_PREFIX_STEM else word

    def search(self, terms: list[Term], services_sql: str, params, limit: int, coalition=None):
        """Documents matching any of the terms, as `DOCUMENT_COLUMNS` rows (see the SQLite backend)."""
        expression = " | ".join(sorted({self._term(term) for term in terms}))
        if coalition is not None:
            # One coalition holds a few hundred documents: match those directly rather than letting
            # the planner walk the GIN index for a prefix that matches half the country.
            documents = (
                "(SELECT id, service_id, title, body, labels, description, concepts, vector "
                "FROM search_searchdocument WHERE coalition_id = %s OFFSET 0)"
            )
            rows = self._select(documents, [coalition], expression, services_sql, params, limit, False)
            if len(rows) < limit:
                return rows
            return self._select(documents, [coalition], expression, services_sql, params, limit, True)
        return self._select("search_searchdocument", [], expression, services_sql, params, limit, True)

    @staticmethod
    def _select(documents, scope_params, expression, services_sql, params, limit, ranked):
        columns = DOCUMENT_COLUMNS.replace("d.concepts", "d.concepts::text")
        if not ranked:
            sql = (
                f"SELECT {columns}, 0 AS score "  # noqa: S608 (constants only)
                f"FROM {documents} d, to_tsquery('dutch', %s) q "
                f"WHERE d.vector @@ q AND d.service_id IN ({services_sql}) "
            )
            return candidate_rows(sql, False, [*scope_params, expression, *params, limit])
        # Weights for D, C, B, A in the order ts_rank expects them.
        weights = (
            f"'{{0, {FIELD_WEIGHTS['description']}, {FIELD_WEIGHTS['body']}, {FIELD_WEIGHTS['title']}}}'"
        )
        # The best `limit` matches are chosen from their vectors (and titles, for ties) alone; only
        # those few are joined back for their texts. Sorting every match of the country with its
        # texts (and its concepts cast to text) cost more than the ranking itself.
        sql = (
            f"SELECT {columns}, best.score FROM ("  # noqa: S608 (constants only)
            f"SELECT d.id, d.title, d.service_id, ts_rank({weights}, d.vector, q) AS score "
            f"FROM {documents} d, to_tsquery('dutch', %s) q "
            f"WHERE d.vector @@ q AND d.service_id IN ({services_sql}) "
            "ORDER BY score DESC, d.title, d.service_id LIMIT %s"
            ") best JOIN search_searchdocument d ON d.id = best.id "
            "ORDER BY best.score DESC, best.title, best.service_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*scope_params, expression, *params, limit])
            return cursor.fetchall()


def current():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
