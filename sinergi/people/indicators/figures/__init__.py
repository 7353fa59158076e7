"""The figures, read from the summary tables only, and the `Indicators` of one area for one audience.

The package `indicators` imports from here; the modules below are by concept: `months` (month arithmetic, a month
parsed from a query, the public's frozen month end), `counts` (the tables counted from the summary tables) and
`audience` (`IndicatorFilters` and `Indicators`, what a page or an API call shows).
"""

from .audience import IndicatorFilters, Indicators, public_table_message
from .counts import (
    TREND_MONTHS,
    child_ppks_codes,
    children_in_care,
    clients_by_category,
    clients_trend,
    workers_by_category,
)
from .months import add_months, month_start, parse_month, public_month_end_frozen

__all__ = [
    "IndicatorFilters",
    "Indicators",
    "TREND_MONTHS",
    "add_months",
    "child_ppks_codes",
    "children_in_care",
    "clients_by_category",
    "clients_trend",
    "month_start",
    "parse_month",
    "public_month_end_frozen",
    "public_table_message",
    "workers_by_category",
]
