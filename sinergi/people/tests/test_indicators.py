"""Indicators: small-cell suppression, selectors per scope, pages, downloads and the API."""

import csv
import datetime
import io
import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook
from rest_framework.test import APIClient

from sinergi.accounts.tests.factories import UserFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.people import services
from sinergi.people.choices import DischargeReason, PlacementStatus, ServiceSetting, WorkerRole
from sinergi.people.indicators import (
    TOTAL,
    Area,
    IndicatorFilters,
    Indicators,
    Label,
    Line,
    Matrix,
    Trend,
    TrendMonth,
    add_months,
    area_get,
    children_in_care,
    clients_by_category,
    clients_trend,
    suppress_cells,
    workers_by_category,
)
from sinergi.people.models import (
    PlacementActive,
    PlacementMonthly,
    PublicClientsMonth,
    PublicClientsMonthEnd,
    WorkerCount,
)
from sinergi.people.summaries import (
    summaries_rebuild,
    summary_placement_added,
    summary_placement_discharged,
    summary_worker_changed,
)
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, people_world, ppks, psks
from sinergi.people.tests.test_summaries import summary_rows

TODAY = datetime.date(2025, 6, 20)


def matrix(grid: list[list[int]], *, key="t") -> Matrix:
    """A matrix with rows r1.. and columns A.. from a grid of counts."""
    rows = [Label(f"r{i + 1}", f"r{i + 1}") for i in range(len(grid))]
    columns = [Label(chr(65 + j), chr(65 + j)) for j in range(len(grid[0]))]
    counts = {(r.code, c.code): grid[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns) if grid[i][j]}
    return Matrix(key=key, title="t", row_header="h", rows=rows, columns=columns, counts=counts)


def hidden_cells(m: Matrix) -> set[tuple[str, str]]:
    keys = [(r.code, c.code) for r in m.rows for c in m.columns]
    keys += [(r.code, TOTAL) for r in m.rows] + [(TOTAL, c.code) for c in m.columns] + [(TOTAL, TOTAL)]
    return {key for key in keys if m.value(*key) is None}


# --- suppression ---------------------------------------------------------------------------------------------


def test_nothing_is_hidden_when_every_cell_is_large_or_zero():
    m = matrix([[10, 0], [7, 25]]).suppressed(5)
    assert hidden_cells(m) == set()
    assert (m.value("r1", "A"), m.value("r1", "B"), m.total, m.hidden) == (10, 0, 42, 0)


def test_a_small_cell_is_hidden_with_the_next_smallest_in_its_row_and_column():
    # Given a 3×3 table with one small cell (r1,B)=3
    m = matrix([[10, 3, 20], [8, 12, 7], [6, 9, 15]]).suppressed(5)
    # Then r1's next smallest (A=10), and in the columns thus touched the next smallest (B: r3=9, A: r3=6) go too
    assert hidden_cells(m) == {("r1", "B"), ("r1", "A"), ("r3", "B"), ("r3", "A")}
    # And every total stays
    assert [m.value("r1", TOTAL), m.value("r2", TOTAL), m.value("r3", TOTAL)] == [33, 27, 30]
    assert [m.value(TOTAL, "A"), m.value(TOTAL, "B"), m.value(TOTAL, "C"), m.total] == [24, 24, 42, 90]
    assert m.hidden == 4
    assert m.threshold == 5


def test_small_totals_are_hidden_and_protected_by_another_total():
    # Given a row whose total is itself small
    m = matrix([[2, 1], [10, 20]]).suppressed(5)
    # Then the row and its total are hidden, the cells below them protect the columns, and the other row total
    # protects the hidden total in the column of totals; column totals and the grand total stay
    assert hidden_cells(m) == {("r1", "A"), ("r1", "B"), ("r1", TOTAL), ("r2", "A"), ("r2", "B"), ("r2", TOTAL)}
    assert [m.value(TOTAL, "A"), m.value(TOTAL, "B"), m.total] == [12, 21, 33]


def test_a_single_column_table_has_no_row_totals_and_protects_through_the_column_total():
    # Given one kabupaten/kota as the only column
    m = matrix([[3], [10], [0], [7]]).suppressed(5)
    # Then the small cell and the next smallest non-zero one are hidden; the zero and the total stay
    assert [row[1:] for row in m.table_rows()] == [[None], [10], [0], [None]]
    assert m.headers == ["h", "A"]
    assert m.footer() == ["Jumlah", 20]
    assert m.as_json()["row_totals"] == [None, 10, 0, None]
    assert m.total == 20


def test_a_single_cell_table_hides_its_total_with_it():
    m = matrix([[4]]).suppressed(5)
    assert (m.value("r1", "A"), m.total, m.as_json()["row_totals"], m.as_json()["column_totals"]) == (
        None,
        None,
        [None],
        [None],
    )


def test_zeros_are_hidden_only_when_nothing_else_can_protect_a_cell():
    values = {"a": 3, "b": 0, "c": 0}
    assert suppress_cells(values, [Line(("a", "b", "c"))], 5) == {"a", "b"}


def test_hidden_cells_whose_sum_the_total_gives_away_are_joined_by_another():
    # Given a column of 141 where two cells of 1 are small: 141 − 60 − 79 = 2 tells each is 1 (or 0 and 2)
    values = {"a": 1, "b": 1, "c": 60, "d": 79, "total": 141}
    hidden = suppress_cells(values, [Line(tuple(values), ("a", "b", "c", "d"))], 5)
    # Then the next smallest joins them: the three hidden cells sum to 62, which bounds none of them below 5
    assert hidden == {"a", "b", "c"}


def largest_possible(m: Matrix, grid: list[list[int]], cell: tuple[str, str]) -> float:
    """The largest whole value a reader can give `cell` from what `m` publishes (cells, row and column totals,
    grand total): a small integer programme, built from the published figures alone (not from the suppression's own
    lines), solved by branch and bound."""
    import highspy
    import numpy

    rows, cols = [r.code for r in m.rows], [c.code for c in m.columns]
    keys = [(r, c) for r in [*rows, TOTAL] for c in [*cols, TOTAL]]
    unknown = [key for key in keys if m.value(*key) is None]
    index = {key: i for i, key in enumerate(unknown)}
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.addVars(len(unknown), numpy.zeros(len(unknown)), numpy.full(len(unknown), highspy.kHighsInf))
    for i in range(len(unknown)):
        solver.changeColIntegrality(i, highspy.HighsVarType.kInteger)
    lines = [([(r, c) for c in cols], (r, TOTAL)) for r in [*rows, TOTAL]]
    lines += [([(r, c) for r in rows], (TOTAL, c)) for c in [*cols, TOTAL]]
    for parts, total in lines:
        coefficients, shown = {}, 0
        for key, sign in [*((p, 1) for p in parts), (total, -1)]:
            if key in index:
                coefficients[index[key]] = coefficients.get(index[key], 0) + sign
            else:
                shown -= sign * m.value(*key)
        if coefficients:
            solver.addRow(shown, shown, len(coefficients), numpy.array(list(coefficients), dtype=numpy.int32),
                          numpy.array(list(coefficients.values()), dtype=numpy.float64))  # fmt: skip
    solver.changeObjectiveSense(highspy.ObjSense.kMaximize)
    solver.changeColCost(index[cell], 1)
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return float("inf")
    return solver.getInfo().objective_function_value


