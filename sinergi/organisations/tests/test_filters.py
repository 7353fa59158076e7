"""The LKS list filters: the "no filter" option reads "Semua" in every select, as on the client and worker lists."""

import re

import pytest
from django.urls import reverse

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.filters import OrganisationFilterSet
from sinergi.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_accreditation_filter_starts_with_semua():
    form = OrganisationFilterSet(data={}, queryset=Organisation.objects.all()).form

    assert str(form["accreditation"]).split("</option>")[0].endswith(">Semua")


def test_no_select_on_the_lks_list_offers_dashes_for_all(client):
    client.force_login(user_with_role(Role.REGENCY_BOARD, region_code="63.71"))

    page = client.get(reverse("organisations:list")).content.decode()

    assert "---------" not in page
    assert '<option value="">—</option>' not in page
    # organisation kind, service kind, kabupaten/kota, accreditation, status, permit expiry
    assert len(re.findall(r'<option value=""( selected)?>Semua</option>', page)) == 6


def test_a_grade_filter_leaves_out_accreditations_that_have_ended():
    import datetime

    from sinergi.organisations.tests.factories import OrganisationFactory
    from sinergi.vocabularies.models import Term

    grade_b = Term.objects.get(vocabulary="accreditation_grade", code="B")
    today = datetime.date.today()
    in_force = OrganisationFactory(name="LKSA B Berlaku", accreditation_grade=grade_b,
                                   accreditation_expires_on=today + datetime.timedelta(days=30))  # fmt: skip
    ended = OrganisationFactory(name="LKSA B Berakhir", accreditation_grade=grade_b,
                                accreditation_expires_on=today - datetime.timedelta(days=1))  # fmt: skip

    def names(value: str) -> set[str]:
        filtered = OrganisationFilterSet(data={"accreditation": value}, queryset=Organisation.objects.all()).qs
        return set(filtered.values_list("name", flat=True))

    assert names("B") == {in_force.name}
    assert names("expired") == {ended.name}
