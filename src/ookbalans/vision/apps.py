"""App configuration of vision."""

from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import demo_hooks


class VisionConfig(demo_hooks.DemoAppConfig):
    name = "ookbalans.vision"
    verbose_name = _("Local vision")
    demo_order = 30  # reads only the catalogue; last, as before the hook existed

    def ready(self):
        super().ready()
        from ookbalans.catalogue import coordinator_home
        from ookbalans.vision import start_page

        coordinator_home.contribute("vision.overdue", start_page.overdue, order=20)
        coordinator_home.contribute("vision.findings", start_page.unanswered_findings, order=30)
        from ookbalans.audit.tracking import track
        from ookbalans.vision import models

        track(models.Vision, lambda vision: vision.coalition_id)
        for part in (
            models.StatementChoice,
            models.OwnStatement,
            models.SectionWork,
            models.Goal,
            models.Action,
        ):
            track(part, lambda obj: obj.vision.coalition_id)
        # Voices hold what parents said: the trail keeps which fields changed, never the words.
        track(models.Voice, lambda voice: voice.vision.coalition_id, redacted=True)
