"""One ranking for both databases: a weighted field model over needs and concepts, and a relevance floor."""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ookbalans.search.language import key
from ookbalans.search.text import MIN_PREFIX_STEM
from ookbalans.search.understanding import Need, Understanding, only_context

# How much a match weighs per field, defined once for the ranking and for both backends' own
# ranking of candidates: the name most, then the short description (with the organisation), the
# classifications' labels, and the full description least: a mention there never beats a service
# that is about the need.
FIELD_WEIGHTS = {"title": 1.0, "body": 0.7, "labels": 0.35, "description": 0.2}
# A match in each further field adds a little (a service about a need names it more than once).
FURTHER_FIELD = 0.05
# How a need is met: its concept itself, a narrower concept, the parent's own word (or a longer
# word it starts), or only the broader concept.
CONCEPT, NARROWER, OWN_WORD, WORD_PREFIX = 1.0, 0.7, 0.9, 0.6
RELATED, SIBLING, BROADER = 0.9, 0.3, 0.35
# A plain word met by another word of its derivational root ('voeden' for 'voeding', 'gehuil' for 'huilen').
FAMILY = 0.8
# A compound's parts, each named in the field ('begeleiding tijdens de zwangerschap' for
# 'zwangerschapsbegeleiding'): as much as a word the field only begins with.
PIECES = 0.6
# A field that meets a need by its concept and also holds the parent's own words meets it a little more.
LITERAL = 0.05
# A name or short description about the broader concept ('Urgentie en woonbemiddeling': housing) of
# a service whose text names the need itself elsewhere ('dakloosheid' in its description) is about
# the need: the two places confirm each other.
CONFIRMED = 0.8
# A need the thesaurus understood weighs most; a word of the query it does not know, less; a very
# common word ('praten', 'zoon') least.
WORD_WEIGHT = 0.6
GENERIC_WEIGHT = 0.3
# A word of the query that nothing explains lowers the confidence in every hit.
UNKNOWN_WEIGHT = 0.5
# A real word of another language that nothing explains lowers it less (its grammar, not its need).
FOREIGN_WEIGHT = 0.15
# A word of the parent's situation ('bellen', 'woon') orders hits a little and never counts
# towards the fit: the floor does not depend on how many such words a sentence has.
SITUATION_WEIGHT = 0.1
# A hit that meets more of the query's needs itself (anywhere) comes before one that meets fewer at
# the same strength: half a mention in the full description per share of the needs, so coverage
# orders hits but never lifts a mention in the full description above a service about the need.
COVERAGE = 0.1
# The generalist door of a social situation. A need whose concepts point at the family's circumstances
# (the framework's factors of money, the partner relationship and single parenthood: rent arrears,
# quarrels, debts) is also the work of the coalition's generalist contact point, whose name the
# thesaurus knows as `wijkteam` ('Sociaal Wijkteam Tiel', 'Vraag het Sociaal Team Zutphen'): such a
# service meets the need this much in its name, less than a service about the need itself, enough to
# stand among the first results and to answer when no service is about the situation. When the query
# names such a need beside other needs (stacked problems), the door meets those others as a broader
# concept in a short description would: it is there for the whole family, but a service about one of
# them comes first. A door never counts as meeting a need itself (`COVERAGE`): it is not about it.
SOCIAL_FACTORS = frozenset({"financien", "partnerschap", "alleenstaand"})
DOOR_CONCEPTS = frozenset({"wijkteam"})
DOOR, BESIDE_DOOR = 0.6, 0.25
# Services for the phase the query names ('zwanger') come first among equals.
PHASE_BONUS = 0.08
# A need is met directly by its concept (or a narrower one) or the parent's own word, in these fields.
DIRECT, DIRECT_FIELDS = WORD_PREFIX, ("title", "body")
# Below this score no service fits; a hit scoring less than this share of the best one is dropped.
# Calibrated on all development sets together (`benchmarks/search_scores.py`): the relative cut is
# the highest that keeps at least 95 % of the relevant hits (0.3 kept 94 %, 0.25 keeps 96 %).
RELEVANCE_FLOOR = 0.55
RELATIVE_FLOOR = 0.25
# When no hit is about the query, something still fits when a hit meets this share of its needs
# itself wherever it names them (all of them: a no-answer query's best share on the development sets
# was 0.84).
WHOLE = 1.0
# A service classified with a factor that a need's concept points at meets the need this much, when
# its text does not: less than a mention in the full description, more than nothing (the POH-GGZ,
# classified for parents' mental health, never says 'moe').
CLASSIFIED = 0.15
# Once something fits, hits met only through their classification follow the others, until the
# list is this long.
CLASSIFIED_FILL = 5


