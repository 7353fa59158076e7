import csv
import gzip
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from sinergi.audit.models import AuditEvent
from sinergi.core.testing import export_link_labels
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import BANJARMASIN, otp_login

DASHBOARD = "/statistics/"
MAP_POINTS = "/statistics/map-points/"
PUBLIC = "/statistics/public/"


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def json_data(response, element_id: str):
    return json_data_from(response.content.decode(), element_id)


def json_data_from(page: str, element_id: str):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', page)
    return json.loads(match.group(1))


def test_urls():
    assert reverse("statistics:dashboard") == DASHBOARD
    assert reverse("statistics:map_points") == MAP_POINTS
    assert reverse("statistics:public") == PUBLIC


def test_home_sends_the_public_to_the_public_figures_and_members_to_the_dashboard(client, board_member):
    assert client.get("/").url == PUBLIC
    client.force_login(board_member)
    assert client.get("/").url == DASHBOARD


def test_dashboard_requires_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_dashboard_for_regency_board(client, registry, official, board_member):
    # given
    client.force_login(board_member)
    # when
    response = client.get(DASHBOARD)
    # then
    assert response.status_code == 200
    tables = response.context["tables"]
    assert [row[0] for row in tables["by_kind"].rows] == ["Kota Banjarmasin"]
    assert tables["by_kind"].rows[0][1:] == [3, 1, 0, 1, 1, 6]
    assert tables["by_kind"].footer[1:] == [3, 1, 0, 1, 1, 6]
    assert tables["status"].rows[0][1:] == [1, 1, 6, 1, 9]
    assert [str(row[0]) for row in tables["permits"].rows] == ["LKS Lansia Sejahtera", "LKSA Harapan Bunda", "LKS Draf"]
    assert response.context["awaiting_verification"] == 1
    assert response.context["lks_with_expiring_documents"] == 3
    html = response.content.decode()
    assert f'href="{reverse("organisations:detail", args=[registry.operated.pk])}"' in html
    # board coverage lists the gaps of the demo (Tanah Bumbu, Kotabaru)
    boards = {row[0]: row[1] for row in tables["boards"].rows}
    assert boards["Kabupaten Tanah Bumbu"] == "Belum ada"
    assert boards["Kabupaten Kotabaru"] == "Belum ada"
    assert boards["Kota Banjarmasin"] == "LKKKS Kota Banjarmasin"
    # Indonesian number and date formats
    assert ">1.234<" in html
    assert "17 Agustus 2025" in html
    # the chart and the map get their data through json_script
    assert json_data(response, "chart-by-kind-data") == {
        "labels": ["Kota Banjarmasin"],
        "datasets": [
            {"code": "anak", "label": "LKS Anak (LKSA)", "data": [3]},
            {"code": "lanjut_usia", "label": "LKS Lanjut Usia", "data": [1]},
            {"code": "disabilitas", "label": "LKS Penyandang Disabilitas", "data": [0]},
            {"code": "napza", "label": "LKS Korban Penyalahgunaan NAPZA", "data": [1]},
            {"code": "lainnya", "label": "LKS Lainnya", "data": [1]},
        ],
    }
    # the map's points come separately (see below): the page says how many, how to draw them and where they are
    assert json_data(response, "lks-map-data") == {
        "count": 1,
        "kinds": {
            "anak": "LKS Anak (LKSA)",
            "lanjut_usia": "LKS Lanjut Usia",
            "disabilitas": "LKS Penyandang Disabilitas",
            "napza": "LKS Korban Penyalahgunaan NAPZA",
            "lainnya": "LKS Lainnya",
        },
        "tileUrl": "",
        "attribution": "",
        "pointsUrl": MAP_POINTS,
    }


@pytest.mark.parametrize(
    ("reader", "label"),
    [
        ("operator", "Unduh laporan LKS Anda (PDF, A4)"),
        ("board_member", "Unduh laporan LKS Kota Banjarmasin (PDF, A4)"),
        ("province_admin", "Unduh laporan provinsi (PDF, A4)"),
    ],
)
def test_the_report_link_says_what_the_pdf_covers_for_the_reader(client, registry, request, reader, label):
    otp_login(client, request.getfixturevalue(reader))

    page = client.get(DASHBOARD).content.decode()

    assert re.search(r'<a href="/exchange/reports/province.pdf">([^<]*)</a>', page).group(1) == label


def test_dashboard_has_no_inline_script_or_style(client, registry, board_member):
    client.force_login(board_member)
    html = client.get(DASHBOARD).content.decode()
    scripts = re.findall(r"<script(?P<attrs>[^>]*)>", html)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert " style=" not in html
    assert "<style" not in html


