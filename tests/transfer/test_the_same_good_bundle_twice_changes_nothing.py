"""Idempotency by bundle id: the same bundle imported again (even under another file name) is recognised
and changes nothing; it is not a refusal."""

from django.contrib.auth.models import Group

from hogo.audit.models import AuditEntry
from hogo.transfer import services
from hogo.transfer.models import Quarantined, ReceivedBundle

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer


def test_the_same_bundle_twice_says_so_and_changes_nothing(db, ping):
    office = OfficeFactory()
    data = from_portal(portal_signer(office.municipality_code), office.municipality_code)
    first = services.import_bundle(data, "a.zip")
    counts = (Group.objects.count(), ReceivedBundle.objects.count(), AuditEntry.objects.count())

    again = services.import_bundle(data, "copied-again.zip")

    assert again.already and again.bundle == first.bundle
    assert (Group.objects.count(), ReceivedBundle.objects.count(), AuditEntry.objects.count()) == counts
    assert not Quarantined.objects.exists()
