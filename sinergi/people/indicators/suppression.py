"""Small-cell suppression for published aggregates: primary (1 ≤ n < threshold) and complementary cells."""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

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


def suppress_cells(values: dict[Hashable, int], lines: Iterable[Line], threshold: int) -> set[Hashable]:
    """The cells to hide: primary (1 ≤ value < threshold) and complementary ones.

    Complementary suppression repeats until no line gives a hidden cell away:
    - a line with exactly one hidden cell gives it away whole, so the smallest visible non-zero candidate is
      hidden too (a zero only when nothing else is left; then any cell of the line);
    - a line whose total (the cells that are not candidates) is shown gives away the *sum* of its hidden cells:
      two hidden cells summing to 2 must each be 1 or less. So while that sum is from 1 to threshold − 1, the
      smallest visible non-zero candidate is hidden too.
    Zeros are never primary: an empty cell names nobody. The order of `values` breaks ties, so the result is
    deterministic.
    """
    order = {key: position for position, key in enumerate(values)}
    hidden = {key for key, value in values.items() if 0 < value < threshold}
    lines = list(lines)
    changed = bool(hidden)
    while changed:
        changed = False
        for line in lines:
            pick = _complement(line, hidden, values, order, threshold)
            if pick is not None:
                hidden.add(pick)
                changed = True
    return hidden


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
