"""The catalogue's models: a coalition's local offering, in the framework's terms and HSDS field names."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.fields import PhoneNumberField, PostcodeField, WebAddressField
from ookbalans.framework import codes
from ookbalans.framework.models import Term

SHORT_DESCRIPTION_MAX_LENGTH = 300


def terms_of(taxonomy: codes.Taxonomy) -> dict:
    return {"taxonomy": taxonomy.code}


class Municipality(models.Model):
    """A current Dutch municipality, as CBS divides the country."""

    code = models.CharField(
        _("CBS code"), max_length=6, primary_key=True, help_text=_("The CBS code with prefix, like GM0301.")
    )
    name = models.CharField(_("name"), max_length=100)
    province_code = models.CharField(_("province code"), max_length=4)
    province = models.CharField(_("province"), max_length=100)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A four-digit postcode area with its centroid, for distances and for locating addresses."""

    pc4 = models.CharField(_("four-digit postcode"), max_length=4, primary_key=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    place = models.CharField(_("place"), max_length=100)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="postcode_areas", verbose_name=_("municipality")
    )

    class Meta:
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        ordering = ["pc4"]

    def __str__(self) -> str:
        return f"{self.pc4} {self.place}"


class Language(models.Model):
    """A language a service can be given in (ISO 639-1)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True, help_text=_("ISO 639-1 code."))
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Coalition(models.Model):
    """A local Kansrijke Start coalition and the municipalities it covers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(
        _("name"), max_length=200, unique=True, help_text=_("The coalition's name, as partners know it.")
    )
    slug = models.SlugField(
        _("short name in web addresses"),
        unique=True,
        help_text=_("Lower-case letters, digits and hyphens, like zutphen-lochem. Used in web addresses."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="coalitions",
        verbose_name=_("municipalities"),
        help_text=_("The municipalities the coalition covers; a coalition may span several."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("A few sentences on who works together and why.")
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("A general address where partners and the council reach the coalition."),
    )
    phone = PhoneNumberField(_("phone number"), blank=True, help_text=_("Like 0575 512 345 or 06 12345678."))
    website = WebAddressField(
        _("website"),
        blank=True,
        help_text=_("The coalition's own web page, if it has one. Starts with https://"),
    )
    is_demo = models.BooleanField(
        _("demonstration data"),
        default=False,
        help_text=_("Invented data to show how ookbalans works. Marked as such on every page."),
    )

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in a coalition: what they may see and change there."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        EDITOR = "editor", _("editor")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
        help_text=_("The person's account; accounts are made by the administrator."),
    )
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("coalition"),
        help_text=_("The coalition in which the person has this role."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        help_text=_(
            "Coordinators change everything of the coalition, editors change its offering, viewers only read."
        ),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["coalition", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "coalition"], name="catalogue_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.coalition} ({self.get_role_display()})"


class CoalitionOwned(models.Model):
    """Common fields of what belongs to one coalition: a stable UUID (also the HSDS id) and timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.CASCADE,
        verbose_name=_("coalition"),
        help_text=_("The coalition this belongs to."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last modified at"), auto_now=True)

    class Meta:
        abstract = True


class Organisation(CoalitionOwned):
    """A provider of services: JGZ, a midwives' practice, the library, a group of volunteers."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The organisation's name as parents know it.")
    )
    domain = models.CharField(
        _("domain"),
        max_length=30,
        choices=codes.choices(codes.DOMAINS),
        help_text=_("Medical, social, education and childcare, or informal."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the organisation does, in a few sentences.")
    )
    website = WebAddressField(_("website"), blank=True, help_text=_("Starts with https://"))
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("A general address, never a personal one of a parent.")
    )
    phone = PhoneNumberField(_("phone number"), blank=True, help_text=_("Like 0575 512 345 or 06 12345678."))

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        default_related_name = "organisations"
        # The HSDS API pages the whole country's organisations by (name, id) (migration 0006).
        indexes = [models.Index(fields=["name", "id"], name="catalogue_organisation_page")]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="catalogue_organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class NationalIntervention(models.Model):
    """A national intervention as listed in the Dutch databases, with its recognition level if known."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(
        _("name"), max_length=300, unique=True, help_text=_("As listed in the national database.")
    )
    owner = models.CharField(_("owner"), max_length=300, blank=True)
    recognition_level = models.CharField(
        _("recognition level"),
        max_length=30,
        blank=True,
        choices=[(code, label) for code, label in codes.choices(codes.RECOGNITION_LEVELS)],
        help_text=_("As stated by the database; empty when no source states a level. Never guessed."),
    )
    database = models.CharField(_("database"), max_length=300, blank=True)
    url = WebAddressField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_("The page in the national database that states the facts."),
    )
    target_group = models.TextField(_("target group"), blank=True)
    short_description = models.TextField(_("short description"), blank=True)
    recognition_date = models.CharField(_("date of recognition"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("national intervention")
        verbose_name_plural = _("national interventions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(CoalitionOwned):
    """A service of the local offering, placed on the support pyramid and described for parents."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")

    class Access(models.TextChoices):
        OPEN = "open", _("open to all: just come by")
        SIGNUP = "signup", _("sign up yourself")
        REFERRAL = "referral", _("referral needed")

    class Frequency(models.TextChoices):
        ONCE = "once", _("once")
        WEEKLY = "weekly", _("every week")
        FORTNIGHTLY = "fortnightly", _("every two weeks")
        MONTHLY = "monthly", _("every month")
        SERIES = "series", _("a series of meetings")
        BY_APPOINTMENT = "by_appointment", _("by appointment")
        ALWAYS = "always", _("always available")

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
        indexes = [models.Index(fields=["status", "name_nl", "id"], name="catalogue_service_page")]

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

    class Kind(models.TextChoices):
        FREE = "free", _("free")
        AMOUNT = "amount", _("an amount")
        INSURANCE = "insurance", _("reimbursed by health insurance")
        MUNICIPALITY = "municipality", _("paid by the municipality")

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


