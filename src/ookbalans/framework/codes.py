"""The OOK in Balans framework's classifications: stable codes with their Dutch labels."""

from __future__ import annotations

from dataclasses import dataclass

# Codes are stable identifiers: exported data and saved visions refer to them.
# Never rename or renumber a code; add new ones instead.


@dataclass(frozen=True)
class Term:
    """One code of a classification, with the Dutch label users see."""

    code: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Taxonomy:
    """A classification of the framework (FRAMEWORK.md sections 1-9)."""

    code: str
    label: str
    description: str
    terms: tuple[Term, ...]

    def codes(self) -> list[str]:
        return [term.code for term in self.terms]

    def label_for(self, code: str) -> str:
        for term in self.terms:
            if term.code == code:
                return term.label
        raise KeyError(code)


PYRAMID_LEVELS = Taxonomy(
    "pyramid_level",
    "Niveau in de ondersteuningspiramide",
    "De vier niveaus van de ondersteuningspiramide; lagere niveaus bereiken meer ouders.",
    (
        Term(
            "basis",
            "Basis",
            "Een positieve, veilige en gezonde omgeving; een stevige pedagogische basis; "
            "informele steun en ontmoeting. Voor alle ouders en kinderen.",
        ),
        Term(
            "informatie",
            "Informatie & voorlichting",
            "Voor ouders op zoek naar voorlichting en advies.",
        ),
        Term(
            "steuntje",
            "Steuntje in de rug",
            "Voor ouders met enkelvoudige vragen.",
        ),
        Term(
            "extra",
            "Extra steun",
            "Voor ouders met meervoudige vragen en complexere problematiek.",
        ),
    ),
)

PHASES = Taxonomy(
    "phase",
    "Fase",
    "Ouderschapsbegeleiding begint voor de zwangerschap en loopt door tot de volwassenheid; "
    "de eerste 1000 dagen (van conceptie tot 2 jaar) staan centraal.",
    (
        Term("kinderwens", "Kinderwens", "Voor de zwangerschap: kinderwens en preconceptie."),
        Term("zwangerschap", "Zwangerschap", "Tijdens de zwangerschap."),
        Term("geboorte", "Geboorte en kraamtijd", "De geboorte en de eerste zes weken."),
        Term("baby", "Baby (0 tot 1 jaar)", "Van zes weken tot de eerste verjaardag."),
        Term("dreumes", "Dreumes (1 tot 2 jaar)", "Van 1 tot 2 jaar: het einde van de eerste 1000 dagen."),
        Term("peuter", "Peuter (2 tot 4 jaar)", "Van 2 tot 4 jaar."),
        Term("kind", "Kind (4 tot 12 jaar)", "Van 4 tot 12 jaar."),
        Term("tiener", "Tiener (12 tot 18 jaar)", "Van 12 tot 18 jaar."),
    ),
)

AIMS = Taxonomy(
    "aim",
    "Doel",
    "De vijf doelen van de ondersteuningspiramide; ze gelden voor alle niveaus.",
    (
        Term("problemen_verminderen", "Problemen verminderen en erger voorkomen"),
        Term("competent_ouderschap", "Competent ouderschap bevorderen"),
        Term("begeleiding_steun_hulp", "Begeleiding, steun en hulp bieden"),
        Term("informele_steun", "Informele steun bevorderen"),
        Term("onderlinge_steun", "Onderlinge steun tussen ouders bevorderen"),
    ),
)

FACTORS = Taxonomy(
    "factor",
    "Factor",
    "Wat invloed heeft op het ouderschap: factoren bij ouders en hun omgeving, en bij het kind.",
    (
        Term("partnerschap", "Relatie met de partner"),
        Term("werk_gezin", "Balans tussen werk en gezin"),
        Term("sociale_contacten", "Sociale contacten en eenzaamheid"),
        Term("financien", "Financiële situatie en geldzorgen"),
        Term("vaardigheden", "Levens- en gezondheidsvaardigheden, taal en lezen"),
        Term("eigen_jeugd", "Eigen jeugd en ervaringen"),
        Term("verwachtingen", "Hoge verwachtingen van jezelf"),
        Term("alleenstaand", "Alleenstaand ouderschap"),
        Term("temperament", "Temperament van het kind"),
        Term("gezondheid_kind", "Gezondheid van het kind"),
        Term("positie_gezin", "Positie van het kind in het gezin"),
        Term("ontwikkeling", "Ontwikkeling van het kind"),
    ),
)

UPBRINGING_COMPONENTS = Taxonomy(
    "upbringing_component",
    "Onderdeel van opvoeden",
    "Wat opvoeden omvat, volgens het visiestuk.",
    (
        Term(
            "verzorging_bescherming",
            "Een verzorgende en beschermende omgeving",
            "Affectie tonen, sensitief en adequaat reageren op wat het kind nodig heeft.",
        ),
        Term("structuur", "Structuur bieden", "Regelmaat, orde en consequent handelen."),
        Term(
            "kennis_waarden",
            "Kennis, waarden en normen overdragen",
            "Uitleg geven, eigen verantwoordelijkheid stimuleren, goed gedrag belonen.",
        ),
    ),
)

