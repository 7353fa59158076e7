"""The people journeys of issue 3 in a real Chromium: an LKS operator admits a child, a board member resolves a
duplicate candidate, an administrator answers an access request."""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from sinergi.accounts.models import Membership, Role, User
from sinergi.accounts.tests.factories import MembershipFactory
from sinergi.people.choices import DuplicateStatus
from sinergi.people.models import DuplicateCandidate, Person, PersonAccess

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Made up, structurally valid: Banjarmasin Selatan (63.71.01), a girl born 12-03-2015 (day + 40), serial 0042.
NIK = "6371015203150042"


@pytest.fixture
def people_page(page):
    """The full demo (from `page`): organisations, users, and the demo clients and workers."""
    from sinergi.demo.people import demo_people_loaded

    assert demo_people_loaded()
    return page


def choose_purpose(page, label: str) -> None:
    expect(page.locator("h1")).to_have_text("Tujuan akses data pribadi")
    page.get_by_label(label).check()
    page.click("#main form button[type=submit]")


def test_lks_operator_admits_a_child(people_page):
    page = people_page
    login(page, "operator.lks")
    page.click("nav >> text=Penerima layanan")
    choose_purpose(page, "Pelayanan dan pengasuhan")
    expect(page.locator("h1")).to_have_text("Penerima layanan (PPKS)")
    page.click("text=Terima klien baru")

    page.fill("input[name=full_name]", "Putri Uji Contoh")
    page.check("input[name=sex][value=P]")
    page.fill("input[name=birth_date]", "2015-03-12")
    page.fill("input[name=nik]", NIK[:-1])  # 15 digits: refused with a clear message, nothing saved
    page.select_option("select[name=kk_missing_reason]", "unknown")
    page.fill("input[name=mother_name]", "Siti Ibu Contoh")
    page.get_by_label("Anak Telantar", exact=True).first.check()
    page.select_option("select[name=ppks_category]", label="Anak Telantar")
    page.check("input[name=setting][value=residential]")
    page.check("input[name=given_by][value=parent]")
    page.fill("input[name=giver_name]", "Siti Ibu Contoh")
    page.click("#main form.form button[type=submit]")

    expect(page.locator(".errors-summary")).to_contain_text("Data belum tersimpan")
    expect(page.locator(".field-error")).to_contain_text("16 angka")
    assert not Person.objects.filter(full_name="Putri Uji Contoh").exists()

    page.fill("input[name=nik]", NIK)
    page.click("#main form.form button[type=submit]")

    expect(page.locator(".messages")).to_contain_text("Putri Uji Contoh telah diterima.")
    identity = page.locator("#identity")
    expect(identity).to_contain_text("6371********0042")
    expect(page.locator("#main")).not_to_contain_text(NIK)
    expect(page.locator("#consents")).to_contain_text("Orang tua")
    expect(page.locator("#consents")).to_contain_text("Siti Ibu Contoh")
    expect(page.locator("#consents")).to_contain_text("Persetujuan yang sah")
    expect(page.locator(".care-plan-reminder")).to_contain_text("Tinjauan rencana pengasuhan berikutnya:")

    # The full number only on an explicit action, swapped in by htmx, and logged.
    # A function, not an expression: an expression still false at first is polled in the page through eval, which
    # the Content-Security-Policy forbids (a flaky failure when htmx had not loaded yet).
    page.wait_for_function("() => window.htmx !== undefined")
    with page.expect_response(lambda r: r.url.endswith("/nik/")) as reveal:
        page.click("text=Tampilkan NIK")
    assert reveal.value.status == 200
    expect(identity).to_contain_text(NIK)
    # The number takes the button's place: a second click would only log a second reveal of what is shown. The focus
    # goes to it (read out), not to the top of the page with the button gone.
    expect(page.get_by_role("button", name="Tampilkan NIK")).to_have_count(0)
    expect(identity.locator(".nik")).to_be_focused()
    person = Person.objects.get(full_name="Putri Uji Contoh")
    assert list(PersonAccess.objects.filter(person=person).values_list("what", flat=True).order_by("pk")) == [
        "created",
        "viewed",
        "viewed_full_nik",
    ]

    # A right that ends while the page is open (the operator, also on the kabupaten/kota board, leaves the LKS):
    # the refusal is said where the number would have been, not left as a click that does nothing
    operator = User.objects.get(username="operator.lks")
    MembershipFactory(user=operator, role=Role.REGENCY_BOARD, region_id=person.organisation.regency_code)
    page.reload()
    Membership.objects.filter(user=operator, role=Role.LKS_OPERATOR).delete()
    page.wait_for_function("() => window.htmx !== undefined")
    with page.expect_response(lambda r: r.url.endswith("/nik/")) as refusal:
        page.click("text=Tampilkan NIK")
    assert refusal.value.status == 403
    expect(identity).to_contain_text("Anda tidak berwenang melihat NIK lengkap.")
    expect(identity).not_to_contain_text(NIK)


