"""The search quality benchmark: its metrics on hand-computed examples, the evaluation set, the API path."""

import math
from collections import Counter

import pytest

from benchmarks import search_quality as sq

A, B, C, D, E, F = "a", "b", "c", "d", "e", "f"


def test_recall_counts_only_grades_two_and_three_in_the_top_five():
    judgments = {A: 3, B: 2, C: 1, D: 2}  # relevant: a, b, d
    assert sq.recall_at([A, C, E, F, B, D], judgments) == pytest.approx(2 / 3)  # d is 6th
    assert sq.recall_at([D, B, A], judgments) == 1.0
    assert sq.recall_at([C, E], judgments) == 0.0
    assert sq.recall_at([], judgments) == 0.0


def test_recall_is_undefined_without_relevant_services():
    assert sq.recall_at([A], {A: 1}) is None
    assert sq.recall_at([], {}) is None


def test_dcg_by_hand():
    # (2^3-1)/log2(2) + (2^0-1)/log2(3) + (2^2-1)/log2(4) = 7 + 0 + 1.5
    assert sq.dcg([3, 0, 2]) == pytest.approx(8.5)
    assert sq.dcg([]) == 0


def test_ndcg_by_hand():
    judgments = {A: 3, B: 2, C: 1}
    ideal = 7 + 3 / math.log2(3) + 1 / 2  # 3, 2, 1 in that order
    # ranking b, x, a: 3/log2(2) + 0 + 7/log2(4) = 3 + 3.5
    assert sq.ndcg_at([B, E, A], judgments) == pytest.approx(6.5 / ideal)
    assert sq.ndcg_at([A, B, C], judgments) == pytest.approx(1.0)
    assert sq.ndcg_at([E, F], judgments) == 0.0


def test_ndcg_looks_at_the_first_ten_only():
    judgments = {A: 3}
    ranking = [str(n) for n in range(10)] + [A]
    assert sq.ndcg_at(ranking, judgments) == 0.0
    assert sq.ndcg_at(ranking[:9] + [A], judgments) == pytest.approx(1 / math.log2(11))


def test_ndcg_is_undefined_when_nothing_is_relevant():
    assert sq.ndcg_at([A], {A: 1}) is None


def test_summary_means_and_no_answer_accuracy():
    queries = [
        {"id": "q1", "query": "x", "kind": "word", "half": "dev", "judgments": {A: 3, B: 2}},
        {"id": "q2", "query": "y", "kind": "word", "half": "dev", "judgments": {C: 3}},
        {"id": "q3", "query": "z", "kind": "no_answer", "half": "dev", "judgments": {}},
        {"id": "q4", "query": "w", "kind": "no_answer", "half": "dev", "judgments": {D: 1}},
    ]
    rankings = [[A, E], [C], [], [D]]
    summary = sq.summarise([sq.score_query(q, r) for q, r in zip(queries, rankings, strict=True)])
    assert summary["answerable"] == 2
    assert summary["recall_at_5"] == pytest.approx((0.5 + 1.0) / 2)
    ideal = 7 + 3 / math.log2(3)
    assert summary["ndcg_at_10"] == pytest.approx((7 / ideal + 1.0) / 2)
    assert (summary["no_answer_empty"], summary["no_answer_total"]) == (1, 2)
    assert summary["no_answer_accuracy"] == 0.5


def test_the_evaluation_set_is_complete_and_balanced():
    import json

    catalogue = json.loads((sq.EVALUATION_DIR / "catalogue.json").read_text(encoding="utf-8"))
    service_ids = {service["id"] for service in catalogue["services"]}
    queries = sq.load_queries()
    assert len(service_ids) >= 80 and len(queries) >= 80
    assert len({q["id"] for q in queries}) == len(queries)
    for query in queries:
        assert set(query["judgments"]) <= service_ids, query["id"]
        assert set(query["judgments"].values()) <= {1, 2, 3}, query["id"]
        assert (query["kind"] == "no_answer") == (not sq.relevant_ids(query["judgments"])), query["id"]
    per_half = Counter((q["kind"], q["half"]) for q in queries)
    for kind in {q["kind"] for q in queries}:
        assert abs(per_half[(kind, "dev")] - per_half[(kind, "test")]) <= 1, kind
    assert per_half[("no_answer", "test")] >= 8 and per_half[("no_answer", "dev")] >= 4


