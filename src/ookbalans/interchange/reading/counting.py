"""How many services a file holds, found quickly and within the limits, to choose where it is imported."""

from __future__ import annotations

import re
import zipfile

from ookbalans.interchange.limits import Limits
from ookbalans.interchange.problems import Problems
from ookbalans.interchange.reading import archive, hsds_json
from ookbalans.interchange.reading.excel_cells import ROW, sheet_parts

SERVICES_SHEET = "Diensten"
SERVICES_TABLE = "services.csv"
LINE_END = re.compile(rb"\n")


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
        parts = {part for part, name in sheet_parts(file).items() if name == SERVICES_SHEET}
        pattern = ROW
    else:
        with zipfile.ZipFile(file) as opened:
            tables = [n for n in opened.namelist() if n.rsplit("/", 1)[-1] == SERVICES_TABLE]
        parts = set(tables[:1])
        pattern = LINE_END
    file.seek(0)
    return max(0, sum(archive.unpack_all(file, limits, pattern, parts).values()) - 1)


def json_services(file, limits: Limits) -> int:
    document = hsds_json.read_json(file.read(limits.json_bytes + 1), "", Problems(), limits)
    shaped = hsds_json.as_document(document)
    if not isinstance(shaped, dict):
        return 0
    services = shaped.get("services")
    total = len(services) if isinstance(services, list) else 0
    for organisation in shaped.get("organizations") or []:
        nested = organisation.get("services") if isinstance(organisation, dict) else None
        total += len(nested) if isinstance(nested, list) else 0
    return total
