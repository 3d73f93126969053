"""Load the reference data: municipalities, postcode areas, languages and national interventions."""

from django.db import migrations

from ookbalans.catalogue import reference


def forwards(apps, schema_editor):
    reference.load_municipalities(apps.get_model("catalogue", "Municipality"))
    reference.load_postcode_areas(apps.get_model("catalogue", "PostcodeArea"))
    reference.load_languages(apps.get_model("catalogue", "Language"))
    reference.load_interventions(apps.get_model("catalogue", "NationalIntervention"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