@pytest.mark.parametrize(
    "grid",
    [
        [[5, 8, 12], [4, 8, 2], [6, 1, 12]],  # x10 + x12 = 6, x10 + x20 = 10, x20 + x21 = 7 gave x21 = x10 − 3 ≤ 3
        [[6, 5, 2], [0, 8, 0]],  # a hidden column total of 6 + x10 gave x10 + x02 = 2
    ],
)
def test_lines_read_together_do_not_bound_a_small_cell_below_the_threshold(grid):
    m = matrix(grid).suppressed(5)
    for i, r in enumerate(m.rows):
        for j, c in enumerate(m.columns):
            if 0 < grid[i][j] < 5:
                assert m.value(r.code, c.code) is None
                assert largest_possible(m, grid, (r.code, c.code)) >= 5, (r.code, c.code)


def test_a_negative_count_from_inconsistent_summaries_leaves_nothing_unproved():
    # Cells no reader could have all at once (≥ 0) made every programme infeasible, which passed every small cell
    # (before: row totals 7 and −1 and column totals 0 and 6 were shown, which put the hidden 1 at 1 or below)
    m = matrix([[1, 6], [-1, 0]]).suppressed(5)
    assert m.value("r1", "A") is None
    assert m.value("r1", TOTAL) is None and m.value(TOTAL, "B") is None


def test_the_threshold_comes_from_settings(settings):
    settings.SINERGI = {**settings.SINERGI, "SMALL_CELL_THRESHOLD": 11}
    from sinergi.people.indicators import suppression_threshold

    assert suppression_threshold() == 11
    m = matrix([[10, 30], [40, 50]]).suppressed(suppression_threshold())
    assert hidden_cells(m) == {("r1", "A"), ("r1", "B"), ("r2", "A"), ("r2", "B")}


def true_value(grid, rows, cols, cell) -> int:
    r, c = cell
    row_indexes = range(len(rows)) if r == TOTAL else [rows.index(r)]
    col_indexes = range(len(cols)) if c == TOTAL else [cols.index(c)]
    return sum(grid[i][j] for i in row_indexes for j in col_indexes)


def test_random_tables_never_give_a_hidden_cell_away():
    rng = random.Random(20250620)
    for _ in range(300):
        grid = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _c in range(rng.randint(1, 6))]]
        grid += [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _c in grid[0]] for _r in range(rng.randint(0, 6))]
        m = matrix(grid).suppressed(5)
        hidden = hidden_cells(m)
        rows, cols = [r.code for r in m.rows], [c.code for c in m.columns]
        # Every small cell is hidden
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                if 0 < grid[i][j] < 5:
                    assert (r, c) in hidden
        lines = []
        if m.has_row_totals:
            lines += [[(r, c) for c in cols] + [(r, TOTAL)] for r in rows]
        if m.has_column_totals:
            lines += [[(r, c) for r in rows] + [(TOTAL, c)] for c in cols]
        if m.has_row_totals and m.has_column_totals:
            lines += [[(TOTAL, c) for c in cols] + [(TOTAL, TOTAL)], [(r, TOTAL) for r in rows] + [(TOTAL, TOTAL)]]
        for line in lines:
            assert sum(1 for cell in line if cell in hidden) != 1, (grid, line)
            # A shown total tells the sum of the line's hidden cells: it must not be a small number either
            if line[-1] not in hidden:
                hidden_sum = sum(true_value(grid, rows, cols, cell) for cell in line[:-1] if cell in hidden)
                assert not 0 < hidden_sum < 5, (grid, line, hidden_sum)
        # Visible numbers are the true ones
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                assert m.value(r, c) in (None, grid[i][j])
        # And all that is shown, read together, never bounds a small cell below the threshold
        if m.has_row_totals and m.has_column_totals:
            for i, r in enumerate(rows):
                for j, c in enumerate(cols):
                    if 0 < grid[i][j] < 5:
                        assert largest_possible(m, grid, (r, c)) >= 5, (grid, r, c)


def test_a_trend_hides_small_flows_and_what_would_give_them_away():
    # Given active 10 → 7 with 3 discharges in May, and steady large numbers otherwise
    months = [
        TrendMonth(datetime.date(2025, 4, 1), 10, 6, 6),
        TrendMonth(datetime.date(2025, 5, 1), 7, 0, 3),
        TrendMonth(datetime.date(2025, 6, 1), 12, 5, 0),
    ]
    t = Trend(key="trend", title="t", months=months).suppressed(5)
    # Then May's 3 discharges are hidden; so is May's active (the smallest other figure of that month's identity),
    # which then needs June's admissions (5, the smallest of June's other non-zero figures) hidden as well
    assert [(m.active, m.admissions, m.discharges) for m in t.months] == [(10, 6, 6), (None, 0, None), (12, None, 0)]
    assert t.hidden == 3


def test_a_trend_without_small_figures_is_unchanged():
    months = [TrendMonth(datetime.date(2025, 5, 1), 50, 10, 0), TrendMonth(datetime.date(2025, 6, 1), 55, 5, 0)]
    t = Trend(key="trend", title="t", months=months).suppressed(5)
    assert [(m.active, m.admissions, m.discharges) for m in t.months] == [(50, 10, 0), (55, 5, 0)]


# --- figures from the summary tables -------------------------------------------------------------------------


def place(organisation, *, on, category="anak_telantar", setting=ServiceSetting.RESIDENTIAL, left=None):
    placement = PlacementFactory(
        person=PersonFactory(organisation=organisation),
        organisation=organisation,
        admitted_on=on,
        ppks_category=ppks(category),
        setting=setting,
    )
    summary_placement_added(placement)
    if left:
        placement.status, placement.discharged_on = PlacementStatus.DISCHARGED, left
        placement.discharge_reason = DischargeReason.REUNIFIED
        placement.save()
        summary_placement_discharged(placement)
    return placement


