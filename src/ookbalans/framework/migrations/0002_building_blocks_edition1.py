"""Load edition 1 of the building blocks: the statements of the nine vision sections and the contact principles."""

from django.db import migrations

from ookbalans.framework.reference import load_edition


def forwards(apps, schema_editor):
    load_edition(
        apps.get_model("framework", "Edition"),
        apps.get_model("framework", "Statement"),
        apps.get_model("framework", "ContactPrinciple"),
        "building_blocks_edition1.json",
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
