"""The user guide shows its journeys with screenshots that the e2e run takes and refreshes
(`shoot(page, name, guide=True)` writes docs/images/<name>-768.png): every picture the guide shows
exists, is taken by an e2e test, and the pictures stay small (decision 0028)."""

import re
from pathlib import Path

from django.conf import settings

DOCS = Path(settings.BASE_DIR) / "docs"
E2E = Path(settings.BASE_DIR) / "tests" / "e2e"
IMAGE = re.compile(r"!\[([^\]]+)\]\(images/([\w-]+)-768\.png\)")
MAX_TOTAL_BYTES = 3_000_000


def _shown():
    return IMAGE.findall((DOCS / "user-guide.ja.md").read_text(encoding="utf-8"))


def _taken_for_the_guide():
    taken = set()
    for test in E2E.glob("test_*.py"):
        taken |= set(re.findall(r'shoot\(page, "([\w-]+)", guide=True\)', test.read_text(encoding="utf-8")))
    return taken


def test_the_guide_shows_several_journeys_each_with_a_japanese_caption():
    shown = _shown()
    assert len(shown) >= 8
    assert all(re.search(r"[぀-ヿ一-龥]", caption) for caption, _ in shown)


def test_every_picture_of_the_guide_is_taken_by_an_e2e_test_and_is_in_the_repository():
    taken = _taken_for_the_guide()
    for _caption, name in _shown():
        assert name in taken, f"{name}: no e2e test takes it with guide=True"
        assert (DOCS / "images" / f"{name}-768.png").is_file(), f"{name}: run the e2e test that takes it"


def test_the_pictures_are_small_pngs_768_px_wide():
    images = list((DOCS / "images").glob("*.png"))
    assert sum(image.stat().st_size for image in images) < MAX_TOTAL_BYTES
    for image in images:
        header = image.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(header[16:20], "big") == 768
