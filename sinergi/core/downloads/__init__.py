"""Turning a table (headers + rows) into a CSV or XLSX file download.

Every table a user can download goes through `table_download`, so that the escaping of cells a spreadsheet
would run as formulas, the encoding Excel needs and the file naming are decided in one place.

Callers import from the package (`from sinergi.core.downloads import table_download`); the modules below are by
concept: `tables` (the formats, the separator asked for, file names, `table_download`, `csv_stream`, `table_write`),
`cells` (formula escaping and the CSV's quoting against the other separator), `csv_writer` (`csv_lines`) and
`xlsx_writer` (`_xlsx_write`).
"""

from .cells import (
    CELL_BREAKS,
    ESCAPED_STARTS,
    FORMULA_TRIGGERS,
    INNER_ESCAPED,
    OTHER_SEPARATOR,
    csv_text,
    escape_formula,
)
from .csv_writer import _csv_row_decimal_comma, csv_header_line, csv_lines
from .tables import (
    CONTENT_TYPES,
    CSV,
    CSV_DELIMITERS,
    DOWNLOAD_FORMATS,
    FILENAME_WORDS_MAX,
    FILTER_SLUG_MAX,
    FREE_TEXT_FILTERS,
    XLSX,
    csv_delimiter,
    csv_stream,
    download_filename,
    filter_slug,
    table_download,
    table_write,
)
from .xlsx_writer import SHEET_NAME_MAX, XLSX_DATE_FORMAT, XLSX_DATETIME_FORMAT, XLSX_MAX_TEXT, _xlsx_write

__all__ = [
    "CELL_BREAKS",
    "CONTENT_TYPES",
    "CSV",
    "CSV_DELIMITERS",
    "DOWNLOAD_FORMATS",
    "ESCAPED_STARTS",
    "FILENAME_WORDS_MAX",
    "FILTER_SLUG_MAX",
    "FORMULA_TRIGGERS",
    "FREE_TEXT_FILTERS",
    "INNER_ESCAPED",
    "OTHER_SEPARATOR",
    "SHEET_NAME_MAX",
    "XLSX",
    "XLSX_DATETIME_FORMAT",
    "XLSX_DATE_FORMAT",
    "XLSX_MAX_TEXT",
    "_csv_row_decimal_comma",
    "_xlsx_write",
    "csv_delimiter",
    "csv_header_line",
    "csv_lines",
    "csv_stream",
    "csv_text",
    "download_filename",
    "escape_formula",
    "filter_slug",
    "table_download",
    "table_write",
]
