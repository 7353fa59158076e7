"""The meetings journey of issue 5 in a real Chromium: a province admin organises a two-day Rakor, invites the
boards, a participant checks in through the QR link of their invitation, minutes and an action item are recorded,
and the owner board sees the item and closes it."""

import datetime

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from sinergi.meetings.choices import ActionStatus, CheckInMethod
from sinergi.meetings.models import ActionItem, Attendance, Meeting, Participant

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings_page(page):
    """The demo plus its meetings (the 2023 Rakor with an overdue item of LKKKS Kota Banjarmasin)."""
    from sinergi.demo.meetings import demo_meetings_loaded, load_demo_meetings

    if not demo_meetings_loaded():
        load_demo_meetings()
    return page


def login_admin(page) -> None:
    login(page, "admin.provinsi")
    device = TOTPDevice.objects.get(user__username="admin.provinsi", name="demo")
    page.fill("input[name=token]", f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
    page.click("#main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Dasbor pusat data")


def test_rakor_from_invitation_to_a_closed_action_item(meetings_page, browser):
    page = meetings_page
    today = timezone.localdate()
    login_admin(page)

    # Organise a two-day Rakor.
    page.click("nav >> text=Rapat")
    page.click("text=Buat rapat")
    page.select_option("select[name=organiser]", label="LKKKS Provinsi Kalimantan Selatan")
    page.select_option("select[name=kind]", "rakor")
    page.fill("input[name=title]", "Rakor Uji Peramban")
    page.fill("input[name=first_day]", today.isoformat())
    page.fill("input[name=last_day]", (today + datetime.timedelta(days=1)).isoformat())
    page.fill("input[name=venue]", "Aula Uji Contoh")
    page.click("#main form.form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("tersimpan sebagai draf")
    meeting = Meeting.objects.get(title="Rakor Uji Peramban")
    assert meeting.days.count() == 2

    page.locator("#agenda input[name=title]").fill("Pembukaan")
    page.click("#agenda button[type=submit]")
    expect(page.locator("#agenda ol")).to_contain_text("Pembukaan")

    # Invite every board, and one guest by e-mail.
    for box in page.locator("#invite-organisations input[name=boards]").all():
        box.check()
    page.click("#invite-organisations button[type=submit]")
    expect(page.locator("#participants")).to_contain_text("Pengurus LKKKS Banjarmasin (Demo)")
    page.locator("#add-participant input[name=name]").fill("Tamu Uji Contoh")
    page.locator("#add-participant input[name=email]").fill("tamu.uji@contoh.test")
    page.click("#add-participant button[type=submit]")
    expect(page.locator("#participants")).to_contain_text("Tamu Uji Contoh")
    page.click("#participants >> text=Kirim undangan")
    expect(page.locator(".messages")).to_contain_text("Undangan terkirim.")
    guest = Participant.objects.get(meeting=meeting, name="Tamu Uji Contoh")
    assert guest.invited_at is not None

    # The guest opens their invitation (no login), answers, and checks in through today's QR link.
    guest_context = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844})
    phone = guest_context.new_page()
    phone.goto(f"{page.base_url}/meetings/rsvp/{guest.token}/")
    expect(phone.locator("#checkin-codes svg")).to_have_count(2)
    phone.click("text=Saya akan hadir")
    expect(phone.locator("#rsvp-answer")).to_have_text("Akan hadir")
    phone.click(f"text=Tautan presensi {today:%d-%m-%Y}")
    phone.click("text=Catat kehadiran saya")
    expect(phone.locator(".checkin-ok")).to_contain_text("Kehadiran Anda tercatat pukul")
    phone.reload()
    expect(phone.locator(".checkin-ok")).to_contain_text("sudah tercatat")
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    phone.goto(f"{page.base_url}/meetings/checkin/{guest.token}/{tomorrow}/")
    expect(phone.locator(".checkin-refused")).to_contain_text("hanya dapat dilakukan pada hari rapat")
    guest_context.close()
    assert list(Attendance.objects.filter(participant=guest).values_list("method", flat=True)) == [CheckInMethod.SELF]

    # The organiser sees the self check-in on today's list, then records minutes, a decision and an action item.
    page.reload()
    page.click("#info >> text=Daftar hadir >> nth=0")
    expect(page.locator("#present-count")).to_contain_text("1 dari")
    page.go_back()
    page.click("text=Tandai terlaksana")
    expect(page.locator(".messages")).to_contain_text("Status rapat diubah.")
    page.click("text=Tulis notulen")
    page.fill("textarea[name=text]", "Rakor dibuka pukul 09.00 oleh Ketua. Peserta sepakat memperbarui data LKSA.")
    page.click("#main form.form button[type=submit]")
    expect(page.locator("#minutes")).to_contain_text("Peserta sepakat memperbarui data LKSA.")
    page.locator("#decisions textarea[name=text]").fill("Data LKSA diperbarui setiap triwulan.")
    page.click("#decisions button[type=submit]")
    page.locator("#add-action textarea[name=description]").fill("Menghimpun data LKSA Banjarmasin (uji)")
    page.select_option("#add-action select[name=owner]", label="LKKKS Kota Banjarmasin")
    page.fill("#add-action input[name=due_on]", (today + datetime.timedelta(days=14)).isoformat())
    page.click("#add-action button[type=submit]")
    expect(page.locator("#actions table")).to_contain_text("Menghimpun data LKSA Banjarmasin (uji)")
    pdf = page.request.get(f"{page.base_url}/meetings/{meeting.pk}/attendance.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    page.click("header >> text=Keluar")

    # The owner board sees its overdue demo item on the dashboard, and closes the new one.
    login(page, "pengurus.banjarmasin")
    expect(page.locator("#overdue-actions")).to_contain_text("Dukcapil")
    page.click("nav >> text=Rapat")
    page.click("text=Tindak lanjut rapat")
    row = page.locator("#my-actions tr", has_text="Menghimpun data LKSA Banjarmasin (uji)")
    row.locator("button", has_text="Tandai selesai").click()
    expect(page.locator(".messages")).to_contain_text("Status tindak lanjut kini “Selesai”.")
    expect(page.locator("#my-actions")).not_to_contain_text("Menghimpun data LKSA Banjarmasin (uji)")
    item = ActionItem.objects.get(description="Menghimpun data LKSA Banjarmasin (uji)")
    assert (item.status, item.done_on) == (ActionStatus.DONE, today)
