"""A list's filters are applied, or refused in words, alike on the page, in its downloads and in the API (found by a
review comparing the three for random filters and every role): a region or an LKS outside the user's work area is
said, never answered with an empty list; filters on a stay look only at stays the user may see; the page says that
its download holds one row per stay."""

import csv
import datetime
import io
import re

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.testing import otp_login
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.access import SESSION_KEY
from sinergi.people.choices import ServiceSetting
from sinergi.people.models import Worker
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
LIST = {"lks": "/organisations/", "clients": "/people/", "workers": "/people/workers/"}
API = {"lks": "/api/v1/organisations/", "clients": "/api/v1/clients/", "workers": "/api/v1/workers/"}
PERSON_LINK = re.compile(r'href="/people/(\d+)/"')


@pytest.fixture
def lks():
    return OrganisationFactory(name="LKSA Alpha", region_id="63.71.01.1001")


@pytest.fixture
def operator(client, lks):
    user = user_with_role(Role.LKS_OPERATOR, organisation=lks, username="op.alpha")
    otp_login(client, user)
    session = client.session
    session[SESSION_KEY] = "reporting"  # the access purpose a download of personal data asks for
    session.save()
    return user


def page_problem(client, entity: str, filters: dict) -> str:
    html = client.get(LIST[entity], filters).content.decode()
    found = re.search(r'<div class="errors-summary" role="alert"><p>(.*?)</p>', html, re.S)
    return found[1] if found else ""


def csv_ids(client, entity: str, filters: dict) -> list[int]:
    response = client.get(f"/exchange/export/{entity}/", {**filters, "format": "csv"})
    assert response.status_code == 200, response.content[:300]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    return [int(row[0]) for row in rows[1:]]


def api_ids(client, entity: str, filters: dict) -> list[int]:
    response = client.get(API[entity], filters)
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    "entity, region",
    [("lks", "99"), ("lks", "63.7"), ("clients", "63.71.01"), ("clients", "63.72"), ("workers", "99")],
)
def test_the_api_refuses_a_region_filter_the_page_and_the_download_refuse_in_their_words(
    client, lks, operator, entity, region
):
    PlacementFactory(person=PersonFactory(organisation=lks))
    WorkerFactory(organisation=lks)

    said = page_problem(client, entity, {"region": region})
    download = client.get(f"/exchange/export/{entity}/", {"region": region, "format": "csv"})
    api = client.get(API[entity], {"region": region})

    assert said
    assert download.status_code == 400
    assert (api.status_code, api.json()) == (400, {"region": [said]})


@pytest.mark.parametrize("entity", ["clients", "workers"])
def test_an_lks_outside_the_work_area_is_refused_by_the_page_the_download_and_the_api(client, lks, operator, entity):
    far = OrganisationFactory(name="LKS Banjarbaru", region_id="63.72.02.1003")
    PlacementFactory(person=PersonFactory(organisation=far))
    WorkerFactory(organisation=far)

    said = page_problem(client, entity, {"organisation": far.pk})
    download = client.get(f"/exchange/export/{entity}/", {"organisation": far.pk, "format": "csv"})
    api = client.get(API[entity], {"organisation": far.pk})

    assert said == "Saringan “LKS”: LKS itu tidak ada di wilayah kerja Anda, jadi tidak ada data yang dapat " + (
        "ditampilkan atau diunduh. Pilih LKS di daftar."
    )
    assert download.status_code == 400 and said in download.content.decode()
    assert (api.status_code, api.json()) == (400, {"organisation": [said]})
    # an LKS that does not exist reads the same: no one learns which ids exist elsewhere
    assert page_problem(client, entity, {"organisation": far.pk + 1000}) == said


def test_the_own_lks_filter_still_applies(client, lks, operator):
    mine = PersonFactory(organisation=lks)
    PlacementFactory(person=mine)

    assert page_problem(client, "clients", {"organisation": lks.pk}) == ""
    assert csv_ids(client, "clients", {"organisation": lks.pk}) == [mine.pk]
    assert api_ids(client, "clients", {"organisation": lks.pk}) == [mine.pk]


def test_filters_on_a_stay_look_only_at_the_stays_the_user_may_see(client, lks, operator):
    # Given a client of this LKS (residential, review months away) who also has a stay at another LKS (community,
    # review overdue): facts the operator may not see
    other = OrganisationFactory(name="LKSA Beta", region_id="63.71.01.1001")
    person = PersonFactory(organisation=lks)
    PlacementFactory(
        person=person, setting=ServiceSetting.RESIDENTIAL, next_review_on=TODAY + datetime.timedelta(days=90)
    )
    PlacementFactory(
        person=person,
        organisation=other,
        setting=ServiceSetting.COMMUNITY,
        next_review_on=TODAY - datetime.timedelta(days=10),
    )

    for filters in ({"review": "overdue"}, {"setting": "community"}):
        listed = PERSON_LINK.findall(client.get("/people/", filters).content.decode())
        assert (listed, csv_ids(client, "clients", filters), api_ids(client, "clients", filters)) == ([], [], [])
    # while the filters on the stay it may see still find the client
    for filters in ({"setting": "residential"}, {"status": "active"}):
        assert PERSON_LINK.findall(client.get("/people/", filters).content.decode()) == [str(person.pk)]
        assert api_ids(client, "clients", filters) == [person.pk]


def test_the_client_list_says_its_download_holds_one_row_per_stay(client, lks, operator):
    response = client.get("/people/")

    assert "File berisi satu baris per masa layanan" in response.content.decode()


@pytest.mark.parametrize(("name", "value"), [("active", "ya"), ("active", "1"), ("works_with_children", "mungkin")])
def test_a_yes_no_filter_value_the_list_does_not_offer_is_refused_on_the_page_in_the_download_and_the_api(
    client, lks, operator, name, value
):
    # A link edited by hand: Django's yes/no select reads any value it does not know as "Semua", every worker.
    WorkerFactory(organisation=lks, full_name="Rina Aktif", works_with_children=True)
    WorkerFactory(organisation=lks, full_name="Rudi Berhenti", ended_on=datetime.date(2024, 1, 31))

    said = page_problem(client, "workers", {name: value})
    download = client.get("/exchange/export/workers/", {name: value, "format": "csv"})
    api = client.get(API["workers"], {name: value})

    assert value in said and "Rina Aktif" not in client.get(LIST["workers"], {name: value}).content.decode()
    assert download.status_code == 400
    assert api.status_code == 400 and list(api.json()) == [name]


def test_the_yes_no_values_the_list_sends_still_filter_the_page_and_the_api(client, lks, operator):
    kept = WorkerFactory(organisation=lks, full_name="Rina Aktif")
    WorkerFactory(organisation=lks, full_name="Rudi Berhenti", ended_on=datetime.date(2024, 1, 31))

    for value, expected in (("true", [kept.pk]), ("unknown", None), ("", None)):
        assert not page_problem(client, "workers", {"active": value})
        listed = sorted(api_ids(client, "workers", {"active": value}))
        assert listed == (expected or sorted(Worker.objects.values_list("pk", flat=True)))
