"""Screenshots of the e2e runs at the two widths every screen is checked at (768 and 1280 px),
kept under var/shots/ to be looked at. The ones the user guide shows (`guide=True`) are also written
to docs/images/<name>-768.png, so every e2e run refreshes the guide's pictures (decision 0028)."""

import os
from pathlib import Path

from django.conf import settings

SHOTS = Path(settings.BASE_DIR) / "var" / "shots"
WIDTHS = (768, 1280)
GUIDE_IMAGES = Path(settings.BASE_DIR) / "docs" / "images"
GUIDE_HEIGHT = 1100  # the guide shows the top of the page (what a tablet shows first): small files


def shoot(page, name: str, *, guide: bool = False) -> None:
    """Save `var/shots/<name>-<width>.png` for each width (the whole page), then go back to 768 px.
    With `guide`, also save the top of the page at 768 px as `docs/images/<name>-768.png`."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": WIDTHS[0], "height": 1000})
    if guide:
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        height = min(GUIDE_HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
        picture = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": WIDTHS[0], "height": height})
        # written whole under a temporary name, then renamed: a suite running beside this one (CI runs the
        # SQLite and the PostgreSQL suites at once) never reads half a picture
        partial = GUIDE_IMAGES / f".{name}-768.png.{os.getpid()}.part"  # not *.png: globs see dot-files
        partial.write_bytes(picture)
        os.replace(partial, GUIDE_IMAGES / f"{name}-768.png")
