"""Services of the local offering, placed in the framework, and what they cost a parent."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import choices
from ookbalans.catalogue.fields import PhoneNumberField, WebAddressField
from ookbalans.catalogue.models.coalitions import CoalitionOwned
from ookbalans.catalogue.models.organisations import Organisation
from ookbalans.catalogue.models.reference_data import Language, NationalIntervention
from ookbalans.framework import codes
from ookbalans.framework.models import Term

SHORT_DESCRIPTION_MAX_LENGTH = 300


def terms_of(taxonomy: codes.Taxonomy) -> dict:
    return {"taxonomy": taxonomy.code}


class Service(CoalitionOwned):
    """A service of the local offering, placed on the support pyramid and described for parents."""

    # The choices live in catalogue/choices.py; these names stay for code that says Service.Access.OPEN.
    Status = choices.ServiceStatus
    Access = choices.Access
    Frequency = choices.Frequency

    organization = models.ForeignKey(
        Organisation,
        on_delete=models.RESTRICT,
        verbose_name=_("organisation"),
        help_text=_("Who offers this service."),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("A short name parents understand, like 'Borstvoedingscafé' or 'Budgetcoach'."),
    )
    short_description = models.CharField(
        _("short description"),
        max_length=SHORT_DESCRIPTION_MAX_LENGTH,
        help_text=_(
            "At most 300 characters, in plain language (level B1): short sentences, everyday words, "
            "address parents as 'je'. Parents see this first."
        ),
    )
    description = models.TextField(
        _("full description"),
        blank=True,
        help_text=_("What happens, for whom, and how to take part."),
    )
    url = WebAddressField(
        _("website"),
        blank=True,
        help_text=_("The page where parents read more or sign up. Starts with https://"),
    )
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("Where parents send their questions.")
    )
    phone = PhoneNumberField(
        _("phone number"),
        blank=True,
        help_text=_("Where parents call with their questions, like 0575 512 345."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Inactive services are kept but never shown to parents."),
    )

    pyramid_levels = models.ManyToManyField(
        Term,
        related_name="services_at_level",
        limit_choices_to=terms_of(codes.PYRAMID_LEVELS),
        verbose_name=_("pyramid levels"),
        help_text=_("Usually one level of the support pyramid."),
    )
    phases = models.ManyToManyField(
        Term,
        related_name="services_in_phase",
        limit_choices_to=terms_of(codes.PHASES),
        verbose_name=_("phases"),
        help_text=_("The phases of the child's life this service is for."),
    )
    aims = models.ManyToManyField(
        Term,
        related_name="services_with_aim",
        limit_choices_to=terms_of(codes.AIMS),
        verbose_name=_("aims"),
        help_text=_("The aims of the pyramid this service serves."),
    )
    factors = models.ManyToManyField(
        Term,
        related_name="services_for_factor",
        limit_choices_to=terms_of(codes.FACTORS),
        blank=True,
        verbose_name=_("factors"),
        help_text=_("What influences parenting that this service addresses."),
    )
    upbringing_components = models.ManyToManyField(
        Term,
        related_name="services_for_component",
        limit_choices_to=terms_of(codes.UPBRINGING_COMPONENTS),
        blank=True,
        verbose_name=_("parts of upbringing"),
        help_text=_("Which part of upbringing this service strengthens."),
    )
    target_groups = models.ManyToManyField(
        Term,
        related_name="services_for_group",
        limit_choices_to=terms_of(codes.TARGET_GROUPS),
        verbose_name=_("target groups"),
        help_text=_("For whom. Tick fathers and partners when the service reaches them too."),
    )
    languages = models.ManyToManyField(
        Language,
        related_name="services",
        blank=True,
        verbose_name=_("languages"),
        help_text=_("The languages in which this service can be given."),
    )

    home_visits = models.BooleanField(
        _("home visits or outreach"), default=False, help_text=_("The service comes to parents at home.")
    )
    online = models.BooleanField(_("online"), default=False, help_text=_("Also available online."))
    online_url = WebAddressField(
        _("online address"),
        blank=True,
        help_text=_("Where parents find the online service. Starts with https://"),
    )
    access = models.CharField(
        _("how to take part"),
        max_length=10,
        choices=Access.choices,
        default=Access.OPEN,
        help_text=_("Open to all, sign up yourself, or a referral is needed."),
    )
    culture_sensitive = models.BooleanField(
        _("culture-sensitive"),
        default=False,
        help_text=_("Tick when the service takes the culture and language of parents into account."),
    )
    culture_sensitive_explanation = models.TextField(
        _("how it is culture-sensitive"),
        blank=True,
        help_text=_("Required when the service is culture-sensitive: what makes it so?"),
    )
    waiting_time_weeks = models.PositiveSmallIntegerField(
        _("waiting time in weeks"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(104)],
        help_text=_("Leave empty when unknown; 0 when there is no waiting time."),
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.BY_APPOINTMENT,
        help_text=_("How often parents can come: once, every week, a series of meetings, by appointment ..."),
    )

    national_intervention = models.ForeignKey(
        NationalIntervention,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("national intervention"),
        help_text=_(
            "Only when this service is an implementation of a national intervention. "
            "Otherwise the evidence is 'not assessed'."
        ),
    )
    last_checked_on = models.DateField(
        _("facts last checked on"),
        null=True,
        blank=True,
        help_text=_("When someone last checked these facts."),
    )
    last_checked_by = models.CharField(
        _("facts last checked by"),
        max_length=200,
        blank=True,
        help_text=_("Who checked them: a role and organisation, like 'coordinator Kansrijke Start'."),
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        default_related_name = "services"
        # The HSDS API pages the whole country's active services by (name_nl, id): an index in that
        # order lets PostgreSQL read one page instead of sorting 100,000 rows (migration 0006).
        indexes = [
            models.Index(fields=["status", "name_nl", "id"], name="catalogue_service_page"),
            # The API counts the country's active services for every page; this narrow partial index
            # is a quarter of the size of the page index (migration 0007).
            models.Index(fields=["id"], condition=models.Q(status="active"), name="catalogue_service_active"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.organization_id and self.coalition_id and self.organization.coalition_id != self.coalition_id:
            errors["organization"] = _("Choose an organisation of the same coalition as the service.")
        if self.culture_sensitive and not self.culture_sensitive_explanation.strip():
            errors["culture_sensitive_explanation"] = _(
                "Explain what makes the service culture-sensitive, or untick 'culture-sensitive'."
            )
        if self.online and not self.online_url and not self.url:
            errors["online_url"] = _("Give the web address where parents find the online service.")
        if errors:
            raise ValidationError(errors)

    @property
    def recognition_level(self) -> str:
        """The evidence level: inherited from the national intervention, else 'niet_beoordeeld'.

        An intervention whose level no source states gives '' (unknown), never a guess.
        """
        if self.national_intervention is None:
            return "niet_beoordeeld"
        return self.national_intervention.recognition_level


class CostOption(models.Model):
    """What a service costs a parent (HSDS cost_option)."""

    Kind = choices.CostKind

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="cost_options",
        verbose_name=_("service"),
        help_text=_("The service this cost applies to."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Free, an amount, reimbursed by health insurance, or paid by the municipality."),
    )
    amount = models.DecimalField(
        _("amount in euros"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Only for 'an amount'."),
    )
    option = models.CharField(
        _("explanation"),
        max_length=300,
        blank=True,
        help_text=_("For example: per meeting, or free with the municipality's pass."),
    )

    class Meta:
        verbose_name = _("cost option")
        verbose_name_plural = _("cost options")

    def __str__(self) -> str:
        if self.kind == self.Kind.AMOUNT and self.amount is not None:
            return f"€ {self.amount}"
        return self.get_kind_display()

    def clean(self) -> None:
        if self.kind == self.Kind.AMOUNT and self.amount is None:
            raise ValidationError({"amount": _("Give the amount in euros, or choose another kind of cost.")})
        if self.kind != self.Kind.AMOUNT and self.amount is not None:
            raise ValidationError({"amount": _("Only give an amount when the kind is 'an amount'.")})
