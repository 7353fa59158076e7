"""Small-cell suppression for published aggregates: primary (1 ≤ n < threshold) and complementary cells."""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import highspy
import numpy
from django.conf import settings

DEFAULT_THRESHOLD = 5


def suppression_threshold() -> int:
    """Smallest count published to the public (settings.SINERGI["SMALL_CELL_THRESHOLD"], default 5)."""
    return int(getattr(settings, "SINERGI", {}).get("SMALL_CELL_THRESHOLD", DEFAULT_THRESHOLD))


@dataclass(frozen=True)
class Line:
    """Cells bound by one published identity (e.g. a row and its total): if exactly one of them is hidden, the
    others give it away. `candidates` are the cells that may be hidden to prevent that (default: all)."""

    cells: tuple[Hashable, ...]
    candidates: tuple[Hashable, ...] | None = None


def suppress_cells(
    values: dict[Hashable, int], lines: Iterable[Line], threshold: int, *, hidden_already: Iterable[Hashable] = ()
) -> set[Hashable]:
    """The cells to hide: primary (1 ≤ value < threshold) and complementary ones.

    Complementary suppression repeats until no line gives a hidden cell away:
    - a line with exactly one hidden cell gives it away whole, so the smallest visible non-zero candidate is
      hidden too (a zero only when nothing else is left; then any cell of the line);
    - a line whose total (the cells that are not candidates) is shown gives away the *sum* of its hidden cells:
      two hidden cells summing to 2 must each be 1 or less. So while that sum is from 1 to threshold − 1, the
      smallest visible non-zero candidate is hidden too.
    Zeros are never primary: an empty cell names nobody. The order of `values` breaks ties, so the result is
    deterministic. `hidden_already`: cells hidden in a larger table that publishes the same figures (a kabupaten/
    kota's column of its province's table), so that this one never shows what that one hides.
    """
    order = {key: position for position, key in enumerate(values)}
    hidden = {key for key, value in values.items() if 0 < value < threshold}
    hidden |= {key for key in hidden_already if key in values}  # hidden where the same figures are also published
    lines = list(lines)
    safe: set[Hashable] = set()
    while True:
        changed = bool(hidden)
        while changed:
            changed = False
            for line in lines:
                pick = _complement(line, hidden, values, order, threshold)
                if pick is not None:
                    hidden.add(pick)
                    changed = True
        # Lines read one by one are safe now; read together they may still bound a small cell (x + y = 6 here,
        # x + z = 10 there...). The audit finds such a cell; the next smallest visible cell beside it is hidden too.
        # Hiding more only widens what a reader can infer: a cell found safe stays safe and is not audited again.
        exposed = audit_suppression(values, lines, hidden, threshold, skip=safe)
        safe |= {cell for cell in hidden if 0 < values[cell] < threshold} - set(exposed)
        picks = {pick for cell in exposed if (pick := _beside(cell, lines, hidden, values, order)) is not None}
        if not picks:
            return hidden
        hidden |= picks


def audit_suppression(
    values: dict[Hashable, int],
    lines: Iterable[Line],
    hidden: set[Hashable],
    threshold: int,
    *,
    skip: set[Hashable] = frozenset(),  # type: ignore[assignment]
) -> list[Hashable]:
    """The small hidden cells (1 to threshold − 1) whose largest value consistent with everything shown is below
    the threshold: a reader could tell that they are small. The sum lines (a total and its candidates) are the
    constraints of a linear programme over the hidden cells (each ≥ 0), maximised for each small cell by HiGHS. A
    table with its margins is a network matrix, so the programme's maximum is a whole number, the one a reader
    would find."""
    small = [cell for cell in hidden if 0 < values[cell] < threshold and cell not in skip]
    if not small:
        return []
    variables = {cell: index for index, cell in enumerate(hidden)}
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    count = len(variables)
    solver.addVars(count, numpy.zeros(count), numpy.full(count, highspy.kHighsInf))
    for line in lines:
        if line.candidates is None:
            continue  # an identity with signs (the trend's months): its own rules protect it
        row: dict[int, float] = {}
        shown = 0
        for cell in line.cells:
            sign = 1 if cell in line.candidates else -1  # candidates sum to the line's total
            if cell in variables:
                row[variables[cell]] = row.get(variables[cell], 0) + sign
            else:
                shown -= sign * values[cell]
        if row:
            indexes = numpy.array(list(row), dtype=numpy.int32)
            solver.addRow(shown, shown, len(row), indexes, numpy.array(list(row.values()), dtype=numpy.float64))
    solver.changeObjectiveSense(highspy.ObjSense.kMaximize)
    exposed = []
    safe: set[Hashable] = set()
    for cell in small:
        if cell in safe:
            continue
        solver.changeColCost(variables[cell], 1)
        solver.run()
        status = solver.getModelStatus()
        if status not in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kUnbounded):
            # Figures that cannot all be true (a negative count from inconsistent summaries): nothing is proved.
            exposed.append(cell)
        elif status == highspy.HighsModelStatus.kOptimal:
            if solver.getInfo().objective_function_value < threshold - 1e-6:
                exposed.append(cell)
            # The optimum is one table a reader cannot rule out: every small cell at the threshold or above in it is
            # safe without a programme of its own (most of them, on a large table).
            solution = solver.getSolution().col_value
            safe.update(other for other in small if solution[variables[other]] >= threshold - 1e-6)
        solver.changeColCost(variables[cell], 0)
    return exposed


def _beside(cell, lines: list[Line], hidden, values, order) -> Hashable | None:
    """The smallest visible non-zero cell sharing a sum line with `cell` (a candidate first, then a total); when
    every cell of those lines is hidden, the lines of those hidden cells in turn (nearest first)."""
    sums = [line for line in lines if line.candidates is not None]
    reached, frontier, seen_lines = {cell}, [cell], set()
    while frontier:
        near = [i for i, line in enumerate(sums) if i not in seen_lines and any(c in line.cells for c in frontier)]
        seen_lines.update(near)
        for group in ([c for i in near for c in sums[i].candidates], [c for i in near for c in sums[i].cells]):
            visible = [c for c in group if c not in hidden and values[c]]
            if visible:
                return min(visible, key=lambda c: (values[c], order[c]))
        frontier = [c for i in near for c in sums[i].cells if c in hidden and c not in reached]
        reached.update(frontier)
    return None


def _complement(line: Line, hidden, values, order, threshold: int) -> Hashable | None:
    """The cell to hide next so that `line` gives nothing away, or None when it gives nothing away."""
    hidden_cells = [cell for cell in line.cells if cell in hidden]
    if len(hidden_cells) == 1:
        pick = _smallest_visible(line.candidates or line.cells, hidden, values, order)
        return pick if pick is not None else _smallest_visible(line.cells, hidden, values, order)
    if not hidden_cells or line.candidates is None:
        return None
    totals = [cell for cell in line.cells if cell not in line.candidates]
    if any(cell in hidden for cell in totals):
        return None
    if not 0 < sum(values[cell] for cell in hidden_cells) < threshold:
        return None
    # When every non-zero candidate is hidden their sum is the total, itself small and so hidden already.
    return _smallest_visible(line.candidates, hidden, values, order, non_zero=True)


def _smallest_visible(cells, hidden, values, order, *, non_zero: bool = False):
    visible = [cell for cell in cells if cell not in hidden and (values[cell] or not non_zero)]
    if not visible:
        return None
    return min(visible, key=lambda cell: (values[cell] == 0, values[cell], order[cell]))
