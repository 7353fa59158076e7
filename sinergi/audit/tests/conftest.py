"""The audit log's tests share a province admin of Kalsel and an LKS operator in Kota Banjarmasin."""

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def lks():
    return OrganisationFactory(name="LKSA Harapan", region_id="63.71.01.1001")


@pytest.fixture
def province_admin():
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kalsel")


@pytest.fixture
def operator(lks):
    return user_with_role(Role.LKS_OPERATOR, organisation=lks, username="operator.harapan")


def located(actor) -> str:
    """AuditEvent.provinces as audit_record fills it for an event about nothing located: its actor's roles."""
    from sinergi.audit.services import actor_provinces, provinces_text

    return provinces_text(actor_provinces(actor))
