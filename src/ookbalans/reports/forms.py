"""The public's report form: what is wrong, an optional explanation and suggestion, and no personal data."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ookbalans.personal_data import EMAIL, PHONE
from ookbalans.reports.models import TEXT_MAX_LENGTH, Report


def refuse_contact_details(text: str) -> str:
    """Like the vision's voices: a text with an e-mail address or phone number is refused, not kept."""
    if EMAIL.search(text or "") or PHONE.search(text or ""):
        raise forms.ValidationError(
            _(
                "Leave out e-mail addresses and phone numbers: we keep no personal data. "
                "Describe what is wrong in words, like 'the phone number on this page is not in use'."
            ),
            code="personal_data",
        )
    return text


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is wrong?"), choices=Report.Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Tell us more (optional)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    suggestion = forms.CharField(
        label=_("What should it say? (optional)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # A field people never see (hidden by the stylesheet); a bot that fills it in is thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_text(self) -> str:
        return refuse_contact_details(self.cleaned_data["text"].strip())

    def clean_suggestion(self) -> str:
        return refuse_contact_details(self.cleaned_data["suggestion"].strip())

    @property
    def is_trap(self) -> bool:
        return bool(self.data.get("website"))
