"""On a national server the admission form's "today" is the operator's: just after midnight in Papua (WIT) today's
admission is not in the future, and just before midnight in Jakarta (WIB) tomorrow's is. 2026-12-05 15:30 UTC is
00:30 WIT on the 6th; 16:30 UTC is 23:30 WIB on the 5th."""

import datetime
from unittest import mock

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_views import admit_data, sign_in

pytestmark = pytest.mark.django_db

HALF_PAST_MIDNIGHT_WIT = datetime.datetime(2026, 12, 5, 15, 30, tzinfo=datetime.UTC)
HALF_PAST_ELEVEN_WIB = datetime.datetime(2026, 12, 5, 16, 30, tzinfo=datetime.UTC)
FUTURE = "Tanggal tidak boleh di masa depan."


@pytest.fixture
def world():
    return people_world()


def lks_operator_in(province: str, username: str):
    from sinergi.regions.models import Region
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=[province])
    village = Region.objects.filter(code__startswith=f"{province}.", code__regex=r"^\d\d\.\d\d\.\d\d\.\d{4}$").first()
    lks = OrganisationFactory(name=f"LKSA {village.name}", region_id=village.code)
    return lks, user_with_role(Role.LKS_OPERATOR, organisation=lks, username=username)


def admit(client, world, lks, day: str, at: datetime.datetime):
    with mock.patch("django.utils.timezone.now", return_value=at):
        return client.post(
            "/people/admit/", admit_data(world, organisation=lks.pk, admitted_on=day, given_on=day), follow=True
        )


def test_a_papua_operator_admits_a_child_today_just_after_midnight_wit(client, world, national):
    lks, operator = lks_operator_in("91", "operator.jayapura")
    sign_in(client, operator)

    response = admit(client, world, lks, "2026-12-06", HALF_PAST_MIDNIGHT_WIT)

    assert FUTURE not in response.content.decode()
    placement = Person.objects.get(full_name="Putri Baru Contoh").placements.get()
    assert placement.admitted_on == datetime.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("province", "username", "tomorrow", "moment"),
    [
        ("91", "operator.jayapura", "2026-12-07", HALF_PAST_MIDNIGHT_WIT),  # still refused after midnight WIT
        ("31", "operator.jakarta", "2026-12-06", HALF_PAST_ELEVEN_WIB),  # refused just before midnight WIB
    ],
    ids=["papua-after-midnight-wit", "jakarta-before-midnight-wib"],
)
def test_an_operators_admission_of_their_tomorrow_is_refused(client, world, national, province, username, tomorrow,
                                                             moment):  # fmt: skip
    lks, operator = lks_operator_in(province, username)
    sign_in(client, operator)

    response = admit(client, world, lks, tomorrow, moment)

    assert response.status_code == 400 and FUTURE in response.content.decode()
    assert not Person.objects.exists()


def test_the_admission_form_is_filled_in_with_the_operators_today(client, world, national):
    lks, operator = lks_operator_in("31", "operator.jakarta")
    sign_in(client, operator)

    with mock.patch("django.utils.timezone.now", return_value=HALF_PAST_ELEVEN_WIB):
        page = client.get("/people/admit/").content.decode()

    assert 'name="admitted_on" value="2026-12-05"' in page


def test_a_province_server_keeps_its_own_clock_for_an_operator_of_its_province(client, world):
    sign_in(client, world.operator)  # Kalimantan Selatan, WITA: 23:30 on the 5th

    response = admit(client, world, world.lks, "2026-12-06", HALF_PAST_MIDNIGHT_WIT)

    assert response.status_code == 400 and FUTURE in response.content.decode()
