"""The tables of the HSDS datapackage and their fields, as the bundled datapackage.json describes them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HSDS_DIR = Path(__file__).resolve().parent / "hsds"


@cache
def descriptor() -> dict:
    return json.loads((HSDS_DIR / "datapackage.json").read_text())


@cache
def resources() -> dict[str, dict]:
    return {resource["name"]: resource for resource in descriptor()["resources"]}


def field_names(table: str) -> list[str]:
    return [f["name"] for f in resources()[table]["schema"]["fields"]]


def field_types(table: str) -> dict[str, str]:
    return {f["name"]: f.get("type", "string") for f in resources()[table]["schema"]["fields"]}
