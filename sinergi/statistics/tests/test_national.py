"""The public page and the dashboard on a national server (SINERGI_PROVINCE=nasional): the province-wide tables
(LKKKS coverage per kabupaten/kota, official figures; the public page's all) are of the province asked for, else the
reader's only one, else the province with most active LKS, with a picker; for a reader of several provinces the
dashboard's registry tables and map follow the choice. The registry fixture holds 11 active LKS
in Kalimantan Selatan; Gorontalo (75) is loaded beside it with 2."""

import re

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory
from sinergi.regions.services import region_tree_load

from .conftest import otp_login

pytestmark = pytest.mark.django_db

DASHBOARD = "/statistics/"
MAP_POINTS = "/statistics/map-points/"
PUBLIC = "/statistics/public/"


@pytest.fixture
def gorontalo(registry):
    region_tree_load(provinces=["75"])
    OrganisationFactory.create_batch(2, region_id="75.71")
    BoardFactory(region_id="75.71")


def offered(page: str) -> list[str]:
    picker = page.split('id="province-picker"')[1].split("</form>")[0]
    return re.findall(r'<option value="(\d+)"', picker)


def test_the_national_public_page_opens_on_the_busiest_province_and_shows_the_one_chosen(client, national, gorontalo):
    page = client.get(PUBLIC).content.decode()

    assert "Data publik LKS — Kalimantan Selatan" in page
    assert offered(page) == ["63", "75"]
    assert '<option value="63" selected>' in page

    response = client.get(PUBLIC, {"province": "75"})

    page = response.content.decode()
    assert "Data publik LKS — Gorontalo" in page
    assert (response.context["total_active"], response.context["regencies_with_board"]) == (2, 1)
    assert response.context["regency_count"] == 6
    assert "Kota Banjarmasin" not in page


def test_a_national_public_download_is_of_the_province_chosen(client, national, gorontalo):
    response = client.get(PUBLIC, {"province": "75", "table": "boards", "format": "csv"})

    text = response.content.decode("utf-8-sig")
    assert "Kota Gorontalo" in text and "Banjarmasin" not in text


def test_a_province_not_offered_is_not_found(client, national, gorontalo):
    assert client.get(PUBLIC, {"province": "99"}).status_code == 404
    dinsos = user_with_role(Role.DINSOS_VIEWER, region_code="75", username="dinsos.gorontalo")
    client.force_login(dinsos)
    assert client.get(DASHBOARD, {"province": "63"}).status_code == 404


def test_the_national_dashboard_of_a_reader_of_one_province_shows_theirs_without_a_picker(client, national, gorontalo):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="75", username="admin.gorontalo")
    otp_login(client, admin)

    response = client.get(DASHBOARD)

    page = response.content.decode()
    assert 'id="province-picker"' not in page
    assert response.context["regency_count"] == 6
    assert 'href="/exchange/reports/province.pdf?province=75"' in page


def test_a_national_superuser_picks_the_province_of_the_dashboards_province_wide_tables(client, national, gorontalo):
    otp_login(client, UserFactory(is_superuser=True, is_staff=True))

    page = client.get(DASHBOARD).content.decode()
    assert offered(page) == ["63", "75"] and '<option value="63" selected>' in page

    response = client.get(DASHBOARD, {"province": "75"})

    page = response.content.decode()
    assert (response.context["regencies_with_board"], response.context["regency_count"]) == (1, 6)
    assert 'href="/exchange/reports/province.pdf?province=75"' in page
    # The registry's tables and the map are of the province chosen too, not of every province at once.
    assert response.context["total_active"] == 2
    assert "Kota Banjarmasin" not in page
    assert response.context["map_data"]["pointsUrl"] == f"{MAP_POINTS}?province=75"


def test_the_map_points_of_a_national_reader_are_of_the_province_chosen(client, national, gorontalo):
    OrganisationFactory(name="LKS Uji Gorontalo", region_id="75.71", latitude=0.54, longitude=123.06)
    otp_login(client, UserFactory(is_superuser=True, is_staff=True))

    kalsel = client.get(MAP_POINTS, {"province": "63"}).json()
    gorontalo = client.get(MAP_POINTS, {"province": "75"}).json()

    assert [point["name"] for point in kalsel["points"]] == ["LKSA Banjarbaru Mandiri", "LKSA Harapan Bunda"]
    assert [point["name"] for point in gorontalo["points"]] == ["LKS Uji Gorontalo"]
    assert [label["code"] for label in gorontalo["labels"]] == ["75.71"]
    # the dashboard's own choice, without ?province=: the busiest province, as its tables
    assert client.get(MAP_POINTS).json() == kalsel
    assert client.get(MAP_POINTS, {"province": "99"}).status_code == 404


def test_the_map_points_of_a_reader_of_one_province_are_theirs_whatever_is_asked(client, national, gorontalo):
    OrganisationFactory(name="LKS Uji Gorontalo", region_id="75.71", latitude=0.54, longitude=123.06)
    dinsos = user_with_role(Role.DINSOS_VIEWER, region_code="75", username="dinsos.gorontalo")
    client.force_login(dinsos)

    assert [point["name"] for point in client.get(MAP_POINTS).json()["points"]] == ["LKS Uji Gorontalo"]
    assert client.get(MAP_POINTS, {"province": "63"}).status_code == 404


def test_a_national_superusers_dashboard_download_is_of_the_province_chosen(client, national, gorontalo):
    otp_login(client, UserFactory(is_superuser=True, is_staff=True))

    response = client.get(DASHBOARD, {"province": "75", "table": "by_kind", "format": "csv"})

    text = response.content.decode("utf-8-sig")
    assert "Kota Gorontalo" in text and "Banjarmasin" not in text


def test_a_national_reader_of_two_provinces_picks_among_theirs(client, national, gorontalo):
    region_tree_load(provinces=["76"])
    dinsos = user_with_role(Role.DINSOS_VIEWER, region_code="75", username="dinsos.dua")
    MembershipFactory(user=dinsos, role=Role.DINSOS_VIEWER, region_id="63")
    client.force_login(dinsos)

    page = client.get(DASHBOARD).content.decode()

    assert offered(page) == ["63", "75"]  # not Sulawesi Barat, outside their scope
    assert '<option value="63" selected>' in page  # the busier of theirs


def test_an_admin_of_one_province_who_operates_an_lks_in_another_opens_on_the_one_they_administer(
    client, national, gorontalo
):
    # The fiftieth review: Gorontalo's admin operating one LKS in the busier Kalsel opened on Kalsel
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="75", username="admin.gorontalo")
    MembershipFactory(user=admin, role=Role.LKS_OPERATOR, region_id=None, organisation=OrganisationFactory())
    otp_login(client, admin)

    page = client.get(DASHBOARD).content.decode()

    assert offered(page) == ["63", "75"]
    assert '<option value="75" selected>' in page


def test_a_province_server_ignores_a_province_asked_for(client, gorontalo, province_admin):
    response = client.get(PUBLIC, {"province": "75"})

    assert "Data publik LKS — Kalimantan Selatan" in response.content.decode()
    assert 'id="province-picker"' not in response.content.decode()
    otp_login(client, province_admin)
    page = client.get(DASHBOARD, {"province": "75"}).content.decode()
    assert 'id="province-picker"' not in page and 'href="/exchange/reports/province.pdf"' in page