class FieldKeys(frozenset):
    """A field's word keys, also in sorted order: a prefix is found by bisection, not by a scan."""

    __slots__ = ("ordered",)

    def __new__(cls, keys):
        made = super().__new__(cls, keys)
        made.ordered = tuple(sorted(made))
        return made

    def has_prefix(self, part: str) -> bool:
        position = bisect.bisect_left(self.ordered, part)
        return position < len(self.ordered) and self.ordered[position].startswith(part)


@dataclass(frozen=True)
class Document:
    """A service as the ranking sees it: the word keys and concepts per field, and its phases."""

    keys: Mapping[str, FieldKeys]
    concepts: Mapping[str, frozenset[str]]
    phases: frozenset[str]
    # The framework factors the service is classified with.
    classified: frozenset[str] = frozenset()

    @functools.cached_property
    def every_concept(self) -> frozenset[str]:
        """The concepts of all its fields together (worked out once; documents are kept between searches)."""
        return frozenset().union(*self.concepts.values())

    @functools.cached_property
    def shared(self) -> tuple:
        """The keys and concepts of its shared fields (`SHARED_FIELDS`): the same for the same labels."""
        return tuple((self.keys[name], self.concepts[name]) for name in SHARED_FIELDS)

    @functools.cached_property
    def own(self) -> tuple[frozenset[str], FieldKeys]:
        """The concepts and the word keys of its other fields together, to tell at once that a need is
        met, if at all, only in its shared fields."""
        names = [name for name in FIELD_WEIGHTS if name not in SHARED_FIELDS]
        return (
            frozenset().union(*(self.concepts[name] for name in names)),
            FieldKeys(frozenset().union(*(self.keys[name] for name in names))),
        )


@functools.lru_cache(maxsize=50_000)
def field_keys(text: str) -> FieldKeys:
    return FieldKeys(key(word) for word in text.split())


def document(fields: Mapping[str, str], concepts: Mapping) -> Document:
    """Build the ranking's view of a stored search document (its normalised texts and concepts)."""
    found = concepts.get("fields", {}) if concepts else {}
    return Document(
        keys={name: field_keys(fields.get(name) or "") for name in FIELD_WEIGHTS},
        concepts={name: frozenset(found.get(name, ())) for name in FIELD_WEIGHTS},
        phases=frozenset(concepts.get("phases", ()) if concepts else ()),
        classified=frozenset(concepts.get("classified", ()) if concepts else ()),
    )


def _word_strength(part: str, keys: FieldKeys) -> float:
    if part in keys:
        return OWN_WORD
    if len(part) >= MIN_PREFIX_STEM and keys.has_prefix(part):
        return WORD_PREFIX
    return 0.0


def field_strength(need: Need, doc: Document, name: str) -> float:
    """How well one field of a document meets a need, 0 to 1."""
    concepts = doc.concepts[name]
    codes = need.codes
    if codes and not codes.isdisjoint(concepts):
        # The parent's own words there too: the field names the need as she does ('babymassage'
        # in the name of a course, not only the bond with the baby that the word belongs to).
        keys = doc.keys[name]
        own = need.keys and all(_word_strength(part, keys) for part in need.keys)
        return CONCEPT + LITERAL if own else CONCEPT
    if need.narrower and not need.narrower.isdisjoint(concepts):
        return NARROWER
    strength = 0.0
    if need.keys:
        keys = doc.keys[name]
        found = [_word_strength(part, keys) for part in need.keys]
        strength = sum(found) / len(found) if need.partial_words else min(found)
        if strength < FAMILY and need.family_keys and not need.family_keys.isdisjoint(keys):
            strength = FAMILY
        if strength < PIECES and need.piece_keys and all(part in keys for part in need.piece_keys):
            strength = PIECES
    siblings, broader = need.siblings, need.broader
    if strength < SIBLING and siblings and not siblings.isdisjoint(concepts):
        strength = SIBLING
    if strength < BROADER and broader and not broader.isdisjoint(concepts):
        strength = BROADER
    if (
        strength < CONFIRMED
        and name in DIRECT_FIELDS
        and broader
        and not broader.isdisjoint(concepts)
        and not codes.isdisjoint(doc.every_concept)
    ):
        strength = CONFIRMED
    return strength


