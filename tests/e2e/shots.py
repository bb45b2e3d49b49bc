"""Screenshots of the e2e runs at the two widths every screen is checked at (768 and 1280 px),
kept under var/shots/ to be looked at."""

from pathlib import Path

from django.conf import settings

SHOTS = Path(settings.BASE_DIR) / "var" / "shots"
WIDTHS = (768, 1280)


def shoot(page, name: str) -> None:
    """Save `var/shots/<name>-<width>.png` for each width (the whole page), then go back to 768 px."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": WIDTHS[0], "height": 1000})
