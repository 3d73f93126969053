"""The two search backends, chosen by the database: SQLite FTS5 and PostgreSQL full text with pg_trgm."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.db import connection

from ookbalans.search.ranking import FIELD_WEIGHTS
from ookbalans.search.text import MIN_PREFIX_STEM, stem, stopwords

# A candidate term: a word (matched by prefix when `prefix`) or a concept's token.
Term = tuple[str, bool]
# What a search returns per candidate: the service and its stored document (concepts as JSON text),
# so the shared ranking needs no second query.
DOCUMENT_COLUMNS = "d.service_id, d.title, d.body, d.labels, d.description, d.concepts"


@functools.cache
def concept_token(code: str) -> str:
    """A concept as one word in the backends' index: 'zq' and the code's letters (never a Dutch word).

    Cached: the thesaurus has a few hundred codes, and indexing asks for each of them again and again.
    """
    return "zq" + "".join(char for char in code.lower() if char.isalnum() and char.isascii())


def stems_of(indexed_text: str) -> str:
    """A field's indexed words (with their lemmas and compound parts) as the FTS5 table holds them."""
    return " ".join(stem(word) for word in indexed_text.split() if word not in stopwords())


def field_concept_tokens(concepts: dict, name: str) -> str:
    """The tokens of the concepts one field of a document mentions."""
    codes = (concepts or {}).get("fields", {}).get(name, ())
    return " ".join(sorted({concept_token(code) for code in codes}))


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

    def search(self, terms: list[Term], services_sql: str, params, limit: int, coalition=None, groups=None):
        """Documents matching any of the terms, as `DOCUMENT_COLUMNS` rows (`groups` is for PostgreSQL).

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
    """Weighted tsvectors in the `dutch` configuration with GIN indexes; typos through pg_trgm.

    The vectors live in their own narrow table (`SearchVector`), written once per indexing.
    """

    table = "search_searchvector"
    # Each vector's GIN index (made by migration 0005), by name.
    INDEXES = {
        "search_vector_whole": "vector",
        "search_vector_title": "title_vector",
        "search_vector_head": "head_vector",
    }
    # The whole document: the name (A), the short description, organisation, labels and every
    # concept (B), the full description (C).
    VECTOR = (
        "setweight(to_tsvector('dutch', d.title), 'A') "
        "|| setweight(to_tsvector('dutch', d.body || ' ' || d.labels || ' ' || v.tokens), 'B') "
        "|| setweight(to_tsvector('dutch', d.description), 'C')"
    )
    # The name with the concepts it mentions; the head adds the short description and organisation.
    TITLE_VECTOR = "to_tsvector('dutch', d.title || ' ' || v.title_tokens)"
    BODY_VECTOR = "setweight(to_tsvector('dutch', d.body || ' ' || v.body_tokens), 'B')"
    # A whole-country search fetches this many times the candidates before the services' filter
    # (nearly every service is active), so that filter probes a few hundred services, not all.
    OVERFETCH = 2
    EVERY_MATCH = 2**31 - 1

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608 (constants only)

    def write(self, documents: Iterable) -> None:
        """Write the vectors of a batch of documents in one statement, each row once (no update after)."""
        documents = list(documents)
        if not documents:
            return
        columns = [
            [doc.pk for doc in documents],
            [concept_tokens(doc.concepts) for doc in documents],
            [field_concept_tokens(doc.concepts, "title") for doc in documents],
            [field_concept_tokens(doc.concepts, "body") for doc in documents],
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {self.table} "  # noqa: S608 (constants only)
                "(document_id, service_id, coalition_id, title, vector, title_vector, head_vector) "
                f"SELECT d.id, d.service_id, d.coalition_id, d.title, {self.VECTOR}, t.vector, "
                f"setweight(t.vector, 'A') || {self.BODY_VECTOR} "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) "
                "AS v(id, tokens, title_tokens, body_tokens) "
                "JOIN search_searchdocument d ON d.id = v.id "
                f"CROSS JOIN LATERAL (SELECT {self.TITLE_VECTOR} AS vector) t "
                "ON CONFLICT (document_id) DO UPDATE SET service_id = EXCLUDED.service_id, "
                "coalition_id = EXCLUDED.coalition_id, title = EXCLUDED.title, vector = EXCLUDED.vector, "
                "title_vector = EXCLUDED.title_vector, head_vector = EXCLUDED.head_vector",
                columns,
            )

    def delete(self, document_ids: Iterable[int]) -> None:
        pass  # a document's vectors are deleted with it (its foreign key cascades)

    @staticmethod
    def _term(term: Term) -> str:
        word, prefix = term
        return f"{word}:*" if prefix and len(stem(word)) >= MIN_PREFIX_STEM else word

    def _expression(self, terms: list[Term]) -> str:
        return " | ".join(sorted({self._term(term) for term in terms}))

    def search(
        self,
        terms: list[Term],
        services_sql: str,
        params,
        limit: int,
        coalition=None,
        groups: list[list[Term]] | None = None,
    ):
        """Documents matching any of the terms, as `DOCUMENT_COLUMNS` rows (see the SQLite backend).

        `groups` are the terms per need of the query: across the country, documents that meet
        every need come first (see `_country`).
        """
        expression = self._expression(terms)
        if coalition is None:
            return self._country(expression, groups or [], services_sql, params, limit)
        rows = self._in_coalition(coalition, expression, services_sql, params, limit, ranked=False)
        if len(rows) < limit:
            return rows
        return self._in_coalition(coalition, expression, services_sql, params, limit, ranked=True)

    # One coalition holds a few hundred documents: match those directly rather than letting the
    # planner walk the GIN index for a prefix that matches half the country.
    COALITION = (
        "(SELECT document_id, service_id, title, vector FROM search_searchvector "
        "WHERE coalition_id = %s OFFSET 0)"
    )
    COLUMNS = DOCUMENT_COLUMNS.replace("d.concepts", "d.concepts::text")

    def _in_coalition(self, coalition, expression, services_sql, params, limit, ranked):
        if not ranked:
            sql = (
                f"SELECT {self.COLUMNS}, 0 AS score "  # noqa: S608 (constants only)
                f"FROM {self.COALITION} v JOIN search_searchdocument d ON d.id = v.document_id, "
                "to_tsquery('dutch', %s) q "
                f"WHERE v.vector @@ q AND v.service_id IN ({services_sql}) LIMIT %s"
            )
            return self._rows(sql, [coalition, expression, *params, limit])
        # Weights for D, C, B, A in the order ts_rank expects them.
        weights = (
            f"'{{0, {FIELD_WEIGHTS['description']}, {FIELD_WEIGHTS['body']}, {FIELD_WEIGHTS['title']}}}'"
        )
        # The best `limit` matches are chosen from their vectors (and titles, for ties) alone; only
        # those few are joined to their documents for the texts.
        sql = (
            f"SELECT {self.COLUMNS}, best.score FROM ("  # noqa: S608 (constants only)
            f"SELECT v.document_id, v.title, v.service_id, ts_rank({weights}, v.vector, q) AS score "
            f"FROM {self.COALITION} v, to_tsquery('dutch', %s) q "
            f"WHERE v.vector @@ q AND v.service_id IN ({services_sql}) "
            "ORDER BY score DESC, v.title, v.service_id LIMIT %s"
            ") best JOIN search_searchdocument d ON d.id = best.document_id "
            "ORDER BY best.score DESC, best.title, best.service_id"
        )
        return self._rows(sql, [coalition, expression, *params, limit])

    def _country(self, expression, groups, services_sql, params, limit):
        """The whole country's candidates, from the narrowest matches that hold enough of them.

        Ranking every match is what cost: a word like 'zwanger' matches 90,000 of 100,000 documents
        (through the phase's label and its concepts). Instead the candidates are taken by tiers,
        each found through a GIN index and read in the shared ranking's tie order (name, then
        service), as `ranking` weighs a match: the query's own words and concepts (`groups`, per
        need) for every need in the name, then in the name or short description; for any need in
        the same two places; then any of its terms (narrower and broader concepts too) in the
        name, the name or short description, and anywhere. Each tier's first `limit` fill what
        the tiers before it left; every match is a candidate when there are no more than `limit`.
        """
        queries = []
        direct = [self._expression(group) for group in groups if group]
        if len(direct) > 1:
            every = " & ".join(f"({need})" for need in direct)
            queries += [("title_vector", every), ("head_vector", every)]
        if direct:
            any_need = " | ".join(direct)
            queries += [("title_vector", any_need), ("head_vector", any_need)]
        queries += [("title_vector", expression), ("head_vector", expression), ("vector", expression)]
        chosen: dict = {}
        for column, query in queries:
            for row in self._tier(column, query, services_sql, params, limit):
                chosen.setdefault(row[0], row)
            if len(chosen) >= limit:
                break
        return list(chosen.values())[:limit]

    def _tier(self, column, expression, services_sql, params, limit):
        """A tier's first `limit` matches among the services, by name and service.

        `search_first_matches` (migration 0005) gives a tier's first matches through its GIN
        index, a few more than needed; then which of them are among the services. When fewer
        remain, the tier is small or the services' filter left many out: then all of its matches.
        """
        sql = (
            f"SELECT {self.COLUMNS}, 0 AS score FROM ("  # noqa: S608 (constants only)
            "SELECT * FROM search_first_matches(%s, to_tsquery('dutch', %s), %s) "
            f"WHERE service_id IN ({services_sql}) ORDER BY title, service_id LIMIT %s"
            ") best JOIN search_searchdocument d ON d.id = best.document_id "
            "ORDER BY best.title, best.service_id"
        )
        rows = self._rows(sql, [column, expression, limit * self.OVERFETCH, *params, limit])
        if len(rows) < limit:
            rows = self._rows(sql, [column, expression, self.EVERY_MATCH, *params, limit])
        return rows

    @staticmethod
    def _rows(sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def current():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
