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

from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    CostOption,
    Language,
    Location,
    Membership,
    NationalIntervention,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
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


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"voorbeeldregio/{kind}/{key}")


@dataclass
class LoadReport:
    """What a load created; empty on a second run."""

    created: dict[str, int] = field(default_factory=dict)
    user_created: bool = False

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1


def read_demo(path: Path = DEMO_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class DemoLoader:
    """Creates what is missing of the demo coalition and leaves what exists alone."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.report = LoadReport()
        self.terms = {(t.taxonomy, t.code): t for t in Term.objects.all()}
        self.languages = {language.code: language for language in Language.objects.all()}
        self.interventions = {i.name: i for i in NationalIntervention.objects.all()}

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

    def load_coalition(self, item: dict) -> Coalition:
        existing = Coalition.objects.filter(slug=item["slug"]).first()
        if existing is not None:
            return existing
        coalition, _ = self.create(
            Coalition,
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

    def load_organisation(self, coalition: Coalition, item: dict) -> Organisation:
        organisation, _ = self.create(
            Organisation,
            "organisation",
            item["key"],
            coalition=coalition,
            name=item["name"],
            domain=item["domain"],
            description=item.get("description", ""),
            website=item.get("website", ""),
            email=item.get("email", ""),
            phone=item.get("phone", ""),
        )
        return organisation

    def load_location(self, coalition: Coalition, item: dict) -> Location:
        location, _ = self.create(
            Location,
            "location",
            item["key"],
            coalition=coalition,
            name=item["name"],
            address_1=item["street"],
            house_number=item["house_number"],
            postal_code=item["postcode"],
            city=item["city"],
            municipality_id=item.get("municipality") or None,
        )
        return location

    def load_service(self, coalition, organisations, locations, item: dict) -> None:
        intervention = None
        if item.get("national_intervention"):
            intervention = self.interventions[item["national_intervention"]]
        translations = {
            f"{attribute}_{language}": text
            for language, values in item.get("translations", {}).items()
            if language in TRANSLATED_LANGUAGES
            for attribute, text in values.items()
            if attribute in ("name", "short_description")
        }
        service, created = self.create(
            Service,
            "service",
            item["key"],
            coalition=coalition,
            organization=organisations[item["organisation"]],
            name_nl=item["name"],
            short_description_nl=item["short_description"],
            description=item.get("description", ""),
            url=item.get("url", ""),
            email=item.get("email", ""),
            phone=item.get("phone", ""),
            status=item.get("status", Service.Status.ACTIVE),
            home_visits=item.get("home_visits", False),
            online=item.get("online", False),
            online_url=item.get("online_url", ""),
            access=item.get("access", Service.Access.OPEN),
            culture_sensitive=item.get("culture_sensitive", False),
            culture_sensitive_explanation=item.get("culture_sensitive_explanation", ""),
            waiting_time_weeks=item.get("waiting_time_weeks"),
            frequency=item.get("frequency", Service.Frequency.BY_APPOINTMENT),
            national_intervention=intervention,
            last_checked_on=datetime.date.fromisoformat(item["last_checked_on"])
            if item.get("last_checked_on")
            else None,
            last_checked_by=item.get("last_checked_by", ""),
            **translations,
        )
        if not created:
            return
        for field_name, taxonomy in SERVICE_TERM_FIELDS.items():
            getattr(service, field_name).set([self.term(taxonomy, code) for code in item.get(field_name, [])])
        service.languages.set([self.languages[code] for code in item.get("languages", [])])
        for number, cost in enumerate(item.get("cost_options", []), start=1):
            option = CostOption(
                id=demo_id("cost_option", f"{item['key']}/{number}"),
                service=service,
                kind=cost["kind"],
                amount=Decimal(cost["amount"]) if cost.get("amount") else None,
                option=cost.get("description", ""),
            )
            option.full_clean()
            option.save()
        for place in item.get("locations", []):
            at_location = ServiceAtLocation(
                id=demo_id("service_at_location", f"{item['key']}/{place['location']}"),
                service=service,
                location=locations[place["location"]],
                description=place.get("schedule_note", ""),
            )
            at_location.full_clean()
            at_location.save()
            for slot in place.get("schedule", []):
                schedule = Schedule(
                    service_at_location=at_location,
                    weekday=slot["weekday"],
                    opens_at=datetime.time.fromisoformat(slot["opens_at"]),
                    closes_at=datetime.time.fromisoformat(slot["closes_at"]),
                )
                schedule.full_clean()
                schedule.save()

    def load_contact_point(self, coalition, organisations, item: dict) -> None:
        self.create(
            ContactPoint,
            "contact_point",
            f"{item['phase']}/{item.get('municipality', '')}",
            coalition=coalition,
            phase=self.term(codes.PHASES, item["phase"]),
            municipality_id=item.get("municipality") or None,
            name=item["name"],
            organization=organisations.get(item.get("organisation")),
            description=item["description"],
            how_to_reach=item.get("how_to_reach", ""),
            phone=item.get("phone", ""),
            email=item.get("email", ""),
            website=item.get("website", ""),
        )

    def load_user(self, coalition: Coalition) -> None:
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
        Membership.objects.get_or_create(
            user=user, coalition=coalition, defaults={"role": Membership.Role.COORDINATOR}
        )


def load_demo(path: Path = DEMO_FILE) -> LoadReport:
    return DemoLoader(read_demo(path)).load()


@transaction.atomic
def remove_demo(slug: str = "voorbeeldregio") -> bool:
    """Delete the demo coalition and everything in it, so it can be loaded afresh."""
    coalition = Coalition.objects.filter(slug=slug, is_demo=True).first()
    if coalition is None:
        return False
    Service.objects.filter(coalition=coalition).delete()
    ContactPoint.objects.filter(coalition=coalition).delete()
    Location.objects.filter(coalition=coalition).delete()
    Organisation.objects.filter(coalition=coalition).delete()
    coalition.delete()
    # The demo account goes with it, unless someone gave it a role elsewhere; a reload recreates it.
    get_user_model().objects.filter(username=DEMO_USERNAME, memberships__isnull=True).delete()
    return True