# The fields whose strength depends on that field alone (the direct fields also look at the document's
# other concepts, `CONFIRMED`), and whose text many services share: the labels of level, phase and
# target group (21 different ones among the national catalogue's 100,000 services).
SHARED_FIELDS = ("labels",)


def field_strengths(need: Need, doc: Document, known: dict | None = None) -> dict[str, float]:
    """How well each field meets the need (fields that do not meet it left out).

    `known` keeps, for one need during one ranking, the strengths of shared fields already worked out.
    """
    found = {}
    for name in FIELD_WEIGHTS:
        if known is not None and name in SHARED_FIELDS:
            seen = (name, doc.keys[name], doc.concepts[name])
            strength = known.get(seen)
            if strength is None:
                strength = known[seen] = field_strength(need, doc, name)
        else:
            strength = field_strength(need, doc, name)
        if strength:
            found[name] = strength
    return found


def need_score(need: Need, doc: Document, strengths: Mapping[str, float] | None = None) -> float:
    """The best field's weight times how well it meets the need, a little more per further field."""
    if strengths is None:
        strengths = field_strengths(need, doc)
    best = 0.0
    if strengths:
        scores = [FIELD_WEIGHTS[name] * strength for name, strength in strengths.items()]
        best = max(scores) + FURTHER_FIELD * (len(scores) - 1)
    if need.parts:
        # 'somber na de bevalling' in part: low mood in the name and birth in the description
        # meets it more than birth alone.
        found = [
            max(
                (
                    weight
                    for name, weight in FIELD_WEIGHTS.items()
                    if not codes.isdisjoint(doc.concepts[name])
                ),
                default=0,
            )
            for codes in need.parts
        ]
        best = max(best, RELATED * sum(found) / len(found))
    return best


def social(need: Need) -> bool:
    """Whether a need is a situation of the family's circumstances (money, the relationship, alone)."""
    return not need.generic and not need.situation and not SOCIAL_FACTORS.isdisjoint(need.factors)


def door_needs(needs: tuple[Need, ...]) -> list[float]:
    """How strongly a generalist door meets each need in its name: the social ones `DOOR`, and beside
    one, every other understood need `BESIDE_DOOR`; nothing when the query names no social need."""
    if not any(social(need) for need in needs):
        return [0.0] * len(needs)
    asked = [bool(need.codes) and not need.generic and not need.situation for need in needs]
    strengths = []
    for need, other in zip(needs, asked, strict=True):
        strengths.append(DOOR if social(need) else BESIDE_DOOR if other else 0.0)
    return strengths


def classified_strength(need: Need, doc: Document) -> float:
    """How well the service's classification meets a need: its factors that the need's concepts point
    at, as a share of all its factors (a service classified with one factor is more about it)."""
    if need.generic or not need.factors or not doc.classified:
        return 0.0
    shared = len(need.factors & doc.classified)
    return CLASSIFIED * math.sqrt(shared / len(doc.classified)) if shared else 0.0


class Ranked:
    """A ranked document: its score, the needs it meets (labels for 'say why') and whether it meets all.

    A plain class with slots (made for every candidate of every search); its reasons are worked out
    when first asked, so only for the hits that are shown, not for the candidates below the floor.
    """

    __slots__ = ("score", "_reasons", "complete", "direct", "fit", "classified", "_met", "cover", "door")

    def __init__(
        self,
        score: float,
        reasons: tuple[str, ...] | None,
        complete: bool,
        # Whether the name or short description meets a need itself (its concept or the parent's
        # word), not only through a related concept, a label or the long description.
        direct: bool = False,
        # The score without the phase's bonus: the bonus orders hits, it does not make one fit.
        fit: float = 0.0,
        # Whether it is classified with a factor that a need's concept points at.
        classified: bool = False,
        # Without `reasons`: the needs, the document and its score per need, to work them out from.
        met: tuple | None = None,
        # The weighted share of the query's needs that some field meets itself (by the need's concept,
        # a narrower one or the parent's word), wherever it stands: how much of the need it covers.
        cover: float = 0.0,
        # Whether it is a generalist door (`DOOR`) that meets every need of a social situation.
        door: bool = False,
    ):
        self.cover, self.door = cover, door
        self.score, self._reasons, self.complete = score, reasons, complete
        self.direct, self.fit, self.classified, self._met = direct, fit, classified, met

    @property
    def reasons(self) -> tuple[str, ...]:
        if self._reasons is None:
            needs, doc, scores = self._met
            self._reasons = tuple(
                dict.fromkeys(_reason(need, doc) for need, value in zip(needs, scores, strict=True) if value)
            )
            self._met = None
        return self._reasons

    def _fields(self) -> tuple:
        return (self.score, self.reasons, self.complete, self.direct, self.fit, self.classified)

    def __eq__(self, other) -> bool:
        return isinstance(other, Ranked) and self._fields() == other._fields()

    __hash__ = None

    def __repr__(self) -> str:
        return (
            f"Ranked(score={self.score!r}, reasons={self.reasons!r}, complete={self.complete!r}, "
            f"direct={self.direct!r}, fit={self.fit!r}, classified={self.classified!r})"
        )


