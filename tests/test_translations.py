"""The Dutch interface catalogue is complete and compiled: every message has a translation in the .mo."""

import gettext
import re
from pathlib import Path

import ookbalans

LOCALE = Path(ookbalans.__file__).parent / "locale" / "nl" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def po_entries() -> dict[str, str]:
    def join(block: str) -> str:
        parts = re.findall(r'"(.*)"', block)
        return "".join(parts).encode("raw_unicode_escape").decode("unicode_escape")

    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    return {join(msgid): join(msgstr) for msgid, msgstr in ENTRY.findall(text) if join(msgid)}


def test_every_dutch_message_is_translated_and_not_fuzzy():
    entries = po_entries()
    assert len(entries) > 200
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []
    assert "#, fuzzy" not in (LOCALE / "django.po").read_text(encoding="utf-8")


def test_the_compiled_catalogue_holds_every_translation():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, msgstr in po_entries().items() if compiled.gettext(msgid) != msgstr]
    assert stale == [], "run: cd src/ookbalans && ookbalans compilemessages"
