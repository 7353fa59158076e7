"""The region picker in a real Chromium: choosing a result fills the hidden input, under the strict CSP.

No live server: Playwright answers every request of the page itself, the search through Django's test client
inside this test's transaction, so the session's region tree is used as it is and nothing needs flushing.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django import forms
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client

from sinergi.core.middleware import ContentSecurityPolicyMiddleware
from sinergi.regions.forms import RegionField
from sinergi.regions.models import Region
from sinergi.regions.services import region_tree_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CHROMIUM = os.environ.get("SINERGI_CHROMIUM", "/usr/bin/chromium")
ORIGIN = "http://sinergi.test"
STATIC = Path(settings.BASE_DIR) / "sinergi" / "static"


class VillageForm(forms.Form):
    region = RegionField(label="Desa/kelurahan", level=4, within="63")


def page_html() -> str:
    form = VillageForm()
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false, "allowEval": false}\'>'
        '<link rel="stylesheet" href="/static/css/sinergi.css"></head><body>'
        f'<form method="post" action="/submit">{form.as_div()}<button type="submit">Kirim</button></form>'
        '<script src="/static/vendor/htmx/htmx.min.js" defer></script>'
        f"{form.media}</body></html>"
    )


@pytest.fixture
def browser_page(monkeypatch):
    # Other browser tests use a live server, whose database is emptied after each test: bring Kalsel back if so
    # (inside this test's transaction, so it is rolled back with it).
    if not Region.objects.filter(code="63.71.01.1001").exists():
        region_tree_load(provinces=["63"])
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the route handlers below use the ORM.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    csp = ContentSecurityPolicyMiddleware(lambda request: None).policy
    django_client = Client()
    submitted: list[dict[str, list[str]]] = []
    problems: list[str] = []
    html = page_html()

    def handle(route, request):
        use_connection(test_connection)
        url = urlsplit(request.url)
        if url.path == "/form":
            route.fulfill(status=200, body=html, headers={"Content-Type": "text/html", "Content-Security-Policy": csp})
        elif url.path.startswith("/static/"):
            file = STATIC / url.path.removeprefix("/static/")
            kind = "text/css" if file.suffix == ".css" else "text/javascript"
            route.fulfill(status=200, body=file.read_bytes(), headers={"Content-Type": kind})
        elif url.path == "/regions/search/":
            response = django_client.get(f"{url.path}?{url.query}", HTTP_HX_REQUEST="true")
            route.fulfill(status=response.status_code, body=response.content, headers={"Content-Type": "text/html"})
        elif url.path == "/submit":
            submitted.append(parse_qs(request.post_data or "", keep_blank_values=True))
            route.fulfill(status=200, body="ok", headers={"Content-Type": "text/plain"})
        else:
            route.fulfill(status=404, body="")

    # Playwright switches context variables, and Django keeps connections per context: without this, code
    # inside the block would open a second connection outside the test's transaction.
    test_connection = connections[DEFAULT_DB_ALIAS]
    with sync_playwright() as playwright:
        use_connection(test_connection)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        context = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 800})  # a phone
        context.route(f"{ORIGIN}/**", handle)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"{ORIGIN}/form")
        page.wait_for_function("window.htmx !== undefined")
        yield page, submitted, problems
        browser.close()


def use_connection(wrapper) -> None:
    connections[DEFAULT_DB_ALIAS] = wrapper


def posted_region(submitted) -> str:
    form = VillageForm(data={key: values[0] for key, values in submitted[-1].items()})
    assert form.is_valid(), form.errors
    return form.cleaned_data["region"].code


def test_typing_a_name_and_choosing_a_result_fills_the_hidden_input(browser_page):
    page, submitted, problems = browser_page

    # when: the user types part of a name and clicks the Banjarmasin result
    page.fill("#id_region", "mantuil")
    page.wait_for_selector('[data-region-pick][data-code="63.71.01.1001"]')
    assert page.locator("[data-region-pick]").count() == 2
    page.click('[data-region-pick][data-code="63.71.01.1001"]')

    # then: the hidden input holds the code, the label shows the path, the results are gone
    assert page.input_value('input[type=hidden][name="region"]') == "63.71.01.1001"
    assert page.text_content("[data-region-label]") == "Mantuil, Banjarmasin Selatan, Kota Banjarmasin (63.71.01.1001)"
    assert page.locator("[data-region-pick]").count() == 0
    assert page.input_value("#id_region") == ""
    assert page.is_visible("[data-region-clear]")

    # and: the submitted form cleans to that region
    page.click("button[type=submit]")
    page.wait_for_url(f"{ORIGIN}/submit")
    assert posted_region(submitted) == "63.71.01.1001"
    assert problems == []


def test_enter_takes_the_first_result_instead_of_submitting(browser_page):
    page, submitted, problems = browser_page
    page.fill("#id_region", "pemurus dalam")
    page.wait_for_selector("[data-region-pick]")
    page.press("#id_region", "Enter")
    assert page.input_value('input[type=hidden][name="region"]') == "63.71.01.1010"
    assert submitted == []
    assert problems == []


def test_clearing_the_choice_empties_the_hidden_input(browser_page):
    page, _submitted, problems = browser_page
    page.fill("#id_region", "mantuil")
    page.click('[data-region-pick][data-code="63.09.08.2006"]')
    page.click("[data-region-clear]")
    assert page.input_value('input[type=hidden][name="region"]') == ""
    assert page.text_content("[data-region-label]") == "belum ada"
    assert not page.is_visible("[data-region-clear]")
    assert problems == []


def test_a_code_typed_without_choosing_is_submitted_as_typed(browser_page):
    page, submitted, problems = browser_page
    page.fill("#id_region", "63.72.02.1003")
    page.wait_for_selector("[data-region-pick]")
    page.click("button[type=submit]")
    page.wait_for_url(f"{ORIGIN}/submit")
    assert submitted[-1]["region"] == [""]
    assert posted_region(submitted) == "63.72.02.1003"
    assert problems == []


def test_the_search_sees_this_tests_own_data(browser_page):
    # given: a change made inside this test's transaction (rolled back afterwards)
    page, _submitted, problems = browser_page
    Region.objects.filter(code="63.71.01.1010").update(name="Pemurus Uji Peramban")

    # when
    page.fill("#id_region", "uji peramban")

    # then
    page.wait_for_selector('[data-region-pick][data-code="63.71.01.1010"]')
    assert page.locator("[data-region-pick]").count() == 1
    assert problems == []