def reach(need: Need) -> frozenset[str]:
    """Every concept through which a field can meet the need at all (its own, narrower, sibling, broader
    ones and those of its parts)."""
    return need.codes.union(need.narrower, need.siblings, need.broader, *need.parts)


def beyond_shared(need: Need, concepts: frozenset[str], doc: Document) -> bool:
    """Whether a field other than the shared ones may meet the need: it names a concept the need reaches
    (`concepts`) or holds one of its words. When not, only the shared fields can meet it, and how well
    depends on them alone."""
    own_concepts, own_keys = doc.own
    if not concepts.isdisjoint(own_concepts):
        return True
    if need.family_keys and not need.family_keys.isdisjoint(own_keys):
        return True
    return any(_word_strength(part, own_keys) for part in need.keys)


def rank(
    understanding: Understanding, documents: Mapping[object, Document], doors: bool = True
) -> dict[object, Ranked]:
    """Score every document for the query's needs, the same on every database.

    Each need weighs by how rare it is among the candidates (an inverse document frequency), less
    for a very common word; a document's score is the weighted share of the needs it meets, each
    counted by the best field that meets it, plus a bonus for the query's phase.

    With `doors` (a search within one coalition), generalist doors meet social needs (`DOOR`); across
    the country the door of another municipality answers nothing.

    Everything that depends on the needs alone is worked out once before the documents, and each
    document is visited in one pass (then once more with the needs' weights); the documents' keys
    are only read, never looked up (a service's UUID hashes slowly). A phase word ('zwanger') reaches
    nearly every service of a coalition through its labels alone: documents whose other fields cannot
    meet any need are worked out once per different labels and classification (and phase), the rest
    one by one; the answers are the same as when every document is worked out in full.
    """
    needs = understanding.needs
    if not needs or not documents:
        return {}
    if all(need.generic for need in needs if not need.situation):
        # 'geld' alone (or beside words of the situation only) is the need itself, however common the word.
        needs = tuple(need if need.situation else replace(need, generic=False) for need in needs)
    # Per document: its field strengths per need, the score of each need from its text, and from its
    # classification; and, when only its shared fields can meet the needs, what it shares with others.
    rows = []
    frequency = [0] * len(needs)
    known: list[dict] = [{} for _need in needs]
    reaches = [reach(need) for need in needs]
    # Per need, by shared fields: the need's strengths and score in a document only they can meet it in.
    only_shared: list[dict] = [{} for _need in needs]
    alike: dict[tuple, tuple] = {}
    opening = door_needs(needs) if doors else [0.0] * len(needs)
    any_door = any(opening)
    for pk, doc in documents.items():
        group = None
        # A generalist door meets social needs in its name, whatever its shared fields say: never grouped.
        opened = any_door and not DOOR_CONCEPTS.isdisjoint(doc.concepts["title"])
        beyond = [beyond_shared(need, concepts, doc) for need, concepts in zip(needs, reaches, strict=True)]
        if not opened and not any(beyond):
            group = (doc.shared, doc.classified)
            found = alike.get(group)
            if found is None:
                found = alike[group] = _met(needs, doc, known, beyond, only_shared)
        else:
            found = _met(needs, doc, known, beyond, only_shared)
        strengths, text_scores, classified = found
        # The needs some field meets itself (its concept, a narrower one, the parent's word), wherever;
        # a door's strength never counts as meeting a need itself.
        itself = [max(met.values(), default=0.0) >= DIRECT for met in strengths]
        if opened:
            strengths = [
                {**met, "title": door} if met.get("title", 0.0) < door else met
                for met, door in zip(strengths, opening, strict=True)
            ]
            text_scores = [need_score(need, doc, met) for need, met in zip(needs, strengths, strict=True)]
        for index, value in enumerate(text_scores):
            if value > 0:
                frequency[index] += 1
        rows.append((pk, doc, strengths, text_scores, classified, itself, opened, group))
    count = len(documents)
    weights = []
    for index, need in enumerate(needs):
        rarity = math.log(1 + (count + 1) / (frequency[index] + 1)) / math.log(2 + count)
        kind = GENERIC_WEIGHT if need.generic else 1.0 if need.codes else WORD_WEIGHT
        weights.append(kind * (0.5 + 0.5 * rarity))
    # Words nobody's text or the thesaurus knows count as needs that are not met.
    carrying = [not need.situation for need in needs]
    total = (
        sum(weight for weight, counts in zip(weights, carrying, strict=True) if counts)
        + UNKNOWN_WEIGHT * len(understanding.unknown)
        + FOREIGN_WEIGHT * len(understanding.foreign)
    )
    if total <= 0:
        return {}  # nothing the query asks counts (understanding keeps at least one need that does)
    # When the thesaurus understood a need, a service is about the query only through such a need,
    # not through a plain word beside it ('organiseren' in 'kraamfeest organiseren').
    understood_needs = any(need.codes and not need.generic and not need.situation for need in needs)
    # The needs a text must meet to make a hit, and those whose direct match in the name or short
    # description says the hit is about the query.
    meeting = [not need.generic and not need.situation for need in needs]
    directing = [
        meets and bool(need.codes or not understood_needs) for need, meets in zip(needs, meeting, strict=True)
    ]
    # The needs of each sentence of a query of several (a need named across two belongs to neither).
    sentences: dict[int, list[int]] = {}
    for index, need in enumerate(needs):
        if len(need.sentences) == 1:
            sentences.setdefault(next(iter(need.sentences)), []).append(index)
    if len({sentence for need in needs for sentence in need.sentences}) < 2:
        sentences = {}
    # A query of several sentences fits when a service meets what one of them asks (a sentence that
    # says only who or when, 'mijn baby is net geboren', asks nothing).
    asking = []
    for sentence in sentences:
        inside = [index for index in sentences[sentence] if carrying[index]]
        if any(not needs[index].generic and not only_context(needs[index].codes) for index in inside):
            asking.append(inside)
    phase = understanding.phase

    def scored(strengths, text_scores, classified, itself, in_phase: bool) -> tuple | None:
        """A document's score, fit, coverage and the rest, from what `_met` found (None: no hit)."""
        met_by_text = any(value and meets for value, meets in zip(text_scores, meeting, strict=True))
        if not met_by_text and not any(classified):
            return None  # common words alone ('leren', 'praten') never make a hit
        # The rarity above counts only texts; a classification adds where the text does not meet a need.
        scores = [max(value, other) for value, other in zip(text_scores, classified, strict=True)]
        fit = score = (
            sum(
                weight * value
                for weight, value, counts in zip(weights, scores, carrying, strict=True)
                if counts
            )
            / total
        )
        for inside in asking:
            share = sum(weights[index] * scores[index] for index in inside)
            fit = max(fit, share / sum(weights[index] for index in inside))
        cover = 0.0
        if any(met and about for met, about in zip(itself, directing, strict=True)):
            covered = zip(weights, itself, carrying, strict=True)
            cover = sum(weight for weight, met, counts in covered if met and counts) / total
        situation = [value for value, counts in zip(scores, carrying, strict=True) if not counts]
        if situation:
            score += SITUATION_WEIGHT * sum(situation) / len(situation)
        score += COVERAGE * cover
        if in_phase and score > 0:
            score += PHASE_BONUS
        direct = any(_direct(found) for found, counts in zip(strengths, directing, strict=True) if counts)
        complete = all(s for s, c in zip(scores, carrying, strict=True) if c)
        return round(score, 6), complete, direct, round(fit, 6), any(classified), round(cover, 6), scores

    ranked = {}
    made: dict[tuple, tuple | None] = {}
    for pk, doc, strengths, text_scores, classified, itself, opened, group in rows:
        in_phase = bool(phase) and phase in doc.phases
        if group is None:
            values = scored(strengths, text_scores, classified, itself, in_phase)
        elif (group, in_phase) in made:
            values = made[group, in_phase]
        else:
            values = made[group, in_phase] = scored(strengths, text_scores, classified, itself, in_phase)
        if values is None:
            continue
        score, complete, direct, fit, any_classified, cover, scores = values
        ranked[pk] = Ranked(
            score,
            None,
            complete,
            direct,
            fit,
            any_classified,
            met=(needs, doc, scores),
            cover=cover,
            door=opened and complete,
        )
    return ranked


