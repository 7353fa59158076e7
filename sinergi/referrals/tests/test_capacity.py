"""Capacity-aware search: free places from placements, category/age/sex rules, exclusion, and nearest-first order."""

from decimal import Decimal

import pytest

from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.tests.factories import OrganisationFactory, lks_kind
from sinergi.people.choices import PlacementStatus
from sinergi.people.tests.factories import PlacementFactory, ppks
from sinergi.referrals.capacity import Origin, capacity_search, haversine_km, origin_of, origin_of_region
from sinergi.referrals.models import Intake

pytestmark = pytest.mark.django_db

# Kota Banjarmasin: kecamatan 63.71.01 (Banjarmasin Selatan) and 63.71.02; Kota Banjarbaru 63.72; another
# province far away is simulated with coordinates only.
SENDER_POINT = (Decimal("-3.330000"), Decimal("114.590000"))


def lksa(name: str, *, region: str = "63.71.01.1001", capacity: int = 10, kind: str = "anak", point=None, **extra):
    latitude, longitude = point if point else (None, None)
    return OrganisationFactory(
        name=name,
        region_id=region,
        capacity=capacity,
        primary_service_kind=lks_kind(kind),
        latitude=latitude,
        longitude=longitude,
        **extra,
    )


def fill(organisation, count: int, *, status=PlacementStatus.ACTIVE) -> None:
    for _ in range(count):
        PlacementFactory(person__organisation=organisation, status=status)


def search(**kwargs):
    params = {"age": 10, "sex": "L", "origin": Origin()} | kwargs
    if "ppks_category" not in params:
        params["ppks_category"] = ppks("anak_telantar")
    return capacity_search(**params)


def names(rows) -> list[str]:
    return [r.organisation.name for r in rows]


def test_free_places_are_capacity_minus_active_placements():
    home = lksa("LKSA Tiga Tempat", capacity=5)
    fill(home, 2)
    fill(home, 3, status=PlacementStatus.DISCHARGED)  # discharged clients free their place
    full = lksa("LKSA Penuh", capacity=2)
    fill(full, 2)

    rows = search()

    assert [(r.organisation.name, r.capacity, r.active, r.free) for r in rows] == [("LKSA Tiga Tempat", 5, 2, 3)]


def test_only_active_lks_with_a_capacity_and_a_kind_serving_the_category():
    lksa("LKSA Aktif")
    lksa("LKSA Nonaktif", status=OrganisationStatus.INACTIVE)
    lksa("LKSA Tanpa Kapasitas", capacity=None)
    lksa("Panti Werdha", kind="lanjut_usia")
    lksa("LKS NAPZA", kind="napza")
    lksa("LKS Lainnya Serba", kind="lainnya")
    disability = lksa("LKS Disabilitas Plus Anak", kind="disabilitas")
    disability.service_kinds.add(lks_kind("anak"))

    assert sorted(names(search())) == ["LKS Disabilitas Plus Anak", "LKS Lainnya Serba", "LKSA Aktif"]


def test_children_go_only_to_lks_serving_children_adults_by_category():
    lksa("LKS Disabilitas", kind="disabilitas")
    lksa("LKSA Anak")
    child = search(ppks_category=ppks("penyandang_disabilitas"), age=12)
    adult = search(ppks_category=ppks("penyandang_disabilitas"), age=30)
    unknown_age = search(ppks_category=ppks("penyandang_disabilitas"), age=None)
    # The disability kind serves "anak_dengan_kedisabilitasan", so it serves children too.
    assert names(child) == ["LKS Disabilitas"]
    assert names(adult) == ["LKS Disabilitas"]
    assert names(unknown_age) == ["LKS Disabilitas"]
    lksa("LKS NAPZA", kind="napza")
    assert names(search(ppks_category=ppks("korban_napza"), age=16)) == []
    assert names(search(ppks_category=ppks("korban_napza"), age=25)) == ["LKS NAPZA"]


def test_intake_limits_sex_and_age():
    girls = lksa("LKSA Putri")
    Intake.objects.create(organisation=girls, sex="P", min_age=6, max_age=15)
    lksa("LKSA Umum")

    assert names(search(sex="L", age=10)) == ["LKSA Umum"]
    assert sorted(names(search(sex="P", age=10))) == ["LKSA Putri", "LKSA Umum"]
    assert names(search(sex="P", age=16)) == ["LKSA Umum"]
    assert names(search(sex="P", age=5)) == ["LKSA Umum"]
    assert sorted(names(search(sex=None, age=None))) == ["LKSA Putri", "LKSA Umum"]


def test_sender_and_excluded_lks_are_left_out():
    sender = lksa("LKSA Pengirim")
    lksa("LKSA Lain")
    assert names(search(exclude_ids={sender.pk})) == ["LKSA Lain"]


def test_nearest_first_by_kecamatan_kabupaten_province_then_distance():
    sender = lksa("LKSA Pengirim", region="63.71.01.1001", point=SENDER_POINT)
    lksa("D Banjarbaru", region="63.72.02.1003", point=(Decimal("-3.440000"), Decimal("114.830000")))
    lksa("C Kecamatan Lain Jauh", region="63.71.02.1001", point=(Decimal("-3.300000"), Decimal("114.620000")))
    lksa("B Kecamatan Lain Dekat", region="63.71.02.1002", point=(Decimal("-3.331000"), Decimal("114.591000")))
    lksa("A Kecamatan Sama", region="63.71.01.1002", point=(Decimal("-3.360000"), Decimal("114.620000")))
    lksa("E Tanpa Koordinat", region="63.71.03.1001")

    rows = search(origin=origin_of(sender), exclude_ids={sender.pk})

    assert names(rows) == [
        "A Kecamatan Sama",
        "B Kecamatan Lain Dekat",
        "C Kecamatan Lain Jauh",
        "E Tanpa Koordinat",
        "D Banjarbaru",
    ]
    assert [r.proximity for r in rows] == [0, 1, 1, 1, 2]
    assert rows[1].distance_km == round(haversine_km(-3.33, 114.59, -3.331, 114.591), 1)
    assert rows[3].distance_km is None


def test_origin_falls_back_to_the_person_region_coordinates():
    sender = lksa("LKSA Tanpa Titik", region="63.71.01.1001")
    origin = origin_of(sender, fallback_region_code="63.71.01.1001")
    region_origin = origin_of_region("63.71.01.1001")
    assert (origin.district_code, origin.regency_code, origin.province_code) == ("63.71.01", "63.71", "63")
    assert (origin.latitude, origin.longitude) == (region_origin.latitude, region_origin.longitude)
    assert origin_of(None) == Origin()


def test_haversine_known_distance():
    # Banjarmasin to Banjarbaru is about 30 km as the crow flies.
    assert 25 < haversine_km(-3.3186, 114.5944, -3.4417, 114.8309) < 32


def test_search_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    for index in range(6):
        home = lksa(f"LKSA {index}")
        home.service_kinds.add(lks_kind("lainnya"))
        fill(home, 1)
    category = ppks("anak_telantar")
    with django_assert_max_num_queries(4):  # kinds, candidates, their further kinds, one GROUP BY of placements
        rows = search(ppks_category=category)
    assert len(rows) == 6
