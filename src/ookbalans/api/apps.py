"""App configuration of api: its tokens' making and revoking are kept in the audit trail."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "ookbalans.api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ookbalans.api import schema  # noqa: F401 - registers the token scheme with drf-spectacular
        from ookbalans.api.models import ApiToken
        from ookbalans.audit.tracking import track

        # Who made or revoked which token, never its hash; its use (last_used_at) is not an event.
        track(
            ApiToken,
            lambda token: token.coalition_id,
            ended_field="revoked_at",
            left_out=("key_hash", "last_used_at"),
        )
