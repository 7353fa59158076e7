"""Reading one spreadsheet cell the way people actually type it: dates in five shapes, numbers Excel mangled,
leading apostrophes, codes or labels. Each parser returns a Python value or raises CellProblem (Indonesian).

Callers use the package (`from sinergi.exchange import values as v`, `v.parse_date(...)`); the modules below are
by concept:
- `cells`: CellProblem, a cell as clean text (text, norm), what reads as empty, formula errors and formulas kept
  as text, column letters;
- `dates`: parse_date and the refusals and checks around it (month and year, year alone, day order, zones);
- `numbers`: parse_int, parse_decimal, parse_coordinate and parse_region_code, and percent_text;
- `choices`: parse_bool, Choices (an item of a list however it is written) and the comparison of names.
"""

from decimal import Decimal  # offered by the module as it was (tests compare with v.Decimal)

from .cells import (
    BLANK_WORD_LONGEST,
    BLANK_WORDS,
    DASHES,
    FORMULA_ERRORS_KEPT,
    PERCENT_CELLS_KEPT,
    CellProblem,
    blank_word,
    column_letter,
    first_ten,
    formula_as_text,
    formula_error,
    formula_error_message,
    is_blank,
    norm,
    text,
    zeros_dropped,
)
from .choices import (
    FALSE_WORDS,
    RESPELLINGS,
    SUGGESTION_CUTOFF,
    TRUE_WORDS,
    Choices,
    names_far_apart,
    parse_bool,
    respell,
    same_one_named,
    two_choices_message,
)
from .dates import (
    DAYS_1900_TO_1904,
    EXCEL_EPOCH,
    LATE_HOUR,
    MONTHS,
    SERIAL_RANGE,
    YEAR_ALONE,
    day_month_order,
    late_time_of_day,
    parse_date,
    refuse_month_and_year,
    refuse_year_alone,
    zoned_day_moved,
)
from .numbers import (
    REGION_SHAPE,
    TOO_LARGE,
    parse_coordinate,
    parse_decimal,
    parse_int,
    parse_region_code,
    percent_text,
)

__all__ = [
    "BLANK_WORDS",
    "BLANK_WORD_LONGEST",
    "DASHES",
    "DAYS_1900_TO_1904",
    "EXCEL_EPOCH",
    "FALSE_WORDS",
    "LATE_HOUR",
    "MONTHS",
    "REGION_SHAPE",
    "RESPELLINGS",
    "SERIAL_RANGE",
    "SUGGESTION_CUTOFF",
    "TOO_LARGE",
    "TRUE_WORDS",
    "YEAR_ALONE",
    "CellProblem",
    "Choices",
    "Decimal",
    "blank_word",
    "column_letter",
    "day_month_order",
    "first_ten",
    "formula_as_text",
    "FORMULA_ERRORS_KEPT",
    "PERCENT_CELLS_KEPT",
    "formula_error",
    "formula_error_message",
    "is_blank",
    "late_time_of_day",
    "names_far_apart",
    "norm",
    "parse_bool",
    "parse_coordinate",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "parse_region_code",
    "percent_text",
    "refuse_month_and_year",
    "refuse_year_alone",
    "respell",
    "same_one_named",
    "two_choices_message",
    "text",
    "zeros_dropped",
    "zoned_day_moved",
]
