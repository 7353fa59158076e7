"""Whose clock a user is on: on a national server, that of the province they work in (WIB, WITA or WIT); on a
province server, the server's. Times in the tests: 2026-12-05 15:30 UTC is 22:30 WIB, 23:30 WITA, 00:30 WIT on the
6th."""

import datetime
import zoneinfo
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, StreamingHttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from lokal.provinces import PROVINCES

from sinergi.accounts.middleware import UserTimeZoneMiddleware
from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.accounts.zones import user_time_zone
from sinergi.core.zones import PROVINCE_ZONES, WIB, WIT, WITA
from sinergi.organisations.tests.factories import OrganisationFactory

JAKARTA, MAKASSAR, JAYAPURA = (zoneinfo.ZoneInfo(name) for name in (WIB, WITA, WIT))
AFTER_MIDNIGHT_IN_PAPUA = datetime.datetime(2026, 12, 5, 15, 30, tzinfo=datetime.UTC)


def test_every_province_has_its_zone_and_no_other_code_has_one():
    assert len(PROVINCES) == 38
    assert set(PROVINCE_ZONES) == set(PROVINCES)


@pytest.mark.parametrize(
    ("province", "zone"),
    [("11", WIB), ("31", WIB), ("61", WIB), ("62", WIB), ("51", WITA), ("63", WITA), ("65", WITA), ("76", WITA),
     ("81", WIT), ("91", WIT), ("96", WIT)],
)  # fmt: skip
def test_the_provinces_at_the_zone_borders_keep_their_official_clock(province, zone):
    assert PROVINCE_ZONES[province] == zone


@pytest.mark.parametrize(("zone", "shown"), [(JAKARTA, "WIB"), (MAKASSAR, "WITA"), (JAYAPURA, "WIT")])
def test_pages_name_the_zone_of_a_time_as_indonesians_do(zone, shown):
    with timezone.override(zone):
        text = Template('{{ moment|date:"d-m-Y H:i T" }}').render(Context({"moment": AFTER_MIDNIGHT_IN_PAPUA}))
    expected_hour = {"WIB": "05-12-2026 22:30", "WITA": "05-12-2026 23:30", "WIT": "06-12-2026 00:30"}[shown]
    assert text == f"{expected_hour} {shown}"


# ------------------------------------------------------------------------------------------- user_time_zone


@pytest.fixture
def regions_of_three_zones(db):
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["31", "91"])  # DKI Jakarta (WIB) and Papua (WIT), beside Kalsel (WITA)


@pytest.fixture
def papua_operator(regions_of_three_zones):
    lks = OrganisationFactory(name="LKSA Jayapura Contoh", region_id=_a_village_of("91"))
    return user_with_role(Role.LKS_OPERATOR, organisation=lks, username="operator.jayapura")


@pytest.fixture
def jakarta_board(regions_of_three_zones):
    return user_with_role(Role.REGENCY_BOARD, region_code=_a_regency_of("31"), username="pengurus.jakarta")


def _a_village_of(province: str) -> str:
    from sinergi.regions.models import Region

    return Region.objects.filter(code__startswith=f"{province}.", code__regex=r"^\d\d\.\d\d\.\d\d\.\d{4}$").first().code


def _a_regency_of(province: str) -> str:
    from sinergi.regions.models import Region

    return Region.objects.filter(code__startswith=f"{province}.", code__regex=r"^\d\d\.\d\d$").first().code


def test_on_a_national_server_an_lks_operator_is_on_the_clock_of_the_lks_province(national, papua_operator):
    assert user_time_zone(papua_operator) == JAYAPURA


def test_on_a_national_server_a_regional_role_is_on_the_clock_of_its_region(national, jakarta_board):
    assert user_time_zone(jakarta_board) == JAKARTA


def test_roles_in_several_provinces_of_one_zone_keep_that_zone(national, papua_operator, regions_of_three_zones):
    MembershipFactory(user=papua_operator, role=Role.DINSOS_VIEWER, region_id="91")

    assert user_time_zone(papua_operator) == JAYAPURA


