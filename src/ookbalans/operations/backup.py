"""Backup and restore in a portable format: every row of the application's data, as JSON lines, any database.

A backup is a gzip file of JSON lines. The first line is the header (format, version, the migrations the
data was written under, the number of rows per model); every further line holds up to CHUNK rows of one
model in Django's serialisation, foreign keys to users and permissions by natural key. What the code
rebuilds by itself (content types, permissions, sessions, the search index) is not in it.
"""

from __future__ import annotations

import datetime
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from ookbalans.audit import context as audit
from ookbalans.operations import pagecache

FORMAT = "ookbalans-backup"
VERSION = 1
CHUNK = 1000
# Apps whose rows are the application's data; of Django's own apps only users and groups.
APPS = ("auth",)
APP_PREFIX = "ookbalans."
# Rows the code makes again by itself: the search index is rebuilt after a restore.
REBUILT = {"auth.permission", "search.searchdocument", "search.searchvector", "search.searchword"}
# Reference data that the migrations load: replaced by the backup's copy when restoring.
REFERENCE = {
    "framework.term",
    "framework.edition",
    "framework.statement",
    "framework.contactprinciple",
    "catalogue.municipality",
    "catalogue.postcodearea",
    "catalogue.language",
    "catalogue.nationalintervention",
}


class ExactEncoder(DjangoJSONEncoder):
    """Django's JSON encoder, but times keep their microseconds (Django's cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class RestoreRefused(Exception):
    """The backup cannot be restored into this database; the message says why and what to do."""


def backed_up_models() -> list:
    """The models whose rows a backup holds, in an order where each comes after what it refers to."""
    chosen = []
    for config in apps.get_app_configs():
        if config.label not in APPS and not config.name.startswith(APP_PREFIX):
            continue
        for model in config.get_models():
            meta = model._meta
            if meta.proxy or not meta.managed or meta.label_lower in REBUILT:
                continue
            chosen.append(model)
    by_app: dict = {}
    for model in chosen:
        by_app.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def counts(models) -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in models}


def _chunks(model) -> Iterator[list[dict]]:
    queryset = model._base_manager.order_by("pk")
    batch = []
    for row in queryset.iterator(chunk_size=CHUNK):
        batch.append(row)
        if len(batch) == CHUNK:
            yield serializers.serialize("python", batch, use_natural_foreign_keys=True)
            batch = []
    if batch:
        yield serializers.serialize("python", batch, use_natural_foreign_keys=True)


def write_backup(path: Path) -> dict[str, int]:
    """Write every backed-up row to `path` in one read transaction; returns the rows per model."""
    models = backed_up_models()
    with transaction.atomic(), gzip.open(path, "wt", encoding="utf-8") as out:
        numbers = counts(models)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": connection.vendor,
            "migrations": applied_migrations(),
            "counts": numbers,
        }
        out.write(json.dumps(header) + "\n")
        for model in models:
            for objects in _chunks(model):
                line = {"model": model._meta.label_lower, "objects": objects}
                out.write(json.dumps(line, cls=ExactEncoder, ensure_ascii=False) + "\n")
    return numbers


def read_header(path: Path) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            header = json.loads(stream.readline())
    except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RestoreRefused(f"{path} is not an ookbalans backup ({error}).") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise RestoreRefused(f"{path} is not an ookbalans backup.")
    if header.get("version") != VERSION:
        raise RestoreRefused(
            f"{path} is a backup of format version {header.get('version')}; "
            f"this ookbalans reads version {VERSION}."
        )
    return header


def check_restorable(header: dict, models) -> None:
    applied = applied_migrations()
    if header["migrations"] != applied:
        differing = sorted(
            app
            for app in set(applied) | set(header["migrations"])
            if applied.get(app) != header["migrations"].get(app)
        )
        raise RestoreRefused(
            "The backup was made with other migrations than this database has "
            f"(apps: {', '.join(differing)}). Restore it with the ookbalans version that made it, "
            "then upgrade with `ookbalans migrate`."
        )
    holding = [
        model._meta.label_lower
        for model in models
        if model._meta.label_lower not in REFERENCE and model._base_manager.exists()
    ]
    if holding:
        raise RestoreRefused(
            "The database already holds data ("
            + ", ".join(holding[:5])
            + "). Restore into an empty database: "
            "create a new one, run `ookbalans migrate`, then `ookbalans restore`."
        )


def restore_backup(path: Path) -> dict[str, int]:
    """Restore a backup into a migrated, empty database, in one transaction; returns the rows per model."""
    header = read_header(path)
    models = backed_up_models()
    by_label = {model._meta.label_lower: model for model in models}
    # The restored rows bring their own audit trail; restoring them (m2m sets included) writes none.
    # Every coalition gets one new catalogue version at the end, so no page kept before is shown.
    with transaction.atomic(), audit.quiet(), pagecache.every_coalition_afterwards():
        check_restorable(header, models)
        for model in reversed(models):
            if model._meta.label_lower in REFERENCE:
                model._base_manager.all().delete()
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            stream.readline()
            for line in stream:
                chunk = json.loads(line)
                if chunk["model"] not in by_label:
                    raise RestoreRefused(
                        f"The backup holds rows of {chunk['model']}, which this ookbalans lacks."
                    )
                pending = []
                for item in serializers.deserialize(
                    "python", chunk["objects"], handle_forward_references=True
                ):
                    item.save()
                    if item.deferred_fields:
                        pending.append(item)
                for item in pending:
                    item.save_deferred_fields()
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        restored = counts(models)
        if restored != header["counts"]:
            wrong = sorted(label for label in restored if restored[label] != header["counts"].get(label))
            raise RestoreRefused(
                f"After restoring, the number of rows differs for: {', '.join(wrong)}. Nothing was kept."
            )
    return restored
