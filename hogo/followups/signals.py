"""An application's decision deadline becomes a follow-up the moment the application is saved,
and closes the moment its decision date is set."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from hogo.decisions.models import Application
from hogo.households.signals import check_facts_changed


@receiver(post_save, sender=Application, dispatch_uid="followups_application_deadline")
def application_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .generate import sync_application

    sync_application(instance)


@receiver(check_facts_changed, dispatch_uid="followups_check_facts")
def check_facts_changed_for(sender, household, **kwargs):
    from django.utils import timezone

    from .generate import regenerate_chunk

    regenerate_chunk([household.pk], timezone.localdate())
