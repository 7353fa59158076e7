import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def banjarmasin_lks(db):
    return OrganisationFactory(name="LKSA Uji Banjarmasin", region_id="63.71.01.1001")


@pytest.fixture
def banjarbaru_lks(db):
    return OrganisationFactory(name="LKSA Uji Banjarbaru", region_id="63.72.02.1003")


@pytest.fixture
def board_member(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71")


@pytest.fixture
def province_admin(db):
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63")


@pytest.fixture
def dinsos_viewer(db):
    return user_with_role(Role.DINSOS_VIEWER, region_code="63")


@pytest.fixture
def operator(db, banjarmasin_lks):
    return user_with_role(Role.LKS_OPERATOR, organisation=banjarmasin_lks)
