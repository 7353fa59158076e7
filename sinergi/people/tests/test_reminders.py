"""Care-plan review reminders go to the operators of the LKS, as a count, once a week."""

import datetime

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.notifications.models import Notification
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.services import people_reminders
from sinergi.people.tests.factories import PlacementFactory

pytestmark = pytest.mark.django_db


def test_operators_get_one_weekly_count_of_due_reviews_without_names():
    lks, other = OrganisationFactory(), OrganisationFactory(name="LKSA Lain")
    operator = user_with_role(Role.LKS_OPERATOR, organisation=lks)
    user_with_role(Role.LKS_OPERATOR, organisation=other)
    today = datetime.date(2026, 11, 27)
    overdue = PlacementFactory(organisation=lks, next_review_on=today - datetime.timedelta(days=3))
    PlacementFactory(organisation=lks, next_review_on=today + datetime.timedelta(days=5))
    PlacementFactory(organisation=other, next_review_on=today + datetime.timedelta(days=60))

    sent = people_reminders(today=today)
    again = people_reminders(today=today + datetime.timedelta(days=1))  # same ISO week

    note = Notification.objects.get()
    assert (sent, again) == (1, 0)
    assert note.recipient == operator and note.kind == "people.review_overdue"
    assert note.title == "2 tinjauan rencana pengasuhan perlu dilakukan"
    assert overdue.person.full_name not in note.title + note.body


def test_each_operator_is_reminded_in_their_own_language():
    lks = OrganisationFactory()
    english = user_with_role(Role.LKS_OPERATOR, organisation=lks, preferred_language="en")
    indonesian = user_with_role(Role.LKS_OPERATOR, organisation=lks)
    PlacementFactory(organisation=lks, next_review_on=datetime.date(2026, 11, 25))

    people_reminders(today=datetime.date(2026, 11, 27))

    titles = dict(Notification.objects.values_list("recipient_id", "title"))
    assert titles == {
        english.pk: "Care plan reviews due: 1",
        indonesian.pk: "1 tinjauan rencana pengasuhan perlu dilakukan",
    }
