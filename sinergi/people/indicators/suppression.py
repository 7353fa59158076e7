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

    Complementary suppression repeats until no line has exactly one hidden cell: in such a line the smallest
    visible non-zero candidate is hidden too (a zero only when nothing else is left; then any cell of the line).
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
            if sum(1 for cell in line.cells if cell in hidden) != 1:
                continue
            pick = _smallest_visible(line.candidates or line.cells, hidden, values, order)
            if pick is None:
                pick = _smallest_visible(line.cells, hidden, values, order)
            if pick is not None:
                hidden.add(pick)
                changed = True
    return hidden


def _smallest_visible(cells, hidden, values, order):
    visible = [cell for cell in cells if cell not in hidden]
    if not visible:
        return None
    return min(visible, key=lambda cell: (values[cell] == 0, values[cell], order[cell]))
