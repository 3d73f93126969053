"""Writes catalogue.json of the blind evaluation region (Harderwijk, Ermelo) from the tables below."""

# The tables are data: the providers' texts stay on long lines, and each service is a dict(...) of short keys.
# ruff: noqa: E501, C408

from __future__ import annotations

import json
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = "https://blindregio.example"
TAXONOMY = "https://ookbalans.nl/taxonomie"
COALITION = {"name": "Kansrijke Start Noord-Veluwe Kust (blindregio)", "slug": "blindregio"}
MUNICIPALITIES = {"GM0243": "Harderwijk", "GM0233": "Ermelo"}


def uid(kind: str, key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/{kind}/{key}"))


# Organisations: key -> (name, domain, description, phone)
ORGANISATIONS = {
    "waterkant": (
        "Verloskundigenpraktijk De Waterkant",
        "medisch",
        "Eerstelijns verloskundigenpraktijk in Harderwijk met vijf verloskundigen en een echoscopist.",
        "0341 41 22 10",
    ),
    "heideveld": (
        "Verloskundigen Heideveld",
        "medisch",
        "Kleinschalige verloskundigenpraktijk in Ermelo; begeleiding van zwangerschap, bevalling en kraamtijd.",
        "0341 55 30 40",
    ),
    "kraamzorg-veluwekust": (
        "Kraamzorg Veluwekust",
        "medisch",
        "Regionale kraamzorgorganisatie met gediplomeerde kraamverzorgenden in Harderwijk, Ermelo en omstreken.",
        "0341 43 00 80",
    ),
    "dewieg": (
        "Kraamzorg De Wieg",
        "medisch",
        "Kleine kraamzorgcoöperatie van zelfstandige kraamverzorgenden.",
        "06 1234 5601",
    ),
    "jgz-noordveluwe": (
        "Jeugdgezondheidszorg Noord-Veluwe",
        "medisch",
        "De jeugdgezondheidszorg (JGZ) volgt alle kinderen van 0 tot 18 jaar in Harderwijk en Ermelo: consultatiebureau, prenatale voorlichting en extra ondersteuning thuis.",
        "088 443 10 00",
    ),
    "ggd-veluwekust": (
        "GGD Veluwe-Kust",
        "medisch",
        "Gemeentelijke gezondheidsdienst voor publieke gezondheid, preventie en seksuele gezondheid.",
        "088 443 20 00",
    ),
    "veluwemeer-zkh": (
        "Ziekenhuis Veluwemeer",
        "medisch",
        "Algemeen ziekenhuis met een afdeling verloskunde, een kinderafdeling en een couveuseafdeling (neonatologie).",
        "0341 46 00 00",
    ),
    "hagroep-randmeren": (
        "Huisartsengroep Randmeren",
        "medisch",
        "Samenwerkende huisartsenpraktijken in Harderwijk-Stadsdennen, Drielanden en Ermelo.",
        "0341 42 88 00",
    ),
    "ggz-randmeren": (
        "GGZ Randmeren",
        "medisch",
        "Specialistische geestelijke gezondheidszorg voor volwassenen, met een perinataal team.",
        "0341 49 70 00",
    ),
    "melkweg-lactatie": (
        "Lactatiepraktijk Melkweg",
        "medisch",
        "Zelfstandig IBCLC-lactatiekundige voor de regio Noord-Veluwe.",
        "06 1234 5602",
    ),
    "wijkteam-harderwijk": (
        "Sociaal Wijkteam Harderwijk",
        "sociaal",
        "Het sociaal wijkteam is het loket van de gemeente Harderwijk voor vragen over zorg, opvoeden, geld, werk en wonen.",
        "0341 41 11 11",
    ),
    "ermelo": (
        "Gemeente Ermelo, team Toegang",
        "sociaal",
        "Het team Toegang van de gemeente Ermelo beoordeelt en regelt ondersteuning vanuit de Wmo, de Jeugdwet en de Participatiewet.",
        "0341 56 73 00",
    ),
    "welzijn-harderwijk": (
        "Welzijn Harderwijk Samen",
        "sociaal",
        "Welzijnsorganisatie voor opbouwwerk, vrijwilligerswerk, mantelzorg en ontmoeting in de wijken van Harderwijk en Hierden.",
        "0341 41 44 00",
    ),
    "samen-ermelo": (
        "Stichting Samen Ermelo",
        "sociaal",
        "Welzijn en vrijwilligerswerk in Ermelo, Horst en Speuld.",
        "0341 55 60 70",
    ),
    "schuldhulpmaatje-nv": (
        "SchuldHulpMaatje Noord-Veluwe",
        "informeel",
        "Getrainde vrijwilligers die mensen met geldzorgen helpen, samenwerkend met kerken en gemeente.",
        "06 1234 5603",
    ),
    "voedselbank-he": (
        "Voedselbank Harderwijk-Ermelo",
        "informeel",
        "Vrijwilligersorganisatie die wekelijks voedselpakketten verstrekt aan huishoudens onder de bestaansgrens.",
        "06 1234 5604",
    ),
    "babykamer": (
        "Stichting De Babykamer",
        "informeel",
        "Stichting die babyspullen inzamelt en verstrekt aan gezinnen met een krappe beurs.",
        "06 1234 5605",
    ),
    "kledingbank-hanger": (
        "Kledingbank De Hanger",
        "informeel",
        "Gratis tweedehands kleding voor mensen met een laag inkomen.",
        "06 1234 5606",
    ),
    "veiligthuis-nog": (
        "Veilig Thuis Noord-Veluwe en IJsselland",
        "sociaal",
        "Advies- en meldpunt huiselijk geweld en kindermishandeling.",
        "0800 2000",
    ),
    "blijfhuis-randmeren": (
        "Blijf-Huis Randmeren",
        "sociaal",
        "Vrouwenopvang en ambulante hulp bij huiselijk geweld.",
        "0341 40 80 80",
    ),
    "bibliotheek-nv": (
        "Bibliotheek Noord-Veluwe",
        "onderwijs_opvang",
        "Openbare bibliotheek met vestigingen in Harderwijk en Ermelo, taalhuis en digi-spreekuur.",
        "0341 41 89 00",
    ),
    "taalschool-kompas": (
        "Taalschool Kompas",
        "onderwijs_opvang",
        "Erkende taalschool voor NT2, inburgering en alfabetisering.",
        "0341 43 70 70",
    ),
    "speelkwartier": (
        "Kinderopvang Het Speelkwartier",
        "onderwijs_opvang",
        "Kinderdagverblijven, peuteropvang en buitenschoolse opvang in Harderwijk.",
        "0341 42 55 55",
    ),
    "peuterwerk-ermelo": (
        "Stichting Peuterwerk Ermelo",
        "onderwijs_opvang",
        "Peutergroepen op zes locaties in Ermelo, met voorschoolse educatie.",
        "0341 55 12 12",
    ),
    "stilgeboren-nv": (
        "Stichting Stil Geboren Noord-Veluwe",
        "informeel",
        "Lotgenotenorganisatie voor ouders die een kindje hebben verloren tijdens de zwangerschap, rond de geboorte of kort daarna.",
        "06 1234 5607",
    ),
    "kleinekanjers": (
        "Oudervereniging Kleine Kanjers",
        "informeel",
        "Vereniging van ouders van te vroeg of te klein geboren kinderen.",
        "06 1234 5608",
    ),
    "veluwehaven": (
        "Woonstichting Veluwehaven",
        "sociaal",
        "Woningcorporatie met circa 7.000 sociale huurwoningen in Harderwijk en Ermelo.",
        "0341 45 45 45",
    ),
    "onverwacht": (
        "Stichting Onverwacht Zwanger",
        "informeel",
        "Landelijk werkende stichting met een regionale afdeling; hulp bij onbedoelde zwangerschap.",
        "0800 1234 56",
    ),
    "vluchtelingenwerk-nv": (
        "VluchtelingenWerk Noord-Veluwe",
        "sociaal",
        "Begeleiding van statushouders bij huisvesting, inburgering en gezinshereniging.",
        "0341 43 21 21",
    ),
    "praatjesmaker": (
        "Logopediepraktijk De Praatjesmaker",
        "medisch",
        "Logopediepraktijk voor kinderen en volwassenen.",
        "0341 41 77 77",
    ),
    "ademruimte": (
        "Zwangerschapsstudio Ademruimte",
        "informeel",
        "Studio voor zwangerschapsyoga, bevallingsvoorbereiding en babymassage.",
        "06 1234 5609",
    ),
    "babykijkje": ("Babykijkje Pretecho", "informeel", "Commerciële pretechostudio.", "06 1234 5610"),
    "bekkenfysio-hw": (
        "Bekkenfysiotherapie Harderwijk",
        "medisch",
        "Gespecialiseerde bekkenfysiotherapeuten.",
        "0341 42 30 30",
    ),
    "vitaalplein": (
        "Leefstijlpraktijk Vitaalplein",
        "medisch",
        "Praktijk voor leefstijlbegeleiding: stoppen met roken, voeding en beweging.",
        "0341 43 12 34",
    ),
    "formulierenbrigade": (
        "Formulierenbrigade Harderwijk-Ermelo",
        "sociaal",
        "Vrijwilligers en sociaal raadslieden die helpen met formulieren, toeslagen en brieven van instanties.",
        "0341 41 22 33",
    ),
    "doula-veluwe": (
        "Doulapraktijk Veluwe",
        "informeel",
        "Zelfstandig doula voor zwangerschap, bevalling en kraamtijd.",
        "06 1234 5611",
    ),
    "verslavingszorg-veluwe": (
        "Verslavingszorg Veluwe",
        "medisch",
        "Ambulante verslavingszorg en preventie.",
        "0341 47 00 00",
    ),
    "sportief-ermelo": (
        "Sportvereniging Olympia Ermelo",
        "informeel",
        "Omnisportvereniging met turnen, peutergym en zwemmen.",
        "0341 55 99 00",
    ),
    "ouderlijn": (
        "Stichting Ouderlijn Gelderland",
        "informeel",
        "Anonieme telefonische en online ondersteuning voor ouders, bemand door getrainde vrijwilligers.",
        "0800 456 78 90",
    ),
    "kerkplein": (
        "Ontmoetingshuis Het Kerkplein",
        "informeel",
        "Inloophuis van samenwerkende kerken in Harderwijk.",
        "0341 41 00 10",
    ),
    "mee-veluwe": (
        "MEE Veluwe",
        "sociaal",
        "Cliëntondersteuning voor mensen met een (licht) verstandelijke beperking, autisme of niet-aangeboren hersenletsel.",
        "088 112 44 00",
    ),
    "gastouder-nv": (
        "Gastouderbureau Kleine Kring",
        "onderwijs_opvang",
        "Bemiddeling en begeleiding van gastouderopvang.",
        "0341 43 55 66",
    ),
    "dietist-kind": (
        "Kinderdiëtistenpraktijk Smikkel",
        "medisch",
        "Diëtist gespecialiseerd in kindervoeding.",
        "0341 42 11 00",
    ),
}

# Locations: key -> (name, street, postcode, city, municipality code, lat, lon)
LOCATIONS = {
    "hw-stadsdennen": (
        "Gezondheidscentrum Stadsdennen",
        "Dennenlaan 4",
        "3843 BK",
        "Harderwijk",
        "GM0243",
        52.3412,
        5.6293,
    ),
    "hw-centrum": (
        "Wijkcentrum De Binnenhaven",
        "Havenstraat 17",
        "3841 AB",
        "Harderwijk",
        "GM0243",
        52.3496,
        5.6186,
    ),
    "hw-drielanden": (
        "Brede school Drielanden",
        "Landbouwlaan 30",
        "3845 HD",
        "Harderwijk",
        "GM0243",
        52.3330,
        5.6035,
    ),
    "hw-tweelingstad": (
        "Wijkpunt Tweelingstad",
        "Sluispad 2",
        "3846 CE",
        "Harderwijk",
        "GM0243",
        52.3361,
        5.6461,
    ),
    "hw-zkh": ("Ziekenhuis Veluwemeer", "Meerweg 100", "3844 DG", "Harderwijk", "GM0243", 52.3445, 5.6380),
    "hierden": (
        "Dorpshuis Hierden",
        "Zuiderzeestraatweg 210",
        "3849 AN",
        "Hierden",
        "GM0243",
        52.3563,
        5.6617,
    ),
    "er-centrum": (
        "Gezondheidscentrum Ermelo Centrum",
        "Stationsstraat 45",
        "3851 NJ",
        "Ermelo",
        "GM0233",
        52.2996,
        5.6210,
    ),
    "er-oost": ("Kindcentrum Ermelo-Oost", "Heidelaan 8", "3852 VB", "Ermelo", "GM0233", 52.3031, 5.6402),
    "er-west": ("Wijkgebouw De Kolk", "Kolkweg 61", "3853 AC", "Ermelo", "GM0233", 52.3084, 5.6001),
    "er-horst": ("Dorpshuis Horst", "Horsterweg 3", "3853 LK", "Ermelo", "GM0233", 52.3201, 5.5853),
}

ALL = "kinderwens zwangerschap geboorte baby dreumes peuter"

# Services: each a dict with
#   o org, p url path, n name, d description, s short description, lv levels, ph phases, aim, fac, tg,
#   acc access, cost ('free' | number | 'insurance' | 'municipality'), hv home visits, onl online,
#   loc locations, tr translations {lang: (name, short)}, lang service languages, fr frequency, wait weeks
SERVICES = [
    # --- pregnancy care -------------------------------------------------------------------------
    dict(
        o="waterkant",
        p="zwangerschapscontroles",
        n="Verloskundige zorg tijdens zwangerschap en bevalling",
        d="Als verloskundigenpraktijk begeleiden wij gezonde zwangeren vanaf de eerste weken tot en met zes weken na de bevalling. "
        "Tijdens de controles meten wij de bloeddruk, luisteren naar het hartje en bespreken wij de groei van de baby. "
        "Wij bieden de termijnecho, de 20-wekenecho en de groeiecho's in eigen praktijk aan. U kunt thuis of in het ziekenhuis "
        "bevallen; wij zijn 24 uur per dag bereikbaar. Wij vragen bij de intake ook naar uw leefstijl, uw werk, uw woonsituatie "
        "en eventuele spanningen of financiële zorgen, zodat wij u zo nodig tijdig kunnen verwijzen. De zorg wordt vergoed "
        "vanuit de basisverzekering.",
        s="Controles, echo's en begeleiding bij de bevalling door uw eigen verloskundige.",
        lv="basis",
        ph="zwangerschap geboorte",
        aim="begeleiding_steun_hulp problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders moeders",
        acc="open",
        cost="insurance",
        hv=True,
        loc=["hw-stadsdennen"],
        fr="by_appointment",
        tr={
            "en": (
                "Midwifery care during pregnancy and birth",
                "Check-ups, scans and support at birth by your own midwife.",
            )
        },
    ),
    dict(
        o="heideveld",
        p="verloskunde",
        n="Verloskundigenpraktijk Heideveld – zwangerschapsbegeleiding",
        d="Wij zijn een kleine praktijk van drie verloskundigen. U ziet ons om de vier weken, later in de zwangerschap vaker. "
        "Wij nemen de tijd voor uw vragen over voeding, bewegen, werk en klachten zoals misselijkheid of bekkenpijn. "
        "Bij de bevalling komen wij bij u thuis of gaan wij mee naar het ziekenhuis. In de kraamweek komen wij een aantal keren langs.",
        lv="basis",
        ph="zwangerschap geboorte",
        aim="begeleiding_steun_hulp",
        fac="gezondheid_kind",
        tg="aanstaande_ouders moeders",
        acc="open",
        cost="insurance",
        hv=True,
        loc=["er-centrum"],
        fr="by_appointment",
    ),
    dict(
        o="waterkant",
        p="centering",
        n="CenteringZwangerschap: groepscontroles",
        d="Bij CenteringZwangerschap krijgt u uw zwangerschapscontroles in een groep van acht tot twaalf vrouwen die rond dezelfde tijd "
        "uitgerekend zijn. Elke bijeenkomst duurt twee uur: eerst de medische check, daarna een gesprek over thema's als voeding, "
        "bevallen, borstvoeding, de rol van de partner en de eerste weken met de baby. Partners zijn welkom bij een aantal bijeenkomsten.",
        s="Zwangerschapscontroles in een groep, met uitleg en uitwisseling met andere zwangeren.",
        lv="basis steuntje",
        ph="zwangerschap",
        aim="onderlinge_steun competent_ouderschap",
        fac="sociale_contacten",
        tg="aanstaande_ouders partners",
        acc="signup",
        cost="insurance",
        loc=["hw-stadsdennen"],
        fr="series",
    ),
    dict(
        o="veluwemeer-zkh",
        p="verloskunde-poli",
        n="Polikliniek Verloskunde en Gynaecologie",
        d="Bij een medisch verhoogd risico, zoals hoge bloeddruk, zwangerschapsdiabetes, een meerlingzwangerschap of een eerdere "
        "keizersnede, wordt u in de tweede lijn begeleid door de gynaecoloog en klinisch verloskundigen van ons ziekenhuis. "
        "Verwijzing via verloskundige of huisarts.",
        lv="extra",
        ph="zwangerschap geboorte",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders",
        acc="referral",
        cost="insurance",
        loc=["hw-zkh"],
    ),
    dict(
        o="veluwemeer-zkh",
        p="voorlichtingsavond",
        n="Voorlichtingsavond Bevallen in Veluwemeer",
        d="Maandelijkse informatieavond voor zwangeren en hun partners: rondleiding over de verloskamers, uitleg over pijnbestrijding, "
        "poliklinisch bevallen en de eerste uren na de geboorte.",
        lv="informatie",
        ph="zwangerschap",
        aim="competent_ouderschap",
        tg="aanstaande_ouders partners",
        acc="signup",
        cost="free",
        loc=["hw-zkh"],
        fr="monthly",
    ),
    dict(
        o="ademruimte",
        p="zwangerschapsyoga",
        n="Zwangerschapsyoga en bevalvoorbereiding",
        d="Wekelijkse lessen yoga voor zwangere vrouwen vanaf 16 weken, met ademhalingstechnieken en houdingen die helpen bij de weeën. "
        "In de partnerworkshop oefent u samen.",
        lv="basis",
        ph="zwangerschap",
        aim="competent_ouderschap",
        fac="verwachtingen",
        tg="aanstaande_ouders moeders",
        acc="signup",
        cost=95,
        loc=["hw-centrum"],
        fr="weekly",
    ),
    dict(
        o="babykijkje",
        p="pretecho",
        n="Pretecho en 3D/4D-echo",
        d="Zie uw kindje al voor de geboorte! Geniet met familie van een pretecho in 3D of 4D, inclusief USB-stick met beelden en een "
        "geslachtsbepaling vanaf 15 weken. Dit is geen medische echo.",
        lv="basis",
        ph="zwangerschap",
        aim="competent_ouderschap",
        tg="aanstaande_ouders",
        acc="signup",
        cost=79,
        loc=["er-west"],
    ),
    dict(
        o="doula-veluwe",
        p="doula",
        n="Doula-begeleiding",
        d="Een doula biedt continue emotionele en praktische ondersteuning tijdens de zwangerschap en de bevalling, naast de medische "
        "zorg van verloskundige of gynaecoloog. Na een eerdere traumatische bevalling kan een doula helpen om weer vertrouwen te krijgen.",
        lv="steuntje",
        ph="zwangerschap geboorte",
        aim="begeleiding_steun_hulp",
        fac="verwachtingen eigen_jeugd",
        tg="aanstaande_ouders moeders",
        acc="signup",
        cost=850,
        hv=True,
    ),
    dict(
        o="jgz-noordveluwe",
        p="prenataal-huisbezoek",
        n="Prenataal huisbezoek door de jeugdverpleegkundige",
        d="Rond de 30e week van de zwangerschap kan de jeugdverpleegkundige bij u thuis komen voor een kennismaking. We praten over "
        "hoe het met u gaat, de voorbereiding op de komst van de baby, veilig slapen, voeding en wie u om u heen heeft. "
        "Het gesprek is gratis en vrijblijvend. Verloskundigen kunnen het bezoek voor u aanvragen.",
        lv="steuntje",
        ph="zwangerschap",
        aim="problemen_verminderen competent_ouderschap",
        fac="sociale_contacten verwachtingen",
        tg="aanstaande_ouders",
        acc="open",
        cost="free",
        hv=True,
        fr="once",
    ),
    dict(
        o="jgz-noordveluwe",
        p="kinkhoestvaccinatie",
        n="Maternale kinkhoestvaccinatie (22-wekenprik)",
        d="Zwangeren krijgen vanaf 22 weken een gratis vaccinatie tegen kinkhoest aangeboden. Zo maakt uw lichaam antistoffen aan die via "
        "de navelstreng naar de baby gaan, waardoor uw baby de eerste maanden beschermd is. De prik wordt gegeven op het consultatiebureau.",
        s="Gratis prik tegen kinkhoest in de zwangerschap, ter bescherming van de baby.",
        lv="basis",
        ph="zwangerschap",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders",
        acc="signup",
        cost="free",
        loc=["hw-stadsdennen", "er-centrum"],
        fr="once",
        tr={
            "en": (
                "Whooping cough vaccination in pregnancy",
                "Free vaccination against whooping cough at 22 weeks to protect your baby.",
            )
        },
    ),
    # --- kinderwens ---------------------------------------------------------------------------------------
    dict(
        o="ggd-veluwekust",
        p="preconceptieconsult",
        n="Preconceptieconsult: gezond zwanger worden",
        d="Wilt u zwanger worden? In een preconceptieconsult bespreken wij uw gezondheid, medicijngebruik, foliumzuur, vaccinaties, "
        "erfelijke aandoeningen in de familie en leefstijl zoals roken en alcohol. Ook voor mannen en partners.",
        lv="informatie",
        ph="kinderwens",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders partners",
        acc="signup",
        cost="free",
        loc=["hw-stadsdennen"],
        fr="once",
    ),
    dict(
        o="veluwemeer-zkh",
        p="fertiliteit",
        n="Fertiliteitsspreekuur",
        d="Als een zwangerschap na een jaar proberen uitblijft, onderzoekt de gynaecoloog samen met u en uw partner de mogelijke oorzaken "
        "en bespreekt behandelingen zoals IUI en IVF. Verwijzing door de huisarts.",
        lv="extra",
        ph="kinderwens",
        aim="problemen_verminderen",
        tg="aanstaande_ouders partners",
        acc="referral",
        cost="insurance",
        loc=["hw-zkh"],
    ),
    dict(
        o="ggd-veluwekust",
        p="anticonceptie",
        n="Spreekuur seksuele gezondheid en anticonceptie",
        d="Voor jongeren tot 25 jaar: gratis en anoniem advies over anticonceptie, de morning-afterpil, soa-testen en seksualiteit.",
        lv="informatie",
        ph="tiener",
        aim="problemen_verminderen",
        acc="signup",
        cost="free",
        loc=["hw-centrum"],
    ),
    dict(
        o="onverwacht",
        p="keuzehulp",
        n="Hulp bij onbedoelde zwangerschap",
        d="Bent u onverwacht zwanger en twijfelt u wat u moet doen? Onze hulpverleners denken vrijblijvend met u mee over alle mogelijkheden, "
        "en blijven beschikbaar na uw keuze. Ook voor de partner of ouders.",
        lv="steuntje",
        ph="zwangerschap",
        aim="begeleiding_steun_hulp",
        fac="verwachtingen",
        tg="aanstaande_ouders",
        acc="open",
        cost="free",
        onl=True,
    ),
    # --- birth / kraamtijd ------------------------------------------------------------------------------------
    dict(
        o="kraamzorg-veluwekust",
        p="kraamzorg",
        n="Kraamzorg aan huis",
        d="Na de bevalling komt een kraamverzorgende van Kraamzorg Veluwekust acht tot tien dagen bij u thuis. Zij controleert de "
        "gezondheid van moeder en baby, helpt bij het voeden en de verzorging, geeft instructies en doet lichte huishoudelijke taken. "
        "Meld u bij voorkeur voor de 16e week van de zwangerschap aan. Bij het intakegesprek bespreken we het aantal uren "
        "(volgens het Landelijk Indicatieprotocol) en de eigen bijdrage die uw zorgverzekeraar rekent.",
        s="Hulp en controle thuis in de eerste week na de bevalling.",
        lv="basis",
        ph="zwangerschap geboorte",
        aim="begeleiding_steun_hulp competent_ouderschap",
        fac="gezondheid_kind",
        tg="moeders ouders",
        acc="signup",
        cost="insurance",
        hv=True,
        fr="always",
        tr={
            "en": ("Maternity care at home", "Care and check-ups at home in the first week after birth."),
            "ar": ("رعاية الأمومة في المنزل", "رعاية وفحوصات في المنزل في الأسبوع الأول بعد الولادة."),
            "tr": ("Evde lohusa bakımı", "Doğumdan sonraki ilk hafta evde bakım ve kontroller."),
        },
    ),
    dict(
        o="dewieg",
        p="kraamzorg",
        n="Kraamzorg De Wieg – persoonlijke kraamzorg",
        d="Wij zijn een kleine coöperatie van ervaren kraamverzorgenden. U heeft vanaf de intake één vaste kraamverzorgende die u ook "
        "assisteert bij een thuisbevalling.",
        lv="basis",
        ph="geboorte",
        aim="begeleiding_steun_hulp",
        tg="moeders",
        acc="signup",
        cost="insurance",
        hv=True,
    ),
    dict(
        o="kraamzorg-veluwekust",
        p="kraamzorg-extra",
        n="Kraamzorg Extra voor gezinnen met meer zorg",
        d="Sommige gezinnen hebben in de kraamtijd meer nodig, bijvoorbeeld bij weinig steun in de omgeving, stress, een eerste kind "
        "op jonge leeftijd of psychische klachten. Met Kraamzorg Extra krijgt u meer uren en een kraamverzorgende met extra training, "
        "die in overleg met de jeugdverpleegkundige de overdracht regelt. De gemeente betaalt de extra uren.",
        lv="extra",
        ph="geboorte",
        aim="problemen_verminderen begeleiding_steun_hulp",
        fac="sociale_contacten eigen_jeugd",
        tg="gezinnen_kwetsbaar moeders",
        acc="referral",
        cost="municipality",
        hv=True,
    ),
    dict(
        o="bekkenfysio-hw",
        p="bekken-herstel",
        n="Bekkenfysiotherapie na de bevalling",
        d="Last van urineverlies, pijn bij het vrijen, bekkenpijn of een gevoel van zwaarte na de bevalling? De bekkenfysiotherapeut "
        "onderzoekt en traint uw bekkenbodem. Ook voor klachten tijdens de zwangerschap.",
        lv="steuntje",
        ph="zwangerschap geboorte baby",
        aim="problemen_verminderen",
        tg="moeders",
        acc="open",
        cost="insurance",
        loc=["hw-centrum"],
    ),
    # --- feeding / baby ------------------------------------------------------------------------------------
    dict(
        o="melkweg-lactatie",
        p="lactatiekundige",
        n="Lactatiekundige aan huis",
        d="Een lactatiekundige (IBCLC) is gespecialiseerd in borstvoeding. Ik kom bij u thuis bij problemen zoals pijnlijke tepels, "
        "te weinig melk, een baby die niet goed aanhapt of niet genoeg groeit, borstontsteking, of als u wilt afkolven bij het "
        "hervatten van uw werk. Veel zorgverzekeraars vergoeden een deel vanuit de aanvullende verzekering.",
        lv="steuntje",
        ph="geboorte baby",
        aim="begeleiding_steun_hulp",
        fac="gezondheid_kind werk_gezin",
        tg="moeders",
        acc="open",
        cost=85,
        hv=True,
        fr="by_appointment",
        tr={"en": ("Lactation consultant at home", "Expert help with breastfeeding problems at home.")},
    ),
    dict(
        o="welzijn-harderwijk",
        p="borstvoedingscafe",
        n="Borstvoedingscafé",
        d="Eens per twee weken komen moeders die borstvoeding geven bij elkaar in De Binnenhaven, samen met een ervaren "
        "borstvoedingsorganisatie-vrijwilliger. Zwangeren zijn ook welkom. Gratis, aanmelden niet nodig.",
        lv="basis",
        ph="zwangerschap geboorte baby",
        aim="onderlinge_steun",
        fac="sociale_contacten",
        tg="moeders",
        acc="open",
        cost="free",
        loc=["hw-centrum"],
        fr="fortnightly",
    ),
    dict(
        o="jgz-noordveluwe",
        p="consultatiebureau",
        n="Consultatiebureau 0-4 jaar",
        d="Het consultatiebureau ziet uw kind vanaf de eerste weken tot vier jaar regelmatig. De jeugdarts en jeugdverpleegkundige "
        "kijken naar groei, ontwikkeling, gehoor en ogen, geven de vaccinaties van het Rijksvaccinatieprogramma en beantwoorden "
        "vragen over borst- en flesvoeding, slapen, huilen, zindelijkheid en opvoeden. Na de hielprik en de geboorteaangifte krijgt "
        "u vanzelf een uitnodiging. Ook in Ermelo en in het dorpshuis van Hierden.",
        s="Gratis controles van groei en ontwikkeling, vaccinaties en advies over opvoeden.",
        lv="basis",
        ph="geboorte baby dreumes peuter",
        aim="competent_ouderschap problemen_verminderen",
        fac="gezondheid_kind ontwikkeling",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["hw-stadsdennen", "er-centrum", "hierden"],
        fr="by_appointment",
        tr={
            "en": ("Child health clinic 0-4 years", "Free check-ups, vaccinations and parenting advice."),
            "ar": ("عيادة صحة الطفل من 0 إلى 4 سنوات", "فحوصات مجانية ولقاحات ونصائح تربوية."),
            "tr": ("Çocuk sağlığı merkezi 0-4 yaş", "Ücretsiz kontroller, aşılar ve ebeveynlik tavsiyesi."),
            "pl": (
                "Przychodnia zdrowia dziecka 0-4 lata",
                "Bezpłatne badania, szczepienia i porady wychowawcze.",
            ),
            "uk": ("Дитяча консультація 0-4 роки", "Безкоштовні огляди, щеплення та поради з виховання."),
        },
        lang=["nl", "en", "ar", "tr", "pl", "uk"],
    ),
    dict(
        o="jgz-noordveluwe",
        p="huilspreekuur",
        n="Huilspreekuur",
        d="Huilt uw baby veel en bent u uitgeput? Op het huilspreekuur kijkt een gespecialiseerde jeugdverpleegkundige samen met u naar "
        "het huilen, de voeding, het slapen en de dagindeling. Zo nodig komt zij bij u thuis en denkt mee over rust en regelmaat "
        "(bijvoorbeeld inbakeren). Aanmelden via het consultatiebureau.",
        lv="steuntje",
        ph="baby",
        aim="begeleiding_steun_hulp problemen_verminderen",
        fac="temperament",
        tg="ouders",
        acc="open",
        cost="free",
        hv=True,
        loc=["hw-stadsdennen"],
        fr="by_appointment",
    ),
    dict(
        o="ademruimte",
        p="babymassage",
        n="Cursus babymassage",
        d="In vijf lessen leert u uw baby (6 weken tot 6 maanden) te masseren. Massage helpt bij ontspanning, darmkrampjes en "
        "onrust en versterkt de band tussen ouder en kind.",
        lv="basis",
        ph="baby",
        aim="competent_ouderschap",
        fac="temperament",
        tg="ouders",
        acc="signup",
        cost=65,
        loc=["hw-centrum"],
        fr="series",
    ),
    dict(
        o="jgz-noordveluwe",
        p="inloopspreekuur",
        n="Inloopspreekuur jeugdverpleegkundige",
        d="Elke dinsdagochtend kunt u zonder afspraak binnenlopen met een vraag, of om uw baby te laten wegen.",
        lv="informatie",
        ph="baby dreumes peuter",
        aim="competent_ouderschap",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["er-centrum", "hw-tweelingstad"],
        fr="weekly",
    ),
    dict(
        o="jgz-noordveluwe",
        p="groeiwijzer-app",
        n="GroeiWijzer app en chat",
        d="Met de GroeiWijzer app heeft u het groeidossier van uw kind altijd bij de hand en leest u betrouwbare informatie per "
        "leeftijd, van zwangerschap tot vier jaar. Via de chat stelt u op werkdagen vragen aan een jeugdverpleegkundige.",
        lv="informatie",
        ph="zwangerschap baby dreumes peuter",
        aim="competent_ouderschap",
        tg="ouders",
        acc="open",
        cost="free",
        onl=True,
        fr="always",
    ),
    dict(
        o="dietist-kind",
        p="kinderdietist",
        n="Kinderdiëtist",
        d="Begeleiding bij voedingsproblemen van baby's en peuters, zoals koemelkallergie, moeizaam eten, weinig groeien of "
        "overgewicht. Drie uur per jaar vergoed uit de basisverzekering.",
        lv="steuntje",
        ph="baby dreumes peuter",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="ouders",
        acc="open",
        cost="insurance",
        loc=["hw-stadsdennen"],
    ),
    dict(
        o="praatjesmaker",
        p="logopedie-peuters",
        n="Logopedie voor peuters",
        d="Praat uw peuter nog weinig of is hij slecht verstaanbaar? De logopedist onderzoekt de spraak- en taalontwikkeling, "
        "het horen en het mondgedrag (ook bij drinken en eten) en geeft ouders oefeningen mee voor thuis.",
        lv="steuntje",
        ph="dreumes peuter",
        aim="problemen_verminderen",
        fac="ontwikkeling",
        tg="ouders",
        acc="open",
        cost="insurance",
        loc=["hw-drielanden"],
    ),
    dict(
        o="sportief-ermelo",
        p="peutergym",
        n="Peutergym en dreumesgym",
        d="Klimmen, klauteren, rollen en springen op muziek: beweeglessen voor kinderen van 1,5 tot 4 jaar met hun vader, "
        "moeder, opa of oma.",
        lv="basis",
        ph="dreumes peuter",
        aim="competent_ouderschap",
        fac="ontwikkeling",
        tg="ouders",
        acc="signup",
        cost=45,
        loc=["er-oost"],
        fr="weekly",
    ),
    # --- premature, loss ----------------------------------------------------------------------------------------
    dict(
        o="veluwemeer-zkh",
        p="neonatologie",
        n="Couveuseafdeling en nazorg voor vroeggeboren baby's",
        d="Kinderen die te vroeg (vanaf 32 weken) of met een laag geboortegewicht geboren worden, verblijven op onze "
        "neonatologie-afdeling. Ouders zijn 24 uur per dag welkom en worden betrokken bij de zorg (family integrated care). "
        "Na ontslag volgt de kinderarts de ontwikkeling op de follow-up-poli en kunt u contact houden met de neonatologieverpleegkundige.",
        lv="extra",
        ph="geboorte baby",
        aim="begeleiding_steun_hulp problemen_verminderen",
        fac="gezondheid_kind ontwikkeling",
        tg="ouders",
        acc="referral",
        cost="insurance",
        loc=["hw-zkh"],
    ),
    dict(
        o="kleinekanjers",
        p="lotgenoten",
        n="Lotgenotencontact voor ouders van prematuren",
        d="Uw baby is veel te vroeg geboren? Ervaringsdeskundige ouders staan voor u klaar: een luisterend oor tijdens de "
        "ziekenhuisopname en de periode daarna, koffieochtenden en een besloten Facebookgroep.",
        lv="steuntje",
        ph="geboorte baby dreumes",
        aim="onderlinge_steun",
        fac="sociale_contacten gezondheid_kind",
        tg="ouders",
        acc="open",
        cost="free",
        onl=True,
    ),
    dict(
        o="stilgeboren-nv",
        p="lotgenoten",
        n="Steun na het verlies van je kindje",
        d="Onze vrijwilligers hebben zelf een kindje verloren door een miskraam, doodgeboorte of overlijden kort na de geboorte. "
        "Wij bieden gesprekken, een lotgenotengroep en informatie over afscheid nemen, herinneringen maken en rouwen, ook voor "
        "de partner, broertjes en zusjes en grootouders.",
        lv="steuntje",
        ph="zwangerschap geboorte baby",
        aim="onderlinge_steun begeleiding_steun_hulp",
        fac="sociale_contacten partnerschap",
        tg="ouders",
        acc="open",
        cost="free",
        fr="monthly",
    ),
    dict(
        o="hagroep-randmeren",
        p="poh-ggz",
        n="Praktijkondersteuner GGZ (POH-GGZ)",
        d="De POH-GGZ werkt in de huisartsenpraktijk en biedt kortdurende begeleiding bij psychische klachten, zoals somberheid, "
        "angst, stress, rouw, overspannenheid of slaapproblemen. Ook tijdens de zwangerschap en in het eerste jaar na de bevalling "
        "kunt u bij de POH-GGZ terecht. U maakt een afspraak via de huisarts; er geldt geen eigen risico.",
        lv="steuntje",
        ph="zwangerschap geboorte baby",
        aim="begeleiding_steun_hulp problemen_verminderen",
        fac="verwachtingen eigen_jeugd",
        tg="ouders",
        acc="referral",
        cost="insurance",
        loc=["hw-stadsdennen", "er-centrum"],
    ),
    dict(
        o="ggz-randmeren",
        p="perinatale-ggz",
        n="Perinatale GGZ: psychische zorg rond zwangerschap en bevalling",
        d="Ons perinatale team (psychiater, psycholoog, sociaal-psychiatrisch verpleegkundige) behandelt vrouwen met ernstige "
        "psychische klachten in de periode van kinderwens tot een jaar na de bevalling, zoals een postpartumdepressie, "
        "angststoornis, bevallingstrauma of postpartumpsychose, en geeft advies over medicatie bij zwangerschap en borstvoeding. "
        "Samenwerking met de POP-poli van Ziekenhuis Veluwemeer. Verwijzing door huisarts, verloskundige of gynaecoloog.",
        lv="extra",
        ph="kinderwens zwangerschap geboorte baby",
        aim="problemen_verminderen begeleiding_steun_hulp",
        fac="eigen_jeugd verwachtingen",
        tg="moeders",
        acc="referral",
        cost="insurance",
        wait=6,
        loc=["hw-centrum"],
    ),
    dict(
        o="veluwemeer-zkh",
        p="pop-poli",
        n="POP-poli (psychiatrie, obstetrie, pediatrie)",
        d="Op de POP-poli werken gynaecoloog, psychiater en kinderarts samen voor zwangeren met psychische problemen, "
        "verslaving of medicijngebruik, zodat zwangerschap, bevalling en de eerste dagen van de baby goed voorbereid zijn.",
        lv="extra",
        ph="zwangerschap geboorte",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders moeders",
        acc="referral",
        cost="insurance",
        loc=["hw-zkh"],
    ),
    dict(
        o="ouderlijn",
        p="ouderlijn",
        n="Ouderlijn: anoniem je verhaal kwijt",
        d="Zit je ergens mee als ouder? Bel of chat anoniem met een getrainde vrijwilliger van de Ouderlijn, elke avond van 19 tot 22 uur. "
        "Over opvoeden, je relatie, eenzaamheid, of gewoon als het even te veel is.",
        lv="informatie",
        ph="baby dreumes peuter kind",
        aim="informele_steun",
        fac="sociale_contacten",
        tg="ouders",
        acc="open",
        cost="free",
        onl=True,
        fr="always",
    ),
    # --- parenting -----------------------------------------------------------------------------------------------
    dict(
        o="wijkteam-harderwijk",
        p="opvoedspreekuur",
        n="Opvoedspreekuur",
        d="Vragen over driftbuien, luisteren, grenzen stellen, slapen of zindelijk worden? Een pedagoog van het wijkteam denkt "
        "in één tot drie gesprekken met u mee. Aanmelden kan zonder verwijzing.",
        lv="steuntje",
        ph="dreumes peuter kind",
        aim="competent_ouderschap",
        fac="vaardigheden temperament",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["hw-centrum", "hw-drielanden"],
        fr="by_appointment",
    ),
    dict(
        o="wijkteam-harderwijk",
        p="triple-p",
        n="Positief Opvoeden: Triple P-groepscursus",
        d="In deze cursus van acht bijeenkomsten leert u hoe u gewenst gedrag stimuleert en omgaat met lastig gedrag van uw "
        "peuter of kleuter, met veel oefenen en uitwisseling met andere ouders.",
        lv="steuntje",
        ph="peuter kind",
        aim="competent_ouderschap onderlinge_steun",
        fac="vaardigheden",
        tg="ouders",
        acc="signup",
        cost="free",
        loc=["hw-drielanden"],
        fr="series",
    ),
    dict(
        o="jgz-noordveluwe",
        p="stevig-ouderschap",
        n="Stevig Ouderschap",
        d="Stevig Ouderschap is een programma van zes huisbezoeken door een speciaal getrainde jeugdverpleegkundige in het eerste "
        "levensjaar, voor ouders bij wie het ouderschap onder druk staat: bijvoorbeeld door een moeilijke eigen jeugd, weinig "
        "steun, spanningen in de relatie of zorgen over geld. Samen versterkt u uw zelfvertrouwen als ouder.",
        lv="extra",
        ph="baby",
        aim="competent_ouderschap problemen_verminderen",
        fac="eigen_jeugd sociale_contacten partnerschap",
        tg="ouders gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        hv=True,
        fr="series",
    ),
    dict(
        o="jgz-noordveluwe",
        p="voorzorg",
        n="VoorZorg: intensieve begeleiding voor jonge zwangeren",
        d="VoorZorg is voor vrouwen tot 25 jaar die voor het eerst zwanger zijn en weinig steun hebben of in een lastige situatie "
        "zitten. Een VoorZorgverpleegkundige komt vanaf de zwangerschap tot de tweede verjaardag van het kind ongeveer veertig "
        "keer op huisbezoek. Onderwerpen: gezond zwanger zijn, stoppen met roken, de ontwikkeling van je kind, je relatie, "
        "school en werk.",
        lv="extra",
        ph="zwangerschap geboorte baby dreumes",
        aim="problemen_verminderen competent_ouderschap",
        fac="eigen_jeugd vaardigheden sociale_contacten",
        tg="moeders gezinnen_kwetsbaar",
        acc="referral",
        cost="free",
        hv=True,
        fr="fortnightly",
    ),
    dict(
        o="samen-ermelo",
        p="gezinsmaatje",
        n="Gezinsmaatje: een vrijwilliger voor uw gezin",
        d="Een Gezinsmaatje is een ervaren ouder die een jaar lang wekelijks een paar uur bij u thuis komt: om samen op te "
        "ruimen, naar het consultatiebureau te gaan, een luisterend oor te bieden of even op de kinderen te passen. Voor gezinnen "
        "met ten minste één kind tot zes jaar die het even niet alleen redden.",
        lv="steuntje",
        ph="zwangerschap baby dreumes peuter",
        aim="informele_steun",
        fac="sociale_contacten alleenstaand",
        tg="ouders gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        hv=True,
        fr="weekly",
    ),
    dict(
        o="welzijn-harderwijk",
        p="buurtgezinnen",
        n="Buurtgezinnen Harderwijk",
        d="Buurtgezinnen koppelt een gezin dat wel wat steun kan gebruiken (vraaggezin) aan een gezin uit de buurt (steungezin) "
        "dat bijvoorbeeld een middag in de week de kinderen opvangt of een keer samen eet. Gratis en vrijwillig.",
        lv="steuntje",
        ph="baby dreumes peuter kind",
        aim="informele_steun",
        fac="sociale_contacten alleenstaand",
        tg="gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        fr="weekly",
    ),
    dict(
        o="mee-veluwe",
        p="ouderschap-beperking",
        n="Ondersteuning bij ouderschap voor ouders met een beperking",
        d="Ouders met een licht verstandelijke beperking krijgen van een MEE-consulent praktische begeleiding rond zwangerschap "
        "en de zorg voor jonge kinderen, met eenvoudige uitleg en plaatjes.",
        lv="extra",
        ph="zwangerschap baby dreumes peuter",
        aim="begeleiding_steun_hulp",
        fac="vaardigheden",
        tg="ouders gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        hv=True,
    ),
    dict(
        o="wijkteam-harderwijk",
        p="gezinsbegeleiding",
        n="Ambulante gezinsbegeleiding",
        d="Bij meerdere problemen tegelijk – opvoeding, geld, gezondheid, relatie – komt een gezinsbegeleider een aantal maanden "
        "bij u thuis. Samen maakt u een plan. Toegang via het sociaal wijkteam.",
        lv="extra",
        ph="baby dreumes peuter kind tiener",
        aim="begeleiding_steun_hulp problemen_verminderen",
        fac="vaardigheden financien partnerschap",
        tg="gezinnen_kwetsbaar",
        acc="referral",
        cost="municipality",
        hv=True,
        wait=4,
    ),
    # --- social, fathers, young mothers ------------------------------------------------------------------------
    dict(
        o="welzijn-harderwijk",
        p="papacafe",
        n="Papa-café",
        d="Eén zaterdagochtend per maand ontmoeten (aanstaande) vaders elkaar in de Binnenhaven, met de kinderen. Koffie, "
        "een spel voor de kleintjes en gesprekken over vaderschap, werk en thuis, en de band met je kind.",
        lv="basis",
        ph="zwangerschap baby dreumes peuter",
        aim="onderlinge_steun",
        fac="sociale_contacten werk_gezin",
        tg="vaders",
        acc="open",
        cost="free",
        loc=["hw-centrum"],
        fr="monthly",
    ),
    dict(
        o="ggd-veluwekust",
        p="vaderschap-online",
        n="Online training Klaar voor het vaderschap",
        d="Korte online cursus in vier avonden voor aanstaande vaders en meemoeders: wat verandert er, hoe steun je je "
        "partner tijdens de bevalling en hoe verdeel je zorg en werk? Met een forum.",
        lv="informatie",
        ph="zwangerschap",
        aim="competent_ouderschap",
        fac="partnerschap werk_gezin",
        tg="vaders partners",
        acc="signup",
        cost="free",
        onl=True,
        fr="series",
    ),
    dict(
        o="samen-ermelo",
        p="jonge-moeders",
        n="Groep jonge moeders",
        d="Ben je jonger dan 23 en zwanger of moeder? Elke woensdag is er een ochtend met andere jonge moeders, met "
        "kinderopvang, thema's zoals geld, school en je relatie, en gewoon gezelligheid.",
        lv="steuntje",
        ph="zwangerschap baby dreumes peuter",
        aim="onderlinge_steun",
        fac="sociale_contacten eigen_jeugd",
        tg="moeders",
        acc="open",
        cost="free",
        loc=["er-west"],
        fr="weekly",
    ),
    dict(
        o="samen-ermelo",
        p="mamaochtend",
        n="Mama-ochtend in De Kolk",
        d="Elke donderdagochtend inloop voor moeders en hun baby's of peuters: kennismaken, ervaringen delen, soms een "
        "gastspreker. Ook voor moeders die nieuw zijn in Ermelo.",
        lv="basis",
        ph="baby dreumes peuter",
        aim="onderlinge_steun",
        fac="sociale_contacten",
        tg="moeders",
        acc="open",
        cost="free",
        loc=["er-west"],
        fr="weekly",
    ),
    dict(
        o="kerkplein",
        p="inloop",
        n="Inloopochtend Het Kerkplein",
        d="Het Kerkplein is een huiskamer voor iedereen die behoefte heeft aan een kop koffie en een praatje. Er is een "
        "speelhoek; ouders met jonge kinderen zijn van harte welkom. Ook vindt u hier de maandelijkse kledingruil voor kinderkleding.",
        lv="basis",
        ph="baby dreumes peuter kind",
        aim="informele_steun",
        fac="sociale_contacten",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["hw-centrum"],
        fr="weekly",
    ),
    dict(
        o="welzijn-harderwijk",
        p="eenoudergezinnen",
        n="Netwerk alleenstaande ouders",
        d="Voor ouders die de opvoeding alleen doen. Maandelijkse ontmoetingen, uitjes met de kinderen en een app-groep "
        "om elkaar te helpen met oppassen.",
        lv="basis",
        ph="baby dreumes peuter kind",
        aim="onderlinge_steun",
        fac="alleenstaand sociale_contacten",
        tg="ouders",
        acc="open",
        cost="free",
        fr="monthly",
    ),
    dict(
        o="wijkteam-harderwijk",
        p="relatie-na-baby",
        n="Training Samen ouders worden",
        d="Een baby verandert je relatie. In drie avonden leren stellen in verwachting of met een baby hoe zij met slaaptekort, "
        "taakverdeling en ruzies omgaan. Gegeven door een relatietherapeut van het wijkteam.",
        lv="steuntje",
        ph="zwangerschap baby",
        aim="competent_ouderschap problemen_verminderen",
        fac="partnerschap",
        tg="ouders partners",
        acc="signup",
        cost="free",
        loc=["hw-drielanden"],
        fr="series",
    ),
    dict(
        o="ermelo",
        p="scheiding",
        n="Scheidingsloket Ermelo",
        d="Gaan u en uw partner uit elkaar? Het scheidingsloket geeft informatie over ouderschapsplan, omgang, mediation en "
        "financiën, en verwijst naar hulp voor de kinderen.",
        lv="informatie",
        ph="baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="partnerschap",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["er-centrum"],
    ),
    # --- money, basic needs ---------------------------------------------------------------------------------------
    dict(
        o="wijkteam-harderwijk",
        p="schuldhulpverlening",
        n="Schuldhulpverlening gemeente Harderwijk",
        d="Heeft u schulden of dreigen betalingsachterstanden? De schuldhulpverleners van de gemeente brengen uw situatie in kaart, "
        "stabiliseren uw financiën, onderhandelen met schuldeisers en begeleiden u, indien nodig, naar een schuldregeling of "
        "beschermingsbewind. Bij een zwangerschap of een jong kind krijgt u voorrang.",
        s="Hulp bij schulden: overzicht, afspraken met schuldeisers en een regeling.",
        lv="extra",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="financien",
        tg="ouders gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        loc=["hw-centrum"],
        wait=2,
        tr={
            "en": (
                "Debt counselling Harderwijk",
                "Help with debts: overview, agreements with creditors and a settlement.",
            ),
            "pl": (
                "Pomoc w spłacie długów Harderwijk",
                "Pomoc przy długach: przegląd, ustalenia z wierzycielami i ugoda.",
            ),
        },
    ),
    dict(
        o="ermelo",
        p="geldzaken",
        n="Geldzaken en minimaregelingen Ermelo",
        d="Het team Toegang helpt inwoners met een laag inkomen bij bijzondere bijstand, de individuele inkomenstoeslag, de "
        "meedoenregeling en kwijtschelding van gemeentelijke belastingen. Ook kunt u hier terecht voor budgetcoaching en "
        "doorverwijzing naar schuldhulpverlening.",
        lv="steuntje",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="financien",
        tg="ouders gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        loc=["er-centrum"],
    ),
    dict(
        o="schuldhulpmaatje-nv",
        p="maatje",
        n="SchuldHulpMaatje",
        d="Een getrainde vrijwilliger helpt u gratis om uw administratie op orde te brengen, post te openen, een budget te maken "
        "en, als het nodig is, de stap naar professionele schuldhulp te zetten. Zonder oordeel.",
        lv="steuntje",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="informele_steun problemen_verminderen",
        fac="financien",
        tg="ouders",
        acc="open",
        cost="free",
        hv=True,
    ),
    dict(
        o="formulierenbrigade",
        p="toeslagen",
        n="Hulp bij formulieren en toeslagen",
        d="Vrijwilligers helpen u met het aanvragen van zorgtoeslag, huurtoeslag, kinderopvangtoeslag, kinderbijslag en het "
        "kindgebonden budget, met de belastingaangifte en met brieven van de gemeente of het UWV. Spreekuur in de bibliotheek.",
        lv="steuntje",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="financien vaardigheden",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["hw-centrum", "er-centrum"],
        fr="weekly",
    ),
    dict(
        o="voedselbank-he",
        p="voedselpakket",
        n="Voedselpakketten",
        d="Huishoudens die aan de toelatingsnormen voldoen, ontvangen wekelijks een gratis voedselpakket. Gezinnen met een "
        "baby krijgen ook luiers, babyvoeding en verzorgingsproducten. Aanmelden via het sociaal wijkteam, schuldhulpverlening "
        "of een andere hulpverlener.",
        lv="extra",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="financien",
        tg="gezinnen_kwetsbaar",
        acc="referral",
        cost="free",
        loc=["hw-tweelingstad"],
        fr="weekly",
    ),
    dict(
        o="babykamer",
        p="babypakket",
        n="Babypakket en uitzet voor gezinnen met een kleine beurs",
        d="Verwacht u een baby en heeft u weinig te besteden? De Babykamer geeft een gratis babypakket met kleertjes, "
        "een kinderwagen of maxi-cosi, beddengoed en verzorgingsspullen, en waar mogelijk een ledikant of box. Aanvragen gaat "
        "via een hulpverlener, zoals de verloskundige, de kraamverzorgende of het wijkteam.",
        lv="steuntje",
        ph="zwangerschap geboorte baby",
        aim="problemen_verminderen",
        fac="financien",
        tg="gezinnen_kwetsbaar",
        acc="referral",
        cost="free",
    ),
    dict(
        o="kledingbank-hanger",
        p="kinderkleding",
        n="Kledingbank: gratis kleding voor het hele gezin",
        d="Vier keer per jaar kunt u gratis kleding uitzoeken, voor volwassenen en kinderen van 0 tot 16 jaar. Met een "
        "verwijsbrief van een hulpverlener.",
        lv="steuntje",
        ph="baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="financien",
        tg="gezinnen_kwetsbaar",
        acc="referral",
        cost="free",
        loc=["hw-tweelingstad"],
    ),
    dict(
        o="wijkteam-harderwijk",
        p="wijkteam",
        n="Sociaal Wijkteam: één loket voor al uw vragen",
        d="Het sociaal wijkteam helpt bij vragen over opvoeden, geldzorgen, eenzaamheid, werk, mantelzorg, wonen en gezondheid. "
        "Een wijkteammedewerker luistert, zoekt samen met u naar oplossingen in uw eigen netwerk en regelt waar nodig "
        "ondersteuning of jeugdhulp. Bellen, mailen of langskomen op een van de wijkpunten.",
        lv="steuntje extra",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="begeleiding_steun_hulp",
        fac="financien sociale_contacten vaardigheden",
        tg="ouders gezinnen_kwetsbaar",
        acc="open",
        cost="free",
        loc=["hw-centrum", "hw-tweelingstad", "hw-drielanden"],
        tr={
            "en": (
                "Social neighbourhood team",
                "One desk for questions about parenting, money, housing and care.",
            )
        },
    ),
    dict(
        o="ermelo",
        p="jeugd-gezin",
        n="Team Toegang Jeugd en Gezin Ermelo",
        d="Voor inwoners van Ermelo met vragen over opgroeien, opvoeden, jeugdhulp of als het thuis niet lekker loopt. "
        "Een consulent bespreekt met u wat u nodig heeft.",
        lv="steuntje extra",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="begeleiding_steun_hulp",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["er-centrum"],
    ),
    # --- housing ---------------------------------------------------------------------------------------------
    dict(
        o="veluwehaven",
        p="urgentie",
        n="Urgentieverklaring en woonruimtebemiddeling",
        d="Zoekt u dringend een woning, bijvoorbeeld omdat u met een baby op een kamer woont, dakloos dreigt te worden of na "
        "een relatiebreuk? Met een urgentieverklaring krijgt u voorrang. Lees de voorwaarden en vraag een gesprek aan met een "
        "woonconsulent.",
        lv="extra",
        ph="zwangerschap baby dreumes peuter kind",
        aim="problemen_verminderen",
        fac="financien positie_gezin",
        tg="ouders gezinnen_kwetsbaar",
        acc="signup",
        cost="free",
        loc=["hw-centrum"],
    ),
    dict(
        o="veluwehaven",
        p="woonconsulent",
        n="Woonconsulent bij huurachterstand",
        d="Loopt u achter met de huur? Neem op tijd contact op. De woonconsulent maakt een betalingsregeling en verwijst naar "
        "schuldhulp, zodat huisuitzetting voorkomen wordt.",
        lv="steuntje",
        ph="baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        fac="financien",
        tg="ouders",
        acc="open",
        cost="free",
    ),
    # --- safety ----------------------------------------------------------------------------------------------
    dict(
        o="veiligthuis-nog",
        p="advies-melding",
        n="Veilig Thuis: advies en melding",
        d="Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling. Bel 0800-2000, gratis en "
        "anoniem, dag en nacht, als u zelf thuis niet veilig bent, als u zich zorgen maakt over een kind of volwassene in "
        "uw omgeving, of als professional.",
        lv="extra",
        ph="zwangerschap baby dreumes peuter kind tiener",
        aim="problemen_verminderen",
        tg="ouders professionals",
        acc="open",
        cost="free",
        onl=True,
        fr="always",
        tr={
            "en": (
                "Safe at Home: advice and reporting",
                "Advice and reporting on domestic violence and child abuse, 24/7.",
            ),
            "ar": ("البيت الآمن: نصيحة وإبلاغ", "نصيحة وإبلاغ عن العنف المنزلي وإساءة معاملة الأطفال."),
            "tr": (
                "Veilig Thuis: danışma ve bildirim",
                "Aile içi şiddet ve çocuk istismarı hakkında danışma ve bildirim.",
            ),
            "pl": (
                "Veilig Thuis: porady i zgłoszenia",
                "Porady i zgłoszenia przemocy domowej i krzywdzenia dzieci.",
            ),
            "uk": (
                "Veilig Thuis: поради та повідомлення",
                "Поради та повідомлення про домашнє насильство та жорстоке поводження з дітьми.",
            ),
        },
    ),
    dict(
        o="blijfhuis-randmeren",
        p="opvang",
        n="Vrouwenopvang en ambulante hulp",
        d="Tijdelijke, veilige opvang op een geheim adres voor vrouwen (en hun kinderen) die thuis te maken hebben met "
        "geweld, bedreiging of eergerelateerd geweld. Ook ambulante begeleiding en de groep 'Sterk na geweld'.",
        lv="extra",
        ph="zwangerschap baby dreumes peuter kind",
        aim="problemen_verminderen begeleiding_steun_hulp",
        fac="partnerschap",
        tg="moeders gezinnen_kwetsbaar",
        acc="referral",
        cost="free",
    ),
    # --- language, culture, newcomers ------------------------------------------------------------------------
    dict(
        o="taalschool-kompas",
        p="nt2-moeders",
        n="NT2-les met kinderopvang voor ouders",
        d="Nederlands leren als tweede taal (NT2) op niveau A1 tot B1, twee ochtenden per week, terwijl uw kind (0–4 jaar) "
        "in de crèche naast het leslokaal speelt. De lessen gaan over dagelijkse situaties: de dokter, het consultatiebureau, "
        "de school. Voor inburgeraars en andere volwassenen.",
        s="Nederlandse les met opvang voor uw kind.",
        lv="steuntje",
        ph="baby dreumes peuter",
        aim="competent_ouderschap",
        fac="vaardigheden sociale_contacten",
        tg="ouders",
        acc="signup",
        cost="municipality",
        loc=["hw-tweelingstad"],
        fr="weekly",
        cult=True,
        tr={
            "en": ("Dutch lessons with childcare", "Learn Dutch while your child plays next door."),
            "ar": ("دروس اللغة الهولندية مع رعاية الأطفال", "تعلم الهولندية بينما يلعب طفلك بجوارك."),
            "tr": ("Çocuk bakımlı Hollandaca dersi", "Çocuğunuz yan odada oynarken Hollandaca öğrenin."),
            "uk": (
                "Уроки нідерландської з доглядом за дітьми",
                "Вивчайте нідерландську, поки ваша дитина грається поруч.",
            ),
        },
        lang=["nl", "en", "ar", "tr", "uk"],
    ),
    dict(
        o="bibliotheek-nv",
        p="taalcafe",
        n="Taalcafé en Taalhuis",
        d="In het Taalhuis van de bibliotheek oefent u de Nederlandse taal in een ontspannen sfeer met vrijwilligers: lezen, "
        "schrijven, spreken en rekenen, en werken met de computer. Voor anderstaligen en voor Nederlanders die moeite hebben "
        "met lezen en schrijven (laaggeletterdheid).",
        lv="basis",
        ph="kinderwens zwangerschap baby dreumes peuter kind",
        aim="competent_ouderschap",
        fac="vaardigheden",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["hw-centrum", "er-centrum"],
        fr="weekly",
    ),
    dict(
        o="bibliotheek-nv",
        p="boekstart",
        n="BoekStart: voorlezen aan baby's en peuters",
        d="Met BoekStart krijgt uw baby een gratis lidmaatschap en een koffertje met boekjes. Elke maand is er een "
        "voorleesochtend voor kinderen van 0 tot 4 jaar. Voorlezen is goed voor de taalontwikkeling.",
        lv="basis",
        ph="baby dreumes peuter",
        aim="competent_ouderschap",
        fac="ontwikkeling",
        tg="ouders",
        acc="open",
        cost="free",
        loc=["hw-centrum", "er-centrum"],
        fr="monthly",
    ),
    dict(
        o="vluchtelingenwerk-nv",
        p="gezinnen",
        n="Begeleiding van nieuwkomersgezinnen",
        d="Vrijwilligers en medewerkers van VluchtelingenWerk helpen statushouders met jonge kinderen hun weg te vinden: huisvesting, "
        "inschrijving bij huisarts en consultatiebureau, de kinderopvang en de school, en contact met de buurt. Met tolken "
        "Arabisch, Tigrinya en Oekraïens.",
        lv="steuntje",
        ph="zwangerschap baby dreumes peuter kind",
        aim="begeleiding_steun_hulp informele_steun",
        fac="sociale_contacten vaardigheden",
        tg="ouders",
        acc="open",
        cost="free",
        hv=True,
        cult=True,
        lang=["nl", "ar", "ti", "uk"],
    ),
    # --- pre-school --------------------------------------------------------------------------------------------
    dict(
        o="speelkwartier",
        p="peuteropvang",
        n="Peuteropvang met voorschoolse educatie",
        d="Op de peuteropvang spelen kinderen van 2 tot 4 jaar twee of drie ochtenden per week met leeftijdsgenootjes. "
        "Pedagogisch medewerkers stimuleren taal, rekenen, motoriek en sociale vaardigheden. Kinderen met een VVE-indicatie "
        "van het consultatiebureau komen 16 uur per week; de gemeente betaalt dan. Ouders betalen een inkomensafhankelijke "
        "bijdrage of krijgen kinderopvangtoeslag.",
        s="Spelen en leren in een groep voor kinderen van 2 tot 4, met VVE.",
        lv="basis",
        ph="peuter",
        aim="competent_ouderschap",
        fac="ontwikkeling sociale_contacten",
        tg="ouders",
        acc="signup",
        cost="municipality",
        loc=["hw-drielanden", "hw-tweelingstad"],
        fr="weekly",
    ),
    dict(
        o="peuterwerk-ermelo",
        p="peutergroep",
        n="Peutergroep (2-4 jaar) Ermelo",
        d="Onze peutergroepen in alle wijken van Ermelo zijn er voor alle peuters. Met het programma Uk & Puk werken we "
        "aan taal en ontwikkeling; peuters met een indicatie krijgen extra uren. Een ouderbijdrage naar inkomen.",
        lv="basis",
        ph="peuter",
        aim="competent_ouderschap",
        fac="ontwikkeling",
        tg="ouders",
        acc="signup",
        cost="municipality",
        loc=["er-oost", "er-horst"],
        fr="weekly",
    ),
    dict(
        o="speelkwartier",
        p="kinderdagverblijf",
        n="Kinderdagverblijf",
        d="Hele dagopvang voor kinderen van 10 weken tot 4 jaar, 52 weken per jaar, voor werkende ouders.",
        lv="basis",
        ph="baby dreumes peuter",
        aim="competent_ouderschap",
        fac="werk_gezin",
        tg="ouders",
        acc="signup",
        cost=9.5,
        loc=["hw-stadsdennen"],
        fr="weekly",
    ),
    dict(
        o="gastouder-nv",
        p="gastouderopvang",
        n="Gastouderopvang",
        d="Opvang van uw kind bij een gastouder thuis, in een kleine groep en met flexibele tijden. Kinderopvangtoeslag mogelijk.",
        lv="basis",
        ph="baby dreumes peuter kind",
        aim="competent_ouderschap",
        fac="werk_gezin",
        tg="ouders",
        acc="signup",
        cost=8,
    ),
    # --- lifestyle, addiction -----------------------------------------------------------------------------------
    dict(
        o="vitaalplein",
        p="rookvrij",
        n="Rookvrij zwanger: begeleiding bij stoppen met roken",
        d="Stoppen met roken is het beste wat u voor uzelf en uw baby kunt doen, ook als uw partner rookt. Een coach "
        "begeleidt u en uw partner in persoonlijke gesprekken of telefonisch, zo nodig met nicotinevervangers. De begeleiding "
        "wordt vergoed en gaat niet van het eigen risico af.",
        s="Hulp bij stoppen met roken voor zwangeren en partners.",
        lv="steuntje",
        ph="kinderwens zwangerschap baby",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders partners",
        acc="open",
        cost="insurance",
        onl=True,
        loc=["hw-stadsdennen"],
    ),
    dict(
        o="verslavingszorg-veluwe",
        p="zwanger-middelen",
        n="Hulp bij alcohol- en drugsgebruik rond zwangerschap",
        d="Vertrouwelijke hulp voor zwangeren en ouders van jonge kinderen die alcohol, cannabis of andere middelen gebruiken. "
        "Samenwerking met de POP-poli en de jeugdgezondheidszorg.",
        lv="extra",
        ph="zwangerschap baby dreumes",
        aim="problemen_verminderen",
        fac="gezondheid_kind",
        tg="aanstaande_ouders gezinnen_kwetsbaar",
        acc="open",
        cost="insurance",
    ),
]

# Contact points per phase: (key, org, name, phase, description, how to reach)
CONTACTS = [
    (
        "kinderwens",
        "ggd-veluwekust",
        "GGD Veluwe-Kust, preconceptiespreekuur",
        "kinderwens",
        "Voor vragen over zwanger worden en een gezonde start.",
        "Bel 088 443 20 00 op werkdagen.",
    ),
    (
        "zwangerschap",
        "waterkant",
        "De verloskundige",
        "zwangerschap",
        "Tijdens de zwangerschap is uw verloskundige uw eerste aanspreekpunt.",
        "Bel uw eigen verloskundigenpraktijk.",
    ),
    (
        "baby",
        "jgz-noordveluwe",
        "JGZ Noord-Veluwe, consultatiebureau",
        "baby",
        "Na de geboorte is de jeugdverpleegkundige uw aanspreekpunt.",
        "Bel 088 443 10 00 op werkdagen van 8 tot 17 uur.",
    ),
    (
        "peuter",
        "jgz-noordveluwe",
        "JGZ Noord-Veluwe, team peuters",
        "peuter",
        "Voor vragen over peuters en de overstap naar de peuteropvang.",
        "Bel 088 443 10 00.",
    ),
]

LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "pl": "Pools",
    "uk": "Oekraïens",
    "ti": "Tigrinya",
}
COST_LABELS = {
    "free": "Gratis",
    "insurance": "Vergoed door de zorgverzekeraar",
    "municipality": "Betaald door de gemeente",
    "amount": "Eigen betaling",
}


