"""What calamine does not tell about an OpenDocument spreadsheet (.ods), read from its content.xml: how large a grid
each sheet will take once read, hidden rows, cells merged down over several rows, formulas without a stored result,
cells of a percentage, and the date system.

content.xml is scanned as bytes, in pieces, with regular expressions rather than parsed: it can be hundreds of
megabytes for a large sheet, and only a few tags matter. Every producer we know of (LibreOffice, OpenOffice,
Excel, Google Sheets, odfpy) writes the conventional "table:" and "office:" prefixes, which this relies on.

Callers use the package (`from sinergi.exchange import ods`; `ods.sheet_facts(...)`); the modules are by concept:
`archive` (is it an OpenDocument spreadsheet, is it encrypted), `facts` (SheetFacts, sheet_facts, finish: one pass
over content.xml), `bombs` (TextBomb: text calamine would write out beyond any real sheet), `compacting` (a copy
calamine can read: is_indented, write_compacted), `_patterns` (tags more than one of them looks for).
"""

from .archive import document_kind, is_encrypted, is_spreadsheet
from .bombs import TextBomb
from .compacting import is_indented, write_compacted
from .facts import FORMULA_SCAN_BYTES, SheetFacts, finish, sheet_facts

__all__ = [
    "FORMULA_SCAN_BYTES",
    "SheetFacts",
    "TextBomb",
    "document_kind",
    "finish",
    "is_encrypted",
    "is_indented",
    "is_spreadsheet",
    "sheet_facts",
    "write_compacted",
]