@pytest.mark.django_db
def test_evaluate_asks_the_public_api_of_the_imported_catalogue(client):
    import io
    import json

    from django.core.management import call_command

    from ookbalans.catalogue.models import Coalition

    Coalition.objects.create(slug=sq.EVALUATION_SLUG, name=sq.EVALUATION_NAME)
    path = sq.EVALUATION_DIR / "catalogue.json"
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import", str(path), coalition=sq.EVALUATION_SLUG, **quiet)
    catalogue = json.loads(path.read_text(encoding="utf-8"))
    brigade = next(s["id"] for s in catalogue["services"] if s["name"] == "Formulierenbrigade")
    by_text = {q["query"]: q for q in sq.load_queries()}
    own_name = {"id": "n1", "query": "Formulierenbrigade", "kind": "word", "half": "dev"}
    own_name["judgments"] = {brigade: 3}
    asked = [own_name, by_text["voedselbnak"], by_text["adoptie"]]
    result = sq.evaluate(client, sq.EVALUATION_SLUG, asked)
    assert [r["id"] for r in result["results"]] == [q["id"] for q in asked]
    assert result["results"][0]["ranking"][0] == brigade  # a service's own name finds it first
    assert result["results"][0]["recall"] == 1.0 and result["results"][0]["ndcg"] == 1.0
    assert result["overall"]["queries"] == 3
    assert result["overall"]["answerable"] == 2 and result["overall"]["no_answer_total"] == 1
    assert set(result["by_half"]) == {q["half"] for q in asked}
    assert set(result["by_kind"]) == {"word", "typo", "no_answer"}
    assert all(len(r["ranking"]) <= sq.NDCG_DEPTH for r in result["results"])


BLIND_DIR = sq.ROOT / "benchmarks" / "search_blind"


def test_the_blind_set_is_complete_and_judged_by_known_labels():
    import json

    catalogue = json.loads((BLIND_DIR / "catalogue.json").read_text(encoding="utf-8"))
    labels = sq.evaluation_labels(BLIND_DIR / "catalogue.json")
    assert len(labels) == len(catalogue["services"]) >= 65  # every service has its own label
    slug, queries = sq.folder_set(BLIND_DIR)
    assert slug == "blindregio" and len(queries) >= 60
    assert len({q["id"] for q in queries}) == len(queries)
    for query in queries:
        assert set(query["judgments"]) <= set(labels.values()), query["id"]
        assert set(query["judgments"].values()) <= {1, 2, 3}, query["id"]
        assert (query["kind"] == "no_answer") == (not sq.relevant_ids(query["judgments"])), query["id"]
    per_part = Counter((q["kind"], q["half"]) for q in queries)
    for kind in {q["kind"] for q in queries}:
        assert abs(per_part[(kind, "dev")] - per_part[(kind, "test")]) <= 1, kind
    assert sum(1 for q in queries if q["kind"] == "no_answer") >= 8


def test_a_folder_set_keeps_only_the_asked_part_and_refuses_unknown_labels(tmp_path):
    import json

    catalogue = {
        "coalition": {"name": "Proef", "slug": "proef"},
        "services": [{"id": "s1", "url": "https://www.praktijk.example/zorg/controles"}],
    }
    queries = [
        {"id": "a", "query": "x", "kind": "word", "part": "dev", "judgments": {"praktijk/controles": 3}},
        {"id": "b", "query": "y", "kind": "word", "part": "test", "judgments": {"praktijk/controles": 2}},
        {"id": "c", "query": "z", "kind": "no_answer", "judgments": {}},
    ]
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    (tmp_path / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    slug, dev = sq.folder_set(tmp_path, "dev")
    assert slug == "proef"
    assert [(q["id"], q["half"], q["judgments"]) for q in dev] == [("a", "dev", {"s1": 3}), ("c", "all", {})]
    assert [q["id"] for q in sq.folder_set(tmp_path)[1]] == ["a", "b", "c"]
    queries[0]["judgments"] = {"praktijk/elders": 3}
    (tmp_path / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    with pytest.raises(ValueError, match="praktijk/elders"):
        sq.folder_set(tmp_path)


@pytest.mark.django_db
def test_a_folder_set_is_imported_into_its_own_coalition_with_its_municipalities(client):
    import io

    from ookbalans.catalogue.models import Coalition

    sq.import_folder_set(BLIND_DIR, {"stdout": io.StringIO(), "stderr": io.StringIO()})
    coalition = Coalition.objects.get(slug="blindregio")
    assert set(coalition.municipalities.values_list("code", flat=True)) == {"GM0243", "GM0233"}
    assert coalition.services.count() == len(sq.evaluation_labels(BLIND_DIR / "catalogue.json"))
    crying = sq.evaluation_labels(BLIND_DIR / "catalogue.json")["jgz-noordveluwe/huilspreekuur"]
    own_name = {"id": "n1", "query": "Huilspreekuur", "kind": "word", "half": "dev", "judgments": {crying: 3}}
    result = sq.evaluate(client, "blindregio", [own_name])
    assert result["results"][0]["ranking"][0] == crying  # asked through the blind coalition's own API