@pytest.fixture
def world(db):
    world = people_world()
    # Banjarmasin (63.71): 6 residential children, 2 community children (one discharged in May), 1 elderly.
    for day in (3, 4, 5, 6, 7, 8):
        place(world.lks, on=datetime.date(2025, 1, day))
    place(world.lks, on=datetime.date(2025, 3, 1), setting=ServiceSetting.COMMUNITY, category="anak_jalanan")
    place(
        world.lks,
        on=datetime.date(2025, 4, 1),
        setting=ServiceSetting.COMMUNITY,
        category="anak_jalanan",
        left=datetime.date(2025, 5, 10),
    )
    place(world.elderly_home, on=datetime.date(2024, 12, 1), category="lansia_telantar")
    # Banjarbaru (63.72): 2 residential children admitted in June.
    for day in (1, 2):
        place(world.lks_other_regency, on=datetime.date(2025, 6, day))
    for org, category, role in (
        (world.lks, "lks", WorkerRole.CAREGIVER),
        (world.lks, "lks", WorkerRole.CAREGIVER),
        (world.lks, "peksos_profesional", WorkerRole.SOCIAL_WORKER),
        (world.lks_other_regency, "lks", WorkerRole.CAREGIVER),
    ):
        summary_worker_changed(None, WorkerFactory(organisation=org, psks_category=psks(category), role=role))
    return world


def test_clients_by_category_for_a_province_are_exact_per_kabupaten(world):
    m = clients_by_category(area=area_get("63"))
    assert [c.code for c in m.columns][:2] == ["63.01", "63.02"]
    assert len(m.columns) == 13
    assert (m.value("anak_telantar", "63.71"), m.value("anak_telantar", "63.72")) == (6, 2)
    assert (m.value("anak_jalanan", "63.71"), m.value("lansia_telantar", "63.71")) == (1, 1)
    assert (m.value("anak_telantar", TOTAL), m.value(TOTAL, "63.71"), m.total) == (8, 8, 10)
    assert [r.code for r in m.rows][:2] == ["anak_balita_telantar", "anak_telantar"]
    assert len(m.rows) == 26


def test_clients_at_the_end_of_an_earlier_month_undo_later_admissions_and_discharges(world):
    # At the end of April: 6 + 2 community children (the second left in May) + 1 elderly; nothing in Banjarbaru
    m = clients_by_category(area=area_get("63"), month=datetime.date(2025, 4, 1))
    assert (m.value("anak_telantar", "63.71"), m.value("anak_jalanan", "63.71"), m.value(TOTAL, "63.72")) == (6, 2, 0)
    assert m.total == 9


def test_filters_narrow_the_clients_table(world):
    m = clients_by_category(area=area_get("63.71"), setting=ServiceSetting.COMMUNITY)
    assert [c.code for c in m.columns] == ["63.71"]
    assert (m.value("anak_jalanan", "63.71"), m.total) == (1, 1)
    m = clients_by_category(area=area_get("63"), ppks="anak_telantar")
    assert [r.code for r in m.rows] == ["anak_telantar"]
    assert m.total == 8


def test_the_trend_walks_back_from_the_active_count(world):
    t = clients_trend(area=area_get("63"), today=TODAY)
    assert len(t.months) == 24
    assert t.months[0].month == datetime.date(2023, 7, 1)
    tail = [(m.month.strftime("%Y-%m"), m.active, m.admissions, m.discharges) for m in t.months[-8:]]
    assert tail == [
        ("2024-11", 0, 0, 0),
        ("2024-12", 1, 1, 0),
        ("2025-01", 7, 6, 0),
        ("2025-02", 7, 0, 0),
        ("2025-03", 8, 1, 0),
        ("2025-04", 9, 1, 0),
        ("2025-05", 8, 0, 1),
        ("2025-06", 10, 2, 0),
    ]


def test_the_trend_counts_future_dated_rows_after_the_last_month(world):
    place(world.lks, on=datetime.date(2025, 8, 1))
    t = clients_trend(area=area_get("63.71"), today=TODAY)
    assert t.months[-1].active == 8


def test_children_in_care_leave_out_other_categories(world):
    m = children_in_care(area=area_get("63"))
    assert (m.value("63.71", "residential"), m.value("63.71", "community"), m.value("63.72", "residential")) == (
        6,
        1,
        2,
    )
    assert m.total == 9


def test_children_in_care_at_the_end_of_an_earlier_month_agree_with_the_clients_table_of_that_month(world):
    # End of April: Banjarmasin's 6 residential children and both community children (one left in May); Banjarbaru's
    # two were admitted in June.
    april = datetime.date(2025, 4, 1)

    children = children_in_care(area=area_get("63"), month=april)
    clients = clients_by_category(area=area_get("63"), month=april)

    assert (children.value("63.71", "residential"), children.value("63.71", "community")) == (6, 2)
    assert children.value("63.72", TOTAL) == 0
    assert children.total == clients.total - clients.value("lansia_telantar", TOTAL) == 8
    assert children.title.endswith("(akhir 2025-04)")


def test_workers_by_category_and_role(world):
    m = workers_by_category(area=area_get("63"))
    assert (m.value("lks", "63.71"), m.value("peksos_profesional", "63.71"), m.value("lks", "63.72")) == (2, 1, 1)
    m = workers_by_category(area=area_get("63"), role=WorkerRole.SOCIAL_WORKER)
    assert m.total == 1


def test_the_nation_is_broken_down_by_province(world):
    m = clients_by_category(area=area_get(""))
    assert [c.code for c in m.columns] == ["63"]
    assert m.total == 10


# --- scope ---------------------------------------------------------------------------------------------------


def test_an_lks_operator_sees_exact_figures_of_their_kabupaten_only(world):
    ind = Indicators(actor=world.operator)
    assert (ind.area.code, ind.public) == ("63.71", False)
    assert ind.clients.value("anak_telantar", "63.71") == 6
    assert ind.workers.value("peksos_profesional", "63.71") == 1  # 1 < 5, yet shown: not public
    assert [a.code for a in ind.choices] == ["63.71"]
    for other in ("63", "63.72", ""):
        if other == "":
            continue
        with pytest.raises(PermissionDenied):
            Indicators(actor=world.operator, filters=IndicatorFilters(region=other))


