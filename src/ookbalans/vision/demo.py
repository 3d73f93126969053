"""The demo coalition's vision in progress: sections partly walked, goals and actions on demo services."""

from __future__ import annotations

import datetime

from django.db import transaction

from ookbalans.catalogue.demo import demo_id
from ookbalans.catalogue.models import Coalition, Organisation, Service
from ookbalans.framework import codes
from ookbalans.framework.models import Statement, Term
from ookbalans.vision import workflow
from ookbalans.vision.models import Action, Goal, OwnStatement, SectionWork, StatementChoice, Vision, Voice

SLUG = "voorbeeldregio"

# (section, number) -> (choice, own wording or reason)
CHOICES = {
    ("ouderschap", 1): ("adopt", ""),
    ("ouderschap", 2): ("adopt", ""),
    ("ouderschap", 3): (
        "adapt",
        "Ouderschap verandert steeds: ouders, kinderen en hun omgeving beïnvloeden elkaar. Wat helpt en wat "
        "zwaar is, wisselt per gezin en per fase.",
    ),
    ("ouderschap", 4): ("adopt", ""),
    ("kind", 1): ("adopt", ""),
    ("kind", 2): ("adopt", ""),
    ("ook", 1): ("adopt", ""),
    ("overheid", 3): (
        "leave_out",
        "Dit gaat over de taak van de landelijke overheid; onze visie gaat over wat wij hier samen doen.",
    ),
    ("overheid", 4): ("adopt", ""),
}
OWN = {
    "ouderschap": ["Vaders en partners horen er vanaf de zwangerschap bij; wij nodigen hen altijd zelf uit."],
    "kind": ["Elk kind in Zutphen en Lochem groeit op met boeken, ook in de taal van thuis."],
}
EXPLANATIONS = {
    "ouderschap": (
        "In gesprekken met ouders hoorden we dat veel vaders zich pas na de geboorte aangesproken voelen. "
        "Daarom leggen we de nadruk op beide ouders.",
        True,
    ),
    "kind": ("Kinderen in onze regio groeien op in stad en dorp; het aanbod moet beide bereiken.", True),
    "ook": ("", False),
}
GOALS = [
    {
        "key": "vaders",
        "title": "Meer vaders en partners bereikt in de eerste 1000 dagen",
        "aims": ["competent_ouderschap", "onderlinge_steun"],
        "levels": ["basis", "informatie"],
        "phases": ["zwangerschap", "geboorte", "baby"],
        "indicator": "Aandeel gezinnen waarvan ook de vader of partner op het consultatiebureau kwam",
        "target_value": "60%",
        "target_date": datetime.date(2027, 12, 31),
        "actions": [
            {
                "key": "papacafe-lochem",
                "title": "Een Papa Café ook in Lochem starten",
                "organisation": "welzijn-lochem",
                "deadline": datetime.date(2026, 9, 1),
                "status": "running",
                "services": ["papa-cafe"],
                "planned": "Papa Café Lochem",
            },
            {
                "key": "vaders-uitnodigen",
                "title": "Vaders persoonlijk uitnodigen voor het prenatale huisbezoek",
                "organisation": "jgz",
                "deadline": datetime.date(2026, 6, 30),
                "status": "planned",
                "services": ["prenataal-huisbezoek", "vadergesprek-online"],
                "planned": "",
            },
        ],
    },
    {
        "key": "geldzorgen",
        "title": "Ouders met geldzorgen vinden eerder hulp",
        "aims": ["problemen_verminderen", "begeleiding_steun_hulp"],
        "levels": ["steuntje"],
        "phases": ["zwangerschap", "baby", "dreumes"],
        "indicator": "Aantal zwangeren en jonge ouders dat bij de Geldinloop komt",
        "target_value": "40 per jaar",
        "target_date": datetime.date(2028, 6, 30),
        "actions": [
            {
                "key": "geldinloop-cb",
                "title": "Maandelijks spreekuur van de Geldinloop op het consultatiebureau",
                "organisation": "schuldhulp",
                "deadline": datetime.date(2026, 12, 31),
                "status": "planned",
                "services": ["geldinloop", "budgetcoach"],
                "planned": "",
            },
        ],
    },
]
VOICE = {
    "section": "ouderschap",
    "source": "parents",
    "session_kind": "conversation",
    "held_on": datetime.date(2026, 3, 12),
    "said": "Een vader vertelde dat hij bij het consultatiebureau vaak alleen in de wachtkamer zat en "
    "niet wist of vragen van hem welkom waren.",
    "response": "We hebben eigen uitspraak 1 toegevoegd en een doel gesteld voor het bereik van vaders.",
}


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Give the demo coalition its vision in progress; a second run finds it and changes nothing."""
    coalition = Coalition.objects.filter(slug=SLUG).first()
    if coalition is None:
        return {}
    vision_id = demo_id("vision", f"{SLUG}/1")
    if Vision.objects.filter(pk=vision_id).exists() or coalition.visions.exists():
        return {}
    created: dict[str, int] = {}

    def count(kind: str) -> None:
        created[kind] = created.get(kind, 0) + 1

    vision = Vision(
        id=vision_id,
        coalition=coalition,
        edition=workflow.current_edition(),
        version=1,
        title="Samen voor een kansrijke start in Zutphen en Lochem",
        period_start=2026,
        period_end=2029,
        introduction=(
            "In de coalitie Kansrijke Start Voorbeeldregio werken de gemeenten Zutphen en Lochem samen met "
            "zorg, welzijn, opvang en vrijwilligers. Met deze visie leggen we vast hoe wij ouders steunen, "
            "van kinderwens tot en met de peutertijd.\n\n"
            "We schreven de visie met de bouwstenen van OOK in Balans en met wat ouders en partners ons "
            "vertelden in gesprekken en bijeenkomsten."
        ),
    )
    vision.full_clean()
    vision.save()
    count("vision")
    vision.municipalities.set(coalition.municipalities.all())
    organisations = {
        key: Organisation.objects.get(pk=demo_id("organisation", key))
        for key in ("coalitie", "jgz", "welzijn-lochem", "schuldhulp", "st-zutphen", "st-lochem")
    }
    vision.signatories.set(organisations.values())
    statements = {(s.section, s.number): s for s in Statement.objects.filter(edition=vision.edition)}
    for (section, number), (choice, text) in CHOICES.items():
        row = StatementChoice(
            vision=vision,
            statement=statements[(section, number)],
            choice=choice,
            wording=text if choice == "adapt" else "",
            reason=text if choice == "leave_out" else "",
        )
        row.full_clean()
        row.save()
        count("statement choice")
    for section, texts in OWN.items():
        for text in texts:
            OwnStatement.objects.create(vision=vision, section=section, text=text)
            count("own statement")
    for section, (explanation, completed) in EXPLANATIONS.items():
        SectionWork.objects.create(
            vision=vision, section=section, explanation=explanation, completed=completed
        )
    terms = {(t.taxonomy, t.code): t for t in Term.objects.all()}
    for item in GOALS:
        goal = Goal(
            vision=vision,
            key=demo_id("goal", item["key"]),
            title=item["title"],
            indicator=item["indicator"],
            target_value=item["target_value"],
            target_date=item["target_date"],
        )
        goal.full_clean()
        goal.save()
        goal.aims.set([terms[(codes.AIMS.code, c)] for c in item["aims"]])
        goal.pyramid_levels.set([terms[(codes.PYRAMID_LEVELS.code, c)] for c in item["levels"]])
        goal.phases.set([terms[(codes.PHASES.code, c)] for c in item["phases"]])
        count("goal")
        for entry in item["actions"]:
            action = Action(
                vision=vision,
                goal=goal,
                key=demo_id("action", entry["key"]),
                title=entry["title"],
                organisation=organisations.get(entry["organisation"])
                or Organisation.objects.get(pk=demo_id("organisation", entry["organisation"])),
                deadline=entry["deadline"],
                status=entry["status"],
                planned_services=entry["planned"],
            )
            action.full_clean()
            action.save()
            action.services.set(
                Service.objects.filter(pk__in=[demo_id("service", k) for k in entry["services"]])
            )
            count("action")
    voice = Voice(vision=vision, **VOICE)
    voice.full_clean()
    voice.save()
    count("voice")
    workflow.log(vision, None, "Demonstratievisie geladen.")
    return created
