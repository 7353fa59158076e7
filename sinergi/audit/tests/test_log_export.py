"""The audit log taken away for an investigation: the filtered lines as CSV, in words, recorded as an export itself
(fifty-fourth review M4)."""

import csv
import io

import pytest
from django.urls import reverse

from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login

from .conftest import located

pytestmark = pytest.mark.django_db

EXPORT = reverse("audit:export")


def _event(actor, action: str, **fields) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor, actor_name=actor.get_username(), action=action, provinces=located(actor), **fields
    )


def _table(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_the_admin_downloads_the_filtered_log_and_the_download_is_recorded(client, province_admin, operator):
    # Given an import (of a file whose object name would be a formula) and an export
    _event(
        operator,
        "exchange.import.succeeded",
        object_type="exchange.importjob",
        object_id="2",
        object_repr='=HYPERLINK("http://x")',
        data={"entity": "clients", "rows": 3, "created": 3, "consents": 2},
        ip_address="10.1.2.3",
    )
    _event(operator, "exchange.clients.exported", data={"format": "csv", "rows": 5})
    otp_login(client, province_admin)

    # When the admin downloads the log of imports
    response = client.get(EXPORT, {"group": "import", "date_from": "2020-01-01"})

    # Then the file holds the import alone, in words, its formula made inert
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="log-audit-')
    header, *rows = _table(response)
    assert header[:4] == ["Waktu", "Pelaku", "Tindakan", "Kode tindakan"]
    [row] = rows
    assert (
        row[1].endswith("(operator.harapan)") and row[2] == "Impor: disimpan" and row[3] == "exchange.import.succeeded"
    )
    assert row[5] == '\'=HYPERLINK("http://x")' and row[6] == "2" and row[8] == "10.1.2.3"
    assert "Persetujuan yang dicatat: 2" in row[9] and "Data: penerima layanan" in row[9]
    assert row[0].endswith(" WITA")

    # And the download is in the log, with its filters and its count
    event = AuditEvent.objects.get(action="audit.log.exported")
    assert event.actor == province_admin
    assert event.data == {"format": "csv", "rows": 1, "filters": {"group": "import", "date_from": "2020-01-01"}}


def test_the_page_offers_the_download_of_what_it_shows(client, province_admin, operator):
    otp_login(client, province_admin)
    page = client.get(reverse("audit:log"), {"group": "import"}).content.decode()
    assert f'href="{EXPORT}?group=import"' in page


def test_an_invalid_filter_downloads_nothing_and_records_nothing(client, province_admin):
    otp_login(client, province_admin)
    assert client.get(EXPORT, {"date_from": "kemarin"}).status_code == 400
    assert client.get(EXPORT, {"sep": "tab"}).status_code == 400
    assert not AuditEvent.objects.filter(action="audit.log.exported").exists()


def test_an_lks_operator_may_not_download_the_log(client, operator):
    client.force_login(operator)
    assert client.get(EXPORT).status_code == 403
    assert not AuditEvent.objects.filter(action="audit.log.exported").exists()
