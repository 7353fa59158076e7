"""A yes/no list filter reads its value without the spaces around it ("true ", " false": a link or a script's
parameter edited by hand), on the page, in the download, through export_data --filter and in the API alike
(seventy-sixth review); a value it does not offer is still refused."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.testing import otp_login
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.access import SESSION_KEY
from sinergi.people.models import Worker
from sinergi.people.tests.factories import WorkerFactory
from sinergi.people.tests.test_list_filters_scope import API, LIST, api_ids, csv_ids, page_problem

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def staff(lks):
    serving = WorkerFactory(organisation=lks, full_name="Rina Aktif", works_with_children=True)
    ended = WorkerFactory(organisation=lks, full_name="Rudi Berhenti", ended_on=datetime.date(2024, 1, 31),
                          works_with_children=False)  # fmt: skip
    return serving, ended


@pytest.mark.parametrize(("name", "value", "kept"), [("active", "true ", 0), ("active", " false", 1),
                                                     ("works_with_children", " true\t", 0)])  # fmt: skip
def test_spaces_around_a_yes_no_value_are_ignored_on_the_page_the_download_and_the_api(
    client, operator, staff, name, value, kept
):
    expected = [staff[kept].pk]
    assert not page_problem(client, "workers", {name: value})
    assert staff[kept].full_name in client.get(LIST["workers"], {name: value}).content.decode()
    assert staff[1 - kept].full_name not in client.get(LIST["workers"], {name: value}).content.decode()
    assert csv_ids(client, "workers", {name: value}) == expected
    assert api_ids(client, "workers", {name: value}) == expected


def test_export_data_reads_a_yes_no_filter_with_spaces_around_it(tmp_path, staff):
    target = tmp_path / "pekerja.csv"
    call_command("export_data", "workers", str(target), "--purpose", "reporting", "--filter", "active=true ",
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    written = target.read_text(encoding="utf-8-sig")
    assert "Rina Aktif" in written and "Rudi Berhenti" not in written


@pytest.mark.parametrize("value", [" ya ", "true maybe", "tru e"])
def test_a_value_not_offered_is_still_refused_with_spaces_around_it(client, operator, staff, value):
    # Guard (passes before the fix too): only the spaces around are let go
    assert value.strip() in page_problem(client, "workers", {"active": value})
    assert client.get(API["workers"], {"active": value}).status_code == 400
    assert Worker.objects.count() == 2


def test_export_data_still_refuses_a_value_not_offered(tmp_path, staff):
    # Guard (passes before the fix too)
    target = tmp_path / "pekerja.csv"
    with pytest.raises(CommandError, match="saringan daftar tidak berlaku"):
        call_command("export_data", "workers", str(target), "--purpose", "reporting", "--filter", "active= ya",
                     stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    assert not target.exists()
