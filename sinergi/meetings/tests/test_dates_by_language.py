"""Dates on meeting pages, PDFs' sources and messages: Indonesian as it always was (07-12-2026), English in a form
no reader takes for 12 July (2026-12-07; "Monday, 7 December 2026" where the weekday is named)."""

import datetime

import pytest
from django.conf import settings

from sinergi.core.testing import otp_login

from .factories import ActionItemFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 7)  # a Monday, and a day of the month that is also a month


@pytest.fixture
def admin_client(client, province_admin):
    otp_login(client, province_admin)
    return client


def page(client, url: str, language: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_meetings_page_writes_its_dates_in_the_readers_language(admin_client, board_province, lks):
    meeting = MeetingFactory(organiser=board_province, starts_on=DAY)
    ActionItemFactory(meeting=meeting, owner=lks, due_on=datetime.date(2026, 12, 8))

    indonesian = page(admin_client, f"/meetings/{meeting.pk}/", "id")
    english = page(admin_client, f"/meetings/{meeting.pk}/", "en")

    assert "Senin, 07-12-2026" in indonesian and "08-12-2026" in indonesian
    assert "Monday, 7 December 2026" in english and "2026-12-08" in english
    assert "07-12-2026" not in english and "08-12-2026" not in english


def test_the_meetings_list_and_attendance_page_write_dates_in_the_readers_language(admin_client, board_province):
    meeting = MeetingFactory(organiser=board_province, starts_on=DAY, ends_on=DAY + datetime.timedelta(days=1))
    ParticipantFactory(meeting=meeting)
    attendance = f"/meetings/{meeting.pk}/attendance/{DAY.isoformat()}/"

    assert "07-12-2026 – 08-12-2026" in page(admin_client, "/meetings/", "id")
    assert "2026-12-07 – 2026-12-08" in page(admin_client, "/meetings/", "en")
    indonesian, english = page(admin_client, attendance, "id"), page(admin_client, attendance, "en")
    assert "Senin, 07-12-2026" in indonesian and "<strong>07-12-2026</strong>" in indonesian
    assert "Monday, 7 December 2026" in english and "<strong>2026-12-07</strong>" in english
    assert "-12-2026" not in english
