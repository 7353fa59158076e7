"""Opening an uploaded spreadsheet safely: its type decided by its content, never its name; size, uncompressed
size and zip entries capped BEFORE any parser sees it; rows streamed as lists of cell values.

Excel (.xlsx), OpenDocument (.ods, LibreOffice's own format), old Excel 97-2003 (.xls) and CSV are read; the three
workbook formats through calamine, their cells handed on as the same Python types whatever the format.

Callers use the package (`from sinergi.exchange.files import inspect, open_table`); the modules below are by concept:
- `_common`: the kinds of file, the import limits (DEFAULT_LIMITS, limit), FileRefused and its shared messages,
  FileInfo, Table, and the check of a sheet's grid against the row and cell caps;
- `inspection`: the content check at upload (inspect): sniffing, size messages, the zip and OLE2 checks;
- `encodings`: a CSV's encoding told from its bytes;
- `xlsx_xml`: an .xlsx read as XML besides calamine (where its sheets are, hidden rows and columns, formulas
  without results or with errors, the 1904 date system);
- `xlsx_caps`: the caps an .xlsx sheet passes before calamine reads it (shared strings, grid of cells);
- `csv_files`: reading a CSV (separator, rows within the caps of lines, fields, blank rows and cells);
- `reading`: the sheet to import (open_table, read_all) opened through calamine, and the facts gathered;
- `sheets`: which sheet of a workbook is imported, and the names of our templates' and reports' other sheets;
- `rows`: a sheet's rows streamed, merged cells filled in, percent cells read as shown.
A cap or helper is looked up in the module that holds it: patch it there (the tuning caps such as CSV_MAX_LINE or
SHARED_TEXT_MAX are not re-exported here, so patching them on the package fails rather than doing nothing).
"""

from ._common import (
    CSV,
    DEFAULT_LIMITS,
    GRID_ROW_MARGIN,
    ODS,
    XLS,
    XLSX,
    FileInfo,
    FileRefused,
    Table,
    limit,
)
from .encodings import _detect_encoding
from .inspection import MEGABYTE, OTHER_MAGICS, ZIP_MAGICS, inspect, megabytes, too_large_message
from .reading import open_table, read_all
from .sheets import CHANGES_SHEET, INSTRUCTIONS_SHEET, LOOKUP_SHEET, PROBLEMS_SHEET, WARNINGS_SHEET
from .xlsx_caps import _xlsx_extent, _xlsx_extent_careful, _xlsx_extent_fast

__all__ = [
    "CHANGES_SHEET",
    "CSV",
    "DEFAULT_LIMITS",
    "GRID_ROW_MARGIN",
    "INSTRUCTIONS_SHEET",
    "LOOKUP_SHEET",
    "MEGABYTE",
    "ODS",
    "OTHER_MAGICS",
    "PROBLEMS_SHEET",
    "WARNINGS_SHEET",
    "XLS",
    "XLSX",
    "ZIP_MAGICS",
    "FileInfo",
    "FileRefused",
    "Table",
    "_detect_encoding",
    "_xlsx_extent",
    "_xlsx_extent_careful",
    "_xlsx_extent_fast",
    "inspect",
    "limit",
    "megabytes",
    "open_table",
    "read_all",
    "too_large_message",
]
