"""Making a feed's ids local: deterministic, one set per coalition and source, references kept."""

import copy
import json
import uuid
from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from ookbalans.feeds import demo_feed, outside_ids, pulling
from ookbalans.feeds.models import source_of

ids = st.one_of(st.text(min_size=1, max_size=40).filter(str.strip), st.integers(), st.uuids().map(str))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "organization_id", "location_id", "name", "x"]), children, max_size=4
        )
    ),
    max_leaves=20,
)


@st.composite
def documents(draw):
    organisation = draw(ids)
    services = []
    for index in range(draw(st.integers(0, 4))):
        location = draw(ids)
        services.append(
            {
                "id": draw(ids),
                "name": f"dienst {index}",
                "organization_id": organisation,
                "organization": {"id": organisation, "name": "Org"},
                "cost_options": [{"id": draw(ids)}],
                "service_at_locations": [
                    {
                        "id": draw(ids),
                        "location_id": location,
                        "location": {"id": location, "organization_id": organisation},
                        "schedules": [{"id": draw(ids)}],
                    }
                ],
            }
        )
    return {"services": services, "contacts": [{"id": draw(ids), "organization_id": organisation}]}


def local_ids(document) -> set[str]:
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "id" or key.endswith("_id"):
                    found.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return found


@settings(deadline=None)
@given(documents())
def test_local_ids_are_uuids_the_same_every_time_and_other_per_coalition(document):
    original = copy.deepcopy(document)
    first, used = outside_ids.localise(document, 1, "bron.example/services", {})
    again, _ = outside_ids.localise(document, 1, "bron.example/services", {})
    other, _ = outside_ids.localise(document, 2, "bron.example/services", {})
    assert first == again
    mine, theirs = local_ids(first), local_ids(other)
    assert all(uuid.UUID(value) for value in mine)
    assert not mine & theirs
    assert set(used.values()) == mine
    # References follow the objects they name.
    for service in first["services"]:
        assert service["organization_id"] == service["organization"]["id"]
        sal = service["service_at_locations"][0]
        assert sal["location_id"] == sal["location"]["id"]
        assert sal["location"]["organization_id"] == service["organization_id"]
    # The input is left as it was.
    assert document == original


@settings(deadline=None)
@given(documents())
def test_recorded_ids_win_over_derived_ones(document):
    _, used = outside_ids.localise(document, 1, "bron", {})
    recorded = {key: str(uuid.uuid4()) for key in used}
    localised, again = outside_ids.localise(document, 1, "bron", recorded)
    assert again == recorded
    assert local_ids(localised) == set(recorded.values())


@settings(deadline=None)
@given(json_values)
def test_any_json_is_localised_without_failing(value):
    document = {"services": [value], "organizations": [value], "locations": value, "contacts": [value]}
    outside_ids.localise(document, 1, "bron", {})
    outside_ids.localise(value, 1, "bron", {})


@settings(deadline=None)
@given(
    st.integers(1, 10_000), st.dictionaries(st.sampled_from(["per_page", "q", "full"]), st.text(max_size=8))
)
def test_a_page_address_keeps_the_query_and_asks_for_full_services(page, query):
    from urllib.parse import urlencode

    url = pulling.with_page(f"https://bron.example/hsds/services?{urlencode(query)}", page)
    parsed = {key: values[0] for key, values in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}
    assert parsed["page"] == str(page)
    assert parsed["full"] == query.get("full", "true")
    assert {key: value for key, value in parsed.items() if key not in ("page", "full")} == {
        key: value for key, value in query.items() if key != "full"
    }


@settings(deadline=None)
@given(json_values)
def test_any_total_pages_gives_a_page_count_of_at_least_one(value):
    assert pulling.page_count({"total_pages": value}) >= 1


@settings(deadline=None)
@given(st.text(max_size=60))
def test_the_demo_feed_reads_any_query(query):
    assert demo_feed.page_number(query) >= 1


@settings(deadline=None)
@given(st.text(max_size=300))
def test_a_source_is_at_most_255_characters(url):
    assert len(source_of(url)) <= 255


@settings(deadline=None, max_examples=60)
@given(st.lists(json_values, min_size=1, max_size=3), st.integers(1, 4))
def test_any_answer_of_a_feed_server_is_read_or_refused_with_a_problem(answers, pages):
    """Whatever the pages hold, reading them ends in a document or in a reported problem."""
    from unittest import mock

    from ookbalans.feeds import fetching
    from ookbalans.feeds.models import Feed
    from ookbalans.interchange.problems import Problems

    bodies = [{"total_items": 3, "total_pages": pages, "contents": answers}, *answers]
    encoded = [json.dumps(body).encode() for body in bodies]

    def fetched(url, **kwargs):
        number = int(parse_qs(urlsplit(url).query).get("page", ["1"])[0])
        return fetching.Fetched(url, encoded[min(number - 1, len(encoded) - 1)])

    problems = Problems()
    with mock.patch.object(fetching, "fetch", fetched):
        feed = Feed(name="bron", url="https://bron.example/hsds/services")
        document, digest = pulling.fetch_document(feed, problems)
    if document is None:
        assert problems.errors
    else:
        assert isinstance(document, dict) and digest
