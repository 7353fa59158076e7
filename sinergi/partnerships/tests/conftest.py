import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.choices import OrganisationKind
from sinergi.organisations.tests.factories import OrganisationFactory

from .factories import agreement_between


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    # Uploaded documents go to a fresh folder per test, never into the project's var/media.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def lks(db):
    return OrganisationFactory(name="LKSA Uji Banjarmasin", region_id="63.71.01.1001")


@pytest.fixture
def other_lks(db):
    return OrganisationFactory(name="LKSA Uji Banjarbaru", region_id="63.72")


@pytest.fixture
def csr(db):
    return OrganisationFactory(
        name="PT Uji Peduli (CSR)", kind=OrganisationKind.BUSINESS, primary_service_kind=None, region_id="63.03"
    )


@pytest.fixture
def university(db):
    return OrganisationFactory(
        name="Universitas Uji", kind=OrganisationKind.UNIVERSITY, primary_service_kind=None, region_id="63.72"
    )


@pytest.fixture
def agreement(lks, csr):
    """An active PKS between the Banjarmasin LKS and the CSR company of Kabupaten Banjar."""
    return agreement_between(csr, lks, title="Beasiswa anak asuh")


@pytest.fixture
def users(lks, other_lks):
    return {
        "operator": user_with_role(Role.LKS_OPERATOR, organisation=lks),
        "other_operator": user_with_role(Role.LKS_OPERATOR, organisation=other_lks),
        "board": user_with_role(Role.REGENCY_BOARD, region_code="63.71"),
        "board_banjar": user_with_role(Role.REGENCY_BOARD, region_code="63.03"),
        "board_banjarbaru": user_with_role(Role.REGENCY_BOARD, region_code="63.72"),
        "board_tanah_laut": user_with_role(Role.REGENCY_BOARD, region_code="63.01"),
        "dinsos": user_with_role(Role.DINSOS_VIEWER, region_code="63"),
        "dinsos_banjarbaru": user_with_role(Role.DINSOS_VIEWER, region_code="63.72"),
        "admin": user_with_role(Role.PROVINCE_ADMIN, region_code="63"),
    }
