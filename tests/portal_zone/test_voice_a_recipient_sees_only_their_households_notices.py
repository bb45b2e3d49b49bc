"""A recipient opens only their own household's notices and certificate PDFs: another household's notice, or
its PDF, is a 404, whatever number is put in the address; someone without an account in force is refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.portal_voice.models import PortalNotice

from .voice_helpers import PDF, deliver, household_key, notice, recipient

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(client):
    mine, theirs = recipient("山田 花子"), recipient("林 正男")
    name = notice(household_key(mine), "x", pdf=PDF)["attachment"]
    deliver(
        [
            notice(household_key(mine), "certificate-mine", kind="certificate", title="私の証明書", pdf=PDF),
            notice(household_key(theirs), "certificate-theirs", kind="certificate", title="他人の証明書", pdf=PDF),
        ],
        attachments={name: PDF},
    )
    client.force_login(mine)
    return client, PortalNotice.objects.get(key="certificate-mine"), PortalNotice.objects.get(key="certificate-theirs")


def test_the_own_certificate_downloads(two):
    client, mine, _ = two
    response = client.get(reverse("my_notice_pdf", args=[mine.pk]))
    assert response.status_code == 200 and response.content == PDF
    assert "他人の証明書" not in client.get(reverse("my_notices")).content.decode()


def test_another_households_notice_and_pdf_are_not_found(two):
    client, _, theirs = two
    assert client.get(reverse("my_notice", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("my_notice_pdf", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_an_ended_account_is_refused(two):
    client, mine, _ = two
    account = mine.household.accounts.get()
    account.ended_at = timezone.now()
    account.save()
    assert client.get(reverse("my_notice", args=[mine.pk])).status_code == 403
