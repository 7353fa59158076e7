"""The people part of the printed area reports: clients served and workers active, of the areas the reader may see
aggregates for, as the indicators page counts them."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from sinergi.exchange.models import ReportKind
from sinergi.exchange.report_jobs import report_document
from sinergi.organisations.reports import province_report, regency_summary
from sinergi.people.choices import ServiceSetting
from sinergi.people.indicators import IndicatorFilters, Indicators
from sinergi.people.summaries import summary_worker_changed
from sinergi.people.tests.factories import WorkerFactory, people_world, psks
from sinergi.people.tests.test_indicators import place

pytestmark = pytest.mark.django_db

RECENTLY = datetime.date.today() - datetime.timedelta(days=40)


@pytest.fixture
def world(db):
    world = people_world()
    # Kota Banjarmasin: two children in the home, one in family-based care (at the neighbour LKS), one elderly;
    # a caregiver and a social worker. Kota Banjarbaru: one child, one caregiver.
    place(world.lks, on=RECENTLY)
    place(world.lks, on=RECENTLY, category="anak_jalanan")
    place(world.lks_same_regency, on=RECENTLY, setting=ServiceSetting.COMMUNITY)
    place(world.elderly_home, on=RECENTLY, category="lansia_telantar")
    place(world.lks_other_regency, on=RECENTLY)
    for organisation, category in (
        (world.lks, "lks"),
        (world.lks, "peksos_profesional"),
        (world.lks_other_regency, "lks"),
    ):
        summary_worker_changed(None, WorkerFactory(organisation=organisation, psks_category=psks(category)))
    return world


def the_part(report: dict, title_area: str):
    (part,) = report["parts"]
    assert part.title == f"Penerima layanan dan pekerja sosial: {title_area}"
    return part


def table(part, title: str):
    return next(t for t in [*part.tables, *part.chart_tables] if t.title == title)


def test_the_province_report_counts_clients_and_workers_per_kabupaten_kota(world):
    part = the_part(province_report(actor=world.province_admin), "Kalimantan Selatan")

    by_regency = table(part, "Penerima layanan dan PSKS aktif per kabupaten/kota")
    per_regency = {row[0]: row[1:] for row in by_regency.rows}
    # clients, children in a home, children in family-based care, workers
    assert per_regency["Kota Banjarmasin"] == [4, 2, 1, 2]
    assert per_regency["Kota Banjarbaru"] == [1, 1, 0, 1]
    assert per_regency["Kabupaten Tanah Laut"] == [0, 0, 0, 0]  # every kabupaten/kota is listed, also without any
    assert by_regency.footer == ["Jumlah", 5, 3, 1, 3]
    assert dict(part.kpis)["Penerima layanan aktif"] == 5
    assert dict(part.kpis)["Pekerja sosial (PSKS) aktif"] == 3
    assert dict(part.kpis)["Anak dalam pengasuhan"] == 4


def test_the_categories_split_by_form_of_service_add_up_to_the_indicators_page(world):
    part = the_part(province_report(actor=world.province_admin), "Kalimantan Selatan")
    by_ppks = table(part, "Penerima layanan aktif menurut kategori PPKS")
    page = Indicators(actor=world.province_admin, filters=IndicatorFilters(region="63"))

    rows = {row[0]: row[1:] for row in by_ppks.rows}
    assert rows["Anak Telantar"] == [2, 1, 3]  # in a home, family-based, all
    assert rows["Anak Jalanan"] == [1, 0, 1]
    assert by_ppks.footer[-1] == page.clients.total == 5
    assert {row[0]: row[1] for row in table(part, "Pekerja sosial (PSKS) aktif menurut kategori").rows} == {
        psks("lks").label: 2,
        psks("peksos_profesional").label: 1,
    }


def test_the_trend_ends_with_the_clients_served_now(world):
    part = the_part(province_report(actor=world.province_admin), "Kalimantan Selatan")
    trend = next(t for t in part.chart_tables if t.title.startswith("Tren"))

    assert trend.rows[-1][1] == 5
    assert sum(row[2] for row in trend.rows) == 5  # admitted within the trend's months
    assert part.chart["series"][0][1][-1] == 5
    # Months as a reader says them (an earlier review: "2025-01" on the printed report), in the table and the chart
    this_month = date_format(timezone.localdate(), "M Y")
    assert trend.rows[-1][0] == part.chart["labels"][-1] == this_month


def test_a_kabupaten_board_gets_its_own_kabupaten_kota_in_the_province_report(world):
    report = province_report(actor=world.regency_board)
    part = the_part(report, "Kota Banjarmasin")

    assert dict(part.kpis)["Penerima layanan aktif"] == 4  # Banjarbaru's child is not counted
    assert all(t.title != "Penerima layanan dan PSKS aktif per kabupaten/kota" for t in part.tables)
    # The LKS tables above count the board's scope; the part says it counts a whole area of its own.
    assert "“Penerima layanan dan pekerja sosial: Kota Banjarmasin”" in report["scope_note"]


def test_an_operator_summary_counts_its_lks_but_the_people_part_the_whole_kabupaten_kota(world):
    report = regency_summary(actor=world.operator, regency_code="63.71")
    part = the_part(report, "Kota Banjarmasin")

    assert dict(report["kpis"])["LKS aktif"] == 1  # the operator's own LKS
    assert dict(part.kpis)["Penerima layanan aktif"] == 4  # as the indicators page shows the operator
    assert "memuat angka gabungan seluruh wilayah yang disebut judulnya" in report["scope_note"]
    assert "Angka kecil tidak disembunyikan" in part.note


def test_a_board_of_another_kabupaten_sees_no_figures_of_this_one(world):
    part = the_part(province_report(actor=world.other_board), "Kota Banjarbaru")
    assert dict(part.kpis)["Penerima layanan aktif"] == 1


def test_the_printed_report_holds_the_part_with_its_chart(world):
    document = report_document(actor=world.province_admin, report=ReportKind.PROVINCE, area_code="63")
    html = render_to_string(document.template, document.context)

    assert "Penerima layanan dan pekerja sosial: Kalimantan Selatan" in html
    assert 'aria-label="Penerima layanan aktif di akhir bulan"' in html
    assert html.index("menurut kategori PPKS") < html.index("Penerima layanan aktif di akhir bulan")


def test_the_part_is_in_english_for_an_english_reader(world):
    with translation.override("en"):
        document = report_document(actor=world.regency_board, report=ReportKind.REGENCY, area_code="63.71")
        html = render_to_string(document.template, document.context)
    assert "Clients and social workers: Kota Banjarmasin" in html
    assert "Penerima layanan" not in html


def test_the_report_audit_names_the_areas_of_the_aggregate_figures(client, world):
    from sinergi.audit.models import AuditEvent
    from sinergi.people.tests.test_views import sign_in

    sign_in(client, world.regency_board, purpose=None)
    response = client.get("/exchange/reports/province.pdf")

    assert response.status_code == 200
    event = AuditEvent.objects.get(action="statistics.report.exported")
    assert event.data["aggregates"] == ["63.71"]