def test_dashboard_passes_the_configured_tile_server(client, registry, board_member, settings):
    settings.SINERGI = {**settings.SINERGI, "MAP_TILE_URL": "https://tile.example.org/{z}/{x}/{y}.png"}
    client.force_login(board_member)
    assert json_data(client.get(DASHBOARD), "lks-map-data")["tileUrl"] == "https://tile.example.org/{z}/{x}/{y}.png"


def test_dashboard_for_province_admin_after_second_factor(client, registry, province_admin):
    otp_login(client, province_admin)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert len(response.context["tables"]["by_kind"].rows) == 14
    assert response.context["total_active"] == 11


def test_dashboard_for_province_admin_without_second_factor_is_redirected(client, registry, province_admin):
    client.force_login(province_admin)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two_factor"))


def test_dashboard_for_user_without_role_shows_nothing(client, registry, outsider):
    client.force_login(outsider)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["total_active"] == 0
    assert response.context["tables"]["permits"].rows == []
    assert "LKSA Harapan Bunda" not in response.content.decode()


def test_dashboard_query_count_does_not_grow_with_the_registry(client, registry, official, board_member):
    client.force_login(board_member)
    client.get(DASHBOARD)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as before:
        client.get(DASHBOARD)
    OrganisationFactory.create_batch(40, region_id=BANJARMASIN, latitude=-3.3, longitude=114.6, permit_expires_on=None)

    with CaptureQueriesContext(connection) as after:
        response = client.get(DASHBOARD)

    assert response.context["total_active"] == 46
    assert len(after.captured_queries) == len(before.captured_queries)
    assert len(after.captured_queries) <= 30  # a whole dashboard of GROUP BYs, not one query per LKS


# ------------------------------------------------------------------------------ the map's points


def test_the_dashboard_leaves_its_map_points_to_the_map_points_view(client, registry, board_member):
    # A national admin's thousands of points made the first page after sign-in hundreds of KB (the fifty-third review)
    OrganisationFactory(name="LKS Uji Hanya di Peta", region_id=BANJARMASIN, latitude=-3.31, longitude=114.59)
    client.force_login(board_member)

    page = client.get(DASHBOARD).content.decode()
    points = client.get(MAP_POINTS).json()["points"]

    assert "LKS Uji Hanya di Peta" not in page
    assert "2 LKS aktif dengan koordinat." in page
    assert json_data_from(page, "lks-map-data")["count"] == 2
    assert [point["name"] for point in points] == ["LKS Uji Hanya di Peta", "LKSA Harapan Bunda"]


def test_the_map_points_are_those_the_dashboard_had_drawn(client, registry, board_member):
    client.force_login(board_member)

    response = client.get(MAP_POINTS)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "points": [
            {
                "name": "LKSA Harapan Bunda",
                "kind": "anak",
                "lat": -3.3194,
                "lng": 114.5908,
                "url": reverse("organisations:detail", args=[registry.operated.pk]),
            }
        ],
        "labels": [{"code": "63.71", "name": "Kota Banjarmasin", "lat": -3.3194, "lng": 114.5908}],
    }


@pytest.mark.parametrize(
    ("reader", "names"),
    [
        ("operator", ["LKSA Harapan Bunda"]),
        ("board_member", ["LKSA Harapan Bunda"]),
        ("dinsos_viewer", ["LKSA Banjarbaru Mandiri"]),
        ("province_admin", ["LKSA Banjarbaru Mandiri", "LKSA Harapan Bunda"]),
        ("outsider", []),
    ],
)
def test_the_map_points_are_exactly_those_in_the_readers_scope(client, registry, request, reader, names):
    # The draft LKS Draf in Banjarmasin has coordinates too: only active LKS are on the map
    otp_login(client, request.getfixturevalue(reader))

    points = client.get(MAP_POINTS).json()["points"]
    page = client.get(DASHBOARD)

    assert [point["name"] for point in points] == names
    assert json_data(page, "lks-map-data")["count"] == len(names)


def test_the_map_points_ask_the_anonymous_to_sign_in_as_the_dashboard_does(client, registry):
    response = client.get(MAP_POINTS)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={MAP_POINTS}"


def test_the_map_points_ask_a_province_admin_for_the_second_factor_as_the_dashboard_does(
    client, registry, province_admin
):
    client.force_login(province_admin)
    refused = client.get(MAP_POINTS)
    otp_login(client, province_admin)
    allowed = client.get(MAP_POINTS)

    assert refused.status_code == 302
    assert refused.url.startswith(reverse("accounts:two_factor"))
    assert len(allowed.json()["points"]) == 2


def test_the_map_points_are_compressed_and_not_kept_by_the_browser(client, registry, province_admin):
    OrganisationFactory.create_batch(5, region_id=BANJARMASIN, latitude=-3.3, longitude=114.6)
    otp_login(client, province_admin)

    response = client.get(MAP_POINTS, HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(response.content))["points"]) == 7
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