def test_roles_in_provinces_of_different_zones_get_the_servers_zone(national, settings, papua_operator, jakarta_board):
    settings.TIME_ZONE = "Asia/Makassar"
    MembershipFactory(user=papua_operator, role=Role.REGENCY_BOARD, region_id=jakarta_board.memberships.get().region_id)

    assert user_time_zone(papua_operator) == MAKASSAR


def test_national_admins_visitors_and_users_without_a_role_get_the_servers_zone(national, settings, db):
    settings.TIME_ZONE = "Asia/Jakarta"
    admin = UserFactory(is_superuser=True, username="admin.nasional")

    assert user_time_zone(admin) == JAKARTA
    assert user_time_zone(AnonymousUser()) == JAKARTA
    assert user_time_zone(UserFactory(username="tanpa.peran")) == JAKARTA


def test_a_province_server_keeps_its_one_zone_for_everyone(settings, papua_operator):
    settings.TIME_ZONE = "Asia/Makassar"

    assert user_time_zone(papua_operator) == MAKASSAR


# ------------------------------------------------------------------------------------------------ middleware


def _today_seen_by(user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    middleware = UserTimeZoneMiddleware(lambda request: HttpResponse(timezone.localdate().isoformat()))
    with mock.patch("django.utils.timezone.now", return_value=AFTER_MIDNIGHT_IN_PAPUA):
        return middleware(request).content.decode()


def test_a_request_runs_on_the_users_clock_and_the_server_clock_comes_back_after(national, settings, papua_operator):
    settings.TIME_ZONE = "Asia/Makassar"

    assert _today_seen_by(papua_operator) == "2026-12-06"
    assert timezone.get_current_timezone() == MAKASSAR


def test_on_a_province_server_a_request_keeps_the_servers_clock(settings, papua_operator):
    settings.TIME_ZONE = "Asia/Makassar"

    assert _today_seen_by(papua_operator) == "2026-12-05"


def test_a_streamed_download_is_written_on_the_users_clock_too(national, settings, papua_operator):
    settings.TIME_ZONE = "Asia/Makassar"
    request = RequestFactory().get("/")
    request.user = papua_operator

    def rows():
        yield timezone.localtime(AFTER_MIDNIGHT_IN_PAPUA).strftime("%d-%m-%Y %H:%M %Z").encode()

    response = UserTimeZoneMiddleware(lambda request: StreamingHttpResponse(rows()))(request)

    assert b"".join(response.streaming_content) == b"06-12-2026 00:30 WIT"
    assert timezone.get_current_timezone() == MAKASSAR


# ------------------------------------------------------------------------------------------ API with a token


def _today_seen_through_the_api_by(user) -> str:
    from rest_framework.authtoken.models import Token
    from rest_framework.response import Response
    from rest_framework.test import APIRequestFactory
    from rest_framework.views import APIView

    class Today(APIView):
        def get(self, request):
            return Response({"today": timezone.localdate().isoformat()})

    token = Token.objects.create(user=user)
    request = APIRequestFactory().get("/api/v1/today/", HTTP_AUTHORIZATION=f"Token {token.key}")
    request.user = AnonymousUser()  # as AuthenticationMiddleware leaves a call signed with a token
    with mock.patch("django.utils.timezone.now", return_value=AFTER_MIDNIGHT_IN_PAPUA):
        response = UserTimeZoneMiddleware(Today.as_view())(request)
    response.render()
    return response.data["today"]


def test_an_api_call_signed_with_a_token_runs_on_the_users_clock_too(national, settings, papua_operator):
    settings.TIME_ZONE = "Asia/Makassar"

    assert _today_seen_through_the_api_by(papua_operator) == "2026-12-06"
    assert timezone.get_current_timezone() == MAKASSAR  # the user's clock ends with the request


def test_on_a_province_server_an_api_call_keeps_the_servers_clock(settings, papua_operator):
    settings.TIME_ZONE = "Asia/Makassar"

    assert _today_seen_through_the_api_by(papua_operator) == "2026-12-05"
