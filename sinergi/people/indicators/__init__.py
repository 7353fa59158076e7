"""Indicators of clients (PPKS) and workers (PSKS), read from the summary tables only.

A page load reads PlacementActive / PlacementMonthly / WorkerCount rows of one area and its children (a few
hundred rows at most), never the person or placement tables; see summaries.py for how they are kept.

Two audiences:
- signed in: the areas `region_scope_codes(actor, Action.AGGREGATE_VIEW)` allows, exact figures;
- the public: any area, with small-cell suppression (`suppress_cells`): every count from 1 to threshold − 1
  is hidden, plus complementary cells so that no hidden cell can be recomputed from a total or an identity, and
  the hidden cells of a line whose total is shown do not sum to a small number either.

The package: suppression.py (the rule), tables.py (Matrix, Trend), areas.py (which areas, for whom),
figures/ (the selectors over the summary tables and `Indicators`, what a page or an API call shows).
"""

from .areas import NATION, Area, area_allowed, area_choices, area_get, indicator_scope
from .figures import (
    TREND_MONTHS,
    IndicatorFilters,
    Indicators,
    add_months,
    child_ppks_codes,
    children_in_care,
    clients_by_category,
    clients_trend,
    month_start,
    parse_month,
    workers_by_category,
)
from .suppression import DEFAULT_THRESHOLD, Line, suppress_cells, suppression_threshold
from .tables import HIDDEN, TOTAL, Label, Matrix, Trend, TrendMonth

__all__ = [
    "DEFAULT_THRESHOLD",
    "HIDDEN",
    "NATION",
    "TOTAL",
    "TREND_MONTHS",
    "Area",
    "IndicatorFilters",
    "Indicators",
    "Label",
    "Line",
    "Matrix",
    "Trend",
    "TrendMonth",
    "add_months",
    "area_allowed",
    "area_choices",
    "area_get",
    "child_ppks_codes",
    "children_in_care",
    "clients_by_category",
    "clients_trend",
    "indicator_scope",
    "month_start",
    "parse_month",
    "suppress_cells",
    "suppression_threshold",
    "workers_by_category",
]
