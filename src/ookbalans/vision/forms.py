"""Forms of the vision pages; choices limited to the vision's own coalition, messages in Dutch."""

from __future__ import annotations

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Organisation, Service
from ookbalans.framework import codes
from ookbalans.framework.models import Term
from ookbalans.vision.findings import current_findings, finding_choices
from ookbalans.vision.models import Action, Goal, OwnStatement, StatementChoice, Vision, Voice


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class VisionForm(forms.ModelForm):
    """Title, period, introduction, municipalities and signing partners."""

    class Meta:
        model = Vision
        fields = ["title", "period_start", "period_end", "introduction", "municipalities", "signatories"]
        widgets = {
            "municipalities": forms.CheckboxSelectMultiple,
            "signatories": forms.CheckboxSelectMultiple,
            "introduction": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.coalition = coalition
        self.fields["municipalities"].queryset = coalition.municipalities.all()
        self.fields["signatories"].queryset = Organisation.objects.filter(coalition=coalition).order_by(
            "name"
        )


class SectionForm(forms.Form):
    """One section: a choice per building block, the local explanation, and finished or not."""

    explanation = forms.CharField(
        label=_("Local explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What this section means here: the local situation, choices and examples."),
    )
    completed = forms.BooleanField(label=_("This section is finished"), required=False)

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        choices = [("", _("not decided yet"))] + list(StatementChoice.Choice.choices)
        for statement in self.statements:
            self.fields[f"choice_{statement.id}"] = forms.ChoiceField(
                label=_("What do you do with building block %(number)s?") % {"number": statement.number},
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"wording_{statement.id}"] = forms.CharField(
                label=_("Own wording of building block %(number)s") % {"number": statement.number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Only when you adapt it."),
            )
            self.fields[f"reason_{statement.id}"] = forms.CharField(
                label=_("Reason for leaving out building block %(number)s") % {"number": statement.number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Only when you leave it out."),
            )

    def clean(self):
        data = super().clean()
        for statement in self.statements:
            choice = data.get(f"choice_{statement.id}")
            if choice == StatementChoice.Choice.ADAPT and not data.get(f"wording_{statement.id}", "").strip():
                self.add_error(
                    f"wording_{statement.id}",
                    _("Building block %(number)s: write it in your own words, or choose to adopt it.")
                    % {"number": statement.number},
                )
            if (
                choice == StatementChoice.Choice.LEAVE_OUT
                and not data.get(f"reason_{statement.id}", "").strip()
            ):
                self.add_error(
                    f"reason_{statement.id}",
                    _("Building block %(number)s: say why the coalition leaves it out.")
                    % {"number": statement.number},
                )
        if data.get("completed"):
            undecided = [s.number for s in self.statements if not data.get(f"choice_{s.id}")]
            if undecided:
                self.add_error(
                    "completed",
                    _(
                        "Decide on every building block before you mark the section as finished "
                        "(still open: %(list)s)."
                    )
                    % {"list": ", ".join(str(n) for n in undecided)},
                )
        return data

    def rows(self):
        """Per building block its three fields, for the template."""
        for statement in self.statements:
            yield (
                statement,
                self[f"choice_{statement.id}"],
                self[f"wording_{statement.id}"],
                self[f"reason_{statement.id}"],
            )

    def decisions(self) -> dict:
        return {
            s.id: (
                self.cleaned_data.get(f"choice_{s.id}", ""),
                self.cleaned_data.get(f"wording_{s.id}", "").strip(),
                self.cleaned_data.get(f"reason_{s.id}", "").strip(),
            )
            for s in self.statements
        }


class OwnStatementForm(forms.ModelForm):
    class Meta:
        model = OwnStatement
        fields = ["text"]
        labels = {"text": _("New own statement")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


def terms(taxonomy):
    return Term.objects.filter(taxonomy=taxonomy.code).order_by("position")


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "title",
            "description",
            "aims",
            "pyramid_levels",
            "phases",
            "indicator",
            "target_value",
            "target_date",
        ]
        widgets = {
            "aims": forms.CheckboxSelectMultiple,
            "pyramid_levels": forms.CheckboxSelectMultiple,
            "phases": forms.CheckboxSelectMultiple,
            "target_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aims"].queryset = terms(codes.AIMS)
        self.fields["pyramid_levels"].queryset = terms(codes.PYRAMID_LEVELS)
        self.fields["phases"].queryset = terms(codes.PHASES)
        self.fields["aims"].error_messages["required"] = _("Choose at least one of the five aims.")


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "goal",
            "title",
            "description",
            "organisation",
            "deadline",
            "status",
            "services",
            "planned_services",
            "gap_findings",
        ]
        widgets = {
            "deadline": DateInput(),
            "services": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "planned_services": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, vision, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.vision = vision
        self.fields["goal"].queryset = vision.goals.all()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            coalition=vision.coalition
        ).order_by("name")
        self.fields["organisation"].required = True
        self.fields["organisation"].error_messages["required"] = _(
            "Choose the organisation that carries out the action."
        )
        services = self.fields["services"]
        services.queryset = (
            Service.objects.filter(coalition=vision.coalition)
            .select_related("organization")
            .order_by("name_nl")
        )
        # Several organisations may offer a service of the same name; the provider tells them apart.
        services.label_from_instance = lambda service: f"{service.name} ({service.organization.name})"
        self.current_findings = current_findings(vision.coalition)
        linked = self.instance.gap_findings or []
        self.fields["gap_findings"] = forms.MultipleChoiceField(
            label=_("Gap findings it answers"),
            help_text=_("Findings of today's gap analysis of the coalition that this action answers."),
            required=False,
            choices=finding_choices(self.current_findings, linked),
            initial=[item["key"] for item in linked],
            widget=forms.CheckboxSelectMultiple,
        )

    def clean_gap_findings(self):
        known = dict(finding_choices(self.current_findings, self.instance.gap_findings or []))
        return [{"key": key, "message": known[key]} for key in self.cleaned_data["gap_findings"]]


class VoiceForm(forms.ModelForm):
    class Meta:
        model = Voice
        fields = ["section", "source", "session_kind", "held_on", "said", "response"]
        widgets = {
            "held_on": DateInput(),
            "said": forms.Textarea(attrs={"rows": 4}),
            "response": forms.Textarea(attrs={"rows": 3}),
        }


class StatusForm(forms.Form):
    """Move the vision on in the workflow; adopting asks for the date and the adopting body."""

    status = forms.ChoiceField(label=_("New status"), choices=Vision.Status.choices, widget=forms.RadioSelect)
    adopted_on = forms.DateField(label=_("Adopted on"), required=False, widget=DateInput())
    adopted_by = forms.CharField(
        label=_("Adopted by"),
        required=False,
        max_length=200,
        help_text=_("The body that adopted the vision, like: gemeenteraad Zutphen."),
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Vision.Status(s).label) for s in allowed]

    def clean(self):
        data = super().clean()
        if data.get("status") == Vision.Status.ADOPTED:
            if not data.get("adopted_on"):
                self.add_error("adopted_on", _("Give the date on which the vision was adopted."))
            if not (data.get("adopted_by") or "").strip():
                self.add_error(
                    "adopted_by", _("Give the body that adopted the vision, like: gemeenteraad Zutphen.")
                )
        return data


def shown_value(field: forms.Field, value) -> str:
    """A form value as a person reads it in the history: labels, names and Dutch dates, never ids."""
    if value in (None, "", [], ()):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        objects = [v for v in value if isinstance(v, models.Model)]
        if len(objects) != len(value):
            objects = list(field.queryset.filter(pk__in=value))
        return ", ".join(sorted(str(o) for o in objects))
    if isinstance(field, forms.ModelChoiceField):
        obj = value if isinstance(value, models.Model) else field.queryset.filter(pk=value).first()
        return str(obj) if obj is not None else "—"
    if isinstance(field, forms.MultipleChoiceField):
        # Plain choices (such as gap findings): the chosen keys before, chosen {key, message} after.
        labels = dict(field.choices)
        keys = [item["key"] if isinstance(item, dict) else item for item in value]
        return "; ".join(str(labels.get(key, key)) for key in keys)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    text = " ".join(str(value).split())
    return text if len(text) <= 200 else text[:199] + "…"


def describe_changes(form: forms.BaseForm) -> str:
    """One line per changed field: its label, the value before and the value after."""
    lines = []
    for name in form.changed_data:
        field = form.fields[name]
        before = shown_value(field, form.get_initial_for_field(field, name))
        after = shown_value(field, form.cleaned_data.get(name))
        lines.append(f"{field.label}: {before} → {after}")
    return "\n".join(lines)
