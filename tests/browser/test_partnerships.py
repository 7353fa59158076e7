"""The partnerships journey of issue 5 in a real Chromium: a kabupaten/kota board member records an agreement between
an LKS and a CSR company, uploads the signed PDF, and finds it on the LKS page and in the network."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sinergi.accounts.models import Membership
from sinergi.demo.partnerships import demo_pdf, load_demo_partnerships
from sinergi.partnerships.models import Agreement, AgreementDocument

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Program beasiswa CSR untuk anak asuh"


@pytest.fixture
def partnerships_page(page, settings, tmp_path):
    """The full demo plus its agreements; uploaded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo_partnerships()
    return page


def test_board_member_records_an_agreement_between_an_lks_and_a_csr_company(partnerships_page, tmp_path):
    page = partnerships_page
    lks = Membership.objects.get(user__username="operator.lks").organisation  # an LKSA in Kota Banjarmasin
    today = timezone.localdate()

    login(page, "pengurus.banjarmasin")
    page.click("nav >> text=Kerja sama")
    expect(page.locator("h1")).to_have_text("Perjanjian kerja sama")
    page.click("text=Catat perjanjian")

    page.select_option("select[name=kind]", "pks")
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=number]", "007/PKS/LKKKS-BJM/2025")
    page.fill("textarea[name=scope]", "Biaya sekolah dua puluh anak asuh selama dua tahun.")

    # Parties: an HTMX search among organisations of any kind; the first chosen becomes the first party.
    # A function, not an expression: an expression still false at first is polled in the page through eval, which
    # the Content-Security-Policy forbids (a flaky failure when htmx had not loaded yet).
    page.wait_for_function("() => window.htmx !== undefined")
    page.fill("#party-search", lks.name)
    page.locator("#party-options button", has_text=lks.name).click()
    expect(page.locator("#parties .party-row")).to_have_count(1)
    # Clearing a search box fires an immediate search of its own; wait for the answer to the typed text, so the
    # click does not land on a list that htmx is about to replace (a removed button's request is dropped).
    with page.expect_response(lambda response: "party_q=PT" in response.url):
        page.fill("#party-search", "PT Contoh Peduli")
    page.wait_for_timeout(100)  # let htmx swap the answer in
    page.locator("#party-options button", has_text="PT Contoh Peduli Demo (CSR)").click()
    rows = page.locator("#parties .party-row")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("select[name=party_role]")).to_have_value("first")
    expect(rows.nth(1).locator("select[name=party_role]")).to_have_value("second")
    rows.nth(1).locator("input[name=party_signatory]").fill("Direktur CSR (demo)")

    page.get_by_label("Dana", exact=True).check()
    page.get_by_label("Rehabilitasi sosial", exact=True).check()
    page.fill("input[name=starts_on]", today.isoformat())
    page.fill("input[name=ends_on]", (today + datetime.timedelta(days=730)).isoformat())
    page.fill("input[name=signed_on]", today.isoformat())
    page.click("#agreement-form button[type=submit]")

    expect(page.locator(".messages")).to_contain_text(f"Perjanjian “{TITLE}” tercatat sebagai draf.")
    expect(page.locator("#parties")).to_contain_text(lks.name)
    expect(page.locator("#parties")).to_contain_text("PT Contoh Peduli Demo (CSR)")
    agreement = Agreement.objects.get(title=TITLE)

    # A file that only claims to be a PDF is refused with the reason, and nothing is stored.
    fake = tmp_path / "naskah-palsu.pdf"
    fake.write_bytes(b"<html>bukan pdf</html>")
    page.set_input_files("input[name=file]", str(fake))
    page.click("#document-form button[type=submit]")
    expect(page.locator("#document-form")).to_contain_text("Isi berkas bukan PDF atau gambar PNG/JPEG.")
    assert not AgreementDocument.objects.filter(agreement=agreement).exists()

    signed = tmp_path / "naskah-pks.pdf"
    signed.write_bytes(demo_pdf(["PKS 007/PKS/LKKKS-BJM/2025", TITLE]))
    page.fill("#document-form input[name=title]", "Naskah PKS bertanda tangan")
    page.set_input_files("input[name=file]", str(signed))
    page.click("#document-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Dokumen “Naskah PKS bertanda tangan” tersimpan.")
    link = page.locator("#documents a", has_text="Naskah PKS bertanda tangan")
    download = page.request.get(page.base_url + link.get_attribute("href"))
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body() == signed.read_bytes()

    page.click("text=Nyatakan berlaku")
    expect(page.locator(".messages")).to_contain_text("Perjanjian dinyatakan berlaku.")
    expect(page.locator("h1 .badge").first).to_have_text("Berlaku")

    # The LKS's own page lists the partnership.
    page.locator("#parties a", has_text=lks.name).click()
    expect(page.locator("h1")).to_contain_text(lks.name)
    expect(page.locator("#partnerships")).to_contain_text(TITLE)
    expect(page.locator("#partnerships")).to_contain_text("PT Contoh Peduli Demo (CSR)")

    # And the network shows who works with whom, as a table and as a drawing.
    page.click("nav >> text=Kerja sama")
    page.click("text=Jejaring kerja sama")
    expect(page.locator("h1")).to_have_text("Jejaring kerja sama")
    page.select_option("select[name=kind]", "business")
    page.click("form.filters button[type=submit]")
    pair = page.locator("#network-table tbody tr", has_text=lks.name)
    expect(pair).to_contain_text("PT Contoh Peduli Demo (CSR)")
    expect(pair).to_contain_text(TITLE)
    expect(page.locator("#network-graph svg circle.node").first).to_be_visible()
