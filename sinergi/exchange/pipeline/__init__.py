"""The import pipeline: find the header, clean every cell, check every row with the entity's (= the services')
rules, refuse the whole file if anything is wrong, and otherwise write everything in ONE transaction.

Nothing is written before every row has been checked, so a file is never half-imported; a cancel between batches
rolls the transaction back. Progress is reported through a callback (the job row, or the terminal's bar).

Callers use the package (`from sinergi.exchange.pipeline import run_import`); the modules below are by concept, each
depending only on those listed before it:
- `_common`: a row's actions, Problem, ImportResult, ImportCancelled, HeaderMap, small cell helpers;
- `header_names`: which column a header cell names (header_index, header_column, header_test, ERROR_HEADER,
  WARNING_HEADER);
- `header_layouts`: headers over two rows, titles spread over two columns, a sex marked under L | P;
- `header_notices`: the refusals and notices of the header reading (HEADER_MAX_COLUMNS);
- `sheet_rows`: the rows below the header that are not data (totals, section titles, the sheet's foot);
- `header`: finding and reading the header row (_find_header, _header_and_rows);
- `row_problems`: a row's problems besides the entity's rules (cells without header, lost letters, retired terms);
- `row_checks`: checking the rows batch by batch (_RowChecks) and the result made of them (PREVIEW_LIMIT);
- `check`: a sheet from header to result (_check) and its notices once every row is checked;
- `run`: run_import, plan_digest and the write in one transaction (_write).

Names are re-exported here for callers, not looked up here: a test that replaces one (PREVIEW_LIMIT, _meant_column)
patches the module that uses it, which is why those two are not re-exported.
"""

from ._common import DUPLICATE_KEY, SAME_RECORD, HeaderMap, ImportCancelled, ImportResult, Problem, Progress
from .header_layouts import _two_row_header
from .header_names import ERROR_HEADER, WARNING_HEADER, error_headers, header_column, header_index, header_test
from .header_notices import HEADER_MAX_COLUMNS
from .run import BUSY, plan_digest, run_import

__all__ = [
    "BUSY",
    "DUPLICATE_KEY",
    "ERROR_HEADER",
    "WARNING_HEADER",
    "HEADER_MAX_COLUMNS",
    "HeaderMap",
    "ImportCancelled",
    "ImportResult",
    "Problem",
    "Progress",
    "SAME_RECORD",
    "_two_row_header",
    "error_headers",
    "header_column",
    "header_index",
    "header_test",
    "plan_digest",
    "run_import",
]
