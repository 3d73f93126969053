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


def render(source: str, form, **context) -> str:
    from django.template import engines

    coalition = type("Coalition", (), {"slug": "voorbeeldregio"})()
    template = engines["django"].from_string("{% load finder_fields %}" + source)
    return template.render({"form": form, "coalition": coalition, "lang": {}, **context})


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": "baby"},
        {"q": 'moe & "verdrietig" <b>', "fase": "baby", "niveau": ["basis", "extra"], "gratis": "1"},
        {"q": "huilen", "postcode": "7241", "afstand": "10", "online": "on"},
        {"q": "", "datum": "2026-01-05", "thuis": "1"},
    ],
)
@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize("form_class", [FinderForm, ProfessionalForm])
def test_the_remembered_form_is_the_form_as_django_renders_it(data, language, form_class):
    finder_fields._forms.clear()
    with translation.override(language):
        for _round in range(2):  # rendered with holes, then from memory
            form = form_class(data)
            form.is_valid() if data is not None else None
            professional = form_class is ProfessionalForm
            expected = render(
                '{% include "finder/_form.html" with open_filters=True %}', form, professional=professional
            )
            assert render("{% finder_form open_filters=True %}", form, professional=professional) == expected
    assert len(finder_fields._forms) == 1


def test_a_form_with_errors_is_rendered_as_usual_and_not_remembered():
    finder_fields._forms.clear()
    form = FinderForm({"q": "x" * 201, "fase": "no-such-phase"})
    assert not form.is_valid()
    html = render("{% finder_form %}", form)
    assert html == render('{% include "finder/_form.html" %}', form)
    assert "errorlist" in html and not finder_fields._forms


def test_each_filter_choice_is_its_own_look_and_the_words_are_not_part_of_it():
    finder_fields._forms.clear()
    for data in (
        {"q": "baby", "fase": "baby"},
        {"q": "peuter", "fase": "baby"},
        {"q": "x", "fase": "peuter"},
    ):
        form = FinderForm(data)
        form.is_valid()
        assert f'value="{data["q"]}"' in render("{% finder_form %}", form)
    assert len(finder_fields._forms) == 2


def test_a_value_that_looks_like_a_hole_is_rendered_as_usual():
    finder_fields._forms.clear()
    form = FinderForm({"q": "baby", "gratis": finder_fields.HOLE.format("q")})
    assert form.is_valid()  # a checkbox takes any value
    assert render("{% finder_form %}", form) == render('{% include "finder/_form.html" %}', form)
    assert not finder_fields._forms
