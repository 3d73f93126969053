"""Framework codes in words for parents (and professionals), translated through gettext."""

from django.utils.translation import gettext_lazy as _

# The phases, as a parent would say them.
PHASES = {
    "kinderwens": _("You want to have a child"),
    "zwangerschap": _("You are pregnant"),
    "geboorte": _("Birth and the first weeks"),
    "baby": _("Baby (up to 1 year)"),
    "dreumes": _("Toddler (1 to 2 years)"),
    "peuter": _("Pre-schooler (2 to 4 years)"),
    "kind": _("Child (4 to 12 years)"),
    "tiener": _("Teenager (12 to 18 years)"),
}

# The four levels of the support pyramid, in parents' words.
LEVELS_FOR_PARENTS = {
    "basis": _("Meet other parents, play and read together"),
    "informatie": _("Information and advice"),
    "steuntje": _("A little help with a question"),
    "extra": _("Extra help when things are hard"),
}

# The same levels by their names in the framework, for professionals.
LEVELS_FOR_PROFESSIONALS = {
    "basis": _("Foundation"),
    "informatie": _("Information and education"),
    "steuntje": _("A helping hand"),
    "extra": _("Extra support"),
}

TARGET_GROUPS = {
    "aanstaande_ouders": _("Expecting parents"),
    "moeders": _("Mothers"),
    "vaders": _("Fathers"),
    "partners": _("Partners"),
    "ouders": _("Parents (both parents)"),
    "gezinnen_kwetsbaar": _("Families in a vulnerable situation"),
    "professionals": _("Professionals"),
    "informele_steun": _("Informal support"),
}

ACCESS = {
    "open": _("Just come by. You do not need to sign up."),
    "signup": _("Sign up yourself."),
    "referral": _("You need a referral, for example from your GP or the youth nurse."),
}

FREQUENCY = {
    "once": _("once"),
    "weekly": _("every week"),
    "fortnightly": _("every two weeks"),
    "monthly": _("every month"),
    "series": _("a series of meetings"),
    "by_appointment": _("by appointment"),
    "always": _("always available"),
}

COST = {
    "free": _("Free"),
    "amount": _("Costs money"),
    "insurance": _("Paid by your health insurance"),
    "municipality": _("Paid by the municipality"),
}

WEEKDAYS = {
    1: _("Monday"),
    2: _("Tuesday"),
    3: _("Wednesday"),
    4: _("Thursday"),
    5: _("Friday"),
    6: _("Saturday"),
    7: _("Sunday"),
}

# The evidence level, said plainly.
EVIDENCE = {
    "niet_beoordeeld": _("Not assessed nationally. That says nothing bad about it."),
    "goed_beschreven": _("Recognised nationally: well described."),
    "goed_onderbouwd": _("Recognised nationally: well founded. It is clear why it should work."),
    "effectief_eerste": _("Recognised nationally: research gives first signs that it works."),
    "effectief_goede": _("Recognised nationally: research gives good signs that it works."),
    "effectief_sterke": _("Recognised nationally: research gives strong signs that it works."),
    "": _("Unknown."),
}
