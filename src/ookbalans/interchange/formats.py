"""The three file formats in one place: read any of them into an import, write a coalition to any of them."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from ookbalans.interchange import excel, exporter, importer, tabular
from ookbalans.interchange.problems import ImportFailed, Problems, Where

FORMATS = {
    "hsds-json": ("application/json", "json"),
    "datapackage": ("application/zip", "zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
MAX_JSON_BYTES = 500_000_000


def kind_of(name: str, head: bytes) -> str:
    """Which format a file is, from its name and first bytes."""
    lower = name.lower()
    if lower.endswith(".json"):
        return "hsds-json"
    if lower.endswith(".xlsx"):
        return "xlsx"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(head) if len(head) > 100 else io.BytesIO(head)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return "datapackage" if lower.endswith(".zip") else "xlsx"
        return "xlsx" if "[Content_Types].xml" in names else "datapackage"
    if lower.endswith(".zip"):
        return "datapackage"
    return "hsds-json"


def read_json(data: bytes, name: str, problems: Problems):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        problems.error(Where(name), "", f"byte {error.start}", _("expected a JSON file in UTF-8."))
    except json.JSONDecodeError as error:
        problems.error(
            Where(name, error.lineno),
            "",
            error.msg,
            _("expected valid JSON (line %(line)d, column %(col)d).")
            % {"line": error.lineno, "col": error.colno},
        )
    except RecursionError:
        problems.error(Where(name), "", "", _("expected JSON that is not nested this deeply."))
    return None


def read_document(source, name: str, coalition) -> tuple[dict | list | None, bool, Problems]:
    """Read a path (file or datapackage folder) or bytes into an HSDS document; strict for Excel."""
    problems = Problems()
    if isinstance(source, str | Path) and Path(source).is_dir():
        return tabular.read_datapackage(Path(source), problems), False, problems
    data = Path(source).read_bytes() if isinstance(source, str | Path) else source
    kind = kind_of(name, data[:4096] if len(data) < 4096 else data)
    if kind == "xlsx":
        return excel.read_workbook(io.BytesIO(data), coalition, problems), True, problems
    if kind == "datapackage":
        return tabular.read_datapackage(io.BytesIO(data), problems), False, problems
    if len(data) > MAX_JSON_BYTES:
        problems.error(Where(name), "", len(data), _("expected a file under 500 MB."))
        return None, False, problems
    document = read_json(data, name, problems)
    return document, False, problems


def import_file(coalition, source, name: str, *, dry_run: bool = False, progress=None) -> importer.Report:
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
    # Read on after the reader's problems, so that all problems of the file are reported at once.
    engine = importer.Importer(coalition, strict=strict, progress=progress)
    engine.problems.items[:0] = problems.items
    return engine.run(document, dry_run=dry_run)


def export_bytes(coalition, fmt: str, progress=None) -> bytes:
    """The coalition in one of the formats, as the bytes of a file."""
    document = exporter.coalition_bundle(coalition, progress=progress)
    out = io.BytesIO()
    if fmt == "hsds-json":
        # No indentation: only then does the json module use its fast C encoder (100,000 services).
        out.write(json.dumps(document, ensure_ascii=False).encode("utf-8"))
    elif fmt == "datapackage":
        tabular.write_datapackage(document, out)
    elif fmt == "xlsx":
        excel.write_workbook(coalition, document, out)
    else:
        raise ValueError(fmt)
    return out.getvalue()


def file_name(coalition, fmt: str) -> str:
    return f"ookbalans-{coalition.slug}.{FORMATS[fmt][1]}"
