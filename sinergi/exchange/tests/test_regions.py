import pytest

from sinergi.exchange.regions import RegionResolver, _name_keys
from sinergi.regions.models import Region


def _index(*regions: Region) -> dict[str, list[Region]]:
    index: dict[str, list[Region]] = {}
    for region in regions:
        for key in _name_keys(region.name):
            index.setdefault(key, []).append(region)
    return index


def test_an_official_name_in_full_wins_over_the_same_bare_name_of_another_region():
    kota = Region(code="35.73", name="KOTA MALANG", level=2)
    kabupaten = Region(code="35.07", name="KABUPATEN MALANG", level=2)
    index = _index(kota, kabupaten)
    assert RegionResolver._match(index, "Kota Malang") == [kota]
    assert RegionResolver._match(index, "kabupaten  malang") == [kabupaten]
    # The bare name still names both, and is refused as ambiguous.
    assert sorted(r.code for r in RegionResolver._match(index, "Malang")) == ["35.07", "35.73"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "written, code",
    [("HSS", "63.06"), ("hst", "63.07"), ("H.S.U.", "63.08"), ("Batola", "63.04"), ("Tanbu", "63.10"),
     ("Tala", "63.01"), ("Bjm", "63.71"), ("Kab. Hulu Sungai Selatan", "63.06"), ("Kodya Banjarmasin", "63.71"),
     ("Kotamadya Banjarbaru", "63.72")],
)  # fmt: skip
def test_kabupaten_kota_by_the_short_names_people_use(written, code):
    region, problems = RegionResolver().resolve(code=None, regency=written)
    assert (region.code if region else None, problems) == (code, [])


def test_kodya_is_a_kota_and_ds_a_desa():
    kota = Region(code="35.73", name="KOTA MALANG", level=2)
    kabupaten = Region(code="35.07", name="KABUPATEN MALANG", level=2)
    assert RegionResolver._match(_index(kota, kabupaten), "Kodya Malang") == [kota]
    desa = Region(code="63.71.01.1001", name="Mantuil", level=4)
    assert RegionResolver._match(_index(desa), "Ds. Mantuil") == [desa]


@pytest.mark.django_db
def test_sei_is_read_as_sungai_in_place_names():
    region, problems = RegionResolver().resolve(code=None, regency="Banjar", district="Sei Tabuk")
    assert problems == [] and region.name.lower().endswith("sungai tabuk")


@pytest.mark.django_db
def test_a_short_kabupaten_name_beside_its_code_agrees_with_it():
    resolver = RegionResolver()
    region, problems = resolver.resolve(code="63.06", regency="HSS")
    assert (region.code, problems) == ("63.06", [])
    _region, problems = resolver.resolve(code="63.06", regency="Bjm")
    assert [key for key, _message in problems] == ["regency_name"]
