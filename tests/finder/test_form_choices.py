"""The finder's language filter offers exactly the languages some service is given in (besides Dutch)."""

import pytest

from ookbalans.finder.forms import FinderForm
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_language_filter_offers_the_languages_services_are_given_in():
    ServiceFactory().languages.add("nl", "tr")
    ServiceFactory().languages.add("tr", "pl")
    choices = FinderForm().fields["taal"].choices
    assert [code for code, _name in choices][0] == ""
    assert sorted(code for code, _name in choices[1:]) == ["pl", "tr"]
    names = [name for _code, name in choices[1:]]
    assert names == sorted(names)
