"""App configuration of the accounts app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ookbalans.accounts"
    verbose_name = _("Login and two-step verification")

    def ready(self):
        from ookbalans.accounts.demo import load_demo
        from ookbalans.catalogue import demo_hooks

        # After the other apps' demo data (search 10, analysis 20, vision 30).
        demo_hooks.subscribe(self.name, load_demo, order=40)
