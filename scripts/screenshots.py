"""Screenshot Hogo's screens at tablet (768 px) and desktop (1280 px) widths.

Usage: .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]
Needs a running Hogo with the demo data (`make run`) and Debian's chromium.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
PASSWORD = "hogo-demo-2026"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def login(page, username):
    page.goto(f"{BASE}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width in (768, 1280):
            page = browser.new_page(viewport={"width": width, "height": 1000}, locale="ja-JP")
            page.goto(f"{BASE}/accounts/login/")
            page.screenshot(path=OUT / f"login-{width}.png", full_page=False)
            login(page, "a-cw001")
            page.screenshot(path=OUT / f"home-{width}.png", full_page=False)
            page.fill("#id_q", "た")
            page.wait_for_timeout(800)
            page.screenshot(path=OUT / f"search-{width}.png", full_page=False)
            page.click("#results a.row-link >> nth=0")
            page.wait_for_load_state()
            page.screenshot(path=OUT / f"household-{width}.png", full_page=False)
            page.goto(f"{BASE}/households/new/")
            page.fill("#id_case_number", "000001")
            page.fill("#id_name_kana", "Yamada")
            page.fill("#id_birth_date", "2999-01-01")
            page.click("main button[type=submit]")
            page.screenshot(path=OUT / f"household-new-errors-{width}.png", full_page=False)
            page.context.clear_cookies()
            login(page, "a-sv01")
            page.goto(f"{BASE}/team/")
            page.screenshot(path=OUT / f"team-{width}.png", full_page=False)
            page.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
