import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.downloads import csv_lines
from sinergi.exchange.pdf import ExternalResourceRefused, _no_fetch, bar_chart_svg, render_pdf
from sinergi.organisations.reports import lks_profile, province_report, regency_summary
from sinergi.organisations.tests.factories import OrganisationFactory, grade

pytestmark = pytest.mark.django_db


def test_the_profile_holds_the_detail_page_facts(board_member):
    lks = OrganisationFactory(
        name="LKSA Profil",
        region_id="63.71.01.1001",
        permit_number="IO/9",
        permit_issued_on=datetime.date(2022, 1, 1),
        permit_expires_on=datetime.date(2027, 1, 1),
    )
    context = lks_profile(actor=board_member, pk=lks.pk)
    facts = dict(fact for _title, section in context["sections"] for fact in section)
    assert facts["Nomor izin operasional"] == "IO/9"
    assert facts["Izin berlaku"] == "01-01-2022 – 01-01-2027"
    assert facts["Wilayah"] == "Mantuil (63.71.01.1001)"
    assert facts["Kabupaten/kota"] == "Kota Banjarmasin"
    assert facts["Akreditasi"] == "Belum terakreditasi"


def test_an_accreditation_that_has_ended_is_marked_in_the_profile_and_the_regency_list(board_member, client):
    ended = datetime.date(2020, 1, 1)
    lks = OrganisationFactory(
        name="LKSA Lama",
        region_id="63.71.01.1001",
        accreditation_grade=grade("A"),
        accredited_on=datetime.date(2015, 1, 1),
        accreditation_expires_on=ended,
    )
    current = OrganisationFactory(
        name="LKSA Baru", region_id="63.71.01.1001", accreditation_grade=grade("B"),
        accredited_on=datetime.date(2024, 1, 1), accreditation_expires_on=datetime.date(2099, 1, 1),
    )  # fmt: skip

    profile = dict(
        fact for _title, section in lks_profile(actor=board_member, pk=lks.pk)["sections"] for fact in section
    )
    listing = regency_summary(actor=board_member, regency_code="63.71")["tables"][4]

    assert profile["Akreditasi"] == f"{grade('A').label} (kedaluwarsa)"
    assert [(row[0], row[4]) for row in listing.rows] == [("LKSA Baru", "B"), ("LKSA Lama", "A (kedaluwarsa)")]
    client.force_login(board_member)
    assert "accreditation-ended" in client.get(f"/organisations/{lks.pk}/").content.decode()
    assert "accreditation-ended" not in client.get(f"/organisations/{current.pk}/").content.decode()


def test_the_profile_of_an_lks_outside_scope_is_not_found(board_member):
    lks = OrganisationFactory(region_id="63.72.02.1003")
    with pytest.raises(Http404):
        lks_profile(actor=board_member, pk=lks.pk)


def test_the_regency_summary_counts_by_kecamatan_status_and_accreditation(board_member):
    today = timezone.localdate()
    OrganisationFactory(name="A", region_id="63.71.01.1001", accreditation_grade=grade("A"), accredited_on=today)
    OrganisationFactory(name="B", region_id="63.71.01.1001", status="draft")
    OrganisationFactory(name="C", region_id="63.72.02.1003")  # another kabupaten: not counted
    context = regency_summary(actor=board_member, regency_code="63.71")
    assert context["title"] == "Ringkasan LKS Kota Banjarmasin"
    assert context["kpis"] == [
        ("LKS aktif", 1),
        ("Menunggu verifikasi", 1),
        ("Terakreditasi", 1),
        ("Dokumen berakhir ≤ 90 hari", 0),
    ]
    by_district = context["tables"][0]
    assert by_district.rows == [["Banjarmasin Selatan", 1, 0, 0, 0, 0, 1]]
    assert by_district.footer == ["Jumlah", 1, 0, 0, 0, 0, 1]
    assert [row[0] for row in context["tables"][4].rows] == ["A", "B"]


def test_a_regency_outside_scope_is_not_found(board_member):
    with pytest.raises(Http404):
        regency_summary(actor=board_member, regency_code="63.72")


def test_the_province_report_has_the_dashboard_tables_within_scope():
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    OrganisationFactory(name="A", region_id="63.71.01.1001")
    OrganisationFactory(name="B", region_id="63.72.02.1003")
    context = province_report(actor=admin)
    assert context["title"] == "Laporan LKS Kalimantan Selatan"
    titles = [t.title for t in context["tables"]]
    assert titles[0] == "LKS aktif menurut jenis dan kabupaten/kota"
    assert len(titles) == 6
    assert context["tables"][0].footer[-1] == 2
    assert context["charts"][0]["labels"] == ["Kota Banjarmasin", "Kota Banjarbaru"]


def test_bar_charts_are_escaped_svg():
    svg = bar_chart_svg(labels=["<Kota>", "B"], series=[("anak", [3, 0]), ("lansia", [1, 2])], title="Uji & coba")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "&lt;Kota&gt;" in svg and "Uji &amp; coba" in svg and "<Kota>" not in svg
    assert svg.count("<rect") == 3 + 2  # three non-empty bar parts and two legend keys


def test_reports_never_fetch_anything_from_outside():
    with pytest.raises(ExternalResourceRefused):
        _no_fetch("http://example.com/logo.png")
    from django.template import engines

    engine = engines["django"]
    template = engine.from_string('<img src="http://example.com/x.png"><p>Halo</p>')
    import sinergi.exchange.pdf as pdf

    original = pdf.render_to_string
    pdf.render_to_string = lambda name, context: template.render(context)
    try:
        content = render_pdf("ignored.html", {})
    finally:
        pdf.render_to_string = original
    assert content.startswith(b"%PDF")


def test_csv_lines_stream_in_chunks_with_the_download_rules():
    rows = ([i, "=1+1", None, datetime.date(2023, 8, 17)] for i in range(1001))
    chunks = list(csv_lines(["ID", "Nilai", "Kosong", "Tanggal"], rows, chunk_rows=500))
    assert len(chunks) == 1 + 3  # header, 500, 500, 1
    text = b"".join(chunks).decode("utf-8")
    assert text.startswith("\ufeffID,Nilai,Kosong,Tanggal\r\n0,'=1+1,,2023-08-17\r\n")
    assert text.count("\r\n") == 1002
