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
