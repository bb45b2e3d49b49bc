"""An application's decision deadline becomes a follow-up the moment the application is saved,
and closes the moment its decision date is set."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from hogo.decisions.models import Application


@receiver(post_save, sender=Application, dispatch_uid="followups_application_deadline")
def application_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .generate import sync_application

    sync_application(instance)