def test_the_map_points_query_count_does_not_grow_with_the_registry(client, registry, board_member):
    client.force_login(board_member)
    client.get(MAP_POINTS)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as before:
        client.get(MAP_POINTS)
    OrganisationFactory.create_batch(40, region_id=BANJARMASIN, latitude=-3.3, longitude=114.6)

    with CaptureQueriesContext(connection) as after:
        points = client.get(MAP_POINTS).json()["points"]

    assert len(points) == 41
    assert len(after.captured_queries) == len(before.captured_queries)


def test_public_page_shows_aggregates_without_people_or_permits(client, registry, official):
    # when
    response = client.get(PUBLIC)
    # then
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["total_active"] == 11
    assert response.context["tables"]["by_kind"].footer[1:] == [6, 1, 1, 2, 1, 11]
    assert "Kabupaten Tanah Bumbu" in html
    assert ">1.234<" in html
    assert "17 Agustus 2025" in html
    for private in ["Budi Santoso", "503/123/DPMPTSP/2020", "TD-63-0042", "LKSA Harapan Bunda", "LKS Draf"]:
        assert private not in html
    assert "permits" not in response.context["tables"]
    assert "status" not in response.context["tables"]


def test_public_page_query_count(client, registry, official, django_assert_max_num_queries):
    OrganisationFactory.create_batch(30, region_id=BANJARMASIN)
    with django_assert_max_num_queries(10):
        response = client.get(PUBLIC)
    assert response.context["total_active"] == 41


def test_public_page_is_public_even_for_the_signed_in(client, registry, board_member):
    client.force_login(board_member)
    assert client.get(PUBLIC).context["total_active"] == 11


# ------------------------------------------------------------------------------ downloads


def test_dashboard_csv_download_is_scoped_and_audited(client, registry, board_member):
    # given
    client.force_login(board_member)
    # when
    response = client.get(DASHBOARD, {"format": "csv", "table": "by_kind"})
    # then
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="sinergi-by_kind-kota-banjarmasin-\d{4}-\d{2}-\d{2}\.csv"', disposition)
    assert csv_rows(response) == [
        ["Kabupaten/Kota", "LKS Anak (LKSA)", "LKS Lanjut Usia", "LKS Penyandang Disabilitas",
         "LKS Korban Penyalahgunaan NAPZA", "LKS Lainnya", "Jumlah"],
        ["Kota Banjarmasin", "3", "1", "0", "1", "1", "6"],
        ["Jumlah", "3", "1", "0", "1", "1", "6"],
    ]  # fmt: skip
    event = AuditEvent.objects.get()
    assert event.action == "statistics.table.exported"
    assert event.actor == board_member
    assert event.data == {"table": "by_kind", "format": "csv", "rows": 2, "scope": ["63.71"], "page": DASHBOARD}


