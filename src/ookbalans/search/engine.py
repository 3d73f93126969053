"""The one search interface: a parent's words in, matching active services out, best first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, QuerySet

from ookbalans.catalogue.models import Coalition, Service
from ookbalans.search import backends
from ookbalans.search.models import SearchWord, UnmetSearch
from ookbalans.search.text import Analysis, Vocabulary, analyse, query_fillers, stopwords, tokens

DEFAULT_LIMIT = 200

_vocabulary_cache: dict[str, object] = {}


def vocabulary() -> Vocabulary:
    """The indexed words, cached per process until words are added or removed."""
    stamp = (connection.alias, connection.settings_dict["NAME"], *_vocabulary_stamp())
    if _vocabulary_cache.get("stamp") != stamp:
        _vocabulary_cache["vocabulary"] = Vocabulary(SearchWord.objects.values_list("word", flat=True))
        _vocabulary_cache["stamp"] = stamp
    return _vocabulary_cache["vocabulary"]


def forget_vocabulary() -> None:
    """Drop this process's cached vocabulary (other processes notice through the stamp)."""
    _vocabulary_cache.clear()


def _vocabulary_stamp() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), MAX(id) FROM search_searchword")
        return tuple(cursor.fetchone())


@dataclass
class SearchOutcome:
    """The hits (service, score) best first; `partial` when no service matched every need."""

    analysis: Analysis
    hits: list[tuple[Service, float]] = field(default_factory=list)
    partial: bool = False


def search(query: str, services: QuerySet[Service], limit: int = DEFAULT_LIMIT) -> SearchOutcome:
    """Search the given services; only active ones are ever returned."""
    backend = backends.current()
    known = vocabulary()
    analysis = analyse(query, known, similar=lambda word: backend.similar_words(word, known))
    outcome = SearchOutcome(analysis)
    if not analysis.concepts:
        return outcome
    active = services.filter(status=Service.Status.ACTIVE).order_by().values("pk")
    services_sql, params = active.query.sql_with_params()
    rows = _tiered(backend, analysis, services_sql, params, limit, all_needs=True)
    if not rows and len(analysis.concepts) > 1:
        rows = _tiered(backend, analysis, services_sql, params, limit, all_needs=False)
        outcome.partial = bool(rows)
    to_pk = Service._meta.pk.to_python  # SQLite returns the UUID as text
    ranked = [(to_pk(pk), float(score)) for pk, score in rows]
    found = Service.objects.in_bulk([pk for pk, _ in ranked])
    outcome.hits = [(found[pk], score) for pk, score in ranked if pk in found]
    return outcome


def _tiered(backend, analysis: Analysis, services_sql: str, params, limit: int, all_needs: bool) -> list:
    """Services matching the parent's own words first, then those found only through synonyms.

    Each tier is ranked by the backend (BM25 or ts_rank); tiering keeps a broad synonym group from
    outranking the word the parent typed, and makes both backends agree on the order of tiers.
    """
    own_words = Analysis(tuple(concept.only_primary() for concept in analysis.concepts), analysis.unknown)
    first = backend.search(own_words, services_sql, params, limit, all_needs)
    seen = {row[0] for row in first}
    # Scores of the second tier are kept below the first tier's.
    floor = min((row[1] for row in first), default=0.0)
    rest = [
        (pk, min(score, floor) * 0.5 if first else score)
        for pk, score in backend.search(analysis, services_sql, params, limit, all_needs)
        if pk not in seen
    ]
    return (first + rest)[:limit]


def search_services(
    query: str, services: QuerySet[Service], limit: int = DEFAULT_LIMIT
) -> list[tuple[Service, float]]:
    """Matching active services with their relevance score, best first."""
    return search(query, services, limit).hits


# At most this many words of a term are kept, each at most this long; anything with a digit is
# dropped, since postcodes, dates and phone numbers could point to a person.
UNMET_TERM_MAX_WORDS = 4
UNMET_WORD_MAX_LENGTH = 30


def unmet_term(query: str) -> str:
    """The normalised term kept for a search that found nothing: no digits, no filler, a few words."""
    words = [
        word
        for word in tokens(query)
        if word not in stopwords()
        and word not in query_fillers()
        and not any(char.isdigit() for char in word)
        and len(word) <= UNMET_WORD_MAX_LENGTH
    ]
    return " ".join(sorted(dict.fromkeys(words))[:UNMET_TERM_MAX_WORDS])


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
