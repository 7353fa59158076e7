import re

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.core.errors import ValidationError
from sinergi.organisations import selectors, services
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, grade

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(banjarmasin_lks, banjarbaru_lks):
    other_province = OrganisationFactory(name="LKSA Luar Kalsel", region_id="63.71.01.1003", province_code="64")
    other_province.regency_code = "64.71"
    other_province.save()
    return {"banjarmasin": banjarmasin_lks, "banjarbaru": banjarbaru_lks}


def names(filterset):
    return sorted(o.name for o in filterset.qs)


def test_province_admin_sees_every_organisation_of_the_province(registry, province_admin):
    assert names(selectors.organisation_list(actor=province_admin)) == ["LKSA Uji Banjarbaru", "LKSA Uji Banjarmasin"]


def test_kabupaten_board_member_sees_only_their_kabupaten(registry, board_member):
    assert names(selectors.organisation_list(actor=board_member)) == ["LKSA Uji Banjarmasin"]


def test_lks_operator_sees_only_their_own_lks(registry, banjarmasin_lks):
    operator = user_with_role(Role.LKS_OPERATOR, organisation=banjarmasin_lks)
    assert names(selectors.organisation_list(actor=operator)) == ["LKSA Uji Banjarmasin"]


def test_dinsos_viewer_sees_the_province(registry, dinsos_viewer):
    assert len(names(selectors.organisation_list(actor=dinsos_viewer))) == 2


def test_outsider_and_anonymous_see_nothing(registry):
    from django.contrib.auth.models import AnonymousUser

    assert names(selectors.organisation_list(actor=UserFactory())) == []
    assert names(selectors.organisation_list(actor=AnonymousUser())) == []


def test_filters_combine_text_region_and_accreditation(province_admin):
    OrganisationFactory(name="LKSA Harapan", accreditation_grade=grade("A"))
    OrganisationFactory(name="LKSA Harapan Baru", region_id="63.72.02.1003")
    OrganisationFactory(name="LKSA Lain", accreditation_grade=grade("A"))

    result = selectors.organisation_list(
        actor=province_admin, filters={"q": "harapan", "region": "63.71", "accreditation": "A"}
    )

    assert names(result) == ["LKSA Harapan"]


def test_unknown_region_shape_matches_nothing(province_admin, banjarmasin_lks):
    assert names(selectors.organisation_list(actor=province_admin, filters={"region": "6371"})) == []


def test_public_directory_lists_only_active_lks(banjarmasin_lks):
    OrganisationFactory(name="LKSA Draf", status=OrganisationStatus.DRAFT)
    BoardFactory()

    assert names(selectors.public_directory_list()) == ["LKSA Uji Banjarmasin"]


def test_list_query_count_does_not_grow_with_rows(province_admin, django_assert_max_num_queries):
    OrganisationFactory.create_batch(30)
    with django_assert_max_num_queries(4):
        rows = list(selectors.organisation_list(actor=province_admin).qs[:25])
        [o.primary_service_kind.code for o in rows] + [list(o.service_kinds.all()) for o in rows]


def test_a_board_is_registered_by_a_province_admin_in_their_province_and_by_a_board_in_its_kabupaten_kota(
    province_admin, board_member, operator
):
    province_wide = [region.code for region in selectors.board_regions(actor=province_admin)]
    assert province_wide[0] == "63" and "63.71" in province_wide and len(province_wide) == 14
    assert all(code.startswith("63") for code in province_wide)
    assert [region.code for region in selectors.board_regions(actor=board_member)] == ["63.71"]
    assert list(selectors.board_regions(actor=operator)) == []
    assert selectors.scope_provinces(actor=operator) == {"63"}


def test_the_board_form_registers_a_board_where_its_user_may_and_refuses_others(client, board_member, operator):
    client.force_login(operator)
    assert client.post("/organisations/boards/new/", {"name": "LKKKS Nakal", "region": "63.71"}).status_code == 403

    assert 'action="/organisations/boards/new/"' not in client.get("/organisations/boards/").content.decode()

    client.force_login(board_member)
    assert 'action="/organisations/boards/new/"' in client.get("/organisations/boards/").content.decode()
    client.post("/organisations/boards/new/", {"name": "LKKKS Kota Uji", "region": "63.72", "address": "Jl. A"})
    assert not Organisation.objects.filter(name="LKKKS Kota Uji").exists()  # not its kabupaten/kota
    client.post("/organisations/boards/new/", {"name": "LKKKS Kota Uji", "region": "63.71", "address": "Jl. A"})
    board = Organisation.objects.get(name="LKKKS Kota Uji")
    assert (board.kind, board.regency_code) == (OrganisationKind.LKKKS, "63.71")


def test_a_region_has_one_board_a_second_is_neither_offered_nor_saved(client, province_admin, board_member):
    BoardFactory(name="LKKKS Kota Banjarmasin", region_id="63.71")

    assert "63.71" not in [region.code for region in selectors.board_regions(actor=province_admin)]
    assert list(selectors.board_regions(actor=board_member)) == []
    with pytest.raises(ValidationError) as refused:
        services.organisation_create(
            actor=province_admin,
            data={"kind": OrganisationKind.LKKKS, "name": "LKKKS Banjarmasin Kedua", "region_id": "63.71"},
        )
    assert "Kota Banjarmasin sudah mempunyai LKKKS: LKKKS Kota Banjarmasin." in str(refused.value)
    assert not Organisation.objects.filter(name="LKKKS Banjarmasin Kedua").exists()
    # A deactivated board leaves its seat to a new one
    Organisation.objects.filter(name="LKKKS Kota Banjarmasin").update(status=OrganisationStatus.INACTIVE)
    assert "63.71" in [region.code for region in selectors.board_regions(actor=province_admin)]


def test_the_coverage_names_every_board_of_the_province_and_links_only_those_the_user_may_open(
    client, board_member, operator
):
    boards = [
        BoardFactory(name="LKKKS Kalimantan Selatan", region_id="63"),
        BoardFactory(name="LKKKS Kota Banjarmasin", region_id="63.71"),
        BoardFactory(name="LKKKS Kota Banjarbaru", region_id="63.72"),
    ]
    for user in (operator, board_member):
        client.force_login(user)
        page = client.get("/organisations/boards/").content.decode()

        assert all(board.name in page for board in boards)
        links = re.findall(r'href="(/organisations/boards/\d+/)"', page)
        assert [client.get(link).status_code for link in links] == [200] * len(links)
    # The kabupaten/kota board member opens their own board; the LKS operator sees the names only
    assert links == [f"/organisations/boards/{boards[1].pk}/"]
