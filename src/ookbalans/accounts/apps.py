"""App configuration of the accounts app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ookbalans.accounts"
    verbose_name = _("Login and two-step verification")
