"""The fast comparison of an import's fields decides as the JSON text comparison does."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ookbalans.interchange import mapping
from ookbalans.interchange.comparing import same
from ookbalans.interchange.problems import SOURCE
from ookbalans.interchange.writing import without_source

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(-2, 2, allow_nan=False).map(lambda f: round(f, 1)),
    st.sampled_from(["", "a", "1", "true", "ja"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["id", "name", SOURCE, "value"]), children, max_size=3),
    ),
    max_leaves=12,
)
# A busy machine may pause the generation of inputs: that says nothing about the comparison.
patient = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@patient
@given(values, values)
def test_same_agrees_with_the_json_text_of_the_values_without_their_source(original, mapped):
    mapped = without_source(mapped)
    expected = mapping.canonical(without_source(original)) == mapping.canonical(mapped)
    assert same(original, mapped) == expected


@patient
@given(values)
def test_a_value_is_the_same_as_itself_without_its_source(original):
    assert same(original, without_source(original))
