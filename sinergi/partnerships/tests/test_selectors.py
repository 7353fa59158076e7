import datetime

import pytest
from django.utils import timezone

from sinergi.accounts.scope import Action
from sinergi.accounts.tests.factories import UserFactory
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.partnerships import selectors
from sinergi.partnerships.choices import AgreementStatus

from .factories import agreement_between

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def world(lks, other_lks, csr, university):
    return {
        "banjarmasin_csr": agreement_between(csr, lks, title="A Banjarmasin–CSR"),
        "banjarbaru_university": agreement_between(university, other_lks, title="B Banjarbaru–Universitas"),
    }


def titles(actor, action: str = Action.VIEW, filters: dict | None = None) -> list[str]:
    return sorted(a.title for a in selectors.agreement_list(actor=actor, filters=filters, action=action).qs)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("operator", ["A Banjarmasin–CSR"]),
        ("other_operator", ["B Banjarbaru–Universitas"]),
        ("board", ["A Banjarmasin–CSR"]),
        ("board_banjar", ["A Banjarmasin–CSR"]),  # the company is in Kabupaten Banjar
        ("board_banjarbaru", ["B Banjarbaru–Universitas"]),
        ("board_tanah_laut", []),
        ("dinsos", ["A Banjarmasin–CSR", "B Banjarbaru–Universitas"]),
        ("dinsos_banjarbaru", ["B Banjarbaru–Universitas"]),
        ("admin", ["A Banjarmasin–CSR", "B Banjarbaru–Universitas"]),
    ],
)
def test_who_sees_which_agreement(users, world, who, expected):
    assert titles(users[who]) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("operator", ["A Banjarmasin–CSR"]),
        ("board_banjar", ["A Banjarmasin–CSR"]),
        ("dinsos", []),
        ("dinsos_banjarbaru", []),
        ("admin", ["A Banjarmasin–CSR", "B Banjarbaru–Universitas"]),
    ],
)
def test_who_may_change_which_agreement(users, world, who, expected):
    assert titles(users[who], Action.CHANGE) == expected


def test_an_outsider_and_an_anonymous_visitor_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert titles(UserFactory()) == []
    assert titles(AnonymousUser()) == []


def test_an_agreement_with_several_parties_in_scope_is_listed_once(users, lks, csr):
    second_lks = OrganisationFactory(name="LKSA Kedua", region_id="63.71")
    agreement_between(lks, second_lks, csr, title="Tiga pihak")
    assert titles(users["board"]) == ["Tiga pihak"]
    assert selectors.agreement_list(actor=users["board"]).qs.count() == 1


def test_get_outside_scope_is_404(users, world):
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.agreement_get(actor=users["board"], pk=world["banjarbaru_university"].pk)


def test_an_organisations_partnerships_as_far_as_the_viewer_may_see(users, world, lks, csr):
    assert [a.title for a in selectors.agreements_for_organisation(actor=users["board_banjar"], organisation=csr)] == [
        "A Banjarmasin–CSR"
    ]
    assert selectors.agreements_for_organisation(actor=users["board_tanah_laut"], organisation=csr) == []
    assert selectors.agreements_for_organisation(actor=users["admin"], organisation=lks)[0].title == "A Banjarmasin–CSR"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "pks"}, ["A", "B", "C"]),
        ({"kind": "mou"}, ["D"]),
        ({"status": "terminated"}, ["C"]),
        ({"party_kind": "business"}, ["A", "C"]),
        ({"party_kind": "university"}, ["B"]),
        ({"region": "63.72"}, ["B"]),
        ({"region": "63.03"}, ["A", "C"]),
        ({"region": "63.71.01"}, ["A", "C", "D"]),
        ({"region": "6"}, []),
        ({"expiring": "30"}, ["B"]),
        ({"expiring": "90"}, ["A", "B"]),
        ({"q": "gizi"}, ["C"]),
        ({"q": "peduli"}, ["A", "C"]),
        ({"participation_form": "dana"}, ["A"]),
    ],
)
def test_filters(users, lks, other_lks, csr, university, filters, expected):
    from sinergi.vocabularies.models import Term, Vocabulary

    a = agreement_between(csr, lks, title="A", ends_on=TODAY + datetime.timedelta(days=60))
    a.participation_forms.set([Term.objects.get(vocabulary=Vocabulary.PARTICIPATION_FORM, code="dana")])
    agreement_between(university, other_lks, title="B", ends_on=TODAY + datetime.timedelta(days=20))
    agreement_between(csr, lks, title="C", scope="Paket gizi", status=AgreementStatus.TERMINATED)
    agreement_between(lks, OrganisationFactory(region_id="63.71.01.1002"), title="D", kind="mou")

    assert titles(users["admin"], filters=filters) == expected
