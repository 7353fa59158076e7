import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from sinergi.organisations.models import Organisation
from sinergi.organisations.services import organisation_verify
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.statistics import selectors
from sinergi.statistics.selectors import CrossTab

from .conftest import BANJARMASIN, TODAY

KINDS = ["anak", "lanjut_usia", "disabilitas", "napza", "lainnya"]
KALSEL_REGENCIES = [f"63.{n:02d}" for n in range(1, 12)] + ["63.71", "63.72"]


def nonzero(crosstab: CrossTab) -> dict[tuple[str, str], int]:
    return {key: n for key, n in crosstab.cells.items() if n}


def row_codes(crosstab: CrossTab) -> list[str]:
    return [row.code for row in crosstab.rows]


# ------------------------------------------------------------------------------ by kind × kabupaten/kota


def test_by_kind_for_province_admin_covers_the_whole_province(registry, province_admin):
    # when
    table = selectors.lks_count_by_kind_and_regency(actor=province_admin)
    # then every kabupaten/kota is a row, plus one for the LKS located only at province level
    assert row_codes(table) == [*KALSEL_REGENCIES, ""]
    assert [c.code for c in table.columns] == KINDS
    assert table.rows[11].name == "Kota Banjarmasin"
    assert nonzero(table) == {
        ("63.71", "anak"): 3,
        ("63.71", "lanjut_usia"): 1,
        ("63.71", "napza"): 1,
        ("63.71", "lainnya"): 1,
        ("63.72", "anak"): 2,
        ("63.72", "disabilitas"): 1,
        ("63.03", "napza"): 1,
        ("", "anak"): 1,
    }
    assert table.total == 11
    assert table.column_totals() == {"anak": 6, "lanjut_usia": 1, "disabilitas": 1, "napza": 2, "lainnya": 1}
    assert table.row_total("63.10") == 0


def test_by_kind_for_regency_board_is_its_kabupaten_only(registry, board_member):
    table = selectors.lks_count_by_kind_and_regency(actor=board_member)
    assert row_codes(table) == ["63.71"]
    assert table.column_totals() == {"anak": 3, "lanjut_usia": 1, "disabilitas": 0, "napza": 1, "lainnya": 1}
    assert table.total == 6


def test_by_kind_for_dinsos_viewer_of_banjarbaru(registry, dinsos_viewer):
    table = selectors.lks_count_by_kind_and_regency(actor=dinsos_viewer)
    assert row_codes(table) == ["63.72"]
    assert nonzero(table) == {("63.72", "anak"): 2, ("63.72", "disabilitas"): 1}


def test_by_kind_for_lks_operator_is_their_own_lks(registry, operator):
    table = selectors.lks_count_by_kind_and_regency(actor=operator)
    assert row_codes(table) == ["63.71"]
    assert nonzero(table) == {("63.71", "anak"): 1}


@pytest.mark.parametrize("who", ["outsider", "anonymous", "nobody"])
def test_by_kind_for_someone_without_a_role_is_empty(registry, outsider, who):
    actor = {"outsider": outsider, "anonymous": AnonymousUser(), "nobody": None}[who]
    table = selectors.lks_count_by_kind_and_regency(actor=actor)
    assert table.rows == []
    assert table.total == 0
    assert [c.code for c in table.columns] == KINDS


def test_by_kind_narrowed_to_a_region_inside_the_scope(registry, province_admin):
    table = selectors.lks_count_by_kind_and_regency(actor=province_admin, region_prefix="63.72")
    assert row_codes(table) == ["63.72"]
    assert table.total == 3


def test_by_kind_narrowed_to_a_region_outside_the_scope_is_empty(registry, board_member):
    table = selectors.lks_count_by_kind_and_regency(actor=board_member, region_prefix="63.72")
    assert table.rows == []
    assert table.total == 0


def test_by_kind_is_one_query_per_table_whatever_the_size(registry, province_admin, django_assert_max_num_queries):
    # given many more LKS than the scenario
    OrganisationFactory.create_batch(30, region_id=BANJARMASIN)
    province_admin._active_memberships = None
    # when / then: memberships, kinds, kabupaten/kota rows, the GROUP BY — nothing per LKS or per row
    with django_assert_max_num_queries(4):
        table = selectors.lks_count_by_kind_and_regency(actor=province_admin)
    assert table.total == 41


# ------------------------------------------------------------------------------ accreditation and status