def _met(
    needs: tuple[Need, ...], doc: Document, known: list[dict], beyond: list[bool], only_shared: list[dict]
) -> tuple[list, list, list]:
    """Per need: the strengths of the fields that meet it, its score from the text, and from the
    classification. A need only the shared fields can meet (`beyond` false) is worked out once per
    different shared fields (`only_shared`)."""
    strengths, text_scores = [], []
    for need, seen, further, shared in zip(needs, known, beyond, only_shared, strict=True):
        found = None if further else shared.get(doc.shared)
        if found is None:
            fields = field_strengths(need, doc, seen)
            found = (fields, need_score(need, doc, fields))
            if not further:
                shared[doc.shared] = found
        strengths.append(found[0])
        text_scores.append(found[1])
    return strengths, text_scores, [classified_strength(need, doc) for need in needs]


def _reason(need: Need, doc: Document) -> str:
    """The label of what a document met: of a need with several concepts, the one the document is about."""
    for code, label in need.labels:
        if any(code in found for found in doc.concepts.values()):
            return label
    return need.label


def _direct(strengths: Mapping[str, float]) -> bool:
    return any(strengths.get(name, 0.0) >= DIRECT for name in DIRECT_FIELDS)


def can_pass_floor(ranked: Mapping[object, Ranked]) -> tuple[list, list[Ranked]]:
    """The keys of the ranked documents that `above_floor` may keep, in their given order, and the hits of
    the others: it keeps only those scoring at least the share of the best (`RELATIVE_FLOOR`) and those
    classified with a need's factor, so the others need not be put in order (they still count for whether
    anything fits)."""
    if not ranked:
        return [], []
    cut = max(hit.score for hit in ranked.values()) * RELATIVE_FLOOR
    kept, others = [], []
    for place, hit in ranked.items():
        if hit.score >= cut or hit.classified:
            kept.append(place)
        else:
            others.append(hit)
    return kept, others