def test_a_province_admin_sees_the_province_and_any_of_its_kabupaten(world):
    ind = Indicators(actor=world.province_admin)
    assert ind.area.code == "63"
    assert ind.clients.total == 10
    assert Indicators(actor=world.province_admin, filters=IndicatorFilters(region="63.72")).clients.total == 2
    assert [a.code for a in ind.choices][:2] == ["63", "63.01"]


def test_a_dinsos_viewer_of_another_kabupaten_sees_only_theirs(world):
    ind = Indicators(actor=world.dinsos_other)
    assert (ind.area.code, ind.clients.total) == ("63.72", 2)
    with pytest.raises(PermissionDenied):
        Indicators(actor=world.dinsos_other, filters=IndicatorFilters(region="63.71"))


def test_an_account_without_a_scope_sees_no_aggregates(world):
    with pytest.raises(PermissionDenied):
        Indicators(actor=world.outsider)


def test_the_public_sees_any_area_suppressed(world):
    ind = Indicators(actor=None, filters=IndicatorFilters(region="63"))
    assert ind.public
    # Banjarbaru's 2 and the single ones are hidden; Banjarmasin's 6 too, or 8 − 6 would give Banjarbaru's 2 away;
    # and Banjarmasin's column total 8, or 10 − 8 would; the row total 8 too, or 10 − 8 would tell that the two
    # other categories hold 2 children between them; the grand total 10 stays
    assert ind.clients.value("anak_telantar", "63.72") is None
    assert ind.clients.value("anak_telantar", "63.71") is None
    assert ind.clients.value("lansia_telantar", "63.71") is None
    assert (ind.clients.value(TOTAL, "63.71"), ind.clients.value(TOTAL, "63.72")) == (None, None)
    assert (ind.clients.value("anak_telantar", TOTAL), ind.clients.total) == (None, 10)
    assert ind.clients.value("anak_jalanan", TOTAL) is None
    assert ind.workers.value("peksos_profesional", "63.71") is None


def test_bad_filters_are_refused_with_every_message(db):
    with pytest.raises(ValidationError) as excinfo:
        IndicatorFilters.from_query({"setting": "panti", "month": "Maret", "role": "bos", "ppks": "tidak_ada"})
    assert excinfo.value.message_dict == {
        "setting": ["Bentuk layanan harus residential atau community."],
        "ppks": ["Kategori PPKS “tidak_ada” tidak dikenal."],
        "role": ["Peran pekerja “bos” tidak dikenal."],
        "month": ["Bulan harus berformat TTTT-BB, misalnya 2025-03."],
    }


@pytest.mark.django_db
def test_an_unknown_region_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        area_get("63.71.01")
    assert excinfo.value.message_dict == {"region": ["Kode wilayah “63.71.01” bukan provinsi atau kabupaten/kota."]}
    assert area_get("63.71") == Area("63.71", "Kota Banjarmasin")


# --- summaries through the real services ---------------------------------------------------------------------


def test_the_services_keep_the_summaries_equal_to_a_rebuild(world):
    from sinergi.people.tests.test_services import consent_data, person_data, placement_data

    outcome = services.person_admit(
        actor=world.operator,
        organisation=world.lks,
        person_data=person_data(),
        placement_data=placement_data(),
        consent_data=consent_data(),
    )
    placement = outcome.obj.placements.get()
    moved = services.placement_transfer(
        actor=world.operator, placement=placement, to_organisation=world.lks_same_regency, on=datetime.date.today()
    )
    services.placement_discharge(
        actor=world.other_operator,
        placement=moved,
        discharged_on=datetime.date.today(),
        reason=DischargeReason.REUNIFIED,
    )
    incremental = summary_rows()
    summaries_rebuild()
    assert summary_rows() == incremental
    # Admitted, transferred and discharged: nothing more is active than the fixture's placements
    nation_active = {(r[3], r[4]): r[5] for r in incremental["active"] if r[0] == 0}
    assert nation_active == {
        ("anak_telantar", "residential"): 8,
        ("anak_jalanan", "community"): 1,
        ("lansia_telantar", "residential"): 1,
    }
    # This month: the transfer's new placement came in, and both placements left
    this_month = datetime.date.today().replace(day=1)
    nation = [r for r in incremental["monthly"] if r[0] == 0 and r[3] == this_month and r[4] == "anak_telantar"]
    admitted_this_month = 2 if placement.admitted_on >= this_month else 1
    assert (sum(r[6] for r in nation), sum(r[7] for r in nation)) == (admitted_this_month, 2)


# --- pages -----------------------------------------------------------------------------------------------------


