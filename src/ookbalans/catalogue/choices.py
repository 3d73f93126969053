"""The catalogue's choices with their official wording; the wording for parents is in finder/labels.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A user's role in a coalition."""

    COORDINATOR = "coordinator", _("coordinator")
    EDITOR = "editor", _("editor")
    VIEWER = "viewer", _("viewer")
    ORGANISATION_EDITOR = "organisation_editor", _("organisation editor")


class ServiceStatus(models.TextChoices):
    """Whether a service is shown to parents."""

    ACTIVE = "active", _("active")
    INACTIVE = "inactive", _("inactive")


class Access(models.TextChoices):
    """How parents take part in a service."""

    OPEN = "open", _("open to all: just come by")
    SIGNUP = "signup", _("sign up yourself")
    REFERRAL = "referral", _("referral needed")


class Frequency(models.TextChoices):
    """How often parents can come to a service."""

    ONCE = "once", _("once")
    WEEKLY = "weekly", _("every week")
    FORTNIGHTLY = "fortnightly", _("every two weeks")
    MONTHLY = "monthly", _("every month")
    SERIES = "series", _("a series of meetings")
    BY_APPOINTMENT = "by_appointment", _("by appointment")
    ALWAYS = "always", _("always available")


class CostKind(models.TextChoices):
    """What kind of cost a service has for a parent."""

    FREE = "free", _("free")
    AMOUNT = "amount", _("an amount")
    INSURANCE = "insurance", _("reimbursed by health insurance")
    MUNICIPALITY = "municipality", _("paid by the municipality")


class Weekday(models.IntegerChoices):
    """A day of the week, numbered as ISO 8601 does (Monday is 1)."""

    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")
