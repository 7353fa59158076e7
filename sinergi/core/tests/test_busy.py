"""A web write that waits too long for a lock held by a long write (a large import holds its LKS until it commits)
is answered "busy, send it again" and changes nothing (sinergi/core/busy.py)."""

import json
import threading
import time

import pytest
from django.db import OperationalError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.busy import DatabaseBusyMiddleware
from sinergi.core.testing import otp_login
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

MESSAGE = "sedang disimpan oleh proses lain"


def middleware() -> DatabaseBusyMiddleware:
    return DatabaseBusyMiddleware(lambda request: None)


def test_a_write_that_waited_too_long_gets_a_page_saying_nothing_changed_and_to_send_it_again(rf: RequestFactory):
    request = rf.post("/organisations/1/edit/")
    response = middleware().process_exception(request, OperationalError("database is locked"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    text = response.content.decode()
    assert MESSAGE in text and "Tidak ada yang berubah" in text


def test_an_htmx_write_gets_the_message_as_text_for_the_notice(rf: RequestFactory):
    request = rf.post("/x/", headers={"HX-Request": "true"})
    request.htmx = True
    response = middleware().process_exception(request, OperationalError("database is locked"))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")
    assert MESSAGE in response.content.decode()


def test_other_database_errors_are_left_to_the_error_page(rf: RequestFactory):
    request = rf.post("/x/")
    assert middleware().process_exception(request, OperationalError("no such table: x")) is None
    assert middleware().process_exception(request, ValueError("database is locked")) is None


def test_a_read_that_waited_too_long_is_asked_to_reload(rf: RequestFactory):
    response = middleware().process_exception(rf.get("/dashboard/"), OperationalError("database is locked"))
    assert response.status_code == 503
    assert "Muat ulang halaman ini sebentar lagi" in response.content.decode()


def test_the_api_gets_the_message_as_json(rf: RequestFactory):
    response = middleware().process_exception(rf.post("/api/v1/lks/"), OperationalError("database is locked"))
    assert response.status_code == 503
    assert MESSAGE in json.loads(response.content)["detail"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="lock_timeout is PostgreSQL's")
def test_the_bound_holds_for_the_request_only(rf: RequestFactory, settings):
    settings.SINERGI = {**settings.SINERGI, "WEB_LOCK_TIMEOUT_MS": 1234}
    seen = []

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SHOW lock_timeout")
            seen.append(cursor.fetchone()[0])
        return None

    DatabaseBusyMiddleware(view)(rf.post("/x/"))
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        after = cursor.fetchone()[0]
    assert (seen, after) == (["1234ms"], "0")


@pytest.mark.transactional
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and lock_timeout are PostgreSQL's")
def test_deactivating_an_lks_that_an_import_holds_is_refused_quickly_and_changes_nothing(client, settings):
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    # A transactional test's database may have been emptied by the one before: the reference data again.
    region_tree_load(provinces=["63"])
    seed_vocabularies(Term)
    settings.SINERGI = {**settings.SINERGI, "WEB_LOCK_TIMEOUT_MS": 300}
    lks = OrganisationFactory(name="LKSA Dipegang Impor")
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kalsel")
    otp_login(client, admin)
    held, release = threading.Event(), threading.Event()

    def importing() -> None:
        # As lks_lock: the import holds the LKS row until it commits.
        try:
            with transaction.atomic():
                Organisation.objects.select_for_update().get(pk=lks.pk)
                held.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=importing, daemon=True)
    holder.start()
    assert held.wait(timeout=10)
    url = reverse("organisations:transition", args=[lks.pk, "deactivate"])
    try:
        started = time.monotonic()
        response = client.post(url, {"reason": "Tutup"})
        waited = time.monotonic() - started
    finally:
        release.set()
        holder.join(timeout=30)

    assert response.status_code == 503
    assert MESSAGE in response.content.decode()
    assert waited < 5
    lks.refresh_from_db()
    assert lks.status != OrganisationStatus.INACTIVE
    # once the import has committed, the same request goes through
    response = client.post(url, {"reason": "Tutup"})
    assert response.status_code == 302
    lks.refresh_from_db()
    assert lks.status == OrganisationStatus.INACTIVE