def test_board_member_resolves_a_duplicate_candidate(people_page):
    page = people_page
    login(page, "pengurus.banjarmasin")
    page.click("nav >> text=Penerima layanan")
    choose_purpose(page, "Pemeriksaan data ganda")
    page.click("text=Kandidat data ganda")

    cards = page.locator("section.duplicate")
    expect(cards).to_have_count(2)
    # the pair with one NIK (a pair with two different NIKs cannot be merged before one is corrected)
    first = cards.filter(has_text="NIK sama dengan data orang lain").first
    expect(first).to_contain_text("********")  # NIK masked on both sides
    candidate_pk = int(first.get_attribute("id").split("-")[1])
    first.locator("a", has_text="Orang yang sama").click()

    # the merge page: both records, the one to keep chosen, what happens to each stay
    expect(page.locator("h1")).to_have_text("Gabungkan data ganda")
    expect(page.locator("input[name=keep]:checked")).to_have_count(1)
    page.locator("button", has_text="Gabungkan").click()

    expect(page.locator(".messages")).to_contain_text("Kedua data digabungkan menjadi satu")
    expect(page.locator("section.duplicate")).to_have_count(1)
    candidate = DuplicateCandidate.objects.get(pk=candidate_pk)
    assert candidate.status == DuplicateStatus.LINKED
    assert candidate.resolved_by.username == "pengurus.banjarmasin"


def test_administrator_answers_an_access_request(people_page):
    page = people_page
    login(page, "admin.provinsi")
    device = TOTPDevice.objects.get(user__username="admin.provinsi", name="demo")
    page.fill("input[name=token]", f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
    page.click("#main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Dasbor pusat data")

    person = Person.objects.filter(regency_code="63.72").order_by("pk").first()
    page.click("nav >> text=Penerima layanan")
    choose_purpose(page, "Permintaan subjek data")
    page.fill("input[name=q]", person.full_name)
    page.locator(f"#results a[href='/people/{person.pk}/']").click()
    page.get_by_role("link", name="Permintaan subjek data").click()

    expect(page.locator("h1")).to_contain_text(person.full_name)
    expect(page.locator("#main")).to_contain_text("Data pribadi")
    expect(page.locator("#main")).to_contain_text(person.nik_masked)
    with page.expect_download() as download_info:
        page.click("text=Unduh JSON")
    export = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert export["person"]["full_name"] == person.full_name
    assert export["person"]["nik"] == person.nik_masked

    page.locator("#restrict input[name=reason]").fill("Permintaan yang bersangkutan")
    page.click("#restrict button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Pemrosesan data dibatasi")
    person.refresh_from_db()
    assert person.is_restricted is True
    # Erasure is refused while the person is still served, with the reason in plain words.
    if person.placements.filter(status="active").exists():
        page.locator("#erase input[name=reason]").fill("Permintaan penghapusan")
        page.locator("#erase input[name=confirm]").check()
        page.on("dialog", lambda dialog: dialog.accept())
        page.click("#erase button[type=submit]")
        expect(page.locator(".messages")).to_contain_text("masih dilayani")
        person.refresh_from_db()
        assert person.erased_at is None
    assert timezone.now() - person.updated_at < datetime.timedelta(minutes=5)


def test_lks_operator_corrects_a_stay_recorded_with_the_wrong_admission_date(people_page):
    from sinergi.people.models import Placement
    from sinergi.people.summaries import summaries_rebuild
    from sinergi.people.tests.test_summaries import summary_rows

    page = people_page
    login(page, "operator.lks")
    page.click("nav >> text=Penerima layanan")
    choose_purpose(page, "Pelayanan dan pengasuhan")
    page.locator("#results a[href^='/people/']").first.click()
    page.get_by_role("link", name="Perbaiki data penempatan").first.click()
    expect(page.locator("h1")).to_have_text("Perbaiki data penempatan")
    stay = Placement.objects.get(pk=int(page.url.rstrip("/").split("/")[-2]))

    # A date in the future is refused on its field; nothing is saved.
    page.fill("input[name=admitted_on]", (timezone.localdate() + datetime.timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Simpan perbaikan").click()
    expect(page.locator(".errors-summary")).to_contain_text("Data belum tersimpan")
    expect(page.locator("#main")).to_contain_text("Tanggal tidak boleh di masa depan.")
    assert Placement.objects.get(pk=stay.pk).admitted_on == stay.admitted_on

    earlier = stay.admitted_on - datetime.timedelta(days=31)
    page.fill("input[name=admitted_on]", earlier.isoformat())
    page.get_by_role("button", name="Simpan perbaikan").click()

    expect(page.locator(".messages")).to_contain_text("Data penempatan diperbaiki.")
    assert page.url.rstrip("/").endswith(f"/people/{stay.person_id}")
    assert Placement.objects.get(pk=stay.pk).admitted_on == earlier
    counted = summary_rows()
    summaries_rebuild()
    assert summary_rows() == counted  # the admission moved to its month in the summaries too
