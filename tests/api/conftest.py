"""Fixtures for the API tests: the same demo coalition, with awkward texts, as the interchange tests."""

from tests.interchange.conftest import awkward_demo, demo  # noqa: F401 - fixtures shared by import
