import pytest

from sinergi.organisations.choices import OrganisationKind
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory
from sinergi.partnerships import selectors
from sinergi.partnerships.choices import AgreementStatus
from sinergi.partnerships.network import KIND_COLOURS, MAX_DRAWN_NODES, SIZE, network_layout, network_pairs
from sinergi.partnerships.selectors import agreement_base_queryset

from .factories import agreement_between

pytestmark = pytest.mark.django_db


def pair_rows(network) -> list[tuple[str, str, int, int]]:
    return [(p.first.name, p.second.name, p.count, p.active_count) for p in network.pairs]


def test_pairs_count_agreements_and_leave_witnesses_out(users, lks, csr, university):
    board = BoardFactory(name="LKKKS Kota Banjarmasin")
    agreement_between(csr, lks, witnesses=[board])
    agreement_between(csr, lks, status=AgreementStatus.EXPIRED)
    agreement_between(university, lks, csr)

    network = selectors.agreement_network(actor=users["admin"], include_ended=True)

    assert pair_rows(network) == [
        ("LKSA Uji Banjarmasin", "PT Uji Peduli (CSR)", 3, 2),
        ("LKSA Uji Banjarmasin", "Universitas Uji", 1, 1),
        ("PT Uji Peduli (CSR)", "Universitas Uji", 1, 1),
    ]
    assert network.organisation_count == 3
    assert pair_rows(selectors.agreement_network(actor=users["admin"]))[0] == (
        "LKSA Uji Banjarmasin",
        "PT Uji Peduli (CSR)",
        2,
        2,
    )


def test_filters_by_kind_and_region_keep_pairs_with_either_side_matching(users, lks, other_lks, csr, university):
    agreement_between(csr, lks)
    agreement_between(university, other_lks)

    by_kind = selectors.agreement_network(actor=users["admin"], kind=OrganisationKind.BUSINESS)
    by_region = selectors.agreement_network(actor=users["admin"], region="63.72")

    assert pair_rows(by_kind) == [("LKSA Uji Banjarmasin", "PT Uji Peduli (CSR)", 1, 1)]
    assert pair_rows(by_region) == [("LKSA Uji Banjarbaru", "Universitas Uji", 1, 1)]


def test_the_network_is_scoped_like_the_list(users, lks, other_lks, csr, university):
    agreement_between(csr, lks)
    agreement_between(university, other_lks)
    assert pair_rows(selectors.agreement_network(actor=users["operator"])) == [
        ("LKSA Uji Banjarmasin", "PT Uji Peduli (CSR)", 1, 1)
    ]
    assert selectors.agreement_network(actor=users["board_tanah_laut"]).pairs == []


def test_the_circle_layout_stays_inside_the_drawing_and_colours_by_kind(users, lks, csr, university):
    agreement_between(csr, lks)
    agreement_between(university, lks)

    network = selectors.agreement_network(actor=users["admin"])

    assert network.drawn
    assert len(network.nodes) == 3 and len(network.edges) == 2
    for node in network.nodes:
        assert 0 < node.x < SIZE and 0 < node.y < SIZE
        assert node.colour == KIND_COLOURS[node.organisation.kind]
    assert {n.organisation.name: n.partners for n in network.nodes} == {
        "LKSA Uji Banjarmasin": 2,
        "PT Uji Peduli (CSR)": 1,
        "Universitas Uji": 1,
    }
    assert [label for _colour, label in network.legend] == ["LKS", "Badan usaha", "Perguruan tinggi"]


def test_too_many_organisations_are_listed_but_not_drawn(lks):
    partners = [OrganisationFactory(name=f"Mitra {i:02d}") for i in range(MAX_DRAWN_NODES)]
    agreements = [agreement_between(lks, partner) for partner in partners]

    network = network_layout(network_pairs(agreement_base_queryset().filter(pk__in=[a.pk for a in agreements])))

    assert len(network.pairs) == MAX_DRAWN_NODES
    assert network.organisation_count == MAX_DRAWN_NODES + 1
    assert not network.drawn and network.nodes == []
