"""The province report on a national server (SINERGI_PROVINCE=nasional): of the province asked for, which the reader
must be able to print; without one, the reader's only province or a page listing theirs. On a province server the
deployment's only. The tests' database holds Kalimantan Selatan; Gorontalo (75) is loaded where a second province is
needed."""

import html
import re

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.exchange import exports
from sinergi.exchange.models import ExportJob, ExportStatus, ReportKind
from sinergi.organisations.reports import province_report, report_may_print
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.regions.services import region_tree_load

pytestmark = pytest.mark.django_db

PROVINCE = "/exchange/reports/province.pdf"


@pytest.fixture
def two_provinces(db):
    """Gorontalo loaded beside Kalimantan Selatan, with two active LKS in each."""
    region_tree_load(provinces=["75"])
    OrganisationFactory.create_batch(2, region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Gorontalo Satu", region_id="75.71")
    OrganisationFactory(name="LKSA Gorontalo Dua", region_id="75.71")


@pytest.fixture
def superuser(client):
    user = UserFactory(is_superuser=True, is_staff=True, username="nasional.uji")
    otp_login(client, user)
    return user


def test_a_national_superuser_prints_the_report_of_the_province_asked_for(
    client, national, two_provinces, superuser, pdf_layouts
):
    response = client.get(PROVINCE, {"province": "75"})

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    [context] = pdf_layouts
    assert context["title"] == "Laporan LKS Gorontalo"
    assert context["kpis"][0] == ("LKS aktif", 2)
    assert 'filename="laporan-lks-gorontalo-' in response["Content-Disposition"]
    event = AuditEvent.objects.get(action="statistics.report.exported")
    assert event.data == {"format": "pdf", "report": "province", "region": "75", "scope": ["*"], "aggregates": ["75"]}


def test_a_national_superuser_who_asks_for_no_province_is_shown_the_provinces_to_choose_from(
    client, national, two_provinces, superuser, pdf_layouts
):
    response = client.get(PROVINCE)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Pilih provinsi yang laporannya Anda perlukan" in page
    assert f'href="{PROVINCE}?province=63"' in page and f'href="{PROVINCE}?province=75"' in page
    assert "Laporan LKS Gorontalo (PDF, A4)" in page
    assert pdf_layouts == [] and not AuditEvent.objects.filter(action="statistics.report.exported").exists()


def test_a_national_province_admin_gets_their_only_province_and_no_other(client, national, two_provinces, pdf_layouts):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="75", username="admin.gorontalo")
    otp_login(client, admin)

    assert client.get(PROVINCE).status_code == 200
    assert client.get(PROVINCE, {"province": "75"}).status_code == 200
    assert client.get(PROVINCE, {"province": "63"}).status_code == 404
    assert client.get(PROVINCE, {"province": "99"}).status_code == 404
    assert [context["title"] for context in pdf_layouts] == ["Laporan LKS Gorontalo", "Laporan LKS Gorontalo"]


def test_a_national_reader_of_two_provinces_chooses_among_theirs_only(client, national, two_provinces, pdf_layouts):
    region_tree_load(provinces=["76"])
    dinsos = user_with_role(Role.DINSOS_VIEWER, region_code="63", username="dinsos.dua")
    MembershipFactory(user=dinsos, role=Role.REGENCY_BOARD, region_id="75.71")
    client.force_login(dinsos)

    page = client.get(PROVINCE).content.decode()

    assert "?province=63" in page and "?province=75" in page and "?province=76" not in page
    assert client.get(PROVINCE, {"province": "76"}).status_code == 404
    assert client.get(PROVINCE, {"province": "75"}).status_code == 200
    # The board of Kota Gorontalo prints its own part of the province, titled with it.
    assert pdf_layouts[0]["title"] == "Laporan LKS dalam cakupan Kota Gorontalo"


def test_an_lks_operator_on_a_national_server_prints_the_province_of_its_lks(
    client, national, two_provinces, pdf_layouts
):
    lks = OrganisationFactory(name="LKSA Operator Gorontalo", region_id="75.71")
    operator = user_with_role(Role.LKS_OPERATOR, organisation=lks, username="operator.gorontalo")
    client.force_login(operator)

    assert client.get(PROVINCE).status_code == 200
    assert client.get(PROVINCE, {"province": "63"}).status_code == 404
    assert pdf_layouts[0]["title"] == "Laporan LKS dalam cakupan LKSA Operator Gorontalo"


def test_a_province_server_prints_its_own_province_only(client, two_provinces, superuser, pdf_layouts):
    assert client.get(PROVINCE, {"province": "75"}).status_code == 404
    assert client.get(PROVINCE, {"province": "63"}).status_code == 200
    assert client.get(PROVINCE).status_code == 200
    assert [context["title"] for context in pdf_layouts] == ["Laporan LKS Kalimantan Selatan"] * 2


def test_the_province_report_gathers_the_province_it_is_given(national, two_provinces):
    context = province_report(actor=UserFactory(is_superuser=True), province_code="75")

    assert context["title"] == "Laporan LKS Gorontalo"
    assert context["province"].code == "75"
    rows = [str(row[0]) for row in context["tables"][0].rows]
    assert "Kota Gorontalo" in rows and "Kota Banjarmasin" not in rows


