"""A coalition saved or deleted may change whether the site holds demonstration data."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ookbalans.catalogue.models import Coalition
from ookbalans.home.context_processors import forget_demo_data


@receiver(post_save, sender=Coalition, dispatch_uid="home_coalition_saved")
@receiver(post_delete, sender=Coalition, dispatch_uid="home_coalition_deleted")
def coalition_changed(sender, **kwargs):
    forget_demo_data()
