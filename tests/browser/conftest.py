"""Browser journeys: Playwright driving Debian's Chromium against a live server.

These run in their own pytest invocation (`-m browser`, see the Makefile): a live server needs a
transactional database, which is emptied after each test, so each journey loads the demo itself.
"""

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SINERGI_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls there unless told.
    # Set only while browsers run, so the rest of the suite keeps Django's async-safety check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo(transactional_db):
    """The Kalsel demo in a fresh database (regions of province 63, vocabularies, demo records)."""
    from sinergi.demo.data import load_demo
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])
    seed_vocabularies(Term)
    load_demo()


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    context.close()


def login(page, username: str, password: str = "sinergi-demo-2025") -> None:
    page.goto(f"{page.base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("#main form button[type=submit]")


STYLESHEET = Path(__file__).resolve().parents[2] / "sinergi" / "static" / "css" / "sinergi.css"


@contextlib.contextmanager
def styled_page(browser, html: str, *, width: int = 1280, height: int = 800) -> Iterator:
    """A page of `html` under the site's stylesheet, with no server or database: for what the CSS alone decides."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.set_content(f"<style>{STYLESHEET.read_text()}</style>{html}")
        yield page
    finally:
        page.close()
