"""Loading the catalogue's reference data (municipalities, postcode areas, languages, interventions)."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# The normalised levels of interventions_v1.csv, mapped to the framework's recognition codes.
RECOGNITION_LEVELS = {
    "": "",
    "Goed beschreven": "goed_beschreven",
    "Goed onderbouwd": "goed_onderbouwd",
    "Effectief volgens eerste aanwijzingen": "effectief_eerste",
    "Effectief volgens goede aanwijzingen": "effectief_goede",
    "Effectief volgens sterke aanwijzingen": "effectief_sterke",
}


def read_csv(filename: str) -> list[dict[str, str]]:
    with (DATA_DIR / filename).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load_municipalities(municipality_model) -> None:
    existing = set(municipality_model.objects.values_list("code", flat=True))
    municipality_model.objects.bulk_create(
        municipality_model(
            code=row["gemeentecode"],
            name=row["gemeentenaam"],
            province_code=row["provinciecode"],
            province=row["provincienaam"],
        )
        for row in read_csv("gemeenten_2025.csv")
        if row["gemeentecode"] not in existing
    )


def load_postcode_areas(postcode_area_model) -> None:
    existing = set(postcode_area_model.objects.values_list("pc4", flat=True))
    postcode_area_model.objects.bulk_create(
        (
            postcode_area_model(
                pc4=row["pc4"],
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
                place=row["plaats"],
                municipality_id=row["gemeentecode"],
            )
            for row in read_csv("pc4_v1.csv")
            if row["pc4"] not in existing
        ),
        batch_size=500,
    )


def load_languages(language_model) -> None:
    existing = set(language_model.objects.values_list("code", flat=True))
    language_model.objects.bulk_create(
        language_model(code=row["code"], name=row["name_nl"], name_en=row["name_en"])
        for row in read_csv("languages_v1.csv")
        if row["code"] not in existing
    )


def load_interventions(intervention_model) -> None:
    for row in read_csv("interventions_v1.csv"):
        intervention_model.objects.update_or_create(
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
