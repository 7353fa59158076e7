"""What every written cell goes through: a text a spreadsheet would run as a formula made inert, a CSV text cell
quoted and escaped against the other separator and the cell breaks, a value made plain."""

import re
from datetime import date
from decimal import Decimal
from typing import Any

# A text cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# What a text cell is escaped before: the formula triggers, and the apostrophe that escapes them (an import drops one
# leading apostrophe, Excel's mark for text, so a stored "'Aisyah" must leave as "''Aisyah" to come back the same).
ESCAPED_STARTS = (*FORMULA_TRIGGERS, "'")


# The other separator: a CSV is written with one, and read by some Excel with the other (the comma file in Excel set to
# Indonesian, which splits a double-clicked .csv on ";"; the ";" file in an English one). Excel honours quotes only at
# the start of a cell, so a quoted `Jl. Uji 1;=2+3*7;` in the middle of a comma line still gives `=2+3*7` a cell of its
# own there: a text cell holding either separator is quoted (one cell when it starts the line, and for any reader
# that honours them), and the other separator followed by a formula trigger or a quote gets an apostrophe between
# them, as a cell's start does (`Jl. Uji 1;'=2+3*7;`; fifty-seventh review, M2).
OTHER_SEPARATOR = {",": ";", ";": ","}


INNER_ESCAPED = (*FORMULA_TRIGGERS, '"')


# A tab or a line break inside a cell starts a cell as well for some readers: LibreOffice's text import, which lists
# Tab among its separators and evaluates formulas unless told not to, made `=1+1` after a tab a live formula, and a
# file opened with the other separator (where no quote is honoured) began a row with what followed a line break
# (sixtieth review, LibreOffice Calc 7.4). A text holding one is quoted and escaped as with the other separator.
CELL_BREAKS = "\t\r\n"


# (A lookahead: "\t" and "\r" are triggers as well as breaks, so "\t\t=" needs both of its tabs escaped.)
_INNER_TRIGGER = {
    separator: re.compile(f"([{re.escape(separator + CELL_BREAKS)}])(?=[{re.escape(''.join(INNER_ESCAPED))}])")
    for separator in OTHER_SEPARATOR
}


def escape_formula(text: str) -> str:
    """`text` made inert: a leading apostrophe keeps a spreadsheet from evaluating it."""
    return "'" + text if text.startswith(ESCAPED_STARTS) else text


def csv_text(text: str, delimiter: str) -> str:
    """A text cell of a CSV written with `delimiter`, once escape_formula has been applied: the formula triggers after
    the other separator, a tab or a line break escaped, and quoted when it holds either separator, a quote, a tab or a
    line break (M2)."""
    other = OTHER_SEPARATOR[delimiter]
    if other in text or "\t" in text or "\n" in text or "\r" in text:
        text = _INNER_TRIGGER[other].sub(r"\1'", text)
    elif delimiter not in text and '"' not in text:
        return text
    return '"' + text.replace('"', '""') + '"'


def _plain(value: Any) -> Any:
    """Lazy translations and other objects become text; numbers, dates and booleans keep their type."""
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    return str(value)
