"""App configuration of reminders: the admin's check column and filter, the start page, the demo."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class RemindersConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.reminders"
    verbose_name = _("Reminders to check services")
    # After the organisation editors of accounts (40): their memberships decide who gets a mail.
    demo_order = 50

    def ready(self):
        super().ready()
        from ookbalans.audit.tracking import track
        from ookbalans.catalogue import coordinator_home
        from ookbalans.reminders import start_page
        from ookbalans.reminders.models import CheckInterval, ReminderSettings

        track(ReminderSettings, lambda settings: settings.coalition_id)
        track(CheckInterval, lambda interval: interval.service.coalition_id)
        # The coalition's own check interval replaces the catalogue's rule of one year on the start
        # page: two counts of "not checked" by two rules would leave a coordinator guessing which holds.
        coordinator_home.withdraw("catalogue")
        coordinator_home.contribute("reminders.overdue", start_page.overdue_services, order=15)
