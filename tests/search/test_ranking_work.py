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
