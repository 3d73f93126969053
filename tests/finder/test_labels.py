"""Every choice and framework code a parent sees has one wording for parents, translated in every language."""

import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from ookbalans import finder
from ookbalans.catalogue import choices
from ookbalans.catalogue.models import CostOption, Membership, Schedule, Service
from ookbalans.finder import labels
from ookbalans.framework import codes

FINDER_LOCALE = Path(finder.__file__).parent / "locale"

# Each table of parents' wordings, with every value it must word: a choice's members or a taxonomy's codes.
WORDINGS = {
    "access": (labels.ACCESS, list(choices.Access)),
    "frequency": (labels.FREQUENCY, list(choices.Frequency)),
    "cost": (labels.COST, list(choices.CostKind)),
    "weekdays": (labels.WEEKDAYS, list(choices.Weekday)),
    "phases": (labels.PHASES, codes.PHASES.codes()),
    "phases for professionals": (labels.PHASES_FOR_PROFESSIONALS, codes.PHASES.codes()),
    "levels for parents": (labels.LEVELS_FOR_PARENTS, codes.PYRAMID_LEVELS.codes()),
    "levels for professionals": (labels.LEVELS_FOR_PROFESSIONALS, codes.PYRAMID_LEVELS.codes()),
    "target groups": (labels.TARGET_GROUPS, codes.TARGET_GROUPS.codes()),
    # An intervention whose level no source states has the level "": shown as unknown.
    "evidence": (labels.EVIDENCE, [*codes.RECOGNITION_LEVELS.codes(), ""]),
}

ALL_WORDINGS = [
    (table, value, wording)
    for table, (wordings, _values) in WORDINGS.items()
    for value, wording in wordings.items()
]


class Missing(gettext.NullTranslations):
    """Answers for every message a compiled catalogue lacks."""

    def gettext(self, message):
        return None

    def pgettext(self, context, message):
        return None


def finder_catalogue(language: str) -> gettext.GNUTranslations:
    with (FINDER_LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    catalogue.add_fallback(Missing())
    return catalogue


def msgid(wording) -> str:
    with translation.override(None):
        return str(wording)


def looked_up(catalogue: gettext.GNUTranslations, wording) -> str | None:
    """The catalogue's translation of a lazy wording, with its context where it has one (pgettext_lazy)."""
    arguments = wording._args  # what gettext_lazy or pgettext_lazy was called with
    return catalogue.pgettext(*arguments) if len(arguments) == 2 else catalogue.gettext(arguments[0])


def test_the_models_use_the_one_set_of_choices():
    assert Service.Status is choices.ServiceStatus
    assert Service.Access is choices.Access
    assert Service.Frequency is choices.Frequency
    assert CostOption.Kind is choices.CostKind
    assert Schedule.Weekday is choices.Weekday
    assert Membership.Role is choices.Role
    for model, field, choice in [
        (Service, "status", choices.ServiceStatus),
        (Service, "access", choices.Access),
        (Service, "frequency", choices.Frequency),
        (CostOption, "kind", choices.CostKind),
        (Schedule, "weekday", choices.Weekday),
        (Membership, "role", choices.Role),
    ]:
        assert model._meta.get_field(field).choices == choice.choices


@pytest.mark.parametrize("table", WORDINGS)
def test_every_value_has_a_wording_for_parents_and_no_wording_is_stale(table):
    wordings, values = WORDINGS[table]
    assert [value for value in values if value not in wordings] == [], "add a wording to finder/labels.py"
    assert [value for value in wordings if value not in values] == []


def test_the_interface_has_six_languages_each_with_a_finder_catalogue():
    languages = [code for code, _name in settings.LANGUAGES]
    assert sorted(languages) == ["ar", "en", "nl", "pl", "tr", "uk"]
    for language in languages:
        assert (FINDER_LOCALE / language / "LC_MESSAGES" / "django.mo").exists()


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_wording_is_translated_in_the_finder_catalogue(language):
    catalogue = finder_catalogue(language)
    untranslated = [
        (table, value, msgid(wording))
        for table, value, wording in ALL_WORDINGS
        if not looked_up(catalogue, wording)
    ]
    assert untranslated == [], f"translate these in finder/locale/{language} (docs/development.md)"


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_wording_is_shown_in_the_interface_language(language):
    with translation.override(language):
        shown = str(labels.ACCESS[choices.Access.OPEN])
    assert shown == looked_up(finder_catalogue(language), labels.ACCESS[choices.Access.OPEN])
    assert shown != msgid(labels.ACCESS[choices.Access.OPEN])


def test_parents_and_coordinators_each_see_their_own_wording_of_a_frequency():
    # Both catalogues word "every two weeks"; without the finder's context the project's word would win.
    with translation.override("nl"):
        assert str(labels.FREQUENCY[choices.Frequency.FORTNIGHTLY]) == "om de week"
        assert str(choices.Frequency.FORTNIGHTLY.label) == "elke twee weken"
