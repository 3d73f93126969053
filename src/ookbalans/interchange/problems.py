"""Problems found in an import file: where (file or sheet, row, field), the value found, what was expected."""

from __future__ import annotations

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
        return _("%(place)s, field '%(field)s': found '%(value)s'; %(expected)s") % {
            "place": place,
            "field": self.where.column(self.field),
            "value": value,
            "expected": self.expected,
        }


class Problems:
    """Collects every problem of a file, so that all of them are reported at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, where: Where, field_name: str, value, expected: str) -> None:
        self.items.append(Problem(where, field_name, shown(value), str(expected)))

    def warning(self, where: Where, field_name: str, value, expected: str) -> None:
        self.items.append(Problem(where, field_name, shown(value), str(expected), is_error=False))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]


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
