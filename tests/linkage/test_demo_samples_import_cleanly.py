"""The demo's sample file of each source (what `hogo demo` writes to var/demo/linkage/) goes through the
real import pipeline without being refused, and names members the office really has."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.demo.load import load_demo
from hogo.households.demo import OFFICES
from hogo.linkage import demo, layouts, services
from hogo.offices.models import Office

HOUSEHOLDS = 120  # 60 an office: enough for every kind of row, small enough to stay fast


@pytest.fixture
def office_a(db):
    load_demo(HOUSEHOLDS, seed=1)
    return Office.objects.get(municipality_code=OFFICES[0].municipality_code)


def _import(office, source):
    supervisor = get_user_model().objects.get(username="a-sv01")
    data = demo.SAMPLES[source](office, timezone.localdate(), 1)
    return data, services.import_file(supervisor, office, source, f"a-{source}.csv", data)


@pytest.mark.parametrize("source", list(layouts.LAYOUTS))
def test_each_demo_sample_is_imported_without_refusal_and_matches_members(office_a, source):
    data, imported = _import(office_a, source)
    lines = len(data.decode("utf-8").splitlines()) - 1
    assert not imported.already
    assert imported.counts["rows"] == lines > 0
    assert imported.counts["matched"] > 0


def test_every_source_has_a_demo_sample():
    assert set(demo.SAMPLES) == set(layouts.LAYOUTS)
