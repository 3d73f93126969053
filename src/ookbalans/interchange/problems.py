"""Problems found in an import file: where (file or sheet, row, field), the value found, what was expected."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The key under which a reader leaves the place an object came from (a sheet and row, a CSV line).
SOURCE = "_source"


@dataclass(frozen=True)
class Where:
    """A place in the input: a file, sheet or JSON path, and a row number where the format has rows."""

    source: str
    row: int | str | None = None
    columns: dict = field(default_factory=dict, compare=False, hash=False)

    def column(self, name: str) -> str:
        """The column header the user sees for an HSDS field (Dutch in Excel)."""
        return self.columns.get(name, name)


def where_of(item: dict, fallback: str) -> Where:
    """The place a reader left on an object, or else the fallback (a JSON path)."""
    source = item.get(SOURCE) if isinstance(item, dict) else None
    return source if isinstance(source, Where) else Where(fallback)


@dataclass(frozen=True)
class Problem:
    where: Where
    field: str
    value: str
    expected: str
    is_error: bool = True

    def __str__(self) -> str:
        place = self.where.source
        if self.where.row is not None:
            place = _("%(source)s, row %(row)s") % {"source": place, "row": self.where.row}
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        if not value and not self.field:
            return _("%(place)s: %(expected)s") % {"place": place, "expected": self.expected}
        if not value:  # an empty value says nothing: not "found ''"
            return _("%(place)s, field '%(field)s': %(expected)s") % {
                "place": place,
                "field": self.where.column(self.field),
                "expected": self.expected,
            }
        return _("%(place)s, field '%(field)s': found '%(value)s'; %(expected)s") % {
            "place": place,
            "field": self.where.column(self.field),
            "value": value,
            "expected": self.expected,
        }

    def kind(self) -> str:
        """What problems of the same kind share: the field and what was expected, not the place or value."""
        if not self.field:
            return self.expected
        return _("field '%(field)s': %(expected)s") % {
            "field": self.where.column(self.field),
            "expected": self.expected,
        }


# How many errors, and how many warnings, are kept to be shown one by one; the rest are only counted.
SHOWN = 200


class Problems:
    """Collects the problems of a file, so that they are reported at once: the first `SHOWN` errors and
    warnings each, and of all of them how many there are of each kind (field and what was expected)."""

    def __init__(self, shown_at_most: int = SHOWN) -> None:
        self.shown_at_most = shown_at_most
        self.items: list[Problem] = []
        self.counts = {True: 0, False: 0}
        self.kinds: dict[bool, Counter] = {True: Counter(), False: Counter()}

    def add(self, problem: Problem) -> None:
        kept = self.counts[problem.is_error] < self.shown_at_most
        self.counts[problem.is_error] += 1
        self.kinds[problem.is_error][problem.kind()] += 1
        if kept:
            self.items.append(problem)

    def error(self, where: Where, field_name: str, value, expected: str) -> None:
        self.add(Problem(where, field_name, shown(value), str(expected)))

    def warning(self, where: Where, field_name: str, value, expected: str) -> None:
        self.add(Problem(where, field_name, shown(value), str(expected), is_error=False))

    @property
    def errors(self) -> list[Problem]:
        """The first errors (all of them up to `SHOWN`); `error_count` says how many there are."""
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    @property
    def error_count(self) -> int:
        return self.counts[True]

    @property
    def warning_count(self) -> int:
        return self.counts[False]

    def error_kinds(self) -> list[tuple[str, int]]:
        """Every kind of error with how often it occurs, the most frequent first."""
        return self.kinds[True].most_common()

    def warning_kinds(self) -> list[tuple[str, int]]:
        return self.kinds[False].most_common()

    @property
    def errors_left_out(self) -> int:
        return self.error_count - len(self.errors)

    @property
    def warnings_left_out(self) -> int:
        return self.warning_count - len(self.warnings)


def shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False)[:200]
    return str(value)


class ImportFailed(Exception):
    """The file could not be imported; nothing was changed."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("\n".join(str(p) for p in problems.errors))
        self.problems = problems
