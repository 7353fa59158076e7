"""A national server (SINERGI_PROVINCE=nasional) in a real Chromium: the public picks the province whose figures the
page shows, and a kabupaten/kota board's exchange page links the report of its own province."""

import pytest
from playwright.sync_api import expect

from sinergi.regions.services import region_tree_load

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def national(settings):
    region_tree_load(provinces=["75"])  # Gorontalo, beside the demo's Kalimantan Selatan
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "", "NATIONAL": True}


def test_the_public_picks_the_province_of_the_figures(page, national):
    page.goto(f"{page.base_url}/statistics/public/")
    # Without a choice: the province with most active LKS, the demo's
    expect(page.locator("h1")).to_have_text("Data publik LKS — Kalimantan Selatan")

    page.select_option("#province-picker-select", "75")
    page.locator("#province-picker button[type=submit]").click()

    expect(page.locator("h1")).to_have_text("Data publik LKS — Gorontalo")
    assert page.url.endswith("?province=75")
    expect(page.locator("#province-picker-select")).to_have_value("75")


def test_a_board_of_one_province_is_offered_that_provinces_report(page, national):
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")

    report = page.locator("a[href*='/exchange/reports/province.pdf']")
    expect(report).to_have_attribute("href", "/exchange/reports/province.pdf?province=63")
    expect(page.locator("a[href^='/exchange/reports/regency/63.71']")).to_have_count(1)
    response = page.request.get(page.base_url + report.get_attribute("href"))
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
