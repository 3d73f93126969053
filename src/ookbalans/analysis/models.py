"""The analysis's own data: thresholds per coalition, recorded snapshots, and regions for comparison."""

from __future__ import annotations

from dataclasses import fields

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.analysis.rules import PHASES, Thresholds
from ookbalans.analysis.rules.demand import PRIVACY_MINIMUM_SEARCHES
from ookbalans.catalogue.models import Coalition

DEFAULTS = Thresholds()


def default_phases() -> list[str]:
    return list(DEFAULTS.phases)


def validate_phases(value) -> None:
    if not isinstance(value, list) or not value or any(code not in PHASES for code in value):
        raise ValidationError(_("Choose at least one phase."))


def share_field(label, default, help_text):
    return models.FloatField(
        label, default=default, validators=[MinValueValidator(0), MaxValueValidator(1)], help_text=help_text
    )


class AnalysisSettings(models.Model):
    """The thresholds of one coalition's gap analysis: what counts as thin, far, low or stale."""

    coalition = models.OneToOneField(
        Coalition,
        on_delete=models.CASCADE,
        related_name="analysis_settings",
        verbose_name=_("coalition"),
        help_text=_("The coalition these thresholds apply to."),
    )
    thin_cell_below = models.PositiveSmallIntegerField(
        _("thin below"),
        default=DEFAULTS.thin_cell_below,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("A cell of the pyramid with fewer active services than this is called thin."),
    )
    max_distance_km = models.FloatField(
        _("far from home, in km"),
        default=DEFAULTS.max_distance_km,
        validators=[MinValueValidator(0.5), MaxValueValidator(50)],
        help_text=_("A postcode area further than this from the nearest basic or information offer is far."),
    )
    min_access_share = share_field(
        _("minimum share meeting an accessibility condition"),
        DEFAULTS.min_access_share,
        _("Between 0 and 1; 0.5 means half of the services at a level should meet each condition."),
    )
    min_access_share_secondary = share_field(
        _("minimum share for outreach, frequency, culture, online and fathers"),
        DEFAULTS.min_access_share_secondary,
        _("Between 0 and 1; these conditions are asked of many services, not of most."),
    )
    max_affordable_amount = models.DecimalField(
        _("affordable up to (euros)"),
        max_digits=6,
        decimal_places=2,
        default=DEFAULTS.max_affordable_amount,
        validators=[MinValueValidator(0)],
        help_text=_("A service that costs at most this amount counts as affordable."),
    )
    max_waiting_weeks = models.PositiveSmallIntegerField(
        _("longest acceptable waiting time (weeks)"),
        default=DEFAULTS.max_waiting_weeks,
        validators=[MaxValueValidator(104)],
        help_text=_("A longer waiting time makes a service count as not available."),
    )
    min_evidence_share = share_field(
        _("minimum share of recognised interventions"),
        DEFAULTS.min_evidence_share,
        _("Between 0 and 1, for the levels 'Steuntje in de rug' and 'Extra steun'."),
    )
    min_father_services = models.PositiveSmallIntegerField(
        _("minimum services for fathers and partners"),
        default=DEFAULTS.min_father_services,
        help_text=_("Fewer active services for fathers or partners gives a finding."),
    )
    min_vulnerable_services = models.PositiveSmallIntegerField(
        _("minimum services for families in vulnerable situations"),
        default=DEFAULTS.min_vulnerable_services,
        help_text=_("Fewer active services for these families gives a finding."),
    )
    stale_after_months = models.PositiveSmallIntegerField(
        _("facts out of date after (months)"),
        default=DEFAULTS.stale_after_months,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Services whose facts were not checked for longer than this are out of date."),
    )
    min_unmet_searches = models.PositiveSmallIntegerField(
        _("minimum searches without result"),
        default=DEFAULTS.min_unmet_searches,
        # Privacy: a term searched fewer than 3 times could point to one parent; never show it.
        validators=[MinValueValidator(PRIVACY_MINIMUM_SEARCHES)],
        help_text=_("A search term that found nothing at least this often in the last 13 weeks is reported."),
    )
    phases = models.JSONField(
        _("phases the coalition works on"),
        default=default_phases,
        validators=[validate_phases],
        help_text=_(
            "The analysis shows these phases and gives findings only about them. "
            "Kansrijke Start: from the wish for a child to the toddler."
        ),
    )

    class Meta:
        verbose_name = _("analysis thresholds")
        verbose_name_plural = _("analysis thresholds")

    def __str__(self) -> str:
        return str(self.coalition)

    def thresholds(self) -> Thresholds:
        values = {f.name: getattr(self, f.name) for f in fields(Thresholds)}
        values["max_affordable_amount"] = float(values["max_affordable_amount"])
        # In the framework's order, whatever order they were stored in.
        values["phases"] = tuple(p for p in PHASES if p in (self.phases or ())) or DEFAULTS.phases
        return Thresholds(**values)


def thresholds_for(coalition: Coalition) -> Thresholds:
    """The coalition's thresholds, or the defaults when it has set none."""
    stored = AnalysisSettings.objects.filter(coalition=coalition).first()
    return stored.thresholds() if stored else Thresholds()


class Snapshot(models.Model):
    """The analysis of a coalition as it stood on a date, kept to show the change year by year."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="analysis_snapshots", verbose_name=_("coalition")
    )
    taken_on = models.DateField(_("date"), help_text=_("The date of the analysis."))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.CharField(_("recorded by"), max_length=150, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    data = models.JSONField(_("analysis"))

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        ordering = ["-taken_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.coalition} — {self.taken_on:%d-%m-%Y}"


class Region(models.Model):
    """A region, province or national programme that compares several coalitions."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in web addresses"), unique=True)
    coalitions = models.ManyToManyField(
        Coalition,
        related_name="regions",
        verbose_name=_("coalitions"),
        help_text=_("The coalitions it compares."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="analysis_regions",
        blank=True,
        verbose_name=_("members"),
        help_text=_("People of the region who may compare these coalitions (read only)."),
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
