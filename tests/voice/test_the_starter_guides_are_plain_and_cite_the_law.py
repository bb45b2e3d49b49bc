"""The three starter guides `hogo demo` publishes: each renders with furigana as <ruby>, cites 生活保護法
(第61条 in the guides about declaring and changes), and seeding twice makes them once."""

import pytest

from hogo.portal_voice.markup import render
from hogo.voice.guides import STARTER_GUIDES, seed_guides
from hogo.voice.models import Guide

pytestmark = pytest.mark.django_db


def test_each_guide_renders_furigana_and_cites_the_law():
    for title, body in STARTER_GUIDES:
        html = str(render(body))
        assert "<ruby>" in html and "《" not in html, title
        assert "第61条" in body, title


def test_seeding_twice_makes_the_guides_once(cast):
    assert seed_guides(cast.office_a) == 3
    assert seed_guides(cast.office_a) == 0
    assert list(Guide.objects.values_list("published", flat=True)) == [True, True, True]
