"""Fixtures of the search tests: the demo coalition, loaded once per module."""

import pytest


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""
