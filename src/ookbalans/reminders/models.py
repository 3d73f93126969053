"""Check intervals (per coalition, per service), check rounds and the mails sent about them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition, Service

DEFAULT_INTERVAL_MONTHS = 6
DEFAULT_OVERDUE_WEEKS = 8
MAX_MONTHS = 36
MONTHS = [MinValueValidator(1), MaxValueValidator(MAX_MONTHS)]


class ReminderSettings(models.Model):
    """A coalition's reminders: how often services are checked, and when an unchecked one is late."""

    coalition = models.OneToOneField(
        Coalition,
        on_delete=models.CASCADE,
        related_name="reminder_settings",
        verbose_name=_("coalition"),
        help_text=_("The coalition these settings apply to."),
    )
    check_interval_months = models.PositiveSmallIntegerField(
        _("check every (months)"),
        default=DEFAULT_INTERVAL_MONTHS,
        validators=MONTHS,
        help_text=_(
            "How long after its last check a service is due for a new one; a service may have its own."
        ),
    )
    overdue_after_weeks = models.PositiveSmallIntegerField(
        _("overdue after (weeks)"),
        default=DEFAULT_OVERDUE_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_(
            "A service still not checked this many weeks after its due date is flagged as overdue. "
            "Parents keep seeing it until a coordinator decides otherwise."
        ),
    )
    send_reminders = models.BooleanField(
        _("send reminders"),
        default=True,
        help_text=_("Mail the organisations' editors (or the coordinators) when services are due."),
    )

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")

    def __str__(self) -> str:
        return str(self.coalition)


class CheckInterval(models.Model):
    """A service's own check interval, instead of its coalition's."""

    service = models.OneToOneField(
        Service,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="check_interval",
        verbose_name=_("service"),
    )
    months = models.PositiveSmallIntegerField(
        _("check every (months)"),
        validators=MONTHS,
        help_text=_("Only when this service needs checking more or less often than the coalition's rule."),
    )

    class Meta:
        verbose_name = _("own check interval")
        verbose_name_plural = _("own check intervals")

    def __str__(self) -> str:
        return str(self.service)


class CheckRound(models.Model):
    """One due period of a service: opened by its first reminder, closed when someone checks it."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="check_rounds", verbose_name=_("service")
    )
    due_on = models.DateField(_("due on"))
    reminded_on = models.DateField(_("first reminder on"))
    escalated_on = models.DateField(_("sent to the coordinator on"), null=True, blank=True)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    checked_by = models.CharField(_("checked by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("check round")
        verbose_name_plural = _("check rounds")
        ordering = ["-reminded_on"]
        constraints = [
            # A service is in at most one open round: a second reminder run finds it and sends nothing.
            models.UniqueConstraint(
                fields=["service"], condition=Q(checked_on__isnull=True), name="reminders_one_open_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service} ({self.due_on})"

    @property
    def is_open(self) -> bool:
        return self.checked_on is None


class ReminderMail(models.Model):
    """A mail `ookbalans remind` sent: to whom, when, about which rounds."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, verbose_name=_("coalition"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("recipient"),
    )
    email = models.EmailField(_("email address"))
    sent_on = models.DateField(_("sent on"))
    reminded = models.ManyToManyField(
        CheckRound, related_name="reminder_mails", blank=True, verbose_name=_("services due")
    )
    escalated = models.ManyToManyField(
        CheckRound, related_name="escalation_mails", blank=True, verbose_name=_("services still unchecked")
    )

    class Meta:
        verbose_name = _("reminder mail")
        verbose_name_plural = _("reminder mails")
        ordering = ["-sent_on", "email"]

    def __str__(self) -> str:
        return f"{self.email} ({self.sent_on})"