def test_accreditation_counts_active_lks_only(registry, province_admin):
    table = selectors.lks_accreditation_summary(actor=province_admin)
    assert [c.code for c in table.columns] == ["A", "B", "C", "expired", ""]
    assert table.column_totals() == {"A": 1, "B": 1, "C": 1, "expired": 0, "": 8}
    assert table.count("63.72", "A") == 1
    assert table.count("63.71", "A") == 0  # the draft LKS graded A is not counted


def test_accreditation_for_regency_board(registry, board_member):
    table = selectors.lks_accreditation_summary(actor=board_member)
    assert nonzero(table) == {("63.71", "C"): 1, ("63.71", ""): 5}


def test_status_summary_per_scope(registry, province_admin, board_member, operator, outsider):
    assert selectors.lks_status_summary(actor=province_admin).column_totals() == {
        "draft": 2,
        "verified": 1,
        "active": 11,
        "inactive": 1,
    }
    assert nonzero(selectors.lks_status_summary(actor=board_member)) == {
        ("63.71", "draft"): 1,
        ("63.71", "verified"): 1,
        ("63.71", "active"): 6,
        ("63.71", "inactive"): 1,
    }
    assert nonzero(selectors.lks_status_summary(actor=operator)) == {("63.71", "active"): 1}
    assert selectors.lks_status_summary(actor=outsider).total == 0


def test_awaiting_verification_drops_when_the_board_verifies(registry, board_member):
    # given
    assert selectors.lks_status_summary(actor=board_member).count("63.71", "draft") == 1
    # when
    organisation_verify(organisation=registry.draft, actor=board_member)
    # then
    after = selectors.lks_status_summary(actor=board_member)
    assert after.count("63.71", "draft") == 0
    assert after.count("63.71", "verified") == 2


# ------------------------------------------------------------------------------ permits


def test_permits_expiring_for_province_admin(registry, province_admin):
    documents = selectors.lks_permits_expiring(actor=province_admin, within_days=90, today=TODAY)
    assert [(d.organisation_name, d.document, d.days_left, d.expired) for d in documents] == [
        ("LKS Lansia Sejahtera", "Tanda daftar", -10, True),
        ("LKSA Harapan Bunda", "Izin operasional", 30, False),
        ("LKSA Banjarbaru Mandiri", "Tanda daftar", 60, False),
        ("LKS Draf", "Izin operasional", 90, False),
    ]
    assert documents[0].regency.name == "Kota Banjarmasin"
    assert documents[2].regency.name == "Kota Banjarbaru"


def test_permits_expiring_per_scope(registry, board_member, dinsos_viewer, operator, outsider):
    assert [d.organisation_id for d in selectors.lks_permits_expiring(actor=board_member, today=TODAY)] == [
        registry.elderly.pk,
        registry.operated.pk,
        registry.draft.pk,
    ]
    assert [d.organisation_id for d in selectors.lks_permits_expiring(actor=dinsos_viewer, today=TODAY)] == [
        registry.banjarbaru.pk
    ]
    assert [d.document for d in selectors.lks_permits_expiring(actor=operator, today=TODAY)] == ["Izin operasional"]
    assert selectors.lks_permits_expiring(actor=outsider, today=TODAY) == []


def test_permits_window_is_configurable(registry, province_admin):
    documents = selectors.lks_permits_expiring(actor=province_admin, within_days=0, today=TODAY)
    assert [d.days_left for d in documents] == [-10]


def test_permits_is_two_queries(registry, province_admin, django_assert_max_num_queries):
    OrganisationFactory.create_batch(20, region_id=BANJARMASIN, permit_expires_on=TODAY)
    province_admin._active_memberships = None
    with django_assert_max_num_queries(3):
        documents = selectors.lks_permits_expiring(actor=province_admin, today=TODAY)
    assert len(documents) == 24


# ------------------------------------------------------------------------------ boards, map, official figures


def test_board_coverage_shows_every_kabupaten_and_the_gaps(registry):
    coverage = selectors.board_coverage(province_code="63")
    assert coverage.province.board_name == "LKKKS Provinsi Kalimantan Selatan"
    assert [row.area.code for row in coverage.regencies] == KALSEL_REGENCIES
    boards = {row.area.code: row.board_name for row in coverage.regencies if row.board_id}
    # the inactive Banjar board does not count; the draft Banjarbaru board does
    assert boards == {"63.71": "LKKKS Kota Banjarmasin", "63.72": "LKKKS Kota Banjarbaru"}
    assert coverage.covered == 2
    assert "Kabupaten Tanah Bumbu" in [area.name for area in coverage.uncovered]
    assert "Kabupaten Kotabaru" in [area.name for area in coverage.uncovered]


