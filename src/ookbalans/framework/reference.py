"""Loading the framework's reference data: terms from codes.py, building blocks from an edition file."""

import json
from pathlib import Path

from ookbalans.framework import codes

DATA_DIR = Path(__file__).resolve().parent / "data"


def sync_terms(term_model) -> int:
    """Create or update one Term row per code in codes.py; returns how many rows changed.

    Terms are never deleted: exported data and saved visions may refer to them.
    """
    changed = 0
    for taxonomy in codes.ALL_TAXONOMIES:
        for position, term in enumerate(taxonomy.terms, start=1):
            values = {"label": term.label, "description": term.description, "position": position}
            row, created = term_model.objects.get_or_create(
                taxonomy=taxonomy.code, code=term.code, defaults=values
            )
            if created:
                changed += 1
            elif any(getattr(row, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(row, field, value)
                row.save()
                changed += 1
    return changed


def sync_terms_after_migrate(sender, using="default", **kwargs) -> None:
    from ookbalans.framework.models import Term

    # Runs inside `migrate`, also for test databases; the table exists once our migrations ran.
    sync_terms(Term.objects.db_manager(using).model)


def read_edition(filename: str) -> dict:
    """The building blocks of one edition of the vision document, as stored in data/."""
    return json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))


def load_edition(edition_model, statement_model, principle_model, filename: str) -> None:
    """Store an edition's statements and contact principles; running it again changes nothing."""
    data = read_edition(filename)
    info = data["edition"]
    edition, _ = edition_model.objects.update_or_create(
        code=info["code"],
        defaults={"title": info["title"], "publisher": info["publisher"], "source": info["source"]},
    )
    for section in data["sections"]:
        for number, text in enumerate(section["statements"], start=1):
            statement_model.objects.update_or_create(
                edition=edition, section=section["code"], number=number, defaults={"text": text}
            )
    for number, principle in enumerate(data["contact_principles"], start=1):
        principle_model.objects.update_or_create(
            edition=edition, code=principle["code"], defaults={"number": number, "text": principle["text"]}
        )
