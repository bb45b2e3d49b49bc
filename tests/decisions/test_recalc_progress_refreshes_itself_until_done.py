"""The 一斉更正 progress fragment asks htmx for itself every 2 seconds while the run is running, and
stops (reloading the page once) when it is done."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.decisions.models import RecalcRun


@pytest.fixture
def run(cast):
    return RecalcRun.objects.create(
        office=cast.office_a, as_of=date(2027, 1, 1), reason="基準改定", requested_by=cast.users["clerk"], total=10
    )


def _progress(client, run, **headers):
    response = client.get(reverse("recalc_detail", args=[run.public_id]), **headers)
    assert response.status_code == 200
    return response


def test_the_progress_of_a_running_run_refreshes_every_two_seconds(cast, run, login):
    client = login(cast.users["clerk"])
    assert 'hx-trigger="every 2s"' in _progress(client, run).content.decode()
    fragment = _progress(client, run, HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 2s"' in fragment.content.decode()
    assert "HX-Refresh" not in fragment


def test_the_progress_of_a_finished_run_stops_refreshing_and_reloads_once(cast, run, login):
    RecalcRun.objects.filter(pk=run.pk).update(status=RecalcRun.Status.DONE, processed=10, finished_at=timezone.now())
    client = login(cast.users["clerk"])
    fragment = _progress(client, run, HTTP_HX_REQUEST="true")
    assert "hx-trigger" not in fragment.content.decode()
    assert fragment["HX-Refresh"] == "true"
    assert "hx-trigger" not in _progress(client, run).content.decode()
