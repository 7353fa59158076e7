"""Spreadsheets we hand out: the import template of an entity and the report of an import with problems or
warnings.

Callers use the package (`from sinergi.exchange.workbook import template_bytes, error_report_bytes`); the modules
below are by concept: `template` (the template, its instructions and lookup sheets and its dropdowns, which the
report offers too), `report` (the report: the file's rows again with a message column, marked cells), `report_guide`
(the report's words on how to read and use it) and `listings` (the report's sheets listing its problems, warnings
and changes).
"""

from .report import error_report_bytes
from .template import template_bytes

__all__ = ["error_report_bytes", "template_bytes"]
