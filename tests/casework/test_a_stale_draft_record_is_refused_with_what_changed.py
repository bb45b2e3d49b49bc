"""A draft case record open in two tabs: saving the earlier-loaded tab after the other was saved is
refused with the record's text as it now is, and nothing is saved; the other tab's text stays."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from hogo.casework import services
from hogo.casework.models import CaseRecord

pytestmark = pytest.mark.django_db


def tab(user, case_record):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("record_detail", args=[case_record.public_id]))
    assert '<input type="hidden" name="version"' in response.content.decode()
    return client, response.context["edit_form"]["version"].value()


@pytest.fixture
def draft(cast, rules, today):
    return services.create_record(
        cast.users["cw"], cast.households["own"], kind="phone", occurred_on=today - timedelta(days=1), body="下書き"
    )


def test_the_earlier_loaded_tab_is_refused_with_the_other_tabs_text(cast, draft):
    (first, first_version), (second, second_version) = tab(cast.users["cw"], draft), tab(cast.users["cw"], draft)
    url = reverse("record_save", args=[draft.public_id])
    assert first.post(url, {"body": "電話で通院の予定を聞いた。", "version": first_version}).status_code == 302

    refused = second.post(url, {"body": "下書き（別のタブで追記）", "version": second_version})
    assert refused.status_code == 200
    said = " ".join(refused.context["edit_form"].non_field_errors())
    assert "記録「電話で通院の予定を聞いた。」" in said and "保存していません" in said
    assert CaseRecord.objects.get(pk=draft.pk).body == "電話で通院の予定を聞いた。"


def test_confirming_from_a_stale_tab_is_refused_too(cast, draft):
    (first, first_version), (second, second_version) = tab(cast.users["cw"], draft), tab(cast.users["cw"], draft)
    first.post(reverse("record_save", args=[draft.public_id]), {"body": "最新の本文", "version": first_version})
    refused = second.post(
        reverse("record_confirm", args=[draft.public_id]), {"body": "古い本文", "version": second_version}
    )
    assert refused.status_code == 200
    stored = CaseRecord.objects.get(pk=draft.pk)
    assert stored.body == "最新の本文" and stored.confirmed_at is None
