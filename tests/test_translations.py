"""Every interface catalogue is complete and compiled: each message has a translation in its .mo."""

import gettext
import re
from pathlib import Path

import pytest

import ookbalans

PACKAGE = Path(ookbalans.__file__).parent
CATALOGUES = sorted(PACKAGE.glob("**/locale/*/LC_MESSAGES/django.po"))
ENTRY = re.compile(r'^(?:msgctxt "(.*)"\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def po_entries(path: Path) -> dict[tuple[str, str], str]:
    """(context, msgid) -> msgstr; the context is "" for messages without one."""

    def join(block: str) -> str:
        parts = re.findall(r'"(.*)"', block)
        return "".join(parts).encode("raw_unicode_escape").decode("unicode_escape")

    text = path.read_text(encoding="utf-8")
    return {
        (context, join(msgid)): join(msgstr) for context, msgid, msgstr in ENTRY.findall(text) if join(msgid)
    }


def test_the_project_has_a_dutch_catalogue():
    assert PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_message_is_translated_and_not_fuzzy(path):
    entries = po_entries(path)
    assert entries
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []
    assert "#, fuzzy" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_compiled_catalogue_holds_every_translation(path):
    with path.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for (context, msgid), msgstr in po_entries(path).items()
        if (compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)) != msgstr
    ]
    assert stale == [], f"run: cd {path.parents[3]} && ookbalans compilemessages"


def test_no_message_has_two_translations_in_one_language():
    """Django merges every app's catalogue into one per language: a message worded twice shows one app
    the other app's word. Where the meaning really differs, the message needs a context (pgettext)."""
    wordings: dict[tuple[str, str, str], dict[str, str]] = {}
    for path in CATALOGUES:
        language = path.parts[-3]
        for (context, msgid), msgstr in po_entries(path).items():
            wordings.setdefault((language, context, msgid), {})[str(path.relative_to(PACKAGE))] = msgstr
    clashes = {key: found for key, found in wordings.items() if len(set(found.values())) > 1}
    assert clashes == {}
