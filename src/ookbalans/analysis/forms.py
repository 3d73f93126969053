"""The one form of the analysis pages: the note with which a coordinator records a snapshot."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SnapshotForm(forms.Form):
    note = forms.CharField(
        label=_("Note with the snapshot (optional)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"size": 40}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
