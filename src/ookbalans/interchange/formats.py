"""The three file formats in one place: read any of them into an import, write a coalition to any of them."""

from __future__ import annotations

import gc
import io
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ookbalans.interchange.checking.document import surveyed
from ookbalans.interchange.exporting import datapackage as datapackage_out
from ookbalans.interchange.exporting import excel as excel_out
from ookbalans.interchange.exporting import hsds_json as json_out
from ookbalans.interchange.exporting.document import CoalitionDocument
from ookbalans.interchange.importing import Checked, check_import, write_checked
from ookbalans.interchange.limits import Limits
from ookbalans.interchange.problems import ImportFailed, Problems, Where
from ookbalans.interchange.reading import archive
from ookbalans.interchange.reading import datapackage as datapackage_in
from ookbalans.interchange.reading import excel as excel_in
from ookbalans.interchange.reading import hsds_json as json_in
from ookbalans.interchange.writing import Report

# Bytes per piece of a streamed export.
PIECE = 256 * 1024
FORMATS = {
    "hsds-json": ("application/json", "json"),
    "datapackage": ("application/zip", "zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def kind_of(name: str, file) -> str:
    """Which format a file is, from its name and first bytes (a zip's directory tells xlsx from a package)."""
    lower = name.lower()
    if lower.endswith(".json"):
        return "hsds-json"
    if lower.endswith(".xlsx"):
        return "xlsx"
    head = file.read(4)
    file.seek(0)
    if head.startswith(b"PK"):
        count = archive.entry_count(file)
        if count is None or count > archive.MAX_ENTRIES:
            return "datapackage"  # its reader reports what is wrong
        try:
            with zipfile.ZipFile(file) as opened:
                names = opened.namelist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            return "datapackage" if lower.endswith(".zip") else "xlsx"
        finally:
            file.seek(0)
        return "xlsx" if "[Content_Types].xml" in names else "datapackage"
    if lower.endswith(".zip"):
        return "datapackage"
    return "hsds-json"


def read_document(
    source, name: str, coalition, limits: Limits, *, depth: bool = True
) -> tuple[dict | list | None, str, Problems]:
    """Read a path (file or datapackage folder), bytes or a binary file into an HSDS document and its format.

    Within the limits: a file past them is refused before it is unpacked or parsed. `depth=False`:
    a JSON file's nesting is left to the caller (see `hsds_json.read_json`).
    """
    problems = Problems()
    if isinstance(source, str | Path) and Path(source).is_dir():
        return datapackage_in.read_datapackage(Path(source), problems, limits), "datapackage", problems
    if isinstance(source, bytes):
        file = io.BytesIO(source)
    elif isinstance(source, str | Path):
        file = open(source, "rb")  # noqa: SIM115 - closed below
    else:
        file = source
    try:
        kind = kind_of(name, file)
        if kind == "xlsx":
            return excel_in.read_workbook(file, coalition, problems, limits), kind, problems
        if kind == "datapackage":
            return datapackage_in.read_datapackage(file, problems, limits), kind, problems
        data = file.read(limits.json_bytes + 1)  # not more: a larger file is refused unparsed
        return json_in.read_json(data, name, problems, limits, depth=depth), kind, problems
    finally:
        if file is not source:
            file.close()


def too_many(document, problems: Problems, limits: Limits) -> bool:
    """Whether the document has more services (or objects of another kind) than the limits allow, reported."""
    shaped = json_in.as_document(document)
    if not isinstance(shaped, dict):
        return False
    found = False
    for key, most in (
        ("services", limits.services),
        ("organizations", limits.rows),
        ("locations", limits.rows),
        ("contacts", limits.rows),
    ):
        items = shaped.get(key)
        if isinstance(items, list) and len(items) > most:
            problems.error(
                Where(_("the file")),
                key,
                number_format(len(items), force_grouping=True),
                _("expected at most %(limit)s; ask the operator to import a larger file.")
                % {"limit": number_format(most, force_grouping=True)},
            )
            found = True
    return found


def import_file(
    coalition,
    source,
    name: str,
    *,
    dry_run: bool = False,
    progress=None,
    limits: Limits | None = None,
    before_writing=None,
) -> Report:
    """Read and check a file, then write it in one transaction; raise ImportFailed, changing nothing.

    `source` is a path, bytes or a binary file object (an upload); `limits` default to the settings.
    `progress(1)` is called per service checked, `before_writing()` when the checks found no error.
    """
    with checked_file(coalition, source, name, dry_run=dry_run, progress=progress, limits=limits) as checked:
        return write_checked(checked, before_writing)


@contextmanager
def checked_file(
    coalition, source, name: str, *, dry_run: bool = False, progress=None, limits: Limits | None = None
) -> Iterator[Checked]:
    """A file read, checked and compared with the catalogue, writing nothing; raise ImportFailed.

    The parsed file stays out of Python's cycle collector until the block ends (`document_frozen`).
    """
    limits = limits or Limits.from_settings()
    document, kind, problems = read_document(source, name, coalition, limits, depth=False)
    # One walk for the reader's limit of nesting and the checks' look for NUL characters and links.
    too_deep, *suspicions = surveyed(document, limits.depth)
    if too_deep:
        problems.error(Where(name), "", "", json_in.too_deep(limits))
        raise ImportFailed(problems)
    if document is None or (problems.errors and not document):
        if not problems.errors:
            problems.error(
                Where(name),
                "",
                "",
                _("expected a list of services or an object with organizations and services."),
            )
        raise ImportFailed(problems)
    if too_many(document, problems, limits):
        raise ImportFailed(problems)
    # Check on after the reader's problems, so that all problems of the file are reported at once.
    # Excel is strict: a workbook holds only what ookbalans has columns for.
    with document_frozen():
        yield check_import(
            coalition,
            document,
            strict=kind == "xlsx",
            dry_run=dry_run,
            progress=progress,
            problems=problems,
            source=(Path(str(name)).name, kind),
            suspicions=tuple(suspicions),
        )


@contextmanager
def document_frozen():
    """The objects there are now (the file's document above all) left out of Python's cycle collector.

    The checks and the writing make many objects; each full collection would walk the whole parsed
    file again (a quarter of an import's time). `gc.freeze` sets what exists aside until the import
    ends; what the import itself makes is collected as usual. Not in a process that froze objects
    already (the web server after its preload): unfreezing would give those back to the collector.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def export_pieces(coalition, fmt: str, progress=None) -> Iterator[bytes]:
    """The coalition in one of the formats, as a stream of pieces of the file, in bounded memory.

    HSDS JSON is written as it is read; a datapackage or workbook (a zip, whose directory comes last)
    is written to a temporary file first and then read out in pieces.
    """
    if fmt not in FORMATS:
        raise ValueError(fmt)
    document = CoalitionDocument(coalition, progress=progress)
    if fmt == "hsds-json":
        yield from json_out.json_pieces(document)
        return
    with tempfile.TemporaryFile() as file:
        if fmt == "datapackage":
            datapackage_out.write_datapackage(document, file)
        else:
            excel_out.write_workbook(coalition, document, file)
        file.seek(0)
        while piece := file.read(PIECE):
            yield piece


def export_to(coalition, fmt: str, target, progress=None) -> int:
    """Write the coalition in one of the formats to a binary file object; the number of bytes written."""
    size = 0
    for piece in export_pieces(coalition, fmt, progress=progress):
        target.write(piece)
        size += len(piece)
    return size


def export_bytes(coalition, fmt: str, progress=None) -> bytes:
    """The coalition in one of the formats, as the bytes of a file (for tests and small coalitions)."""
    return b"".join(export_pieces(coalition, fmt, progress=progress))


def file_name(coalition, fmt: str) -> str:
    return f"ookbalans-{coalition.slug}.{FORMATS[fmt][1]}"