def test_board_coverage_is_two_queries(registry, django_assert_num_queries):
    with django_assert_num_queries(2):
        selectors.board_coverage(province_code="63")


def test_map_points_are_active_lks_with_coordinates_in_scope(registry, province_admin, board_member, outsider):
    data = selectors.lks_map_points(actor=province_admin)
    assert [(p.name, p.kind, p.latitude, p.longitude) for p in data.points] == [
        ("LKSA Banjarbaru Mandiri", "anak", -3.4425, 114.8305),
        ("LKSA Harapan Bunda", "anak", -3.3194, 114.5908),
    ]
    assert data.labels == [
        {"code": "63.71", "name": "Kota Banjarmasin", "lat": -3.3194, "lng": 114.5908},
        {"code": "63.72", "name": "Kota Banjarbaru", "lat": -3.4425, "lng": 114.8305},
    ]
    assert [p.name for p in selectors.lks_map_points(actor=board_member).points] == ["LKSA Harapan Bunda"]
    assert selectors.lks_map_points(actor=outsider).points == []


def test_the_map_point_count_is_the_number_of_points_in_scope(registry, province_admin, board_member, outsider):
    assert selectors.lks_map_point_count(actor=province_admin) == 2
    assert selectors.lks_map_point_count(actor=province_admin, region_prefix="63.72") == 1
    assert selectors.lks_map_point_count(actor=board_member) == 1
    assert selectors.lks_map_point_count(actor=outsider) == 0


def test_map_label_is_the_mean_of_the_kabupaten_points(registry, board_member):
    OrganisationFactory(region_id=BANJARMASIN, latitude=Decimal("-3.3394"), longitude=Decimal("114.6108"))
    data = selectors.lks_map_points(actor=board_member)
    assert data.labels == [{"code": "63.71", "name": "Kota Banjarmasin", "lat": -3.3294, "lng": 114.6008}]


def test_official_figures_beside_the_registry_count(registry, official):
    result = selectors.official_figures(province_code="63")
    assert result.region.name == "Kalimantan Selatan"
    assert [(f.as_of.year, f.total) for f in result.figures] == [(2022, 135), (2023, 154), (2025, 1234)]
    assert result.registry.total == 11
    assert result.registry.column_totals()["anak"] == 6


# ------------------------------------------------------------------------------ public


def test_public_count_is_every_active_lks_of_the_region(registry):
    table = selectors.public_lks_count_by_kind_and_regency(region_code="63")
    assert row_codes(table) == [*KALSEL_REGENCIES, ""]
    assert table.total == 11
    assert table.column_totals() == {"anak": 6, "lanjut_usia": 1, "disabilitas": 1, "napza": 2, "lainnya": 1}


def test_public_count_of_a_kabupaten(registry):
    table = selectors.public_lks_count_by_kind_and_regency(region_code="63.72")
    assert row_codes(table) == ["63.72"]
    assert table.total == 3


def test_public_count_of_a_kecamatan_uses_its_code(registry):
    table = selectors.public_lks_count_by_kind_and_regency(region_code="63.71.01")
    assert row_codes(table) == ["63.71"]
    assert table.total == 6


def test_public_count_without_region_lists_the_kabupaten_of_provinces_with_lks(registry):
    table = selectors.public_lks_count_by_kind_and_regency()
    assert row_codes(table) == [*KALSEL_REGENCIES, ""]
    assert table.total == 11


def test_public_count_with_no_lks_at_all(db):
    table = selectors.public_lks_count_by_kind_and_regency()
    assert table.rows == []
    assert table.column_totals() == dict.fromkeys(KINDS, 0)


def test_public_accreditation(registry):
    table = selectors.public_lks_accreditation_summary(region_code="63")
    assert table.column_totals() == {"A": 1, "B": 1, "C": 1, "expired": 0, "": 8}


def test_an_accreditation_that_has_ended_counts_as_expired_not_as_its_grade(registry, province_admin):
    graded = Organisation.objects.filter(status="active", accreditation_grade__code="A").get()
    graded.accreditation_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    graded.save(update_fields=["accreditation_expires_on"])
    table = selectors.lks_accreditation_summary(actor=province_admin)
    assert table.column_totals() == {"A": 0, "B": 1, "C": 1, "expired": 1, "": 8}
    assert selectors.public_lks_accreditation_summary(region_code="63").column_totals()["expired"] == 1