TARGET_GROUPS = Taxonomy(
    "target_group",
    "Doelgroep",
    "Voor wie het aanbod is bedoeld.",
    (
        Term("aanstaande_ouders", "Aanstaande ouders"),
        Term("moeders", "Moeders"),
        Term("vaders", "Vaders"),
        Term("partners", "Partners"),
        Term("ouders", "Ouders (beide ouders)"),
        Term("gezinnen_kwetsbaar", "Gezinnen in een kwetsbare situatie"),
        Term("professionals", "Professionals"),
        Term("informele_steun", "Informele steun", "Vrijwilligers, grootouders en medeopvoeders."),
    ),
)
# The target groups that reach fathers and partners: the finder's filter and the analysis' yardstick.
FATHER_AND_PARTNER_GROUPS = ("vaders", "partners")

DOMAINS = Taxonomy(
    "domain",
    "Domein",
    "Het domein van de aanbieder. Formeel en informeel aanbod horen in één overzicht.",
    (
        Term("medisch", "Medisch", "Verloskundige, kraamzorg, huisarts, ziekenhuis, jeugdgezondheidszorg."),
        Term("sociaal", "Sociaal", "Wijkteam, welzijn, schuldhulp, jeugdhulp."),
        Term("onderwijs_opvang", "Onderwijs en opvang", "Kinderopvang, voorschool, school, bibliotheek."),
        Term(
            "informeel", "Informeel", "Vrijwilligers, oudernetwerken, levensbeschouwelijke en buurtgroepen."
        ),
    ),
)

ACCESSIBILITY_CONDITIONS = Taxonomy(
    "accessibility_condition",
    "Voorwaarde voor laagdrempeligheid",
    "De voorwaarden waaraan elk aanbod wordt getoetst.",
    (
        Term("betaalbaar", "Betaalbaar", "Gratis of goedkoop."),
        Term("beschikbaar", "Beschikbaar", "Het bestaat, heeft plek en geen lange wachttijd."),
        Term("begrijpelijk", "Begrijpelijk", "Voor alle ouders, ook anderstaligen en laaggeletterden."),
        Term("passend", "Passend", "Sluit aan bij de wensen en behoeften van ouders."),
        Term("dichtbij", "Dichtbij", "Dicht bij huis, waar ouders al komen."),
        Term("outreachend", "Outreachend", "Gaat naar ouders toe."),
        Term("frequent", "Frequent", "Vaak, makkelijk om terug te komen."),
        Term("cultuursensitief", "Cultuursensitief"),
        Term("niet_stigmatiserend", "Niet stigmatiserend", "Open voor iedereen, zonder verwijzing."),
        Term("digitaal", "Ook digitaal", "Ook online beschikbaar."),
        Term("vaders", "Bereikt ook vaders", "Bereikt vaders en partners, niet alleen moeders."),
    ),
)

RECOGNITION_LEVELS = Taxonomy(
    "recognition_level",
    "Erkenningsniveau",
    "Erkenningsniveaus van de Erkenningscommissie Interventies, van laag naar hoog.",
    (
        Term("niet_beoordeeld", "Niet beoordeeld"),
        Term("goed_beschreven", "Goed beschreven"),
        Term("goed_onderbouwd", "Goed onderbouwd"),
        Term("effectief_eerste", "Effectief volgens eerste aanwijzingen"),
        Term("effectief_goede", "Effectief volgens goede aanwijzingen"),
        Term("effectief_sterke", "Effectief volgens sterke aanwijzingen"),
    ),
)

VISION_SECTIONS = Taxonomy(
    "vision_section",
    "Onderdeel van de visie",
    "De negen onderdelen met bouwstenen voor een lokale visie.",
    (
        Term("ouderschap", "Visie op ouderschap"),
        Term("kind", "Visie op het kind"),
        Term("ook", "Visie op ouderschap, opvoeden en kind"),
        Term("opvoeden", "Visie op opvoeden"),
        Term("samenleving", "Visie op de rol van de samenleving"),
        Term("professionals", "Visie op de rol van professionals"),
        Term("overheid", "Visie op de rol van de overheid"),
        Term("uitgangspunten", "Uitgangspunten voor een (gemeentelijke) visie op ouderschapsbegeleiding"),
        Term("begeleiding", "Visie op ouderschaps- en opvoedingsbegeleiding"),
    ),
)

# Classifications that tag a service; each becomes a many-to-many field on it.
SERVICE_TAXONOMIES = (
    PYRAMID_LEVELS,
    PHASES,
    AIMS,
    FACTORS,
    UPBRINGING_COMPONENTS,
    TARGET_GROUPS,
)

ALL_TAXONOMIES = (
    PYRAMID_LEVELS,
    PHASES,
    AIMS,
    FACTORS,
    UPBRINGING_COMPONENTS,
    TARGET_GROUPS,
    DOMAINS,
    ACCESSIBILITY_CONDITIONS,
    RECOGNITION_LEVELS,
    VISION_SECTIONS,
)

TAXONOMIES_BY_CODE = {taxonomy.code: taxonomy for taxonomy in ALL_TAXONOMIES}


def choices(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Django field choices for a classification."""
    return [(term.code, term.label) for term in taxonomy.terms]
