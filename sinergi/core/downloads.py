"""Turning a table (headers + rows) into a CSV or XLSX file download.

Every table a user can download goes through `table_download`, so that the escaping of cells a spreadsheet
would run as formulas, the encoding Excel needs and the file naming are decided in one place.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from typing import Any, BinaryIO

import rustpy_xlsxwriter
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sinergi.core.dates import EARLIEST_YEAR, date_text

CSV = "csv"
XLSX = "xlsx"
DOWNLOAD_FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# What separates a CSV's cells. "," is the format's own; Excel set to Indonesian (or any locale whose decimal mark is
# a comma) lists with ";" and opens a comma file in one column when it is double-clicked. Chosen with ?sep=.
CSV_DELIMITERS = {"comma": ",", "semicolon": ";"}
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
XLSX_DATE_FORMAT = "dd-mm-yyyy"
XLSX_DATETIME_FORMAT = "dd-mm-yyyy hh:mm"


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


def csv_delimiter(choice: str | None) -> str:
    """The delimiter a download's `sep` parameter asks for (none: a comma); ValueError with the user's message for
    anything else."""
    if not choice:
        return ","
    if choice not in CSV_DELIMITERS:
        raise ValueError(
            _("Pemisah CSV “%(sep)s” tidak dikenal. Pilih comma (koma) atau semicolon (titik koma).") % {"sep": choice}
        )
    return CSV_DELIMITERS[choice]


# A file name's words at most: a report's title over many LKS made a name of 690 characters, past the 255 bytes
# that file systems allow (the browser then renames or refuses the download).
FILENAME_WORDS_MAX = 100


def download_filename(name: str, file_format: str, *, today: date | None = None) -> str:
    """e.g. `lks-per-jenis-2025-08-17.xlsx`: the date tells apart downloads of the same table."""
    today = today or timezone.localdate()
    words = slugify(name)[:FILENAME_WORDS_MAX].rstrip("-")
    return f"{words or 'tabel'}-{today.isoformat()}.{file_format}"


FILTER_SLUG_MAX = 60
# Filters whose values are words a user typed (a name searched for): a file name only says that there was one,
# since a name in a file name travels to download folders and e-mail attachments.
FREE_TEXT_FILTERS = ("q",)


def filter_slug(filters: Iterable[tuple[str, Sequence[str]]], *, max_length: int = FILTER_SLUG_MAX) -> str:
    """A short ASCII summary of a list's filters for a file name, e.g. "status-active-region-6371" (two exports of
    one day with different filters get different names); a search shows as its parameter only. Cut after a whole
    part at `max_length`."""
    parts: list[str] = []
    for key, values in filters:
        chosen = [value for value in values if value]
        if not chosen:
            continue
        if key in FREE_TEXT_FILTERS:
            parts.append(slugify(key))
            continue
        parts.append(slugify(f"{key}-{'-'.join(chosen)}"))
    slug = ""
    for part in filter(None, parts):
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug


def table_download(
    *,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    name: str,
    file_format: str,
    sheet_title: str = "",
    today: date | None = None,
    delimiter: str = ",",
    notes: Sequence[tuple[Any, Any]] = (),
) -> HttpResponse:
    """The table as an attachment in `file_format` ("csv" or "xlsx"), named after `name` and today's date.

    `notes`: what the figures are (table, area, month, filters, scope, when), as (label, text) pairs. An XLSX gets
    them on a second sheet, "Keterangan", so that the first stays a plain table to sort and re-use; a CSV holds one
    table only, so its `name` has to carry them."""
    if file_format not in DOWNLOAD_FORMATS:
        raise ValueError(f"Unknown download format {file_format!r}")
    header_texts = [str(h) for h in headers]
    if file_format == CSV:
        content = _csv_bytes(header_texts, rows, delimiter)
    else:
        content = _xlsx_bytes(header_texts, rows, sheet_title, notes)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{download_filename(name, file_format, today=today)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _plain(value: Any) -> Any:
    """Lazy translations and other objects become text; numbers, dates and booleans keep their type."""
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    return str(value)


# Cells the csv module already writes as we want (None as empty, a date as ISO); text only needs the escape.
_CSV_AS_IS = frozenset({int, float, date, type(None)})


def _csv_row(row: Sequence[Any]) -> list[Any]:
    # One comprehension per row rather than a call per cell: a 100,000-row export has millions of cells.
    return [
        value
        if (kind := value.__class__) in _CSV_AS_IS or (kind is str and not value.startswith(ESCAPED_STARTS))
        else _csv_cell(value)
        for value in row
    ]


def _csv_row_decimal_comma(row: Sequence[Any]) -> list[Any]:
    """A row of the ";" CSV: its readers (Excel set to Indonesian) take "," as the decimal mark and "." as the
    thousands separator, so -3.3299 would be read as -33,299. After the escaping: a number is not a formula."""
    return [
        str(value).replace(".", ",") if value.__class__ in (float, Decimal) else cell
        for value, cell in zip(row, _csv_row(row), strict=True)
    ]


def _csv_cell(value: Any) -> str:
    # Fast path for the commonest cells of a large export: plain text and empty.
    if value.__class__ is str:
        return escape_formula(value)
    if value is None:
        return ""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return str(value)
    return escape_formula(value)


def _csv_bytes(headers: list[str], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> bytes:
    return b"".join(csv_lines(headers, rows, delimiter=delimiter))


def _xlsx_bytes(
    headers: list[str], rows: Iterable[Sequence[Any]], sheet_title: str, notes: Sequence[tuple[Any, Any]] = ()
) -> bytes:
    output = io.BytesIO()
    # The finished file is assembled in `output`, never on the server's disk under a guessable name.
    _xlsx_write(output, headers, rows, sheet_title, notes)
    return output.getvalue()


def _xlsx_write(
    target: BinaryIO,
    headers: list[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str,
    notes: Sequence[tuple[Any, Any]] = (),
) -> None:
    """Writes the table with rust_xlsxwriter (through rustpy-xlsxwriter): about seven times faster than XlsxWriter
    for a 100,000-row export (docs/decisions/0003). Bold frozen header, one number format per column (a column
    whose first rows hold datetimes shows the time too), text never written as a formula. A date in a column whose
    first rows hold none (a leaving date empty for the first 500 clients) is written as dd-mm-yyyy text, which an
    import reads back as the same date: under the column's format it would show as a day count (45155). So is one
    before 1900, which a spreadsheet cannot hold as a date (stored before the rule against it).

    Text is written as text cells, which a spreadsheet never runs. A text column (its first rows hold no number,
    date or yes/no) also carries Excel's quote prefix, so "+62 812…" or "=…" shows as written and stays text when
    the cell is edited; there only text starting with "=" or "'" gets an apostrophe (_TEXT_COLUMN_ESCAPED), for the
    import that reads the file back. Formula-like text in any other column keeps it."""
    rows = iter(rows)
    raw_head = list(islice(rows, 500))
    as_text = tuple(
        not any(index < len(row) and isinstance(row[index], _XLSX_NOT_TEXT) for row in raw_head)
        for index in range(len(headers))
    )
    keys = _unique_keys([h if text else escape_formula(h) for h, text in zip(headers, as_text, strict=True)])
    formats: list[Any] = []
    as_date: list[bool] = []
    for index in range(len(keys)):
        seen = {value.__class__ for row in raw_head if index < len(row) for value in (row[index],)}
        as_date.append(bool(seen & {datetime, date}))
        if datetime in seen:
            formats.append(rustpy_xlsxwriter.Format().set_num_format(XLSX_DATETIME_FORMAT))
        elif date in seen:
            formats.append(rustpy_xlsxwriter.Format().set_num_format(XLSX_DATE_FORMAT))
        elif as_text[index]:
            formats.append(rustpy_xlsxwriter.Format().set_quote_prefix())
        else:
            formats.append(None)
    kinds = tuple(zip(as_text, as_date, strict=True))
    head = [_xlsx_row(row, kinds) for row in raw_head]

    def records() -> Iterator[dict[str, Any]]:
        if not head:
            # An empty table still gets its header row (a record of empty cells writes no cells).
            yield dict.fromkeys(keys)
        for row in head:
            yield dict(zip(keys, row, strict=False))
        for row in rows:
            yield dict(zip(keys, _xlsx_row(row, kinds), strict=False))

    book = (
        rustpy_xlsxwriter.FastExcel(target, output_format="xlsx")
        .format(bold_headers=True, datetime_format=XLSX_DATETIME_FORMAT)
        .freeze(row=1)
        .sheet(
            _sheet_name(sheet_title),
            records(),
            column_widths=[max(10, min(len(h) + 2, 50)) for h in keys],
            column_formats=formats,
        )
    )
    if notes:
        note_keys = [str(_("Keterangan")), str(_("Isi"))]
        text = rustpy_xlsxwriter.Format().set_quote_prefix()
        book = book.sheet(
            _sheet_name(str(_("Keterangan"))),
            [dict(zip(note_keys, (str(label), str(value)), strict=True)) for label, value in notes],
            column_widths=[24, 80],
            column_formats=[text, text],
        )
    book.save()


# Cells a writer takes as they are; anything else goes through _xlsx_cell. (Exact classes: datetime is a date
# subclass that must be made local first, bool an int subclass that must stay a boolean — it is listed.)
_XLSX_AS_IS = frozenset({int, float, bool, type(None)})
_XLSX_NOT_TEXT = (int, float, Decimal, date)  # bool is an int
XLSX_MAX_TEXT = 32767  # Excel's limit for one cell
# In a quote-prefixed column, text starting with these still gets an apostrophe: a leading one is dropped by an import,
# and "=SUM(A1)" would be read back as a formula never computed (the prefix is a style no reader sees). "+62 …" not.
_TEXT_COLUMN_ESCAPED = ("'", "=")


def _xlsx_row(row: Sequence[Any], kinds: tuple[tuple[bool, bool], ...]) -> list[Any]:
    """`kinds`: per column, whether it is a text column and whether a date column (see _xlsx_write)."""
    return [
        value
        if (kind := value.__class__) in _XLSX_AS_IS
        or (
            kind is str
            and len(value) <= XLSX_MAX_TEXT
            and not value.startswith(ESCAPED_STARTS if not text_column else _TEXT_COLUMN_ESCAPED)
        )
        or (kind is date and date_column and value.year >= EARLIEST_YEAR)
        else _xlsx_cell(value, text_column, date_column)
        for value, (text_column, date_column) in zip(row, kinds, strict=False)
    ]


def _xlsx_cell(raw: Any, text_column: bool = False, date_column: bool = True) -> Any:
    value = _plain(raw)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime):
        value = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
        if date_column and value.year >= EARLIEST_YEAR:
            return value
        return f"{date_text(value)} {value:%H:%M}"
    if isinstance(value, date):
        return value if date_column and value.year >= EARLIEST_YEAR else date_text(value)
    if isinstance(value, Decimal):
        return float(value)
    # A text cell never runs as a formula; outside a quote-prefixed column, editing it would make it one. A leading
    # apostrophe is doubled in either (an import drops one).
    text = ("'" + value if value.startswith(_TEXT_COLUMN_ESCAPED) else value) if text_column else escape_formula(value)
    return text if len(text) <= XLSX_MAX_TEXT else text[: XLSX_MAX_TEXT - 1] + "…"


def _unique_keys(headers: list[str]) -> list[str]:
    """Rows are handed to the writer as dicts keyed by header, so two equal headers must become distinct."""
    keys: list[str] = []
    for header in headers:
        key, n = header, 2
        while key in keys:
            key, n = f"{header} ({n})", n + 1
        keys.append(key)
    return keys


SHEET_NAME_MAX = 31  # Excel refuses longer sheet names


def _sheet_name(title: str) -> str:
    """Excel refuses sheet names over 31 characters or with []:*?/\\ in them. A longer title is cut after a whole
    word, with "…" to show that it goes on ("Pekerja sosial (PSKS) aktif…", not "… aktif men")."""
    cleaned = " ".join("".join(" " if ch in "[]:*?/\\" else ch for ch in title).split())
    if len(cleaned) > SHEET_NAME_MAX:
        cut = cleaned[: SHEET_NAME_MAX - 1]
        if " " in cut[SHEET_NAME_MAX // 2 :]:
            cut = cut[: cut.rindex(" ")]
        cleaned = cut.rstrip(" ,;-(") + "…"
    return cleaned or "Data"


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    headers: Sequence[Any], rows: Iterable[Sequence[Any]], *, chunk_rows: int = 500, delimiter: str = ","
) -> Iterator[bytes]:
    """The CSV of `table_download` (BOM, escaping, formats), produced a few hundred rows at a time."""
    writer = csv.writer(_Echo(), delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    yield csv_header_line(headers, delimiter=delimiter)
    cells = _csv_row_decimal_comma if delimiter == ";" else _csv_row
    other = OTHER_SEPARATOR[delimiter]
    # The ";" file: every row with a decimal number holds a ",", so its lines are written here at once rather than
    # by the csv module first (0.84 s instead of 1.10 s for 100,000 rows of 20 cells; 0.73 s before the fix).
    manual = delimiter == ";"
    chunk: list[str] = []
    for row in rows:
        written = cells(row)
        if manual and len(written) > 1:  # (the csv module writes a lone empty cell as "")
            line = _line_with_other_separator(row, written, delimiter)
        else:
            line = writer.writerow(written)
            # Rare in the comma file: the csv module knows its own delimiter only (M2), and leaves a tab unquoted and
            # a trigger after a tab or a line break as it is (CELL_BREAKS).
            if other in line or "\t" in line or "\n" in line[:-2] or "\r" in line[:-2]:
                line = _line_with_other_separator(row, written, delimiter)
        chunk.append(line)
        if len(chunk) >= chunk_rows:
            yield "".join(chunk).encode("utf-8")
            chunk.clear()
    if chunk:
        yield "".join(chunk).encode("utf-8")


# Cells written as numbers (the ";" file writes a decimal comma in them, which is not text to quote).
_CSV_NUMBERS = frozenset({int, float, Decimal, bool})


def _line_with_other_separator(row: Sequence[Any], written: Sequence[Any], delimiter: str) -> str:
    """A row's line as csv.writer writes it, but with its text cells written by csv_text (see OTHER_SEPARATOR).
    Inline tests rather than a call per cell: in the ";" file every row with a decimal number comes here."""
    other = OTHER_SEPARATOR[delimiter]
    return (
        delimiter.join(
            [
                ""
                if cell is None
                else (
                    csv_text(cell, delimiter)
                    if other in cell or delimiter in cell or '"' in cell or "\n" in cell or "\r" in cell or "\t" in cell
                    else cell
                )
                if cell.__class__ is str and value.__class__ not in _CSV_NUMBERS
                else str(cell)
                for value, cell in zip(row, written, strict=True)
            ]
        )
        + "\r\n"
    )


def csv_header_line(headers: Sequence[Any], *, delimiter: str = ",") -> bytes:
    """The first line of `csv_lines` (byte-order mark, escaped headers), for a body made elsewhere."""
    texts = [csv_text(escape_formula(str(h)), delimiter) for h in headers]
    return ("\ufeff" + delimiter.join(texts) + "\r\n").encode("utf-8")


def csv_stream(*, chunks: Iterable[bytes], name: str) -> StreamingHttpResponse:
    """The file as a CSV attachment streamed while it is made: memory stays constant for any length.

    `chunks`: the whole file as CSV bytes (header included), made lazily, e.g. by `exchange.exports.csv_chunks`; the
    response starts before the last row is read, so errors must be checked before calling this."""
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[CSV])
    response["Content-Disposition"] = f'attachment; filename="{download_filename(name, CSV)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def table_write(
    *,
    handle: BinaryIO,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    file_format: str,
    sheet_title: str = "",
    delimiter: str = ",",
) -> None:
    """Writes the table to an open binary file (`manage.py export_data`, background exports), CSV streamed, XLSX
    row by row."""
    if file_format == CSV:
        for chunk in csv_lines(headers, rows, delimiter=delimiter):
            handle.write(chunk)
    elif file_format == XLSX:
        _xlsx_write(handle, [str(h) for h in headers], rows, sheet_title)
    else:
        raise ValueError(f"Unknown download format {file_format!r}")
