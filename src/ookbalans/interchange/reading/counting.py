"""How many services a file holds, found quickly and within the limits, to choose where it is imported."""

from __future__ import annotations

import zipfile

from ookbalans.interchange.limits import MB, Limits
from ookbalans.interchange.problems import Problems
from ookbalans.interchange.reading import archive, hsds_json
from ookbalans.interchange.reading.excel_cells import ROW, sheet_parts

SERVICES_SHEET = "Diensten"
SERVICES_TABLE = "services.csv"


def services_in(file, kind: str, limits: Limits) -> int:
    """About how many services a file of this kind ("xlsx", "datapackage", "hsds-json") holds.

    Rows of the sheet *Diensten* or lines of services.csv, counted without parsing them; the services
    of a JSON file. 0 when the file is refused or unreadable: the import in the request reports why.
    """
    try:
        if kind == "hsds-json":
            return json_services(file, limits)
        if archive.refusal(file, limits) is not None:
            return 0
        return zipped_services(file, kind, limits)
    except (archive.TooLarge, zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, SyntaxError):
        return 0
    finally:
        file.seek(0)


def zipped_services(file, kind: str, limits: Limits) -> int:
    if kind == "xlsx":
        parts = [part for part, name in sheet_parts(file).items() if name == SERVICES_SHEET]
        return max(0, occurrences(file, parts, limits, lambda chunk: len(ROW.findall(chunk))) - 1)
    with zipfile.ZipFile(file) as opened:
        parts = [n for n in opened.namelist() if n.rsplit("/", 1)[-1] == SERVICES_TABLE]
    file.seek(0)
    return max(0, occurrences(file, parts[:1], limits, lambda chunk: chunk.count(b"\n")) - 1)


def occurrences(file, parts: list[str], limits: Limits, count) -> int:
    """The sum of `count` over the unpacked chunks of some zip entries, the bytes charged to the limit."""
    budget = archive.Budget(limits.unpacked_bytes)
    found = 0
    with zipfile.ZipFile(file) as opened:
        for part in parts:
            with opened.open(part) as stream:
                while chunk := stream.read(MB):
                    budget.spend(len(chunk))
                    found += count(chunk)
    return found


def json_services(file, limits: Limits) -> int:
    document = hsds_json.read_json(file.read(limits.unpacked_bytes + 1), "", Problems(), limits)
    shaped = hsds_json.as_document(document)
    if not isinstance(shaped, dict):
        return 0
    services = shaped.get("services")
    total = len(services) if isinstance(services, list) else 0
    for organisation in shaped.get("organizations") or []:
        nested = organisation.get("services") if isinstance(organisation, dict) else None
        total += len(nested) if isinstance(nested, list) else 0
    return total
