"""Referral notifications are written in each recipient's language (their profile's "bahasa"), whoever sends them."""

import datetime

import pytest
from django.utils import translation

from sinergi.notifications.models import Notification
from sinergi.referrals import services
from sinergi.referrals.tests.factories import referral_world
from sinergi.referrals.tests.test_services import send

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


def prefers(user, language: str):
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


def test_a_new_referral_is_announced_in_the_receivers_language(world):
    receiver = prefers(world.people.other_operator, "en")

    send(world)

    note = Notification.objects.get(recipient=receiver, kind="referrals.received")
    assert note.title.startswith("New referral from LKSA Harapan Contoh"), note.title
    assert note.body.startswith("Referral #") and "Mohon" not in note.body, note.body


def test_a_sender_working_in_english_announces_it_in_indonesian_to_an_indonesian_receiver(world):
    with translation.override("en"):
        send(world)

    note = Notification.objects.get(recipient=world.people.other_operator, kind="referrals.received")
    assert note.title.startswith("Rujukan baru dari LKSA Harapan Contoh"), note.title
    assert "Mohon dijawab sebelum" in note.body, note.body


def test_the_escalation_is_written_in_each_recipients_language(world):
    board = prefers(world.people.regency_board, "en")
    referral = send(world)

    services.referrals_reminders(today=TODAY, now=referral.due_at + datetime.timedelta(minutes=1))

    notes = {n.recipient_id: n for n in Notification.objects.filter(kind="referrals.escalated")}
    assert notes[board.pk].title.startswith("Referral #"), notes[board.pk].title
    assert notes[board.pk].body.startswith("Urgency: "), notes[board.pk].body
    receiver = notes[world.people.other_operator.pk]
    assert receiver.title.startswith("Rujukan #") and receiver.body.startswith("Urgensi: "), receiver.title


def test_the_answer_reaches_the_sender_in_their_language(world):
    sender = prefers(world.people.operator, "en")
    referral = send(world)

    services.referral_decline(actor=world.people.other_operator, referral=referral, reason="Tempat penuh")

    note = Notification.objects.get(recipient=sender, kind="referrals.declined")
    assert (note.title, note.body) == (
        f"Referral #{referral.pk} declined by LKSA Tetangga Contoh", "Reason: Tempat penuh"
    )  # fmt: skip