def test_the_dashboard_needs_a_login(client, world):
    response = client.get(reverse("indicators:dashboard"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_dashboard_shows_the_operators_kabupaten_without_touching_person_tables(client, world):
    client.force_login(world.operator)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("indicators:dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kota Banjarmasin" in body
    assert 'id="people-chart-data"' in body
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert 'people_placement"' not in sql.replace("people_placementactive", "").replace("people_placementmonthly", "")
    assert "people_person" not in sql and 'people_worker"' not in sql
    assert len(queries.captured_queries) <= 20


def test_with_a_month_chosen_every_figure_on_the_dashboard_says_when_it_is_of(client, world):
    client.force_login(world.operator)
    today = timezone.localdate().strftime("%d-%m-%Y")

    body = client.get(reverse("indicators:dashboard"), {"month": "2025-04"}).content.decode()

    labels = re.findall(r'<div class="kpi-label">([^<]*)</div>', body)
    assert labels == [
        "Penerima layanan aktif, akhir 2025-04",
        "Anak dalam pengasuhan LKS, akhir 2025-04",
        f"Pekerja sosial aktif, saat ini ({today})",
    ]
    assert re.search(r'<div class="kpi">(\d+)</div><div class="kpi-label">Anak', body).group(1) == "8"
    assert f"Pekerja sosial (PSKS) aktif menurut kategori dan wilayah (saat ini, {today})" in body
    assert "bukan akhir bulan yang dipilih: data pekerja tidak menyimpan riwayat bulanan" in body


def test_without_a_month_the_dashboard_figures_carry_no_date_label(client, world):
    client.force_login(world.operator)

    body = client.get(reverse("indicators:dashboard")).content.decode()

    labels = re.findall(r'<div class="kpi-label">([^<]*)</div>', body)
    assert labels == ["Penerima layanan aktif", "Anak dalam pengasuhan LKS", "Pekerja sosial aktif"]


def test_the_dashboard_refuses_an_area_outside_the_scope(client, world):
    client.force_login(world.operator)
    response = client.get(reverse("indicators:dashboard"), {"region": "63.72"})
    assert response.status_code == 403
    assert "Wilayah ini di luar cakupan akun Anda." in response.content.decode()


def test_the_dashboard_explains_bad_filters(client, world):
    client.force_login(world.regency_board)
    response = client.get(reverse("indicators:dashboard"), {"month": "2025-13"})
    assert response.status_code == 400
    assert "Bulan harus berformat TTTT-BB, misalnya 2025-03." in response.content.decode()


def test_the_public_page_has_suppressed_cells_and_no_inline_script(client, world):
    response = client.get(reverse("indicators:public"), {"region": "63"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "angka di bawah 5 disembunyikan" in body
    assert '<span title="disembunyikan">*</span>' in body
    for tag in re.findall(r"<script[^>]*>", body):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "style=" not in body


def test_the_public_page_opens_on_the_deployment_province_by_kabupaten_kota(client, world, settings):
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "63"}

    response = client.get(reverse("indicators:public"))

    assert response.status_code == 200
    assert response.context["indicators"].area.code == "63"
    body = response.content.decode()
    assert '<option value="63" selected>' in body
    assert '<th scope="col" class="num">Kota Banjarmasin</th>' in body


def test_the_public_never_gets_the_national_table_whose_cells_are_each_provinces_totals(client, world):
    # An empty region (the old "Indonesia" choice) opens the province with most clients in care, on the page and in
    # the API; the picker offers provinces and kabupaten/kota only
    response = client.get(reverse("indicators:public"), {"region": ""})
    api = APIClient().get("/api/v1/indicators/clients/", {"region": ""}).json()

    assert response.status_code == 200
    assert response.context["indicators"].area.code == "63"
    assert '<option value="">' not in response.content.decode()
    assert '<option value="" selected>' not in response.content.decode()
    assert (api["public"], api["area"]["code"]) == (True, "63")
    # Signed in with a national scope, the nation's table is there
    admin = UserFactory(is_superuser=True)
    assert Indicators(actor=admin, filters=IndicatorFilters(region="")).area.code == ""


def test_the_htmx_request_gets_only_the_results(client, world):
    response = client.get(
        reverse("indicators:public"), {"region": "63.71"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="indicator-results"
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="indicator-results">')
    assert "<html" not in body


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_public_download_has_the_suppressed_numbers_and_is_not_audited(client, world):
    response = client.get(reverse("indicators:public"), {"region": "63", "table": "clients", "format": "csv"})
    assert response.status_code == 200
    rows = csv_rows(response)
    page = Indicators(actor=None, filters=IndicatorFilters(region="63")).clients
    assert rows[1:] == [["*" if cell is None else str(cell) for cell in row] for row in page.download_rows()]
    anak = next(r for r in rows if r[0] == "Anak Telantar")
    assert anak[[*rows[0]].index("Kota Banjarmasin")] == "*"  # the province hides Banjarmasin's 6
    assert AuditEvent.objects.filter(action="people.indicators.exported").count() == 0


@pytest.mark.parametrize("table", ["trend", "children"])
def test_the_public_gets_no_table_that_cuts_the_clients_figures_otherwise(client, world, table):
    # Regency 63.71: clients [*, 9, *] with total 18 beside children 6 + 5 = 11 gave anak_telantar = 11 − 9 = 2
    api = APIClient().get(f"/api/v1/indicators/{table}/", {"region": "63.71"})
    download = client.get(reverse("indicators:public"), {"region": "63.71", "table": table, "format": "csv"})
    page = client.get(reverse("indicators:public"), {"region": "63.71"})
    assert api.status_code == download.status_code == 400
    assert "hanya tersedia bagi pengguna yang masuk" in str(api.json())
    assert [t.key for t, _html in page.context["tables"]] == ["clients", "workers"]
    assert table not in page.context["chart_data"]
    signed_in = APIClient()
    signed_in.force_authenticate(world.regency_board)
    assert signed_in.get(f"/api/v1/indicators/{table}/", {"region": "63.71"}).status_code == 200


def test_public_workers_of_a_kota_do_not_let_its_total_undo_the_hidden_cells(client, world):
    # Given Banjarmasin's workers: 1 professional social worker (the world's), 1 community social worker, and 33
    # caregivers (the world's 2 and 31 more), 35 in all
    summary_worker_changed(None, WorkerFactory(organisation=world.lks, psks_category=psks("psm")))
    for _ in range(31):
        summary_worker_changed(None, WorkerFactory(organisation=world.lks, psks_category=psks("lks")))
    # When the public downloads Banjarmasin's workers table
    response = client.get(reverse("indicators:public"), {"region": "63.71", "table": "workers", "format": "csv"})
    rows = {row[0]: row[1] for row in csv_rows(response)[1:]}
    # Then the two single workers are hidden, and the 33 too: 35 − 33 would tell that the two hidden cells hold 2
    assert rows["Pekerja Sosial Profesional"] == rows["Pekerja Sosial Masyarakat"] == "*"
    assert rows["Lembaga Kesejahteraan Sosial"] == "*"
    # And its total too: the province's table hides it (36 − 35 would give Banjarbaru's single worker away), and
    # Banjarmasin's table, the same figures in one column, never shows what the province's hides
    assert (rows["Karang Taruna"], rows["Jumlah"]) == ("0", "*")
    province = Indicators(actor=None, filters=IndicatorFilters(region="63")).workers
    assert (province.value(TOTAL, "63.71"), province.value(TOTAL, "63.72"), province.total) == (None, None, 36)
    # And the page hides the same cells
    page = client.get(reverse("indicators:public"), {"region": "63.71"}).context["indicators"].workers
    assert [page.value(code, "63.71") for code in ("peksos_profesional", "psm", "lks")] == [None, None, None]
    assert page.value(TOTAL, "63.71") is None


def test_a_kotas_public_table_never_shows_a_figure_its_provinces_table_hides(world):
    # Banjarmasin's table is the province's Banjarmasin column; suppressed alone, it would show its 6 children
    # (the province hides them: 8 − 6 would give Banjarbaru's 2 away)
    province = Indicators(actor=None, filters=IndicatorFilters(region="63"))
    kota = Indicators(actor=None, filters=IndicatorFilters(region="63.71"))
    for table in ("clients", "children", "workers"):
        whole, part = getattr(province, table), getattr(kota, table)
        shown_there = {key for key, value in part.counts.items() if value is not None and "63.71" in key}
        assert not shown_there & whole.hidden_keys(), table
    assert kota.clients.value("anak_telantar", "63.71") is None


def test_a_signed_in_download_is_exact_and_audited(client, world):
    client.force_login(world.regency_board)
    response = client.get(reverse("indicators:dashboard"), {"table": "trend", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    event = AuditEvent.objects.get(action="people.indicators.exported")
    assert (event.actor, event.data["table"], event.data["area"], event.data["rows"]) == (
        world.regency_board,
        "trend",
        "63.71",
        24,
    )


def keterangan(response) -> dict[str, str]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names[1] == "Keterangan"
    return dict(book.get_sheet_by_index(1).to_python()[1:])


def test_a_downloaded_indicator_table_says_its_area_month_and_filters_in_its_name_and_keterangan_sheet(client, world):
    client.force_login(world.regency_board)
    today = timezone.localdate()
    query = {"region": "63.71", "month": "2025-04", "setting": "community", "role": "pengasuh"}

    clients = client.get(reverse("indicators:dashboard"), {**query, "table": "clients", "format": "xlsx"})
    workers = client.get(reverse("indicators:dashboard"), {**query, "table": "workers", "format": "csv"})

    assert clients["Content-Disposition"] == (
        f'attachment; filename="sinergi-clients-6371-akhir-2025-04-community-{today}.xlsx"'
    )
    notes = keterangan(clients)
    assert (notes["Wilayah"], notes["Per"], notes["Bentuk layanan"]) == (
        "Kota Banjarmasin (63.71)", "akhir 2025-04", "Luar panti / berbasis keluarga"
    )  # fmt: skip
    assert "Peran pekerja" not in notes  # the role filter does not narrow the clients table
    # Workers have no monthly history: the file says the figures are today's, not April's.
    assert (
        workers["Content-Disposition"] == f'attachment; filename="sinergi-workers-6371-saat-ini-pengasuh-{today}.csv"'
    )


def test_a_downloaded_workers_table_says_on_its_keterangan_sheet_that_its_figures_are_today_s(client, world):
    client.force_login(world.regency_board)

    response = client.get(reverse("indicators:dashboard"), {"month": "2025-04", "table": "workers", "format": "xlsx"})

    notes = keterangan(response)
    assert notes["Per"] == f"saat ini ({timezone.localdate().strftime('%d-%m-%Y')})"
    assert notes["Tabel"].endswith(f"(saat ini, {timezone.localdate().strftime('%d-%m-%Y')})")


def test_a_download_of_an_unknown_table_is_refused(client, world):
    response = client.get(reverse("indicators:public"), {"table": "orang", "format": "csv"})
    assert response.status_code == 400
    assert "Tabel “orang” tidak ada." in response.content.decode()


# --- API -------------------------------------------------------------------------------------------------------


def test_the_public_api_gives_suppressed_figures(world):
    response = APIClient().get("/api/v1/indicators/clients/", {"region": "63"})
    assert response.status_code == 200
    data = response.json()
    assert (data["public"], data["area"], data["threshold"], data["total"]) == (
        True,
        {"code": "63", "name": "Kalimantan Selatan"},
        5,
        10,
    )
    row = [r["code"] for r in data["rows"]].index("anak_telantar")
    columns = [c["code"] for c in data["columns"]]
    assert data["cells"][row][columns.index("63.71")] is None
    assert data["cells"][row][columns.index("63.72")] is None
    assert data["row_totals"][row] is None
    assert data["cells"][row][columns.index("63.01")] == 0
    assert data["suppressed_cells"] == 9


def test_the_api_gives_a_signed_in_board_exact_figures_of_its_scope(world):
    api = APIClient()
    api.force_authenticate(world.regency_board)
    data = api.get("/api/v1/indicators/workers/").json()
    assert (data["public"], data["area"]["code"], data["threshold"], data["total"]) == (False, "63.71", None, 3)
    assert api.get("/api/v1/indicators/workers/", {"region": "63"}).status_code == 403


def test_the_trend_api_lists_24_months(world):
    api = APIClient()
    api.force_authenticate(world.regency_board)
    data = api.get("/api/v1/indicators/trend/", {"region": "63.71"}).json()
    assert len(data["months"]) == 24
    assert data["public"] is False


@pytest.mark.parametrize(
    "table, breakdown",
    [
        ("clients", {"setting": "residential"}),
        ("clients", {"ppks": "anak_telantar"}),
        ("workers", {"role": "pengasuh"}),
    ],
)
def test_the_public_gets_no_breakdown_that_set_beside_the_whole_table_would_undo_its_suppression(
    client, world, table, breakdown
):
    # Residential [*, *, 40] beside community [30, 0, 0] and all [32, 30, 40] gives the hidden 2 away
    api = APIClient().get(f"/api/v1/indicators/{table}/", {"region": "63", **breakdown})
    page = client.get(reverse("indicators:public"), {"region": "63", "table": table, **breakdown})
    assert api.status_code == page.status_code == 400
    assert "hanya tersedia bagi pengguna yang masuk" in str(api.json())
    assert "hanya tersedia bagi pengguna yang masuk" in page.content.decode()
    # Signed in, within scope, the breakdown is there
    signed_in = APIClient()
    signed_in.force_authenticate(world.province_admin)
    assert signed_in.get(f"/api/v1/indicators/{table}/", {"region": "63", **breakdown}).status_code == 200


def test_the_api_refuses_a_breakdown_its_table_does_not_have(world):
    # Workers have no PPKS category, clients no role: a filter the table cannot apply is named, not ignored
    signed_in = APIClient()
    signed_in.force_authenticate(world.province_admin)
    response = signed_in.get("/api/v1/indicators/clients/", {"region": "63", "role": "pengasuh"})
    assert response.status_code == 400
    assert response.json() == {
        "role": ["Parameter “role” tidak dikenal di alamat ini. Yang dikenal: month, ppks, region, setting."]
    }


def test_the_public_page_offers_only_the_area(client, world):
    body = client.get(reverse("indicators:public"), {"region": "63"}).content.decode()
    assert 'name="region"' in body
    for name in ("month", "setting", "ppks", "role"):
        assert f'name="{name}"' not in body


def test_the_public_gets_no_past_month_whose_difference_from_now_is_each_cells_small_flow(client, world):
    api = APIClient().get("/api/v1/indicators/clients/", {"region": "63", "month": "2025-03"})
    page = client.get(reverse("indicators:public"), {"region": "63", "month": "2025-03"})
    assert api.status_code == page.status_code == 400
    assert "Angka per akhir bulan yang lalu hanya tersedia bagi pengguna yang masuk" in str(api.json())
    signed_in = APIClient()
    signed_in.force_authenticate(world.regency_board)
    assert signed_in.get("/api/v1/indicators/clients/", {"month": "2025-03"}).status_code == 200


def test_the_api_explains_bad_parameters(world):
    response = APIClient().get("/api/v1/indicators/children/", {"region": "99"})
    assert response.status_code == 400
    assert response.json() == {"region": ["Kode wilayah “99” bukan provinsi atau kabupaten/kota."]}


def test_an_account_without_a_scope_gets_the_public_api(world):
    api = APIClient()
    api.force_authenticate(world.outsider)
    assert api.get("/api/v1/indicators/workers/", {"region": "63"}).json()["public"] is True


def test_the_indicator_endpoints_are_in_the_schema(client):
    schema = client.get("/api/v1/schema/").content.decode()
    for name in ("clients", "trend", "children", "workers"):
        assert f"/api/v1/indicators/{name}/" in schema


def test_page_loads_read_summary_rows_only(client, world):
    # A guard on the design: emptying the summary tables empties the page even though placements exist.
    PlacementActive.objects.all().delete()
    PlacementMonthly.objects.all().delete()
    WorkerCount.objects.all().delete()
    ind = Indicators(actor=world.province_admin)
    assert (ind.clients.total, ind.workers.total, ind.trend.months[-1].active) == (0, 0, 0)


# --- which areas the public gets -------------------------------------------------------------------------------


@pytest.fixture
def kalteng_lks(world):
    """An LKS in Kalimantan Tengah (62) with 7 children in care, on a server that holds it (a province server
    registers it with a warning)."""
    from sinergi.organisations.tests.factories import OrganisationFactory
    from sinergi.regions.models import Region, RegionLevel
    from sinergi.regions.services import region_tree_load

    region_tree_load(provinces=["62"])
    desa = Region.objects.filter(code__startswith="62.71.", level=RegionLevel.VILLAGE).order_by("code").first()
    lks = OrganisationFactory(name="LKSA Palangka Contoh", region_id=desa.code)
    for day in range(1, 8):
        place(lks, on=datetime.date(2025, 2, day))
    return lks


@pytest.mark.parametrize("region", ["62", "62.71"])
def test_a_province_server_publishes_no_figures_of_another_province(client, kalteng_lks, region):
    # Given a Kalimantan Selatan server (the tests' default) holding an LKS in Kalimantan Tengah
    api = APIClient().get("/api/v1/indicators/clients/", {"region": region})
    page = client.get(reverse("indicators:public"), {"region": region})
    download = client.get(reverse("indicators:public"), {"region": region, "table": "workers", "format": "csv"})

    # Then the public gets a message, as for any region it cannot have, and none of that province's figures
    message = (
        "Server ini hanya menerbitkan angka Provinsi Kalimantan Selatan (63) dan kabupaten/kotanya; "
        f"angka wilayah “{region}” tidak tersedia di sini."
    )
    assert (api.status_code, api.json()) == (400, {"region": [message]})
    assert (page.status_code, download.status_code) == (400, 400)
    assert message in page.content.decode()
    assert message in download.content.decode()
    # And signed in, within scope, the figures are there
    signed_in = APIClient()
    signed_in.force_authenticate(UserFactory(is_superuser=True))
    assert signed_in.get("/api/v1/indicators/clients/", {"region": region}).json()["total"] == 7


def test_a_province_servers_public_picker_offers_its_province_and_its_kabupaten_kota_only(client, kalteng_lks):
    page = client.get(reverse("indicators:public"), {"region": "63.71"})

    offered = [area.code for area in page.context["indicators"].choices]
    assert offered[0] == "63" and len(offered) == 14
    assert all(code.startswith("63.") for code in offered[1:])
    assert 'value="62' not in page.content.decode()


def test_a_national_server_publishes_every_province(client, kalteng_lks, national):
    api = APIClient().get("/api/v1/indicators/clients/", {"region": "62"})
    page = client.get(reverse("indicators:public"), {"region": "62.71"})

    assert (api.status_code, api.json()["area"]["code"], api.json()["total"]) == (200, "62", 7)
    assert page.status_code == 200
    offered = [area.code for area in page.context["indicators"].choices]
    assert {"62", "63", "62.71"} <= set(offered) and "63.71" not in offered


# --- the public's figures are of the end of the last complete month --------------------------------------------


def in_care_at(day: datetime.date) -> dict[tuple[str, str], int]:
    """Placements in care at the end of `day`, by PPKS category × kabupaten/kota, counted from the placements
    themselves: admitted by then and not yet left (a discharge without a date leaves on its admission day)."""
    from collections import Counter

    from sinergi.people.models import Placement

    counts: Counter = Counter()
    for p in Placement.objects.select_related("ppks_category"):
        left = (p.discharged_on or p.admitted_on) if p.status == PlacementStatus.DISCHARGED else None
        if p.admitted_on <= day and (left is None or left > day):
            counts[(p.ppks_category.code, p.regency_code)] += 1
    return dict(counts)


@pytest.mark.parametrize("seed", range(6))
def test_the_publics_clients_are_those_in_care_at_the_end_of_the_last_complete_month(world, seed):
    # Given placements admitted and discharged around the end of February 2026 (some later than "today", some
    # discharged without a date), read on 10 March 2026
    rng = random.Random(seed)
    today, end_of_february = datetime.date(2026, 3, 10), datetime.date(2026, 2, 28)
    organisations = (world.lks, world.lks_other_regency, world.elderly_home)
    for _ in range(rng.randrange(20, 60)):
        organisation = rng.choice(organisations)
        admitted = end_of_february + datetime.timedelta(days=rng.randrange(-45, 40))
        placement = PlacementFactory(
            person=PersonFactory(organisation=organisation),
            organisation=organisation,
            admitted_on=admitted,
            ppks_category=ppks(rng.choice(["anak_telantar", "anak_korban_kekerasan", "lansia_telantar"])),
        )
        if rng.random() < 0.45:
            placement.status = PlacementStatus.DISCHARGED
            placement.discharge_reason = DischargeReason.REUNIFIED
            placement.discharged_on = None if rng.random() < 0.1 else admitted + datetime.timedelta(rng.randrange(40))
            placement.save()
    summaries_rebuild()
    expected = in_care_at(end_of_february)

    for region in ("63", "63.71", "63.72"):
        public = Indicators(actor=None, filters=IndicatorFilters(region=region), today=today)
        # Then the public's table is of 28 February: every figure it shows is the count on that day
        shown = {key: value for key, value in public.clients.counts.items() if TOTAL not in key}
        for (category, area), value in shown.items():
            assert value is None or value == expected.get((category, area), 0), (seed, region, category, area)
        assert public.clients.total in (None, sum(v for (_c, a), v in expected.items() if a.startswith(region)))
        # And the figures behind it, before suppression, are exactly those counts
        exact = clients_by_category(area=area_get(region), month=datetime.date(2026, 2, 1))
        assert {k: v for k, v in exact.counts.items() if v} == {
            (c, a): v for (c, a), v in expected.items() if a.startswith(region)
        }
        # And suppression applies to them as before
        assert all(v is None or v == 0 or v >= 5 for v in public.clients.counts.values()), (seed, region)
        assert (public.month, public.figures_date("clients")) == (datetime.date(2026, 2, 1), end_of_february)


def public_readings(client, region="63") -> dict[str, object]:
    """The public's clients figures of `region` as the API, the page and a CSV download give them."""
    api = APIClient().get("/api/v1/indicators/clients/", {"region": region}).json()
    page = client.get(reverse("indicators:public"), {"region": region}).context["indicators"].clients
    download = client.get(reverse("indicators:public"), {"region": region, "table": "clients", "format": "csv"})
    return {"api": api, "page": page.counts, "csv": csv_rows(download)}


def test_two_public_readings_in_a_month_do_not_show_an_admission_or_a_discharge_of_that_month(client, world):
    # Given 12 and 9 children in care as victims of violence in Banjarmasin and Banjarbaru, read by the public
    for organisation, count in ((world.lks, 12), (world.lks_other_regency, 9)):
        for day in range(1, count + 1):
            place(organisation, on=datetime.date(2025, 2, day), category="anak_korban_kekerasan")
    staying = place(world.lks_other_regency, on=datetime.date(2025, 2, 20), category="anak_korban_kekerasan")
    before = public_readings(client)
    signed_in = APIClient()
    signed_in.force_authenticate(world.province_admin)
    live_before = signed_in.get("/api/v1/indicators/clients/", {"region": "63.71"}).json()["total"]

    # When one child is admitted in Banjarmasin today as a victim of violence, and another leaves Banjarbaru today
    today = timezone.localdate()
    place(world.lks, on=today, category="anak_korban_kekerasan")
    staying.status, staying.discharged_on, staying.discharge_reason = (
        PlacementStatus.DISCHARGED, today, DischargeReason.REUNIFIED
    )  # fmt: skip
    staying.save()
    summary_placement_discharged(staying)

    # Then the public's API, page and download read the same as before, to the cell
    assert public_readings(client) == before
    # And a signed-in reader sees the figures as they are now
    assert signed_in.get("/api/v1/indicators/clients/", {"region": "63.71"}).json()["total"] == live_before + 1


def test_an_entry_made_now_but_dated_back_into_the_last_month_does_not_show_between_two_public_readings(client, world):
    # Given 12 children in care as victims of violence in Banjarmasin, read by the public
    for day in range(1, 13):
        place(world.lks, on=datetime.date(2025, 2, day), category="anak_korban_kekerasan")
    before = public_readings(client)
    last_month = add_months(timezone.localdate().replace(day=1), -1)
    signed_in = APIClient()
    signed_in.force_authenticate(world.province_admin)
    month = {"region": "63.71", "month": last_month.strftime("%Y-%m")}
    signed_in_before = signed_in.get("/api/v1/indicators/clients/", month).json()["total"]
    # When one more is entered now, with an admission date in the last complete month (the month the public reads)
    place(world.lks, on=last_month + datetime.timedelta(days=3), category="anak_korban_kekerasan")
    # Then the public still reads what it read: its figures of that month were frozen at its first reading
    assert public_readings(client) == before
    # while a signed-in reader's figures of that month count the child
    assert signed_in.get("/api/v1/indicators/clients/", month).json()["total"] == signed_in_before + 1


def test_the_publics_frozen_month_is_written_once_for_every_area(client, world):
    place(world.lks, on=datetime.date(2025, 2, 1), category="anak_korban_kekerasan")
    public_readings(client)
    frozen = list(PublicClientsMonthEnd.objects.values_list("month", "area_code", "active"))
    public_readings(client, region="63.71")
    last_month = add_months(timezone.localdate().replace(day=1), -1)
    assert list(PublicClientsMonth.objects.values_list("month", flat=True)) == [last_month]
    assert sorted(frozen) == sorted(PublicClientsMonthEnd.objects.values_list("month", "area_code", "active"))
    assert {"", "63", "63.71"} <= {area for _month, area, _n in frozen}


def test_the_public_page_api_and_download_say_the_day_their_clients_figures_are_of(client, world):
    from django.utils import formats

    end_of_last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    month = end_of_last_month.strftime("%Y-%m")

    api = APIClient().get("/api/v1/indicators/clients/", {"region": "63"}).json()
    workers = APIClient().get("/api/v1/indicators/workers/", {"region": "63"}).json()
    page = client.get(reverse("indicators:public"), {"region": "63"})
    download = client.get(reverse("indicators:public"), {"region": "63", "table": "clients", "format": "xlsx"})
    csv_download = client.get(reverse("indicators:public"), {"region": "63", "table": "clients", "format": "csv"})

    assert (api["as_of"], workers["as_of"]) == (end_of_last_month.isoformat(), timezone.localdate().isoformat())
    day = formats.date_format(end_of_last_month, "j F Y")  # "30 November 2026"
    assert f"Data per {day} (akhir bulan lengkap terakhir)" in page.content.decode()
    assert f"Penerima layanan aktif, akhir {month}" in page.content.decode()
    assert keterangan(download)["Per"] == f"Data per {day} (akhir bulan lengkap terakhir)"
    assert f"sinergi-clients-63-akhir-{month}-publik-" in csv_download["Content-Disposition"]


def test_the_public_asking_for_the_month_it_is_shown_gets_it_and_no_other(world):
    last_month = add_months(timezone.localdate().replace(day=1), -1)
    shown = APIClient().get("/api/v1/indicators/clients/").json()
    asked = APIClient().get("/api/v1/indicators/clients/", {"month": last_month.strftime("%Y-%m")})
    assert asked.status_code == 200 and asked.json() == shown
    earlier = APIClient().get("/api/v1/indicators/clients/", {"month": add_months(last_month, -1).strftime("%Y-%m")})
    assert earlier.status_code == 400 and "month" in earlier.json()
