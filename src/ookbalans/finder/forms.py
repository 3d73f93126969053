"""The finder's search form: a parent's words and filters, all optional, all sent by GET."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import PostcodeArea
from ookbalans.finder import labels
from ookbalans.finder.finding import language_name, offered_languages
from ookbalans.framework.phases import phase_for_date

DISTANCES = [
    ("", _("any distance")),
    ("5", _("within 5 km")),
    ("10", _("within 10 km")),
    ("25", _("within 25 km")),
]


class FinderForm(forms.Form):
    """Every field is optional; a date is mapped to a phase and then forgotten."""

    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=200)
    datum = forms.DateField(
        label=_("When is your baby due, or when was your child born?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("We only use the date to choose the right phase. We do not keep it."),
    )
    fase = forms.ChoiceField(label=_("Or choose a phase"), required=False)
    niveau = forms.MultipleChoiceField(
        label=_("What kind of support?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    gratis = forms.BooleanField(label=_("Free only"), required=False)
    taal = forms.ChoiceField(label=_("In a language other than Dutch"), required=False)
    vaders = forms.BooleanField(label=_("Also for fathers"), required=False)
    thuis = forms.BooleanField(label=_("They come to your home"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    postcode = forms.CharField(
        label=_("Your postcode (4 digits)"),
        required=False,
        max_length=7,
        help_text=_("We show what is close by first. We do not keep your postcode."),
    )
    afstand = forms.ChoiceField(label=_("Distance"), required=False, choices=DISTANCES)

    level_labels = labels.LEVELS_FOR_PARENTS
    phase_labels = labels.PHASES

    def __init__(self, *args, today: datetime.date | None = None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.today = today or datetime.date.today()
        self.fields["fase"].choices = [("", _("all phases"))] + list(self.phase_labels.items())
        self.fields["niveau"].choices = list(self.level_labels.items())
        named = sorted((language_name(language)[0], language.code) for language in offered_languages())
        self.fields["taal"].choices = [("", _("any language"))] + [(code, name) for name, code in named]

    def clean_postcode(self) -> PostcodeArea | None:
        value = self.cleaned_data["postcode"].strip()
        if not value:
            return None
        match = re.fullmatch(r"(\d{4})\s*([A-Za-z]{2})?", value)
        if not match:
            raise forms.ValidationError(_("Give the 4 digits of your postcode, like 7201."))
        area = PostcodeArea.objects.select_related("municipality").filter(pc4=match.group(1)).first()
        if area is None:
            raise forms.ValidationError(
                _("We do not know postcode %(pc4)s. Check the 4 digits.") % {"pc4": match.group(1)}
            )
        return area

    def clean(self):
        data = super().clean()
        date = data.get("datum")
        if date:
            phase = phase_for_date(date, self.today)
            if phase is None:
                self.add_error(
                    "datum",
                    _(
                        "This date is too far ahead for a pregnancy, or your child is 18 or older. "
                        "Choose a phase instead."
                    ),
                )
            else:
                data["fase"] = phase
        return data

    @property
    def phase(self) -> str:
        return self.cleaned_data.get("fase", "") if self.is_bound and hasattr(self, "cleaned_data") else ""


class ProfessionalForm(FinderForm):
    """The same search with the pyramid levels by name and every target group, worded for a professional
    who searches on behalf of a parent (not 'you' as the parent)."""

    doelgroep = forms.MultipleChoiceField(
        label=_("Target group"), required=False, widget=forms.CheckboxSelectMultiple
    )
    level_labels = labels.LEVELS_FOR_PROFESSIONALS
    phase_labels = labels.PHASES_FOR_PROFESSIONALS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["niveau"].label = _("Pyramid level")
        self.fields["q"].label = _("What does the parent need?")
        self.fields["datum"].label = _("Due date or the child's date of birth")
        self.fields["datum"].help_text = _("Only used to choose the phase; not kept.")
        self.fields["fase"].label = _("Or choose the phase")
        self.fields["thuis"].label = _("Home visits")
        self.fields["taal"].label = _("Offered in another language")
        self.fields["postcode"].label = _("The parent's postcode (4 digits)")
        self.fields["postcode"].help_text = _("Nearest first; not kept.")
        self.fields["doelgroep"].choices = list(labels.TARGET_GROUPS.items())
