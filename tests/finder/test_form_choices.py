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


def test_the_offered_languages_are_kept_and_forgotten_when_a_service_changes_its_languages(
    django_assert_num_queries,
):
    service = ServiceFactory()
    service.languages.add("tr")
    FinderForm()
    with django_assert_num_queries(0):
        assert [code for code, _name in FinderForm().fields["taal"].choices] == ["", "tr"]
    service.languages.add("ar")  # as the admin saves a service's languages
    assert [code for code, _name in FinderForm().fields["taal"].choices][1:] == ["ar", "tr"]
    service.languages.remove("tr")
    assert [code for code, _name in FinderForm().fields["taal"].choices][1:] == ["ar"]
    service.delete()
    assert [code for code, _name in FinderForm().fields["taal"].choices] == [""]


def test_the_offered_languages_are_forgotten_after_an_import():
    from ookbalans.catalogue.changes import services_changed
    from ookbalans.catalogue.models import Service

    service = ServiceFactory()
    assert [code for code, _name in FinderForm().fields["taal"].choices] == [""]
    # As an import writes: in bulk, no model signals, then the catalogue's signal once.
    Service.languages.through.objects.create(service=service, language_id="pl")
    services_changed(Service, [service.pk])
    assert [code for code, _name in FinderForm().fields["taal"].choices] == ["", "pl"]
