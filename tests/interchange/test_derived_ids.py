"""Derived ids are name-based UUIDs (version 5) of their parent: the fast form gives uuid5's text."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from ookbalans.interchange import taxonomies as tx


@given(parent=st.uuids(), key=st.text(max_size=200))
def test_derived_id_is_uuid5_of_the_parent(parent, key):
    expected = str(uuid.uuid5(parent, key))
    assert tx.derived_id(parent, key) == expected
    assert tx.derived_id(str(parent), key) == expected
    assert tx.derived_id(parent.hex, key) == expected
