"""Seventy-sixth review, the Exchange in English: the audit log's line for a downloaded statistics or indicators
table and for a PDF report named its facts by their keys ("Public: Tidak", "Scope: 63", "Laporan: regency" on an
Indonesian page), and the English log called the page a table came from "Pagination"."""

import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from sinergi.audit.display.log import audit_log_entries
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import audit_record

pytestmark = pytest.mark.django_db


def _line(action: str, data: dict) -> dict[str, str]:
    audit_record(actor=None, action=action, data=data)
    entry = audit_log_entries([AuditEvent.objects.get(action=action)])[0]
    return {"action": entry.action, **{row.label: row.value for row in entry.details}}


def test_an_indicators_table_download_reads_in_indonesian_words():
    line = _line(
        "people.indicators.exported",
        {"table": "workers", "format": "xlsx", "rows": 13, "area": "63", "public": False, "scope": ["63"]},
    )

    assert line["action"] == "Tabel indikator diunduh"
    assert (line["Wilayah"], line["Versi publik"], line["Cakupan"]) == ("63", "Tidak", "63")
    assert "Public" not in line and "Scope" not in line and "Area" not in line


def test_a_statistics_table_download_names_its_page_and_scope_in_indonesian():
    line = _line(
        "statistics.table.exported",
        {"table": "status", "format": "xlsx", "rows": 14, "scope": ["63"], "page": "/statistics/"},
    )

    assert (line["Tabel"], line["Halaman"], line["Cakupan"]) == ("status", "/statistics/", "63")
    assert "Scope" not in line and "Table" not in line


def test_a_pdf_report_is_named_by_its_words_not_its_code():
    line = _line(
        "statistics.report.exported",
        {"format": "pdf", "report": "regency", "region": "63.72", "scope": ["63.72"], "aggregates": ["63.72"]},
    )

    assert line["Laporan"] == "Ringkasan kabupaten/kota"
    assert line["Wilayah angka penerima layanan dan pekerja"] == "63.72"
    assert "Aggregates" not in line


def test_the_page_of_an_event_is_not_called_pagination_in_english():
    """The catalogue's "Halaman" is the lists' pagination ("Pagination"); the log's page has its own context, which
    the English catalogue calls "Page" (checked in en_strings: the compiled catalogue is the lead's to rebuild)."""
    audit_record(actor=None, action="statistics.table.exported", data={"page": "/statistics/"})
    with translation.override("en"):
        entry = audit_log_entries([AuditEvent.objects.get()])[0]
    assert [row.label for row in entry.details] != ["Pagination"]


def test_the_new_words_have_their_english():
    english = runpy.run_path(str(Path(settings.BASE_DIR, "locale", "tools", "en_strings.py")))["EN"]

    assert english["Tabel indikator diunduh"] == "Indicators table downloaded"
    assert english["Versi publik"] == "Public version"
    assert english["Wilayah angka penerima layanan dan pekerja"] == "Areas of the client and worker figures"
    assert english["audit: the page of an event\x04Halaman"] == "Page"


def _object_of(action: str, kept: str) -> str:
    AuditEvent.objects.create(action=action, object_type="exchange.exportjob", object_id="7", object_repr=kept)
    return audit_log_entries([AuditEvent.objects.get(action=action)])[0].object_repr


def test_an_export_is_named_in_the_reader_s_words_not_by_its_codes():
    assert _object_of("exchange.clients.exported", "clients xlsx") == "penerima layanan XLSX"
    assert _object_of("statistics.report.exported", "report regency 63.71 pdf") == "Ringkasan kabupaten/kota 63.71 PDF"


def test_an_export_object_kept_otherwise_is_shown_as_kept():
    """Guard: a label of another shape is left as it was (passes with or without the fix)."""
    assert _object_of("exchange.lks.exported", "sesuatu yang lain sekali") == "sesuatu yang lain sekali"
