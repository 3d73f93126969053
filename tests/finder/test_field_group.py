"""The finder's filter fields rendered from memory look exactly as Django renders them."""

import pytest
from django.utils import translation

from ookbalans.finder.forms import FinderForm, ProfessionalForm
from ookbalans.finder.templatetags import finder_fields

pytestmark = pytest.mark.django_db

FILTERS = ("fase", "niveau", "gratis", "vaders", "thuis", "online", "taal", "afstand")


@pytest.mark.parametrize(
    "data",
    [None, {"q": "baby"}, {"q": "x", "fase": "baby", "niveau": ["basis", "extra"], "gratis": "1"}],
)
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_remembered_field_is_the_field_as_django_renders_it(data, language):
    with translation.override(language):
        for _round in range(2):  # rendered, then from memory
            form = FinderForm(data)
            form.is_valid() if data is not None else None
            for name in FILTERS:
                assert finder_fields.field_group(form[name]) == form[name].as_field_group()


def test_a_field_with_an_error_or_free_text_is_not_remembered():
    finder_fields._rendered.clear()
    form = FinderForm({"fase": "no-such-phase", "postcode": "7241"})
    assert not form.is_valid()
    assert "fase" in finder_fields.field_group(form["fase"]) and form["fase"].errors
    finder_fields.field_group(form["postcode"])
    assert not finder_fields._rendered


def test_each_form_language_and_value_has_its_own_look():
    finder_fields._rendered.clear()
    for language in ("nl", "en"):
        with translation.override(language):
            for data in ({"fase": "baby"}, {"fase": "peuter"}):
                form = ProfessionalForm(data)
                form.is_valid()
                finder_fields.field_group(form["fase"])
    assert len(finder_fields._rendered) == 4
