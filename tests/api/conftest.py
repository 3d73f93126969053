"""Fixtures for the API tests: the same demo coalition, with awkward texts, as the interchange tests."""

from tests.interchange.conftest import demo  # noqa: F401 - a fixture shared by import
