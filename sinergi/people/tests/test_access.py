import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from sinergi.people.access import (
    person_access_record,
    person_access_record_many,
    purpose_for,
    session_purpose,
    session_purpose_set,
)
from sinergi.people.models import PersonAccess

from .factories import PersonFactory, people_world

pytestmark = pytest.mark.django_db


def request_with_session(**meta):
    request = RequestFactory().get("/orang/1/", **meta)
    SessionMiddleware(lambda r: None).process_request(request)
    return request


def test_a_new_session_has_no_purpose_until_one_is_chosen():
    # given a fresh session
    request = request_with_session()
    assert session_purpose(request) is None
    # when the user chooses a purpose
    session_purpose_set(request, "case_review")
    # then it holds for the rest of the session
    assert session_purpose(request) == "case_review"
    assert purpose_for(request) == "case_review"


def test_an_unknown_purpose_is_refused_and_not_stored():
    request = request_with_session()
    with pytest.raises(ValueError):
        session_purpose_set(request, "curiosity")
    assert session_purpose(request) is None


def test_a_tampered_session_value_is_ignored():
    request = request_with_session()
    request.session["people_access_purpose"] = "curiosity"
    assert session_purpose(request) is None
    assert purpose_for(request) == "service"


def test_without_a_request_the_default_purpose_is_service():
    assert session_purpose(None) is None
    assert purpose_for(None) == "service"
    assert purpose_for(None, default="reporting") == "reporting"


def test_an_access_records_who_what_why_and_from_where():
    world = people_world()
    person = PersonFactory(organisation=world.lks)
    request = request_with_session(REMOTE_ADDR="10.1.2.3")
    access = person_access_record(
        actor=world.operator, person=person, what="viewed", purpose="service", request=request
    )
    assert (access.person, access.actor, access.actor_name) == (person, world.operator, "operator.harapan")
    assert (access.what, access.purpose, access.ip_address) == ("viewed", "service", "10.1.2.3")
    assert access.occurred_at is not None


def test_an_access_with_an_unknown_purpose_is_not_written():
    world = people_world()
    person = PersonFactory(organisation=world.lks)
    with pytest.raises(ValueError):
        person_access_record(actor=world.operator, person=person, what="viewed", purpose="")
    assert PersonAccess.objects.count() == 0


def test_an_export_logs_one_line_per_person():
    world = people_world()
    people = [PersonFactory(organisation=world.lks) for _ in range(3)]
    count = person_access_record_many(actor=world.operator, persons=people, what="exported", purpose="reporting")
    assert count == 3
    assert sorted(PersonAccess.objects.values_list("person_id", "what", "purpose")) == sorted(
        (p.pk, "exported", "reporting") for p in people
    )
