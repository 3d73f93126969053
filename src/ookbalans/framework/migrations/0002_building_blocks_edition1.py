"""Load edition 1 of the building blocks: the statements of the nine vision sections and the contact principles.

Frozen: this migration carries its own loader and reads the edition's file, which is never edited
(a later edition comes as a new file and a new migration), so later changes to app code cannot
change what it does.
"""

import json
from pathlib import Path

from django.db import migrations

EDITION_FILE = Path(__file__).resolve().parent.parent / "data" / "building_blocks_edition1.json"


def forwards(apps, schema_editor):
    Edition = apps.get_model("framework", "Edition")
    Statement = apps.get_model("framework", "Statement")
    ContactPrinciple = apps.get_model("framework", "ContactPrinciple")

    data = json.loads(EDITION_FILE.read_text(encoding="utf-8"))
    info = data["edition"]
    edition, _ = Edition.objects.update_or_create(
        code=info["code"],
        defaults={"title": info["title"], "publisher": info["publisher"], "source": info["source"]},
    )
    for section in data["sections"]:
        for number, text in enumerate(section["statements"], start=1):
            Statement.objects.update_or_create(
                edition=edition, section=section["code"], number=number, defaults={"text": text}
            )
    for number, principle in enumerate(data["contact_principles"], start=1):
        ContactPrinciple.objects.update_or_create(
            edition=edition, code=principle["code"], defaults={"number": number, "text": principle["text"]}
        )


def backwards(apps, schema_editor):
    edition = apps.get_model("framework", "Edition").objects.filter(code="1").first()
    if edition:
        edition.statements.all().delete()
        edition.contact_principles.all().delete()
        edition.delete()


class Migration(migrations.Migration):
    dependencies = [("framework", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
