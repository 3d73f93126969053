"""The demo coalition "Kansrijke Start Voorbeeldregio": loaded from demo/voorbeeldregio.json, idempotently."""

from __future__ import annotations

import datetime
import json
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from ookbalans.catalogue import models
from ookbalans.framework import codes
from ookbalans.framework.models import Term

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "voorbeeldregio.json"
DEMO_USERNAME = "coordinator"
DEMO_PASSWORD = "voorbeeldregio"  # noqa: S105 - published on purpose: a demo account on demo data

# Ids derive from the demo's keys, so a second load finds what the first one made.
DEMO_NAMESPACE = uuid.UUID("6f1c1f5e-9a53-4b7e-8d1c-0c5b3f0e2a61")

SERVICE_TERM_FIELDS = {
    "pyramid_levels": codes.PYRAMID_LEVELS,
    "phases": codes.PHASES,
    "aims": codes.AIMS,
    "factors": codes.FACTORS,
    "upbringing_components": codes.UPBRINGING_COMPONENTS,
    "target_groups": codes.TARGET_GROUPS,
}
TRANSLATED_LANGUAGES = ("en", "ar", "tr", "pl", "uk")
# Location fields and the demo file's keys for them.
LOCATION_ADDRESS_FIELDS = {
    "address_1": "street",
    "house_number": "house_number",
    "postal_code": "postcode",
    "city": "city",
}


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"voorbeeldregio/{kind}/{key}")


@dataclass
class LoadReport:
    """What a load created; empty on a second run."""

    created: dict[str, int] = field(default_factory=dict)
    user_created: bool = False

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1


def texts(item: dict, *names: str) -> dict[str, str]:
    """The item's optional text fields, empty where the demo file leaves them out."""
    return {name: item.get(name, "") for name in names}


def translated_texts(item: dict, attributes: tuple[str, ...]) -> dict[str, str]:
    """The item's translations as modeltranslation's fields (`name_en`, ...), for the given attributes."""
    return {
        f"{attribute}_{language}": text
        for language, values in item.get("translations", {}).items()
        if language in TRANSLATED_LANGUAGES
        for attribute, text in values.items()
        if attribute in attributes
    }


