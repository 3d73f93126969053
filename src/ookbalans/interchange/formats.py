"""The three file formats in one place: read any of them into an import, write a coalition to any of them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from ookbalans.interchange.exporting import datapackage as datapackage_out
from ookbalans.interchange.exporting import excel as excel_out
from ookbalans.interchange.exporting import hsds_json as json_out
from ookbalans.interchange.exporting.document import coalition_bundle
from ookbalans.interchange.importing import import_document
from ookbalans.interchange.problems import ImportFailed, Problems, Where
from ookbalans.interchange.reading import datapackage as datapackage_in
from ookbalans.interchange.reading import excel as excel_in
from ookbalans.interchange.reading import hsds_json as json_in
from ookbalans.interchange.writing import Report

FORMATS = {
    "hsds-json": ("application/json", "json"),
    "datapackage": ("application/zip", "zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def kind_of(name: str, head: bytes) -> str:
    """Which format a file is, from its name and first bytes."""
    lower = name.lower()
    if lower.endswith(".json"):
        return "hsds-json"
    if lower.endswith(".xlsx"):
        return "xlsx"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(head)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return "datapackage" if lower.endswith(".zip") else "xlsx"
        return "xlsx" if "[Content_Types].xml" in names else "datapackage"
    if lower.endswith(".zip"):
        return "datapackage"
    return "hsds-json"


def read_document(source, name: str, coalition) -> tuple[dict | list | None, bool, Problems]:
    """Read a path (file or datapackage folder) or bytes into an HSDS document; strict for Excel."""
    problems = Problems()
    if isinstance(source, str | Path) and Path(source).is_dir():
        return datapackage_in.read_datapackage(Path(source), problems), False, problems
    data = Path(source).read_bytes() if isinstance(source, str | Path) else source
    kind = kind_of(name, data[:4096] if len(data) < 4096 else data)
    if kind == "xlsx":
        return excel_in.read_workbook(io.BytesIO(data), coalition, problems), True, problems
    if kind == "datapackage":
        return datapackage_in.read_datapackage(io.BytesIO(data), problems), False, problems
    return json_in.read_json(data, name, problems), False, problems


def import_file(coalition, source, name: str, *, dry_run: bool = False, progress=None) -> Report:
    """Read and import a file in one transaction; raise ImportFailed with every problem, changing nothing."""
    document, strict, problems = read_document(source, name, coalition)
    if document is None or (problems.errors and not document):
        if not problems.errors:
            problems.error(
                Where(name),
                "",
                "",
                _("expected a list of services or an object with organizations and services."),
            )
        raise ImportFailed(problems)
    # Check on after the reader's problems, so that all problems of the file are reported at once.
    return import_document(
        coalition, document, strict=strict, dry_run=dry_run, progress=progress, problems=problems
    )


def export_bytes(coalition, fmt: str, progress=None) -> bytes:
    """The coalition in one of the formats, as the bytes of a file."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    document = coalition_bundle(coalition, progress=progress)
    out = io.BytesIO()
    if fmt == "hsds-json":
        json_out.write_json(document, out)
    elif fmt == "datapackage":
        datapackage_out.write_datapackage(document, out)
    else:
        excel_out.write_workbook(coalition, document, out)
    return out.getvalue()


def file_name(coalition, fmt: str) -> str:
    return f"ookbalans-{coalition.slug}.{FORMATS[fmt][1]}"
