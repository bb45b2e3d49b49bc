"""A run started from the page waits for the worker (django-tasks), which fills it; until then the page
polls the progress fragment, and once done it shows the tables and the downloads. The run keeps the
data version it used."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from hogo.reports.models import ReportRun

from .report_helpers import populate

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def test_the_worker_fills_a_waiting_run_and_the_page_follows(cast, login):
    populate(cast)
    client = login(cast.users["clerk"])
    client.post(reverse("report_index"), {"report": "monthly", "office": cast.office_a.pk, "month": "2026-11"})
    run = ReportRun.objects.get()
    assert run.status == "queued" and run.result == {}
    fragment = client.get(reverse("report_run", args=[run.public_id]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in fragment.content.decode()
    assert "待機中" in fragment.content.decode()

    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)

    run.refresh_from_db()
    assert run.status == "done" and run.progress == 100
    assert run.data_version["households"]["count"] >= 8 and run.data_version["audit_last_id"] > 0
    fragment = client.get(reverse("report_run", args=[run.public_id]), headers={"HX-Request": "true"})
    assert fragment["HX-Refresh"] == "true" and "hx-trigger" not in fragment.content.decode()
    page = client.get(reverse("report_run", args=[run.public_id])).content.decode()
    assert "被保護実世帯数" in page and "XLSX で出力" in page