class Location(CoalitionOwned):
    """A place where services are given; placed on the map by its postcode when not given."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As parents know the place, like 'Consultatiebureau Zutphen' or 'Bibliotheek Lochem'."),
    )
    address_1 = models.CharField(
        _("street"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for a location without a public address."),
    )
    house_number = models.CharField(
        _("house number"), max_length=20, blank=True, help_text=_("With addition, like 12a.")
    )
    postal_code = PostcodeField(_("postcode"), help_text=_("Four digits and two letters, like 7201 AB."))
    city = models.CharField(
        _("place"), max_length=100, help_text=_("The place name, like Zutphen or Warnsveld.")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("municipality"),
        help_text=_("Filled in from the postcode when left empty."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(50.5), MaxValueValidator(53.7)],
        help_text=_("Filled in from the postcode when left empty."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3.2), MaxValueValidator(7.3)],
        help_text=_("Filled in from the postcode when left empty."),
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        default_related_name = "locations"

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    def save(self, *args, **kwargs) -> None:
        self.fill_from_postcode_area()
        super().save(*args, **kwargs)

    @property
    def pc4(self) -> str:
        return (self.postal_code or "")[:4]

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or leave both empty."))
        if self.pc4 and not PostcodeArea.objects.filter(pc4=self.pc4).exists():
            raise ValidationError(
                {
                    "postal_code": _("Postcode area %(pc4)s does not exist. Check the postcode.")
                    % {"pc4": self.pc4}
                }
            )

    def fill_from_postcode_area(self) -> None:
        """Take the centroid and municipality of the four-digit postcode where they were not given."""
        if self.latitude is not None and self.municipality_id:
            return
        area = PostcodeArea.objects.filter(pc4=self.pc4).first()
        if area is None:
            return
        if self.latitude is None and self.longitude is None:
            self.latitude, self.longitude = area.latitude, area.longitude
        if not self.municipality_id:
            self.municipality_id = area.municipality_id


class ServiceAtLocation(models.Model):
    """A service given at a location, with its weekly schedule."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="service_at_locations",
        verbose_name=_("service"),
        help_text=_("The service given at this location."),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.RESTRICT,
        related_name="service_at_locations",
        verbose_name=_("location"),
        help_text=_("Where it is given. Add new locations under Locations first."),
    )
    description = models.CharField(
        _("note on the schedule"),
        max_length=300,
        blank=True,
        help_text=_("For example: not in school holidays."),
    )

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="catalogue_sal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.service} — {self.location}"

    def clean(self) -> None:
        # Read the service from the relation's cache: while a new service is being added with its
        # locations, the admin's inline form holds the unsaved service there, without an id.
        service = ServiceAtLocation.service.field.get_cached_value(self, default=None)
        if service is None and self.service_id:
            service = self.service
        if service and self.location_id and service.coalition_id != self.location.coalition_id:
            raise ValidationError({"location": _("Choose a location of the same coalition as the service.")})


