"""The journeys the foundation issue names, in a real Chromium against a live server with the demo data."""

import re

import pytest
from playwright.sync_api import expect

from sinergi.organisations.models import Organisation

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lks_operator_edits_their_lks_and_sees_it_in_the_list_and_history(page):
    login(page, "operator.lks")
    expect(page.locator("h1")).to_have_text("Dasbor pusat data")

    page.click("nav >> text=Registri LKS")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)  # an operator sees only their own LKS
    old_name = rows.first.locator("td").first.inner_text()
    rows.first.locator("a").click()
    page.click("text=Ubah data")
    page.fill("input[name=name]", f"{old_name} Berganti")
    page.fill("input[name=capacity]", "33")
    page.click("#main form.form button[type=submit]")

    expect(page.locator(".messages")).to_contain_text("Perubahan tersimpan.")
    history = page.locator("table.history")
    expect(history).to_contain_text(f"{old_name} → {old_name} Berganti")
    expect(history).to_contain_text("operator.lks")
    page.click("text=← Registri")
    expect(page.locator("#results tbody tr").first).to_contain_text(f"{old_name} Berganti")


def test_board_member_verifies_a_draft_and_the_dashboard_count_changes(page):
    login(page, "pengurus.banjarmasin")
    awaiting = page.locator(".card", has_text="LKS menunggu verifikasi").locator(".kpi")
    expect(awaiting).to_have_text("3")

    page.goto(f"{page.base_url}/organisations/?status=draft")
    page.locator("#results tbody tr a").first.click()
    page.click("button:has-text('Verifikasi')")
    expect(page.locator(".messages")).to_contain_text("Organisasi telah diverifikasi.")
    expect(page.locator("h1 .badge")).to_have_text("Terverifikasi")

    page.click("nav >> text=Dasbor")
    expect(awaiting).to_have_text("2")
    assert Organisation.objects.filter(regency_code="63.71", status="verified").count() == 1


def test_public_directory_without_login(page):
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(page.base_url)
    expect(page).to_have_url(re.compile(r"/statistics/public/$"))
    page.click("text=☰ Menu")  # a phone folds the menu
    page.click("nav >> text=Direktori LKS")
    count = page.locator("#result-count")
    expect(count).to_have_text("154 LKS")

    page.fill("input[name=q]", "Lansia")
    expect(count).to_have_text("4 LKS")  # HTMX replaced the results in place, no page load
    page.locator("#results tbody tr a").first.click()
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("LKS Lanjut Usia")
    for private in ("Pimpinan", "NPWP", "Akta", "Izin operasional"):
        expect(page.locator("#main")).not_to_contain_text(private)


def test_on_a_phone_the_menu_folds_into_one_line_and_opens_with_a_tap(page):
    login(page, "pengurus.banjarmasin")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/statistics/")
    topbar = page.locator(".topbar").bounding_box()
    assert topbar["height"] < 844 * 0.08  # was 28% of the screen with the whole menu spread out
    menu = page.locator("#mainnav")
    expect(menu).to_be_hidden()
    expect(page.get_by_role("button", name="Keluar")).to_be_hidden()
    page.click("text=☰ Menu")
    expect(menu).to_be_visible()
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()
    menu.get_by_role("link", name="Impor/Ekspor").click()
    expect(page).to_have_url(re.compile(r"/exchange/$"))
    expect(menu).to_be_hidden()  # folded again on the next page

    page.set_viewport_size({"width": 1280, "height": 900})  # a computer shows it all, without the toggle
    expect(menu).to_be_visible()
    expect(page.locator(".menu-button")).to_be_hidden()


def test_arrow_keys_in_a_filter_reload_the_list_once_and_its_new_count_is_said(page):
    # Given the registry of a board member, with the requests htmx makes counted
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/organisations/")
    count = page.locator("#result-count")
    before = count.inner_text()
    page.evaluate(
        "window.__requests = 0; document.body.addEventListener('htmx:beforeRequest', () => window.__requests++)"
    )

    # When a keyboard user moves through the status filter's options with the arrow keys (each one a change in
    # Chromium)
    page.focus("select[name=status]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")

    # Then the list is asked for once, after the choice has rested, and the count in the live region is the new one
    expect(count).not_to_have_text(before)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__requests") == 1
    expect(count).to_have_attribute("role", "status")
    assert page.locator("#result-count").count() == 1
