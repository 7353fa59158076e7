import pytest

from sinergi.regions.models import Region
from sinergi.regions.selectors import region_ancestors, region_get, region_list, region_path, region_search

pytestmark = pytest.mark.django_db


def codes(regions) -> list[str]:
    return [r.code for r in regions]


def test_search_by_name_is_case_insensitive_and_ranks_exact_names_first():
    # when
    lower, more = region_search(q="mantuil", level=4, within="63")
    upper, _ = region_search(q="  MANTUIL ", level=4, within="63")

    # then: the desa in Tabalong and the kelurahan in Banjarmasin, nothing else
    assert codes(lower) == ["63.09.08.2006", "63.71.01.1001"]
    assert codes(upper) == codes(lower)
    assert more is False


def test_search_matches_names_anywhere():
    found, _ = region_search(q="layan", level=4, within="63")
    assert [(r.code, r.name) for r in found] == [
        ("63.71.01.1004", "Kelayan Barat"),
        ("63.71.01.1006", "Kelayan Dalam"),
        ("63.71.05.1012", "Kelayan Luar"),
        ("63.71.01.1002", "Kelayan Selatan"),
        ("63.71.01.1005", "Kelayan Tengah"),
        ("63.71.01.1008", "Kelayan Timur"),
        ("63.08.10.2002", "Nelayan"),
    ]


def test_search_by_code_prefix_dotted_or_digits():
    # when
    dotted, _ = region_search(q="63.71.01.100", level=4)
    digits, _ = region_search(q="637101100", level=4)

    # then: 63.71.01.1001 … 1009
    assert codes(dotted) == [f"63.71.01.100{i}" for i in range(1, 10)]
    assert codes(digits) == codes(dotted)


def test_search_returns_at_most_twenty_and_says_there_are_more():
    found, more = region_search(q="63", level=4)
    assert len(found) == 20
    assert more is True
    assert codes(found) == sorted(codes(found))


def test_search_ranks_a_bare_kabupaten_name_first():
    found, _ = region_search(q="banjar", level=2)
    assert codes(found)[0] == "63.03"  # Kabupaten Banjar, before Banjarbaru and Banjarmasin
    assert codes(found) == ["63.03", "63.72", "63.71"]


def test_search_leaves_out_retired_codes():
    Region.objects.filter(code="63.71.01.1001").update(is_current=False)
    found, _ = region_search(q="mantuil", level=4)
    assert codes(found) == ["63.09.08.2006"]


def test_empty_search_finds_nothing():
    assert region_search(q="   ") == ([], False)


def test_path_leaves_out_the_region_the_user_already_chose():
    mantuil = Region.objects.get(code="63.71.01.1001")
    assert region_path(mantuil, below="63") == "Mantuil, Banjarmasin Selatan, Kota Banjarmasin"
    assert region_path(mantuil) == "Mantuil, Banjarmasin Selatan, Kota Banjarmasin, Kalimantan Selatan"
    assert region_path(Region.objects.get(code="63")) == "Kalimantan Selatan"


def test_ancestors_are_listed_province_first():
    mantuil = Region.objects.get(code="63.71.01.1001")
    assert codes(region_ancestors(mantuil)) == ["63", "63.71", "63.71.01"]


def test_get_accepts_digits_and_refuses_garbage():
    assert region_get(code="6371011001").code == "63.71.01.1001"
    assert region_get(code="63.71.01.9999") is None
    assert region_get(code="Banjarmasin") is None


def test_list_defaults_to_provinces_and_lists_children_of_a_parent():
    assert codes(region_list()) == ["63"]
    assert len(region_list(parent="63")) == 13
    assert codes(region_list(parent="63.71"))[:2] == ["63.71.01", "63.71.02"]
    assert codes(region_list(q="mantuil")) == ["63.09.08.2006", "63.71.01.1001"]


def test_among_equally_good_matches_the_deployments_own_province_comes_first(settings):
    province = Region.objects.get_or_create(code="32", defaults={"name": "Jawa Barat", "level": 1, "kind": "provinsi"})[
        0
    ]
    Region.objects.get_or_create(
        code="32.79", defaults={"name": "Kota Banjar", "level": 2, "kind": "kota", "parent": province}
    )
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "63"}
    found, _ = region_search(q="banjar", level=2)
    # Kabupaten Banjar (Kalsel) and Kota Banjar (Jawa Barat) are both exact: Kalsel's first
    assert codes(found)[:1] == ["63.03"]
    assert "32.79" in codes(found)
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "32"}
    assert codes(region_search(q="banjar", level=2)[0])[:1] == ["32.79"]


def test_a_national_server_prefers_no_province_among_equally_good_matches(national):
    province = Region.objects.get_or_create(code="32", defaults={"name": "Jawa Barat", "level": 1, "kind": "provinsi"})[
        0
    ]
    Region.objects.get_or_create(
        code="32.79", defaults={"name": "Kota Banjar", "level": 2, "kind": "kota", "parent": province}
    )
    # Both exact: by name, Kabupaten Banjar before Kota Banjar, whichever province they are in.
    assert codes(region_search(q="banjar", level=2)[0])[:2] == ["63.03", "32.79"]
