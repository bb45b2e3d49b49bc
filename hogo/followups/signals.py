"""Follow-ups kept in step with other apps' domain events: an application's decision deadline
becomes a follow-up the moment the application is received, moves when it is extended and closes
the moment the application is decided; a household's check facts regenerate its periodic checks."""

from django.dispatch import receiver
from django.utils import timezone

from hogo.decisions.signals import application_deadline_extended, application_decided, application_received
from hogo.households.signals import check_facts_changed

from .generate import regenerate_chunk, sync_application


@receiver(application_received, dispatch_uid="followups_application_received")
@receiver(application_deadline_extended, dispatch_uid="followups_application_deadline_extended")
@receiver(application_decided, dispatch_uid="followups_application_decided")
def application_deadline_changed(sender, application, **kwargs):
    sync_application(application)


@receiver(check_facts_changed, dispatch_uid="followups_check_facts")
def check_facts_changed_for(sender, household, **kwargs):
    regenerate_chunk([household.pk], timezone.localdate())