def test_a_report_job_keeps_its_province_two_provinces_are_two_jobs_and_the_worker_renders_each(
    client, national, two_provinces, superuser, pdf_layouts, settings
):
    settings.SINERGI = {**settings.SINERGI, "PDF_SYNC_LKS": 1}

    client.get(PROVINCE, {"province": "63"})
    client.get(PROVINCE, {"province": "75"})
    again = client.get(PROVINCE, {"province": "75"})

    jobs = list(ExportJob.objects.order_by("pk"))
    assert [(job.report, job.region_id) for job in jobs] == [(ReportKind.PROVINCE, "63"), (ReportKind.PROVINCE, "75")]
    assert again["Location"] == f"/exchange/exports/{jobs[1].pk}/"
    assert jobs[1].again_url == f"{PROVINCE}?province=75"
    assert [
        e.data["region"] for e in AuditEvent.objects.filter(action="statistics.report.exported").order_by("pk")
    ] == ["63", "75"]

    for job in jobs:
        exports.export_job_run(job_id=job.pk)
        job.refresh_from_db()
    assert [context["title"] for context in pdf_layouts] == ["Laporan LKS Kalimantan Selatan", "Laporan LKS Gorontalo"]
    assert [job.download_name for job in jobs] == ["laporan-lks-Kalimantan Selatan", "laporan-lks-Gorontalo"]
    assert [job.rows_done for job in jobs] == [2, 2]


def test_a_report_job_of_a_province_the_reader_left_is_refused_when_the_worker_runs_it(
    client, national, two_provinces, pdf_layouts, settings
):
    settings.SINERGI = {**settings.SINERGI, "PDF_SYNC_LKS": 1}
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="75", username="admin.pindah")
    otp_login(client, admin)
    client.get(PROVINCE, {"province": "75"})
    job = ExportJob.objects.get()
    assert report_may_print(actor=admin, report=ReportKind.PROVINCE, area_code="75")

    # Moved to Kalimantan Selatan before the worker ran.
    admin.memberships.update(region_id="63")
    exports.export_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED and "tidak lagi berwenang" in job.message
    moved = type(admin).objects.get(pk=admin.pk)
    assert not report_may_print(actor=moved, report=ReportKind.PROVINCE, area_code="75")
    assert report_may_print(actor=moved, report=ReportKind.PROVINCE, area_code="63")
    assert pdf_layouts == []


# ---------------------------------------------------------------------------------------------- the exchange page

INDEX = "/exchange/"


def report_links(page: str) -> list[str]:
    section = page.split('id="reports-title"')[1].split("</section>")[0]
    return re.findall(r'href="(/exchange/reports/[^"]+)"', html.unescape(section))


def test_a_national_superuser_chooses_the_province_whose_reports_the_page_offers(
    client, national, two_provinces, superuser
):
    page = client.get(INDEX).content.decode()

    assert 'id="report-province-form"' in page
    assert '<option value="63">Kalimantan Selatan</option>' in page and '<option value="75">Gorontalo</option>' in page
    assert report_links(page) == []  # not every kabupaten/kota of the country

    page = client.get(INDEX, {"province": "75"}).content.decode()

    assert '<option value="75" selected>Gorontalo</option>' in page
    links = report_links(page)
    assert links[0] == f"{PROVINCE}?province=75"
    assert "Laporan provinsi Gorontalo: tabel dan grafik dasbor" in page
    regencies = [link.split("/")[-1].removesuffix(".pdf") for link in links[1:]]
    assert len(regencies) == 6 and all(code.startswith("75.") for code in regencies)


def test_a_national_reader_of_one_province_gets_its_links_without_a_choice(client, national, two_provinces):
    board = user_with_role(Role.REGENCY_BOARD, region_code="75.71", username="pengurus.gorontalo")
    client.force_login(board)

    page = client.get(INDEX).content.decode()

    assert 'id="report-province-form"' not in page
    assert report_links(page) == [f"{PROVINCE}?province=75", "/exchange/reports/regency/75.71.pdf"]


def test_a_national_reader_of_two_provinces_chooses_among_theirs(client, national, two_provinces):
    dinsos = user_with_role(Role.DINSOS_VIEWER, region_code="63", username="dinsos.dua")
    MembershipFactory(user=dinsos, role=Role.REGENCY_BOARD, region_id="75.71")
    client.force_login(dinsos)

    page = client.get(INDEX, {"province": "63"}).content.decode()

    assert re.findall(r'<option value="(\d+)"', page) == ["63", "75"]
    links = report_links(page)
    assert links[0] == f"{PROVINCE}?province=63" and len(links) == 14  # the report and Kalsel's 13 summaries
    # A province outside the reader's scope is not chosen by editing the address.
    assert report_links(client.get(INDEX, {"province": "76"}).content.decode()) == []


def test_a_province_servers_page_offers_its_province_as_before(client, two_provinces, superuser):
    page = client.get(INDEX, {"province": "75"}).content.decode()

    assert 'id="report-province-form"' not in page
    links = report_links(page)
    assert links[0] == PROVINCE and "Laporan provinsi: tabel dan grafik dasbor" in page
    assert len(links) == 14 and all(link.startswith("/exchange/reports/regency/63.") for link in links[1:])
