"""Two people open an application's page; the later save of the earlier-loaded checklist item is
refused with what the other person recorded (the item's status and date), and nothing is saved."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from hogo.decisions.models import ChecklistItem

pytestmark = pytest.mark.django_db


def loaded(user, application, item):
    client = Client()
    client.force_login(user)
    page = client.get(reverse("application_detail", args=[application.public_id]))
    form = next(form for shown, form in page.context["items"] if shown.pk == item.pk)
    assert f'<input type="hidden" name="item{item.pk}-version"' in page.content.decode()
    return client, form["version"].value()


def test_the_later_save_of_an_earlier_loaded_item_is_refused_naming_what_changed(cast, applying):
    _, application = applying
    item = application.checklist.get(code="assets")
    (first, first_version), (second, second_version) = (
        loaded(cast.users["cw"], application, item),
        loaded(cast.users["sv"], application, item),
    )
    url = reverse("checklist_update", args=[application.public_id, item.pk])
    prefix = f"item{item.pk}-"

    def post(client, version, **values):
        data = {"status": "pending", "done_on": "", "note": "", "exemption": "", "version": version, **values}
        return client.post(url, {prefix + key: value for key, value in data.items()})

    post(first, first_version, status="done", done_on=application.received_on.isoformat(), note="預金照会済み")
    refused = post(second, second_version, status="not_needed", note="資産なし")
    said = " ".join(str(m) for m in get_messages(refused.wsgi_request))
    assert "保存していません" in said and "「資産の調査（不動産・自動車・生命保険等）」の状況「済」" in said
    assert said.count("他の人が変えた項目") == 1 and "実施日「" in said  # one message, naming every field
    stored = ChecklistItem.objects.get(pk=item.pk)
    assert stored.status == "done" and stored.note == "預金照会済み"