def attribute(
    owner_id: str, entity: str, taxonomy: str, code: str, value: str | None = None, n: int = 0
) -> dict:
    term_id = uid("term", f"{taxonomy}/{code}")
    row = {
        "id": uid("attribute", f"{owner_id}/{taxonomy}/{code}/{n}"),
        "link_id": owner_id,
        "link_type": taxonomy,
        "link_entity": entity,
        "taxonomy_term_id": term_id,
        "taxonomy_term": {"id": term_id, "code": code, "term_uri": f"{TAXONOMY}/{taxonomy}/{code}"},
    }
    if value is not None:
        row["value"] = value
    return row


def organisation(key: str) -> dict:
    name, domain, description, phone = ORGANISATIONS[key]
    oid = uid("organization", key)
    return {
        "id": oid,
        "name": name,
        "description": description,
        "website": f"https://www.{key}.example",
        "email": f"info@{key}.example",
        "phones": [{"id": uid("phone", key), "organization_id": oid, "number": phone, "type": "voice"}],
        "attributes": [attribute(oid, "organization", "domain", domain)],
    }


def location(key: str) -> dict:
    name, street, postcode, city, code, lat, lon = LOCATIONS[key]
    lid = uid("location", key)
    return {
        "id": lid,
        "name": name,
        "location_type": "physical",
        "latitude": lat,
        "longitude": lon,
        "external_identifier": code,
        "external_identifier_type": "CBS-gemeentecode",
        "addresses": [
            {
                "id": uid("address", key),
                "location_id": lid,
                "address_1": street,
                "postal_code": postcode,
                "city": city,
                "state_province": "Gelderland",
                "country": "NL",
                "address_type": "physical",
            }
        ],
    }


