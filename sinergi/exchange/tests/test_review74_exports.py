"""Seventy-fourth review: exports and PDF reports as the roles that read them (Dinas Sosial staff, a kabupaten/kota
board member, the province admin, an LKS operator) use them, through the real views."""

import csv
import datetime
import io

import pytest

from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.people.access import SESSION_KEY
from sinergi.people.tests.factories import WorkerFactory, people_world

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    """`user` signed in, with the access purpose a download of personal data asks for already chosen."""
    otp_login(client, user)
    session = client.session
    session[SESSION_KEY] = "reporting"
    session.save()
    return user


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def serving_and_left(db):
    """One worker still serving and one who left, at the same LKS."""
    world = people_world()
    WorkerFactory(organisation=world.lks, full_name="Masih Bertugas")
    WorkerFactory(organisation=world.lks, full_name="Sudah Berhenti", ended_on=datetime.date(2021, 1, 1))
    return world


@pytest.mark.parametrize("value", ["ya", "tidak", "1", "0", "maybe"])
@pytest.mark.parametrize("name", ["active", "works_with_children"])
def test_a_yes_no_filter_value_the_list_does_not_offer_is_refused_not_exported_as_everything(
    client, serving_and_left, name, value
):
    # Given a workers' export link whose yes/no filter was edited by hand ("ya" for "true")
    signed_in(client, serving_and_left.province_admin)

    response = client.get("/exchange/export/workers/", {"format": "csv", name: value})

    # Then the file is refused, saying which filter, and nothing is exported or audited
    assert response.status_code == 400
    page = response.content.decode()
    label = {"active": "Masih bertugas", "works_with_children": "Bekerja dengan anak"}[name]
    assert f"Saringan “{label}”" in page and value in page
    assert not AuditEvent.objects.filter(action="exchange.workers.exported").exists()


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("", ["Masih Bertugas", "Sudah Berhenti"]),
        ("unknown", ["Masih Bertugas", "Sudah Berhenti"]),  # the select's "Semua"
        ("true", ["Masih Bertugas"]),
        ("false", ["Sudah Berhenti"]),
    ],
)
def test_the_yes_no_values_the_list_sends_still_filter_the_export(client, serving_and_left, value, names):
    signed_in(client, serving_and_left.province_admin)

    response = client.get("/exchange/export/workers/", {"format": "csv", "active": value})

    assert response.status_code == 200
    assert [row[1] for row in csv_rows(response)[1:]] == names
    event = AuditEvent.objects.get(action="exchange.workers.exported")
    assert event.data["rows"] == len(names)


def test_a_statistics_table_downloaded_on_a_national_server_is_audited_with_its_province(client, national):
    # Given a national server holding two provinces, and a national superuser
    from sinergi.accounts.tests.factories import UserFactory
    from sinergi.organisations.tests.factories import OrganisationFactory
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["75"])
    OrganisationFactory(region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Gorontalo", region_id="75.71")
    signed_in(client, UserFactory(is_superuser=True, is_staff=True, username="nasional.uji"))

    # When they download Gorontalo's table of LKS by kind
    response = client.get("/statistics/", {"province": "75", "table": "by_kind", "format": "csv"})

    # Then the file is Gorontalo's, and the audit event says so (its scope, "*", does not)
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig").splitlines()
    assert body[-1].startswith("Jumlah,1,") and "Kota Gorontalo" in response.content.decode("utf-8-sig")
    event = AuditEvent.objects.get(action="statistics.table.exported")
    assert event.data["province"] == "75"
    assert event.data["scope"] == ["*"]


def xlsx_notes(response) -> dict[str, str]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    return dict(book.get_sheet_by_index(1).to_python()[1:])


@pytest.mark.parametrize("table", ["boards", "official"])
def test_a_province_wide_table_downloaded_by_a_board_member_says_it_is_the_province_s(client, table):
    # Given a kabupaten/kota board member (Kota Banjarmasin) and an active LKS in another kabupaten/kota
    from django.utils import timezone

    world = people_world()
    signed_in(client, world.regency_board)

    # When they download the official figures or the LKKKS coverage, public facts about the whole province
    response = client.get("/statistics/", {"table": table, "format": "xlsx"})

    # Then its file name and its notes name the province's public figures, not the board member's kabupaten/kota
    today = timezone.localdate()
    name = f"sinergi-{table}-kalimantan-selatan-publik-{today}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert xlsx_notes(response)["Cakupan"] == "Kalimantan Selatan, LKS aktif (angka publik)"
    # while a table of their own scope still says it
    own = client.get("/statistics/", {"table": "by_kind", "format": "xlsx"})
    assert xlsx_notes(own)["Cakupan"] == "Kota Banjarmasin"
    assert "kota-banjarmasin" in own["Content-Disposition"]


def test_the_notes_of_a_statistics_table_date_it_in_the_reader_s_language(client, settings):
    from django.utils import timezone

    world = people_world()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    signed_in(client, world.regency_board)

    response = client.get("/statistics/", {"table": "by_kind", "format": "xlsx"})

    notes = xlsx_notes(response)
    assert notes["Scope"] == "Kota Banjarmasin"
    assert notes["As of"].startswith(timezone.localtime().strftime("%Y-%m-%d "))


@pytest.mark.parametrize(("language", "printed"), [("id", "1.300"), ("en", "1,300")])
def test_an_lks_profile_prints_its_capacity_as_the_report_prints_numbers(
    client, settings, pdf_layouts, language, printed
):
    # Given a large LKS, and its operator reading in Indonesian or English
    world = people_world()
    world.lks.capacity = 1300
    world.lks.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    otp_login(client, world.operator)

    response = client.get(f"/exchange/reports/lks/{world.lks.pk}.pdf")

    # Then its capacity is grouped as the "capacity used" line under it groups it
    assert response.status_code == 200
    [context] = pdf_layouts
    facts = dict(fact for _title, section in context["sections"] for fact in section)
    capacity = facts["Kapasitas" if language == "id" else "Capacity"]
    assert capacity == printed
