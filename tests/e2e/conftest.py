"""End-to-end tests drive Debian's Chromium through the live site (pytest-django's
live_server). Chromium must be installed (`.ci/run` installs it)."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("HOGO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--lang=ja-JP",
]

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by the
# live server happen in its own thread, and those made by fixtures here are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        # date and month pickers follow the browser's own language, not the page's: Japanese, as in an office
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "LANGUAGE": "ja", "LANG": "ja_JP.UTF-8"}
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, locale="ja-JP", base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()
