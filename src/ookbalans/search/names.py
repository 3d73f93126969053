"""People's names, so that the demand signal never keeps one: Faker's lists of first and last names."""

from __future__ import annotations

import importlib
from functools import cache

from ookbalans.search.text import strip_accents

# Faker's person providers for the interface languages and the languages most spoken by parents
# who came to the Netherlands; their first and last names, word by word ('de vries' -> vries).
NAME_LOCALES = (
    "nl_NL",
    "nl_BE",
    "en_US",
    "en_GB",
    "ar_AA",
    "ar_SA",
    "tr_TR",
    "pl_PL",
    "uk_UA",
    "ru_RU",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "pt_PT",
    "fa_IR",
    "id_ID",
)
NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "last_names")


@cache
def proper_names() -> frozenset[str]:
    """Every word of the names in Faker's person providers, lower case and without accents."""
    words: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in NAME_LISTS:
            names = getattr(provider, attribute, None) or ()
            for name in names.keys() if isinstance(names, dict) else names:
                plain = strip_accents(name.lower()).replace("-", " ")
                words.update(plain.split())
                words.update(
                    plain.replace("ı", "i").split()
                )  # Turkish dotless i, as typed on a Dutch keyboard
    return frozenset(words)


def is_proper_name(word: str) -> bool:
    """Whether a lower-case word is (also) a first or last name: 'fatima', 'jansen', 'daan'."""
    return word in proper_names()
