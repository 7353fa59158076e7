"""The client's address the audit log, the access log and the sign-in lockout record: the one the nearest proxy saw,
never one the client wrote, and never a value that is no address (which PostgreSQL's inet column refuses)."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import DEMO_PASSWORD, user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import client_ip

pytestmark = pytest.mark.django_db


def request_with(forwarded: str | None, remote: str = "127.0.0.1"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        (None, "127.0.0.1"),  # no proxy header: the socket's peer
        ("203.0.113.7", "203.0.113.7"),  # nginx's own entry
        ("10.9.9.9, 203.0.113.7", "203.0.113.7"),  # a first entry the client wrote itself is not taken
        ("203.0.113.7:51234", "203.0.113.7"),  # with its port
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("unknown", "127.0.0.1"),  # as some office proxies send: not an address
        ("", "127.0.0.1"),
    ],
)
def test_the_client_address_is_the_one_the_nearest_proxy_added(forwarded, expected):
    assert client_ip(request_with(forwarded)) == expected


def test_two_proxies_take_the_entry_the_farther_one_added(settings):
    settings.SINERGI_PROXY_COUNT = 2

    assert client_ip(request_with("10.9.9.9, 203.0.113.7, 10.0.0.2")) == "203.0.113.7"


def test_without_a_proxy_the_header_is_the_clients_own_writing_and_is_not_read(settings):
    settings.SINERGI_PROXY_COUNT = 0  # make run's settings, or gunicorn facing the clients itself

    assert client_ip(request_with("203.0.113.7", remote="198.51.100.20")) == "198.51.100.20"


def test_a_sign_in_through_a_proxy_that_sends_no_address_succeeds_and_failures_are_recorded(client):
    # The fifty-first review: on PostgreSQL "unknown" made every sign-in a server error, and failures went unrecorded
    user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")
    login = reverse("accounts:login")

    client.post(login, {"username": "pengurus.bjm", "password": "salah"}, HTTP_X_FORWARDED_FOR="unknown")
    response = client.post(
        login, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, HTTP_X_FORWARDED_FOR="unknown"
    )

    assert response.status_code == 302
    assert list(AuditEvent.objects.order_by("id").values_list("action", "ip_address")) == [
        ("accounts.user.login_failed", "127.0.0.1"),
        ("accounts.user.logged_in", "127.0.0.1"),
    ]


def test_the_lockout_counts_the_address_the_proxy_saw_not_the_one_the_client_wrote(client, settings):
    # The fifty-first review: behind nginx every attempt came from 127.0.0.1, so anyone could lock any account
    user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")
    login = reverse("accounts:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "pengurus.bjm", "password": "salah"}, HTTP_X_FORWARDED_FOR="198.51.100.9")

    from_elsewhere = client.post(
        login, {"username": "pengurus.bjm", "password": DEMO_PASSWORD}, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7"
    )

    assert from_elsewhere.status_code == 302  # the owner, elsewhere, still signs in
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}
