"""Summary tables: incremental maintenance by the summary_* functions, and the rebuild that must match it."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from sinergi.organisations.tests.factories import OrganisationFactory, lks_kind
from sinergi.people.choices import DischargeReason, PlacementStatus, ServiceSetting, WorkerRole
from sinergi.people.models import PlacementActive, PlacementMonthly, WorkerCount
from sinergi.people.summaries import (
    summaries_rebuild,
    summary_placement_added,
    summary_placement_changed,
    summary_placement_discharged,
    summary_snapshot,
    summary_snapshot_worker,
    summary_worker_changed,
)
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, ppks, psks

pytestmark = pytest.mark.django_db

JAN = datetime.date(2025, 1, 15)
MAR = datetime.date(2025, 3, 2)


def summary_rows() -> dict[str, list[tuple]]:
    """Every row of the three tables, without ids, sorted: what 'identical rows' means."""
    return {
        "active": sorted(
            PlacementActive.objects.values_list("level", "area_code", "parent_code", "ppks_code", "setting", "active")
        ),
        "monthly": sorted(
            PlacementMonthly.objects.values_list(
                "level", "area_code", "parent_code", "month", "ppks_code", "setting", "admissions", "discharges"
            )
        ),
        "workers": sorted(
            WorkerCount.objects.values_list("level", "area_code", "parent_code", "psks_code", "role", "active")
        ),
    }


def admit(organisation, *, on=JAN, category="anak_telantar", setting=ServiceSetting.RESIDENTIAL):
    """A placement written directly and counted the way the services count it."""
    person = PersonFactory(organisation=organisation)
    placement = PlacementFactory(
        person=person, organisation=organisation, admitted_on=on, ppks_category=ppks(category), setting=setting
    )
    summary_placement_added(placement)
    return placement


def discharge(placement, on):
    placement.status = PlacementStatus.DISCHARGED
    placement.discharged_on = on
    placement.discharge_reason = DischargeReason.REUNIFIED
    placement.save()
    summary_placement_discharged(placement)


def test_an_admission_counts_in_its_regency_province_and_the_nation():
    # Given an LKSA in Kota Banjarmasin
    lks = OrganisationFactory()
    # When a child is admitted on 15 January 2025
    admit(lks)
    # Then it is one active placement and one January admission at every level
    assert summary_rows()["active"] == [
        (0, "", "", "anak_telantar", "residential", 1),
        (1, "63", "", "anak_telantar", "residential", 1),
        (2, "63.71", "63", "anak_telantar", "residential", 1),
    ]
    assert summary_rows()["monthly"] == [
        (0, "", "", datetime.date(2025, 1, 1), "anak_telantar", "residential", 1, 0),
        (1, "63", "", datetime.date(2025, 1, 1), "anak_telantar", "residential", 1, 0),
        (2, "63.71", "63", datetime.date(2025, 1, 1), "anak_telantar", "residential", 1, 0),
    ]


def test_two_admissions_add_up_in_the_same_rows():
    lks = OrganisationFactory()
    admit(lks)
    admit(lks, on=datetime.date(2025, 1, 31))
    assert [row[-1] for row in summary_rows()["active"]] == [2, 2, 2]
    assert [row[-2:] for row in summary_rows()["monthly"]] == [(2, 0), (2, 0), (2, 0)]


def test_a_discharge_removes_the_active_count_and_adds_a_discharge_in_its_month():
    # Given one admitted child
    placement = admit(OrganisationFactory())
    # When discharged in March
    discharge(placement, MAR)
    # Then nothing is active (rows at zero are removed), January has the admission and March the discharge
    rows = summary_rows()
    assert rows["active"] == []
    assert [(r[1], r[3], r[6], r[7]) for r in rows["monthly"]] == [
        ("", datetime.date(2025, 1, 1), 1, 0),
        ("", datetime.date(2025, 3, 1), 0, 1),
        ("63", datetime.date(2025, 1, 1), 1, 0),
        ("63", datetime.date(2025, 3, 1), 0, 1),
        ("63.71", datetime.date(2025, 1, 1), 1, 0),
        ("63.71", datetime.date(2025, 3, 1), 0, 1),
    ]


def test_a_change_of_category_setting_and_date_moves_the_counts():
    # Given a child counted as residential "anak telantar" admitted in January
    placement = admit(OrganisationFactory())
    before = summary_snapshot(placement)
    # When corrected to community-based "anak jalanan" admitted in March
    placement.ppks_category = ppks("anak_jalanan")
    placement.setting = ServiceSetting.COMMUNITY
    placement.admitted_on = MAR
    placement.save()
    summary_placement_changed(before, placement)
    # Then the old cells are gone and the new ones hold the placement
    rows = summary_rows()
    assert rows["active"] == [
        (0, "", "", "anak_jalanan", "community", 1),
        (1, "63", "", "anak_jalanan", "community", 1),
        (2, "63.71", "63", "anak_jalanan", "community", 1),
    ]
    assert {(r[3], r[4], r[5]) for r in rows["monthly"]} == {(datetime.date(2025, 3, 1), "anak_jalanan", "community")}


def test_a_change_that_touches_nothing_counted_writes_nothing():
    placement = admit(OrganisationFactory())
    rows = summary_rows()
    before = summary_snapshot(placement)
    placement.stage = "asesmen"
    placement.save()
    summary_placement_changed(before, placement)
    assert summary_rows() == rows


def test_a_move_to_another_regency_moves_regency_rows_but_not_the_province_total():
    # Given a child at an LKSA in Banjarmasin
    placement = admit(OrganisationFactory())
    before = summary_snapshot(placement)
    # When the placement is relocated to an LKSA in Banjarbaru
    far = OrganisationFactory(region_id="63.72.02.1003")
    placement.organisation = far
    placement.province_code, placement.regency_code = far.province_code, far.regency_code
    placement.save()
    summary_placement_changed(before, placement)
    # Then
    assert [(r[1], r[2], r[5]) for r in summary_rows()["active"]] == [("", "", 1), ("63", "", 1), ("63.72", "63", 1)]


def test_workers_are_counted_while_they_have_no_end_date():
    # Given a caregiver and a social worker in Banjarmasin
    lks = OrganisationFactory()
    caregiver = WorkerFactory(organisation=lks)
    summary_worker_changed(None, caregiver)
    peksos = WorkerFactory(organisation=lks, psks_category=psks("peksos_profesional"), role=WorkerRole.SOCIAL_WORKER)
    summary_worker_changed(None, peksos)
    # When the caregiver leaves and the social worker is re-categorised as PSM
    before = summary_snapshot_worker(caregiver)
    caregiver.ended_on = datetime.date(2025, 6, 30)
    caregiver.save()
    summary_worker_changed(before, caregiver)
    before = summary_snapshot_worker(peksos)
    peksos.psks_category = psks("psm")
    peksos.save()
    summary_worker_changed(before, peksos)
    # Then only the PSM is counted, once per level
    assert summary_rows()["workers"] == [
        (0, "", "", "psm", "peksos", 1),
        (1, "63", "", "psm", "peksos", 1),
        (2, "63.71", "63", "psm", "peksos", 1),
    ]


def test_rebuild_gives_the_rows_kept_incrementally_after_a_mixed_history():
    # Given admissions, corrections, a transfer, discharges and workers in two kabupaten/kota
    lks = OrganisationFactory()
    elderly = OrganisationFactory(name="Panti Werdha Contoh", primary_service_kind=lks_kind("lanjut_usia"))
    far = OrganisationFactory(region_id="63.72.02.1003")
    kept = [admit(lks, on=datetime.date(2024, month, 3)) for month in (1, 5, 5, 11)]
    kept.append(admit(elderly, category="lansia_telantar", on=datetime.date(2023, 12, 31)))
    kept.append(admit(far, setting=ServiceSetting.COMMUNITY, category="anak_jalanan", on=MAR))
    discharge(kept[0], datetime.date(2024, 2, 29))
    discharge(kept[4], datetime.date(2025, 1, 1))
    before = summary_snapshot(kept[1])
    kept[1].admitted_on = datetime.date(2024, 4, 30)
    kept[1].ppks_category = ppks("anak_korban_kekerasan")
    kept[1].save()
    summary_placement_changed(before, kept[1])
    # A transfer: the old placement ends as transferred, a new one starts at the other LKS
    discharge(kept[2], datetime.date(2024, 8, 1))
    moved = PlacementFactory(
        person=kept[2].person,
        organisation=far,
        admitted_on=datetime.date(2024, 8, 1),
        ppks_category=ppks("anak_telantar"),
    )
    summary_placement_added(moved)
    # A discharge that is later corrected back to active
    before = summary_snapshot(kept[3])
    discharge(kept[3], datetime.date(2025, 2, 1))
    before = summary_snapshot(kept[3])
    kept[3].status, kept[3].discharged_on = PlacementStatus.ACTIVE, None
    kept[3].save()
    summary_placement_changed(before, kept[3])
    workers = [WorkerFactory(organisation=org) for org in (lks, lks, far, elderly)]
    for worker in workers:
        summary_worker_changed(None, worker)
    before = summary_snapshot_worker(workers[0])
    workers[0].ended_on = datetime.date(2025, 1, 1)
    workers[0].save()
    summary_worker_changed(before, workers[0])
    incremental = summary_rows()

    # When the tables are rebuilt from scratch
    counts = summaries_rebuild()

    # Then every row is identical, and the counts are those of the tables
    assert summary_rows() == incremental
    assert counts == {
        "placement_active": len(incremental["active"]),
        "placement_monthly": len(incremental["monthly"]),
        "worker_count": len(incremental["workers"]),
    }
    nation_active = {(r[3], r[4]): r[5] for r in incremental["active"] if r[0] == 0}
    assert nation_active == {
        ("anak_korban_kekerasan", "residential"): 1,
        ("anak_telantar", "residential"): 2,
        ("anak_jalanan", "community"): 1,
    }
    assert [r[5] for r in incremental["workers"] if r[0] == 0] == [3]


def test_rebuild_repairs_tables_that_drifted():
    # Given placements written without the summary functions (as a raw import would) and a stale row
    PlacementFactory.create_batch(3)
    PlacementActive.objects.create(level=0, area_code="", parent_code="", ppks_code="gelandangan", setting="community")
    # When rebuilt
    summaries_rebuild()
    # Then the stale row is gone and the three placements are counted
    assert summary_rows()["active"] == [
        (0, "", "", "anak_telantar", "residential", 3),
        (1, "63", "", "anak_telantar", "residential", 3),
        (2, "63.71", "63", "anak_telantar", "residential", 3),
    ]


def test_the_rebuild_command_prints_the_counts():
    PlacementFactory()
    WorkerFactory()
    out = StringIO()
    call_command("rebuild_people_summaries", stdout=out)
    assert out.getvalue().splitlines() == [
        "Ringkasan dibangun ulang:",
        "  placement_active: 3",
        "  placement_monthly: 3",
        "  worker_count: 3",
    ]
