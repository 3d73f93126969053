"""The one search interface: a parent's words in, matching active services out, best first."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, QuerySet

from ookbalans.catalogue.models import Coalition, Service
from ookbalans.search import backends, ranking
from ookbalans.search.concepts import index_with_local_words
from ookbalans.search.demand import Lexicons, current_lexicons, demand_term, is_impersonal
from ookbalans.search.indexing import local_words_of
from ookbalans.search.language import lemma
from ookbalans.search.models import SearchWord, UnmetSearch
from ookbalans.search.understanding import Lookup, Understanding, understand

DEFAULT_LIMIT = 200
# The backends find at most this many candidates (a coalition holds a few hundred services); the
# shared ranking then orders them in Python.
CANDIDATES = 400
# Understood queries kept per vocabulary.
QUERY_CACHE = 10_000

_cache: dict[str, object] = {}


def _stamp() -> tuple:
    """Changes whenever indexed words or local words are added or removed.

    Indexed words are only ever added, or all deleted and added again (a rebuild), and ids are
    never reused, so the highest id tells a change without counting the whole vocabulary.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT MAX(id) FROM search_searchword), "
            "(SELECT COUNT(*) FROM search_localword), (SELECT MAX(id) FROM search_localword)"
        )
        return (connection.alias, connection.settings_dict["NAME"], *cursor.fetchone())


def _current() -> dict:
    stamp = _stamp()
    if _cache.get("stamp") != stamp:
        _cache.clear()
        _cache.update(stamp=stamp, words=tuple(SearchWord.objects.values_list("word", flat=True)))
    return _cache


def forget_vocabulary() -> None:
    """Drop this process's cached vocabulary (other processes notice through the stamp)."""
    _cache.clear()


def understood(query: str, coalition_id=None, correct: bool = True) -> Understanding:
    """A query's needs as the coalition's finder understands them (with its local words)."""
    cache = _current()
    local = cache.get(("local", coalition_id))
    if local is None:
        local = cache[("local", coalition_id)] = local_words_of(coalition_id) if coalition_id else ()
    lookup = cache.get(("lookup", local))
    if lookup is None:
        lookup = cache[("lookup", local)] = Lookup(cache["words"], index_with_local_words(local))
    queries = cache.setdefault(("queries", local, correct), {})
    if query not in queries:
        if len(queries) > QUERY_CACHE:
            queries.clear()
        queries[query] = understand(query, lookup, index_with_local_words(local), correct)
    return queries[query]


class Reasons(Mapping):
    """Per service id, the needs a hit met (for 'over: ...'), worked out only for the hits asked for: a
    results page shows 20 of a search's hits, a phase word finds hundreds."""

    def __init__(self, hits: dict):
        self._hits = hits

    def __getitem__(self, service_id) -> tuple[str, ...]:
        return self._hits[service_id].reasons

    def __iter__(self):
        return iter(self._hits)

    def __len__(self) -> int:
        return len(self._hits)


@dataclass
class SearchOutcome:
    """The hits (service, score) best first; `partial` when no hit meets every need.

    `reasons` tells per service id which needs it met (for 'over: ...'); `analysis.corrected` is
    the query with its typos corrected, for 'Did you mean ...?'.
    """

    analysis: Understanding
    hits: list[tuple[Service, float]] = field(default_factory=list)
    partial: bool = False
    # The same hits as (service id, score), also when the services were not loaded.
    ranked: list[tuple[object, float]] = field(default_factory=list)
    reasons: Mapping = field(default_factory=dict)


def search(
    query: str,
    services: QuerySet[Service],
    limit: int = DEFAULT_LIMIT,
    coalition: Coalition | None = None,
    load_services: bool = True,
    correct: bool = True,
) -> SearchOutcome:
    """Search the given services; only active ones are ever returned.

    `coalition`, when the services all belong to it, lets the backend skip other coalitions early
    and brings in the coalition's local words. `correct=False` searches the words as typed.
    """
    active = services.filter(status=Service.Status.ACTIVE).order_by().values("pk")
    if coalition is None:
        # A search in one coalition (as the open data API does) still gets its local words.
        owners = list(services.order_by().values_list("coalition_id", flat=True).distinct()[:2])
        scope = owners[0] if len(owners) == 1 else None
    else:
        scope = coalition.pk
    analysis = understood(query, scope, correct)
    outcome = SearchOutcome(analysis)
    if not analysis.needs:
        return outcome
    services_sql, params = active.query.sql_with_params()
    backend = backends.current()
    terms = _terms(analysis, doors=scope is not None)
    rows = backend.search(terms, services_sql, params, CANDIDATES, scope, groups=_groups(analysis))
    local = scope is not None
    hits = _ranked(analysis, rows, local)
    factors = _factor_terms(analysis)
    if hits and len(hits) < ranking.CLASSIFIED_FILL and factors and scope is not None:
        # Too few hits: services classified with the needs' factors may fill the first places. Only
        # then, and only within one coalition (across the country a factor matches tens of thousands).
        seen = {row[0] for row in rows}
        more = backend.search(factors, services_sql, params, CANDIDATES, scope)
        hits = _ranked(analysis, rows + [row for row in more if row[0] not in seen], local) or hits
    hits = hits[:limit]
    to_pk = Service._meta.pk.to_python  # SQLite returns the UUID as text
    outcome.ranked = [(to_pk(pk), hit.score) for pk, hit in hits]
    outcome.reasons = Reasons({to_pk(pk): hit for pk, hit in hits})
    outcome.partial = bool(hits) and not any(hit.complete for _pk, hit in hits)
    if load_services:
        found = Service.objects.in_bulk([pk for pk, _ in outcome.ranked])
        outcome.hits = [(found[pk], score) for pk, score in outcome.ranked if pk in found]
    return outcome


