"""The one place where choices and framework codes are worded for parents (and professionals), via gettext.

The official wording for coordinators is the label of the catalogue's choices and the framework's
codes; tests/finder/test_labels.py checks that every choice and code has a wording here in every language.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ookbalans.catalogue.choices import Access, CostKind, Frequency, Weekday

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

# The phases as a professional names the parent's phase (not "you" as the parent).
PHASES_FOR_PROFESSIONALS = {
    **PHASES,
    "kinderwens": _("Wish for a child"),
    "zwangerschap": _("Pregnancy"),
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
    Access.OPEN: _("Just come by. You do not need to sign up."),
    Access.SIGNUP: _("Sign up yourself."),
    Access.REFERRAL: _("You need a referral, for example from your GP or the youth nurse."),
}

FREQUENCY = {
    Frequency.ONCE: pgettext_lazy("frequency for parents", "once"),
    Frequency.WEEKLY: pgettext_lazy("frequency for parents", "every week"),
    Frequency.FORTNIGHTLY: pgettext_lazy("frequency for parents", "every two weeks"),
    Frequency.MONTHLY: pgettext_lazy("frequency for parents", "every month"),
    Frequency.SERIES: pgettext_lazy("frequency for parents", "a series of meetings"),
    Frequency.BY_APPOINTMENT: pgettext_lazy("frequency for parents", "by appointment"),
    Frequency.ALWAYS: pgettext_lazy("frequency for parents", "always available"),
}

COST = {
    CostKind.FREE: _("Free"),
    CostKind.AMOUNT: _("Costs money"),
    CostKind.INSURANCE: _("Paid by your health insurance"),
    CostKind.MUNICIPALITY: _("Paid by the municipality"),
}

WEEKDAYS = {
    Weekday.MONDAY: _("Monday"),
    Weekday.TUESDAY: _("Tuesday"),
    Weekday.WEDNESDAY: _("Wednesday"),
    Weekday.THURSDAY: _("Thursday"),
    Weekday.FRIDAY: _("Friday"),
    Weekday.SATURDAY: _("Saturday"),
    Weekday.SUNDAY: _("Sunday"),
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
