"""The finder's result cards: a service's result HTML, made once per language and view under its coalition's
catalogue version and kept in Django's cache (`finder`), so a results page loads and renders only what is new.

A card (finder/_result.html with its facts and, for professionals, its details) is the same for every
visitor of a coalition who sees that service in that language and view; it changes only when the
catalogue does. Its key holds the coalition's `catalogue_version` (read with the coalition on every
finder page, `finding.coalition_for_page`), which every write to what a public page shows changes in the
same transaction (`operations/pagecache.py`: admin, API, imports), so an edited service gets a new key at
once, in every process and on every app server. A results page asks the cache for its 20 cards at once
(`get_many`); only the services without one are loaded from the database (`finding.found_for`) and
rendered. What differs per page is left open in a card: the search in the service link (so "back"
returns to these results) and the `{% hole %}` parts of the template (why it matched, the distance),
filled in by `{% result_item %}` (`templatetags/finder_results.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import caches
from django.template.loader import get_template
from django.utils.translation import get_language

from ookbalans.catalogue.models import Coalition
from ookbalans.finder import finding

RESULT_TEMPLATE = "finder/_result.html"
# What a card's HTML is made from besides the catalogue: a new release's templates give new keys.
CARD_TEMPLATES = (RESULT_TEMPLATE, "finder/_facts.html", "finder/_pro_details.html")
# How long a card is kept. Any change of the catalogue gives a new key at once; this only bounds what a
# write that sends no signal at all (none in the project) or a new translation of the interface could leave.
CARD_SECONDS = 3600
# Django's cache the cards are kept in (settings.CACHES): local memory of their own, or the shared Redis.
CARDS_CACHE = "finder"
# Where the page's search goes in a card's service link: escaped as Django escapes it when filled in.
# No query string contains a NUL (it is URL-encoded), and escaping leaves the hole as it is.
DETAIL_HOLE = "\x00detail\x00"
# The context variable that makes `{% hole %}` leave its part open (see finder_results.hole).
LEAVE_HOLES = "card_leaves_holes"


@dataclass(slots=True)
class Card:
    """One result of a page: the kept HTML of its service, and what this page adds to it."""

    service_id: object
    html: str
    is_translated: bool
    distance: float | None = None
    reasons: list = field(default_factory=list)

    @property
    def is_nearby(self) -> bool:
        return self.distance is not None and self.distance <= finding.NEARBY_KM


_templates_digest: list[str] = []


def templates_digest() -> str:
    """A short digest of the card's templates, worked out once per process."""
    if not _templates_digest:
        sources = "\x00".join(get_template(name).template.source for name in CARD_TEMPLATES)
        _templates_digest.append(hashlib.sha256(sources.encode()).hexdigest()[:12])
    return _templates_digest[0]


def card_key(coalition: Coalition, service_id, language: str, professional: bool, linked: bool) -> str:
    view = ("professionals" if professional else "parents") + ("-linked" if linked else "")
    return (
        f"finder:card:{templates_digest()}:{coalition.pk}:{coalition.catalogue_version}:"
        f"{service_id.hex}:{language}:{view}"
    )


def render_card(item: finding.Listed, coalition: Coalition, professional: bool, linked: bool) -> str:
    """The result's HTML with its per-page parts left open."""
    return get_template(RESULT_TEMPLATE).render(
        {
            "item": item,
            "coalition": coalition,
            "professional": professional,
            "detail_query": DETAIL_HOLE if linked else "",
            LEAVE_HOLES: True,
        }
    )


def cards_for(
    service_ids: list, coalition: Coalition, professional: bool, linked: bool, distances: dict | None = None
) -> list[Card]:
    """The page's cards in the given order: from the cache, the missing ones loaded and made (and kept).

    `linked`: whether the page passes its search on to the service pages (a hole in the link).
    A service that `found_for` no longer finds (not active, not the coalition's) gets no card.
    """
    if not service_ids:
        return []
    language = get_language()
    keys = {pk: card_key(coalition, pk, language, professional, linked) for pk in service_ids}
    cache = caches[CARDS_CACHE]
    kept = cache.get_many(list(keys.values()))
    missing = [pk for pk in service_ids if keys[pk] not in kept]
    if missing:
        made = {
            keys[item.service.pk]: (render_card(item, coalition, professional, linked), item.is_translated)
            for item in finding.found_for(missing, coalition)
        }
        cache.set_many(made, CARD_SECONDS)
        kept.update(made)
    distances = distances or {}
    return [Card(pk, *kept[keys[pk]], distance=distances.get(pk)) for pk in service_ids if keys[pk] in kept]
