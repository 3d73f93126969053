"""The ranking's shortcuts (shared labels once, reasons when asked, candidates by place) keep its answers."""

import uuid

from ookbalans.search import engine, ranking
from ookbalans.search.understanding import Need, Understanding

CONCEPT_NEED = Need(
    words=("borstvoeding",),
    keys=("borstvoed",),
    codes=frozenset({"borstvoeding"}),
    broader=frozenset({"voeding"}),
    label="borstvoeding",
)
WORD_NEED = Need(words=("spelen",), keys=("spel",), label="spelen")
LABELS = "zwangerschap borstvoeding basis"


def _document(title: str, labels: str = LABELS, label_concepts=("borstvoeding",)) -> ranking.Document:
    fields = {"title": title, "body": "", "labels": labels, "description": ""}
    concepts = {"fields": {"labels": list(label_concepts)}}
    return ranking.document(fields, concepts)


def test_a_shared_labels_field_meets_each_need_as_when_worked_out_alone():
    documents = [
        _document("borstvoedingscafe"),
        _document("spelen met je baby"),
        _document("peuterspeelzaal", labels="peuter spelen", label_concepts=()),
        _document("inloop", labels="peuter spelen", label_concepts=()),
    ]
    for need in (CONCEPT_NEED, WORD_NEED):
        known: dict = {}
        for doc in documents:
            assert ranking.field_strengths(need, doc, known) == ranking.field_strengths(need, doc)
        # Two different labels among four documents: each worked out once.
        assert len(known) == 2


def test_reasons_asked_later_are_those_of_the_needs_a_document_meets():
    documents = {
        "cafe": _document("borstvoedingscafe"),
        "play": _document("spelen met je baby", labels="peuter", label_concepts=()),
        "both": _document("spelen en borstvoeding"),
    }
    understanding = Understanding(needs=(CONCEPT_NEED, WORD_NEED))
    ranked = ranking.rank(understanding, documents)
    assert ranked["cafe"].reasons == ("borstvoeding",)
    assert ranked["play"].reasons == ("spelen",)
    assert ranked["both"].reasons == ("borstvoeding", "spelen")
    assert ranked["both"].complete and not ranked["cafe"].complete
    assert ranked["both"] == ranking.Ranked(
        ranked["both"].score,
        ("borstvoeding", "spelen"),
        True,
        ranked["both"].direct,
        ranked["both"].fit,
        ranked["both"].classified,
    )
    assert ranked["both"] != ranked["cafe"]


def test_candidates_ranked_by_place_come_back_under_their_own_service_ids():
    first, second, third = (uuid.UUID(int=number) for number in (3, 2, 1))
    stored = {
        "best": ("borstvoedingscafe", "", LABELS, "", '{"fields": {"title": ["borstvoeding"]}}'),
        "label": ("inloop", "", LABELS, "", '{"fields": {"labels": ["borstvoeding"]}}'),
    }
    rows = [
        (first, *stored["label"]),
        (second, *stored["best"]),
        # The same name and score as `second`: the service id's digits decide, on both databases.
        (third.hex, *stored["best"]),
    ]
    ordered = engine._ranked(Understanding(needs=(CONCEPT_NEED,)), rows)
    assert [pk for pk, _hit in ordered][:2] == [third.hex, second]
    assert ordered[0][1].reasons == ("borstvoeding",)
    if len(ordered) == 3:
        assert ordered[2][0] == first


FAMILY_NEED = Need(words=("huilen",), keys=("huil",), family_keys=frozenset({"gehuil"}), label="huilen")
PARTS_NEED = Need(
    words=("somber", "bevalling"),
    keys=("somber", "bevall"),
    codes=frozenset({"somber_na_bevalling"}),
    parts=(frozenset({"somberheid"}), frozenset({"bevalling"})),
    siblings=frozenset({"kraamtranen"}),
    label="somber na de bevalling",
)


def _alike(title: str, description: str = "", labels: str = LABELS, concepts: dict | None = None, **more):
    fields = {"title": title, "body": "", "labels": labels, "description": description}
    return ranking.document(fields, {"fields": concepts or {"labels": ["borstvoeding"]}, **more})


def test_documents_met_only_through_their_labels_are_scored_as_when_each_is_worked_out_in_full(monkeypatch):
    """A document whose other fields cannot meet a need shares its labels' outcome with the others; one whose
    name, description or concepts can (a word, a prefix, a word of the same root, a concept it reaches) is
    worked out on its own."""
    documents = {
        "inloop": _alike("inloop"),
        "spreekuur": _alike("spreekuur"),
        "other labels": _alike("inloop", labels="peuter spelen", concepts={}),
        "classified": _alike("spreekuur", classified=["factor_a"]),
        "in phase": _alike("inloop", phases=["zwangerschap"]),
        "own word": _alike("borstvoeding en spelen"),
        "own prefix": _alike("spelletjes", description="speelgoed"),
        "same root": _alike("inloop", description="veel gehuil"),
        "own concept": _alike("inloop", concepts={"labels": ["borstvoeding"], "body": ["voeding"]}),
        "a part": _alike("inloop", concepts={"labels": ["borstvoeding"], "description": ["bevalling"]}),
        "a sibling": _alike("inloop", concepts={"labels": ["borstvoeding"], "title": ["kraamtranen"]}),
    }
    queries = [
        Understanding(needs=(CONCEPT_NEED,), phase="zwangerschap"),
        Understanding(needs=(CONCEPT_NEED, WORD_NEED)),
        Understanding(needs=(WORD_NEED, FAMILY_NEED), unknown=("xyz",)),
        Understanding(needs=(PARTS_NEED, CONCEPT_NEED)),
    ]
    shortcut = [ranking.rank(query, documents) for query in queries]
    monkeypatch.setattr(ranking, "beyond_shared", lambda need, concepts, doc: True)
    in_full = [ranking.rank(query, documents) for query in queries]
    assert shortcut == in_full
    assert all(ranked for ranked in in_full)
    # The shortcut was taken and left out what mattered.
    first = shortcut[0]
    assert first["inloop"].score == first["spreekuur"].score < first["in phase"].score
    assert first["own concept"].score > first["inloop"].score