def service(spec: dict) -> dict:
    key = f"{spec['o']}/{spec['p']}"
    sid = uid("service", key)
    attrs = []
    for taxonomy, field in (
        ("pyramid_level", "lv"),
        ("phase", "ph"),
        ("aim", "aim"),
        ("factor", "fac"),
        ("target_group", "tg"),
    ):
        for code in spec.get(field, "").split():
            attrs.append(attribute(sid, "service", taxonomy, code))
    kenmerk = []
    if spec.get("s"):
        kenmerk.append(("korte_beschrijving", spec["s"]))
    kenmerk += [
        ("huisbezoek", "ja" if spec.get("hv") else "nee"),
        ("online", "ja" if spec.get("onl") else "nee"),
        ("toegang", spec["acc"]),
    ]
    if spec.get("cult"):
        kenmerk += [
            ("cultuursensitief", "ja"),
            (
                "cultuursensitief_toelichting",
                "Tolken en materiaal in meerdere talen; medewerkers met een migratieachtergrond.",
            ),
        ]
    if spec.get("fr"):
        kenmerk.append(("frequentie", spec["fr"]))
    if spec.get("wait") is not None:
        kenmerk.append(("wachttijd_weken", str(spec["wait"])))
    for n, (code, value) in enumerate(kenmerk):
        attrs.append(attribute(sid, "service", "kenmerk", code, value, n))
    for n, (lang, (name, short)) in enumerate(sorted(spec.get("tr", {}).items())):
        attrs.append(attribute(sid, "service", "kenmerk", "vertaling_naam", f"{lang}: {name}", n))
        attrs.append(
            attribute(sid, "service", "kenmerk", "vertaling_korte_beschrijving", f"{lang}: {short}", n)
        )
    cost = spec["cost"]
    kind = "amount" if isinstance(cost, (int, float)) else cost
    option = {
        "id": uid("cost_option", key),
        "service_id": sid,
        "option": COST_LABELS[kind],
        "amount_description": COST_LABELS[kind],
    }
    if kind == "amount":
        option["amount"] = cost
        option["currency"] = "EUR"
    cid = option["id"]
    option["attributes"] = [attribute(cid, "cost_option", "kenmerk", "kostensoort", kind)]
    row = {
        "id": sid,
        "organization_id": uid("organization", spec["o"]),
        "name": spec["n"],
        "description": spec["d"],
        "url": f"https://www.{spec['o']}.example/{spec['p']}",
        "status": "active",
        "attributes": attrs,
        "cost_options": [option],
    }
    if spec.get("lang"):
        row["languages"] = [
            {
                "id": uid("language", f"{key}/{code}"),
                "service_id": sid,
                "code": code,
                "name": LANGUAGE_NAMES[code],
            }
            for code in spec["lang"]
        ]
    if spec.get("loc"):
        row["service_at_locations"] = [
            {
                "id": uid("service_at_location", f"{key}/{loc}"),
                "service_id": sid,
                "location_id": uid("location", loc),
            }
            for loc in spec["loc"]
        ]
    return row


def contact(key: str, org: str, name: str, phase: str, description: str, reach: str) -> dict:
    cid = uid("contact", key)
    return {
        "id": cid,
        "organization_id": uid("organization", org),
        "name": name,
        "attributes": [
            attribute(cid, "contact", "phase", phase),
            attribute(cid, "contact", "kenmerk", "aanspreekpunt_beschrijving", description, 0),
            attribute(cid, "contact", "kenmerk", "aanspreekpunt_bereikbaarheid", reach, 1),
        ],
    }


def document() -> dict:
    labels = [f"{s['o']}/{s['p']}" for s in SERVICES]
    assert len(labels) == len(set(labels)), "service labels must be unique"
    return {
        "hsds_version": "3.0",
        "coalition": COALITION,
        "organizations": [organisation(key) for key in ORGANISATIONS],
        "locations": [location(key) for key in LOCATIONS],
        "services": [service(spec) for spec in SERVICES],
        "contacts": [contact(*row) for row in CONTACTS],
    }


if __name__ == "__main__":
    doc = document()
    (HERE / "catalogue.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(
        f"{len(doc['organizations'])} organisations, {len(doc['locations'])} locations, {len(doc['services'])} services"
    )