def _terms(analysis: Understanding, doors: bool = True) -> list[backends.Term]:
    """What the backends look for: every need's words (by prefix) and its concepts' tokens, and with
    `doors` the generalist doors of a social situation (within one coalition only: across the country
    the door of another municipality answers nothing, and its token matches thousands)."""
    terms: list[backends.Term] = []
    for need in analysis.needs:
        terms.extend((word, True) for word in need.words)
        # A form the index holds only as its lemma ('sliep': slapen, 'liep': lopen).
        terms.extend((base, False) for word in need.words if (base := lemma(word)) != word)
        terms.extend((word, False) for word in need.family)
        if need.corrected:
            # a corrected compound this coalition's texts may name apart ('zwangerschapsbegeleiding')
            terms.extend((word, False) for word in need.pieces)
        terms.extend(
            (backends.concept_token(code), False)
            for code in sorted(need.codes | need.narrower | need.broader)
        )
    if doors and any(ranking.door_needs(analysis.needs)):
        # The generalist contact points are candidates of a social situation (ranking.DOOR).
        terms.extend((backends.concept_token(code), False) for code in sorted(ranking.DOOR_CONCEPTS))
    return terms


def _groups(analysis: Understanding) -> list[list[backends.Term]]:
    """Per need (common words left out), the terms that meet it directly: its words and its own
    concepts, not the narrower or broader ones. A backend that must choose among very many matches
    prefers documents meeting these (and every need) in their name."""
    # As in the ranking: when every need is a common word, they are the needs themselves.
    needs = [need for need in analysis.needs if not need.generic] or analysis.needs
    return [
        [(word, True) for word in need.words]
        + [(backends.concept_token(code), False) for code in sorted(need.codes)]
        for need in needs
    ]


def _factor_terms(analysis: Understanding) -> list[backends.Term]:
    """The tokens of the framework factors the needs' concepts point at."""
    codes = {code for need in analysis.needs if not need.generic for code in need.factors}
    return [(backends.factor_token(code), False) for code in sorted(codes)]


# The ranking's view of documents, by their stored content: a document that did not change is not
# built again for the next query (a changed one has another key).
DOCUMENT_CACHE = 20_000
_documents: dict[tuple, ranking.Document] = {}


def _document(stored: tuple[str, str, str, str, str]) -> ranking.Document:
    """The ranking's document for a stored (title, body, labels, description, concepts as JSON)."""
    found = _documents.get(stored)
    if found is None:
        if len(_documents) >= DOCUMENT_CACHE:
            _documents.clear()
        title, body, labels, description, concepts = stored
        fields = {"title": title, "body": body, "labels": labels, "description": description}
        found = _documents[stored] = ranking.document(fields, json.loads(concepts) if concepts else {})
    return found


def _ranked(
    analysis: Understanding, rows: list[tuple], doors: bool = True
) -> list[tuple[object, ranking.Ranked]]:
    """The candidates (the backends' rows) in the shared order (score, then name), above the floor.

    The ranking sees the candidates by their place in `rows` (a small integer hashes at once, a UUID
    in Python), and only the hits go back to their service ids.
    """
    documents = {place: _document(row[1:6]) for place, row in enumerate(rows)}
    scored = ranking.rank(analysis, documents, doors)
    # Only what can pass the floor is put in order (`ranking.can_pass_floor`): the rest is left out anyway.
    kept, others = ranking.can_pass_floor(scored)
    # By the UUID's digits: SQLite gives them as hex, PostgreSQL as a UUID.
    ordered = sorted(
        [(place, scored[place]) for place in kept],
        key=lambda item: (-item[1].score, rows[item[0]][1], _digits(rows[item[0]][0])),
    )
    return ranking.above_floor([(rows[place][0], hit) for place, hit in ordered], others)


def _digits(service_id) -> str:
    """A service id's hex digits, the same on both databases (the last key of the shared order)."""
    return service_id.hex if isinstance(service_id, uuid.UUID) else str(service_id).replace("-", "")


def search_services(
    query: str, services: QuerySet[Service], limit: int = DEFAULT_LIMIT, coalition: Coalition | None = None
) -> list[tuple[Service, float]]:
    """Matching active services with their relevance score, best first."""
    return search(query, services, limit, coalition=coalition).hits


def unmet_term(query: str) -> str:
    """The term kept for a search that found nothing (`demand.demand_term` with today's lexicons)."""
    return demand_term(query, _lexicons())


def _lexicons() -> Lexicons:
    cache = _current()
    indexed = cache.get("word_set")
    if indexed is None:
        indexed = cache["word_set"] = frozenset(cache["words"])
    return current_lexicons(indexed)


def impersonal_query(query: str) -> bool:
    """Whether a search text says nothing about a person and may be kept whole (`demand.is_impersonal`)."""
    return is_impersonal(query, _lexicons())


def record_unmet_search(coalition: Coalition, query: str, today: datetime.date | None = None) -> None:
    """Count a search that found nothing, under its normalised term and the week's Monday."""
    term = unmet_term(query)
    if not term:
        return
    week = UnmetSearch.monday_of(today or datetime.date.today())
    row, created = UnmetSearch.objects.get_or_create(
        coalition=coalition, term=term, week=week, defaults={"count": 1}
    )
    if not created:
        UnmetSearch.objects.filter(pk=row.pk).update(count=F("count") + 1)
