import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory

from .factories import province_board


@pytest.fixture
def board_banjarmasin(db):
    return BoardFactory(name="LKKKS Kota Banjarmasin", region_id="63.71")


@pytest.fixture
def board_banjarbaru(db):
    return BoardFactory(name="LKKKS Kota Banjarbaru", region_id="63.72")


@pytest.fixture
def board_province(db):
    return province_board()


@pytest.fixture
def lks(db):
    return OrganisationFactory(name="LKSA Uji Banjarmasin", region_id="63.71.01.1001")


@pytest.fixture
def province_admin(db):
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63")


@pytest.fixture
def board_member(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71")


@pytest.fixture
def board_member_elsewhere(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.72")


@pytest.fixture
def dinsos(db):
    return user_with_role(Role.DINSOS_VIEWER, region_code="63")


@pytest.fixture
def operator(db, lks):
    return user_with_role(Role.LKS_OPERATOR, organisation=lks)