def above_floor(
    ranked: list[tuple[object, Ranked]], others: Iterable[Ranked] = ()
) -> list[tuple[object, Ranked]]:
    """Hits that reach the relevance floor and a share of the best: nothing when none reaches it.

    Something fits when the best hit reaches the floor and some hit is about a need itself (in its
    name or short description), not only near it; or, when nothing is about it, when some hit meets
    every need itself (its concept or the parent's word), if only in its full description: then
    those mentions come back, instead of the contact point alone; or when a generalist door meets
    every need of a social situation (stacked problems: debts, a quarrel and a child who does not
    listen), with the services about each of them. `others`: hits left out of `ranked` beforehand
    because they cannot be kept (`can_pass_floor`); they count for whether anything fits.
    """
    if not ranked:
        return []
    every = [hit for _pk, hit in ranked]
    every.extend(others)
    about = max(hit.fit for hit in every) >= RELEVANCE_FLOOR and any(hit.direct for hit in every)
    if not about and not any(hit.cover >= WHOLE or hit.door for hit in every):
        return []
    cut = ranked[0][1].score * RELATIVE_FLOOR
    if about:
        cut = max(RELEVANCE_FLOOR * 0.5, cut)
    found = [(pk, hit) for pk, hit in ranked if hit.score >= cut]
    # Below them, until the list is CLASSIFIED_FILL long: weaker hits that their classification
    # says are about a need (a mention in the long description, or the factor alone).
    further = [(pk, hit) for pk, hit in ranked if hit.score < cut and hit.classified]
    return found + further[: max(0, CLASSIFIED_FILL - len(found))]
