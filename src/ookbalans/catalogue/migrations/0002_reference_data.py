"""Load the reference data: municipalities, postcode areas, languages and national interventions.

Frozen: this migration carries its own loaders and reads versioned files that are never edited
(see catalogue/data/SOURCE.md), so later changes to app code cannot change what it does.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# The normalised levels of interventions_v1.csv, as the framework's recognition codes of this time.
RECOGNITION_LEVELS = {
    "": "",
    "Goed beschreven": "goed_beschreven",
    "Goed onderbouwd": "goed_onderbouwd",
    "Effectief volgens eerste aanwijzingen": "effectief_eerste",
    "Effectief volgens goede aanwijzingen": "effectief_goede",
    "Effectief volgens sterke aanwijzingen": "effectief_sterke",
}


def rows(filename):
    with (DATA_DIR / filename).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def forwards(apps, schema_editor):
    Municipality = apps.get_model("catalogue", "Municipality")
    PostcodeArea = apps.get_model("catalogue", "PostcodeArea")
    Language = apps.get_model("catalogue", "Language")
    NationalIntervention = apps.get_model("catalogue", "NationalIntervention")

    existing = set(Municipality.objects.values_list("code", flat=True))
    Municipality.objects.bulk_create(
        Municipality(
            code=row["gemeentecode"],
            name=row["gemeentenaam"],
            province_code=row["provinciecode"],
            province=row["provincienaam"],
        )
        for row in rows("gemeenten_2025.csv")
        if row["gemeentecode"] not in existing
    )

    existing = set(PostcodeArea.objects.values_list("pc4", flat=True))
    PostcodeArea.objects.bulk_create(
        (
            PostcodeArea(
                pc4=row["pc4"],
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
                place=row["plaats"],
                municipality_id=row["gemeentecode"],
            )
            for row in rows("pc4_v1.csv")
            if row["pc4"] not in existing
        ),
        batch_size=500,
    )

    existing = set(Language.objects.values_list("code", flat=True))
    Language.objects.bulk_create(
        Language(code=row["code"], name=row["name_nl"], name_en=row["name_en"])
        for row in rows("languages_v1.csv")
        if row["code"] not in existing
    )

    for row in rows("interventions_v1.csv"):
        NationalIntervention.objects.update_or_create(
            name=row["name"],
            defaults={
                "owner": row["owner_organisation"],
                "recognition_level": RECOGNITION_LEVELS[row["recognition_level"].strip()],
                "database": row["recognition_database"],
                "url": row["source_url"],
                "target_group": row["target_group"],
                "short_description": row["short_description_nl"],
                "recognition_date": row["recognition_date"],
                "notes": row["notes"],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