class Schedule(models.Model):
    """Weekly opening hours of a service at a location (HSDS schedule, freq WEEKLY)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("Monday")
        TUESDAY = 2, _("Tuesday")
        WEDNESDAY = 3, _("Wednesday")
        THURSDAY = 4, _("Thursday")
        FRIDAY = 5, _("Friday")
        SATURDAY = 6, _("Saturday")
        SUNDAY = 7, _("Sunday")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        related_name="schedules",
        verbose_name=_("service at location"),
        help_text=_("The service and location these opening hours belong to."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, help_text=_("The day of the week.")
    )
    opens_at = models.TimeField(_("from"), help_text=_("Opening time, like 09:00."))
    closes_at = models.TimeField(_("until"), help_text=_("Closing time, like 11:30."))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens_at"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening time.")})


class ContactPoint(CoalitionOwned):
    """The parent's one contact point in a phase: who it is and how to reach them."""

    phase = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        limit_choices_to=terms_of(codes.PHASES),
        related_name="contact_points",
        verbose_name=_("phase"),
        help_text=_("The phase of the child's life in which parents turn to this contact point."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_points",
        verbose_name=_("municipality"),
        help_text=_(
            "Leave empty when this contact point serves the whole coalition. Choose a municipality "
            "when each municipality of the coalition has its own contact point in this phase."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As parents know them, like 'your midwife' or 'the consultatiebureau'."),
    )
    organization = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_points",
        verbose_name=_("organisation"),
        help_text=_("The organisation the contact point works for, if it is in the list."),
    )
    description = models.TextField(
        _("what they do for you"), help_text=_("Plain language: who this is and what parents can ask them.")
    )
    how_to_reach = models.TextField(
        _("how to reach them"), blank=True, help_text=_("Plain language: when and how parents reach them.")
    )
    phone = PhoneNumberField(_("phone number"), blank=True, help_text=_("Like 0575 512 345 or 06 12345678."))
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("Where parents send their questions.")
    )
    website = WebAddressField(_("website"), blank=True, help_text=_("Starts with https://"))

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["coalition", "phase__position"]
        default_related_name = "contact_points"
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "phase"],
                condition=models.Q(municipality__isnull=True),
                name="catalogue_contact_point_per_phase",
                violation_error_message=_("This coalition already has a contact point for this phase."),
            ),
            models.UniqueConstraint(
                fields=["coalition", "phase", "municipality"],
                name="catalogue_contact_point_per_phase_and_municipality",
                violation_error_message=_(
                    "This coalition already has a contact point for this phase in this municipality."
                ),
            ),
        ]

    def __str__(self) -> str:
        where = f" ({self.municipality})" if self.municipality_id else ""
        return f"{self.phase}{where}: {self.name}"

    def clean(self) -> None:
        errors = {}
        if self.organization_id and self.coalition_id and self.organization.coalition_id != self.coalition_id:
            errors["organization"] = _("Choose an organisation of the same coalition.")
        if (
            self.municipality_id
            and self.coalition_id
            and not self.coalition.municipalities.filter(code=self.municipality_id).exists()
        ):
            errors["municipality"] = _("Choose one of the coalition's municipalities, or leave it empty.")
        if not (self.phone or self.email or self.website or self.how_to_reach.strip()):
            errors["how_to_reach"] = _(
                "Say how parents reach this contact point: a phone number, email or website."
            )
        if errors:
            raise ValidationError(errors)
