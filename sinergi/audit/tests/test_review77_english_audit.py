"""Seventy-seventh review: the number of LKS a PDF report covers was kept as "lks" and shown in the audit log as
"Lks: 35" (in English too), a key that elsewhere is an LKS's id (a merge's removed stays). New report events keep it
as "lks_count"; the log reads both, old and new, as "Jumlah LKS" ("Number of LKS"), with the thousands grouped."""

import pytest
from django.utils import translation

from sinergi.audit.display.history import audit_history
from sinergi.audit.display.log import audit_log_entries
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import audit_record
from sinergi.exchange.tests.conftest import board_member  # noqa: F401 (a fixture)
from sinergi.exchange.tests.factories import ExportJobFactory

pytestmark = pytest.mark.django_db

REPORT = {"format": "pdf", "report": "regency", "region": "63.71"}


def _details(action: str, data: dict, language: str = "id") -> dict[str, str]:
    audit_record(actor=None, action=action, data=data)
    with translation.override(language):
        entry = audit_log_entries([AuditEvent.objects.get(action=action)])[0]
    return {row.label: row.value for row in entry.details}


@pytest.mark.parametrize("action", ["statistics.report.exported", "statistics.report.downloaded"])
@pytest.mark.parametrize("key", ["lks_count", "lks"])  # today's events, and those kept before the review
def test_the_number_of_lks_a_report_covers_is_labelled_as_a_number(action, key):
    details = _details(action, {**REPORT, key: 1200})

    assert details["Jumlah LKS"] == "1.200"
    assert "Lks" not in details and "Lks count" not in details


def test_the_english_log_calls_it_the_number_of_lks():
    details = _details("statistics.report.downloaded", {**REPORT, "lks": 35}, language="en")

    assert details["Number of LKS"] == "35"


def test_a_report_job_keeps_the_count_under_its_own_name(board_member):  # noqa: F811
    from sinergi.exchange import report_jobs

    job = ExportJobFactory(requested_by=board_member, report="regency", region_id="63.71", rows_done=3)
    report_jobs.report_job_downloaded(job=job, actor=board_member)

    data = AuditEvent.objects.get(action="statistics.report.downloaded").data
    assert data["lks_count"] == 3 and "lks" not in data


def test_an_lks_key_of_another_event_is_not_called_a_count():
    """Guard: only the report events' "lks" is a count (passes with or without the fix)."""
    details = _details("exchange.export.created", {"entity": "lks", "lks": 7})

    assert "Jumlah LKS" not in details


def test_the_object_history_reads_an_old_report_event_alike():
    audit_record(actor=None, action="statistics.report.exported", data={**REPORT, "lks": 4})

    (entry,) = audit_history(AuditEvent.objects.all())
    assert {row.label: row.value for row in entry.details}["Jumlah LKS"] == "4"