def read_demo(path: Path = DEMO_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class DemoLoader:
    """Creates what is missing of the demo coalition and leaves what exists alone."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.report = LoadReport()
        self.terms = {(t.taxonomy, t.code): t for t in Term.objects.all()}
        self.languages = {language.code: language for language in models.Language.objects.all()}
        self.interventions = {i.name: i for i in models.NationalIntervention.objects.all()}
        # Translations of the opening-time notes that recur ('Even weken'), by their Dutch text.
        self.schedule_notes: dict[str, dict[str, str]] = data.get("schedule_note_translations", {})

    def term(self, taxonomy: codes.Taxonomy, code: str) -> Term:
        return self.terms[(taxonomy.code, code)]

    def create(self, model, kind: str, key: str, **values):
        """Create the object with the key's id when missing; full_clean so the demo obeys every rule."""
        obj = model.objects.filter(pk=demo_id(kind, key)).first()
        if obj is not None:
            return obj, False
        obj = model(id=demo_id(kind, key), **values)
        obj.full_clean()
        obj.save()
        self.report.count(kind)
        return obj, True

    @transaction.atomic
    def load(self) -> LoadReport:
        coalition = self.load_coalition(self.data["coalition"])
        organisations = {
            item["key"]: self.load_organisation(coalition, item) for item in self.data["organisations"]
        }
        locations = {item["key"]: self.load_location(coalition, item) for item in self.data["locations"]}
        for item in self.data["services"]:
            self.load_service(coalition, organisations, locations, item)
        for item in self.data["contact_points"]:
            self.load_contact_point(coalition, organisations, item)
        self.load_user(coalition)
        return self.report

    def load_coalition(self, item: dict) -> models.Coalition:
        existing = models.Coalition.objects.filter(slug=item["slug"]).first()
        if existing is not None:
            return existing
        coalition, _ = self.create(
            models.Coalition,
            "coalition",
            item["slug"],
            name=item["name"],
            slug=item["slug"],
            description=item["description"],
            email=item["email"],
            phone=item["phone"],
            website=item["website"],
            is_demo=True,
        )
        coalition.municipalities.set(item["municipalities"])
        return coalition

    def create_named(self, model, kind: str, coalition: models.Coalition, item: dict, **values):
        """Create a coalition's named object keyed by the item's key."""
        obj, _ = self.create(model, kind, item["key"], coalition=coalition, name=item["name"], **values)
        return obj

    def load_organisation(self, coalition: models.Coalition, item: dict) -> models.Organisation:
        extra = texts(item, "description", "website", "email", "phone")
        domain = item["domain"]
        return self.create_named(models.Organisation, "organisation", coalition, item, domain=domain, **extra)

    def load_location(self, coalition: models.Coalition, item: dict) -> models.Location:
        address = {field: item[key] for field, key in LOCATION_ADDRESS_FIELDS.items()}
        address["municipality_id"] = item.get("municipality") or None
        return self.create_named(models.Location, "location", coalition, item, **address)

    def load_service(self, coalition, organisations, locations, item: dict) -> None:
        intervention = None
        if item.get("national_intervention"):
            intervention = self.interventions[item["national_intervention"]]
        translations = translated_texts(item, ("name", "short_description"))
        service, created = self.create(
            models.Service,
            "service",
            item["key"],
            coalition=coalition,
            organization=organisations[item["organisation"]],
            name_nl=item["name"],
            short_description_nl=item["short_description"],
            **texts(item, "description", "url", "email", "phone", "online_url", "last_checked_by"),
            **texts(item, "culture_sensitive_explanation"),
            status=item.get("status", models.Service.Status.ACTIVE),
            home_visits=item.get("home_visits", False),
            online=item.get("online", False),
            access=item.get("access", models.Service.Access.OPEN),
            culture_sensitive=item.get("culture_sensitive", False),
            waiting_time_weeks=item.get("waiting_time_weeks"),
            frequency=item.get("frequency", models.Service.Frequency.BY_APPOINTMENT),
            national_intervention=intervention,
            last_checked_on=datetime.date.fromisoformat(item["last_checked_on"])
            if item.get("last_checked_on")
            else None,
            **translations,
        )
        if not created:
            return
        for field_name, taxonomy in SERVICE_TERM_FIELDS.items():
            getattr(service, field_name).set([self.term(taxonomy, code) for code in item.get(field_name, [])])
        service.languages.set([self.languages[code] for code in item.get("languages", [])])
        for number, cost in enumerate(item.get("cost_options", []), start=1):
            option = models.CostOption(
                id=demo_id("cost_option", f"{item['key']}/{number}"),
                service=service,
                kind=cost["kind"],
                amount=Decimal(cost["amount"]) if cost.get("amount") else None,
                option=cost.get("description", ""),
            )
            option.full_clean()
            option.save()
        for place in item.get("locations", []):
            at_location = models.ServiceAtLocation(
                id=demo_id("service_at_location", f"{item['key']}/{place['location']}"),
                service=service,
                location=locations[place["location"]],
                description_nl=place.get("schedule_note", ""),
                **{
                    f"description_{language}": text
                    for language, text in self.schedule_notes.get(place.get("schedule_note", ""), {}).items()
                    if language in TRANSLATED_LANGUAGES
                },
            )
            at_location.full_clean()
            at_location.save()
            for slot in place.get("schedule", []):
                schedule = models.Schedule(
                    service_at_location=at_location,
                    weekday=slot["weekday"],
                    opens_at=datetime.time.fromisoformat(slot["opens_at"]),
                    closes_at=datetime.time.fromisoformat(slot["closes_at"]),
                )
                schedule.full_clean()
                schedule.save()

    def load_contact_point(self, coalition, organisations, item: dict) -> None:
        self.create(
            models.ContactPoint,
            "contact_point",
            f"{item['phase']}/{item.get('municipality', '')}",
            coalition=coalition,
            phase=self.term(codes.PHASES, item["phase"]),
            municipality_id=item.get("municipality") or None,
            name_nl=item["name"],
            organization=organisations.get(item.get("organisation")),
            description_nl=item["description"],
            how_to_reach_nl=item.get("how_to_reach", ""),
            **texts(item, "phone", "email", "website"),
            **translated_texts(item, ("name", "description", "how_to_reach")),
        )

    def load_user(self, coalition: models.Coalition) -> None:
        user_model = get_user_model()
        user = user_model.objects.filter(username=DEMO_USERNAME).first()
        if user is None:
            user = user_model.objects.create_user(
                DEMO_USERNAME,
                password=DEMO_PASSWORD,
                first_name="Demo",
                last_name="Coördinator",
                is_staff=True,
            )
            self.report.user_created = True
        models.Membership.objects.get_or_create(
            user=user, coalition=coalition, defaults={"role": models.Membership.Role.COORDINATOR}
        )


def load_demo(path: Path = DEMO_FILE) -> LoadReport:
    return DemoLoader(read_demo(path)).load()


@transaction.atomic
def remove_demo(slug: str = "voorbeeldregio") -> bool:
    """Delete the demo coalition and everything in it, so it can be loaded afresh."""
    coalition = models.Coalition.objects.filter(slug=slug, is_demo=True).first()
    if coalition is None:
        return False
    models.Service.objects.filter(coalition=coalition).delete()
    models.ContactPoint.objects.filter(coalition=coalition).delete()
    models.Location.objects.filter(coalition=coalition).delete()
    models.Organisation.objects.filter(coalition=coalition).delete()
    coalition.delete()
    # The demo account goes with it, unless someone gave it a role elsewhere; a reload recreates it.
    get_user_model().objects.filter(username=DEMO_USERNAME, memberships__isnull=True).delete()
    return True