def test_a_table_downloads_with_semicolons_for_excel_set_to_indonesian(client, registry, board_member):
    client.force_login(board_member)
    response = client.get(DASHBOARD, {"format": "csv", "table": "by_kind", "sep": "semicolon"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[1] == "Kota Banjarmasin;3;1;0;1;1;6"
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[0][0] == "Kabupaten/Kota"


def test_each_table_names_its_two_csv_downloads_in_words_a_phone_shows(client, registry, board_member):
    client.force_login(board_member)

    labels = export_link_labels(client.get(DASHBOARD).content.decode())

    # No hover on a phone: the label itself says which CSV Excel set to Indonesian opens in columns.
    assert labels == {"xlsx": "XLSX", "csv;": "CSV untuk Excel Indonesia (;)", "csv": "CSV (,)"}


@pytest.mark.parametrize(
    ("reader", "scope", "file_scope"),
    [
        ("operator", "LKSA Harapan Bunda", "lksa-harapan-bunda"),
        ("board_member", "Kota Banjarmasin", "kota-banjarmasin"),
        ("province_admin", "Kalimantan Selatan", "kalimantan-selatan"),
    ],
)
def test_a_downloaded_table_says_whose_figures_they_are_and_when_in_its_name_and_its_keterangan_sheet(
    client, registry, request, reader, scope, file_scope
):
    otp_login(client, request.getfixturevalue(reader))
    today = timezone.localdate()

    response = client.get(DASHBOARD, {"format": "xlsx", "table": "status"})

    assert response["Content-Disposition"] == f'attachment; filename="sinergi-status-{file_scope}-{today}.xlsx"'
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names[1] == "Keterangan"
    notes = dict(book.get_sheet_by_index(1).to_python()[1:])
    assert (notes["Tabel"], notes["Cakupan"], notes["Halaman sumber"]) == (
        "Status LKS per kabupaten/kota", scope, f"http://testserver{DASHBOARD}"
    )  # fmt: skip
    assert notes["Per"].startswith(today.strftime("%d-%m-%Y"))


def test_a_public_table_download_is_named_as_the_public_figures_of_the_province(client, registry):
    response = client.get(PUBLIC, {"format": "csv", "table": "by_kind"})

    name = f"sinergi-by_kind-kalimantan-selatan-publik-{timezone.localdate()}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


def test_dashboard_permits_download_for_operator(client, registry, operator):
    client.force_login(operator)
    response = client.get(DASHBOARD, {"format": "csv", "table": "permits"})
    rows = csv_rows(response)
    assert rows[0] == ["LKS", "Kabupaten/Kota", "Dokumen", "Berlaku sampai", "Sisa hari", "Keadaan"]
    assert [row[:3] for row in rows[1:]] == [["LKSA Harapan Bunda", "Kota Banjarmasin", "Izin operasional"]]
    assert AuditEvent.objects.get().data["scope"] == ["63.71"]


def test_dashboard_xlsx_download(client, registry, board_member):
    client.force_login(board_member)
    response = client.get(DASHBOARD, {"format": "xlsx", "table": "status"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.content[:2] == b"PK"
    assert AuditEvent.objects.get().data["format"] == "xlsx"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"format": "pdf", "table": "by_kind"}, "Format unduhan tidak dikenal. Pilih csv atau xlsx."),
        ({"format": "csv", "table": "orang"}, "Tabel “orang” tidak ada."),
        ({"table": "by_kind"}, "Format unduhan tidak dikenal."),
        ({"format": "csv", "table": "by_kind", "sep": "tab"}, "Pemisah CSV “tab” tidak dikenal."),
    ],
)
def test_bad_download_request_is_refused_in_indonesian_and_not_audited(client, registry, board_member, params, message):
    client.force_login(board_member)
    response = client.get(DASHBOARD, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_public_page_does_not_offer_dashboard_tables(client, registry):
    response = client.get(PUBLIC, {"format": "csv", "table": "permits"})
    assert response.status_code == 400
    assert not AuditEvent.objects.exists()


def test_public_download_anonymous_is_not_audited(client, registry):
    response = client.get(PUBLIC, {"format": "csv", "table": "by_kind"})
    rows = csv_rows(response)
    assert rows[-1] == ["Jumlah", "6", "1", "1", "2", "1", "11"]
    assert len(rows) == 16  # header, 13 kabupaten/kota, LKS without kabupaten/kota, totals
    assert not AuditEvent.objects.exists()


def test_public_download_by_signed_in_user_is_audited(client, registry, board_member):
    client.force_login(board_member)
    client.get(PUBLIC, {"format": "xlsx", "table": "boards"})
    assert AuditEvent.objects.get().data == {
        "table": "boards",
        "format": "xlsx",
        "rows": 14,
        "scope": ["63"],
        "page": PUBLIC,
    }


def test_official_figures_download(client, registry, official):
    rows = csv_rows(client.get(PUBLIC, {"format": "csv", "table": "official"}))
    assert rows[0][:2] == ["Per tanggal", "Jumlah LKS"]
    assert rows[1] == [
        "2022-08-24", "135", "120", "3", "9", "3", "", "Dinas Sosial Provinsi Kalimantan Selatan",
        "https://diskominfomc.kalselprov.go.id/2022/08/24/",
    ]  # fmt: skip
    assert rows[4][1:8] == ["11", "6", "1", "1", "2", "1", "Registri Sinergi (LKS aktif saat ini)"]


def test_the_dashboard_shows_the_most_urgent_permits_and_leaves_the_whole_list_to_its_download(
    client, registry, board_member
):
    # A province's hundreds of expiring permits made the first page after sign-in a megabyte on a phone
    from datetime import timedelta

    soon = timezone.localdate() + timedelta(days=10)
    later = timezone.localdate() + timedelta(days=40)
    OrganisationFactory.create_batch(3, region_id=BANJARMASIN, name="LKSA Mendesak", permit_expires_on=soon)
    OrganisationFactory.create_batch(25, region_id=BANJARMASIN, name="LKSA Nanti", permit_expires_on=later)
    client.force_login(board_member)

    page = client.get(DASHBOARD).content.decode()
    section = page.split('id="table-permits"')[1].split("</section>")[0]
    download = csv_rows(client.get(DASHBOARD, {"format": "csv", "table": "permits"}))
    listed = len(client.get(DASHBOARD).context["tables"]["permits"].rows)

    assert section.count("<tr>") - 1 == 20  # the header row, then twenty
    assert section.count("LKSA Mendesak") == 3  # the soonest first
    assert f"20 dari {listed} baris ditampilkan" in section
    assert len(download) - 1 == listed > 20
