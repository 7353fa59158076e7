"""Turning a table (headers + rows) into a CSV or XLSX file download.

Every table a user can download goes through `table_download`, so that the escaping of cells a spreadsheet
would run as formulas, the encoding Excel needs and the file naming are decided in one place.
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, BinaryIO

import xlsxwriter
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

CSV = "csv"
XLSX = "xlsx"
DOWNLOAD_FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A text cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATE_FORMAT = "dd-mm-yyyy"
XLSX_DATETIME_FORMAT = "dd-mm-yyyy hh:mm"


def escape_formula(text: str) -> str:
    """`text` made inert: a leading apostrophe keeps a spreadsheet from evaluating it."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def download_filename(name: str, file_format: str, *, today: date | None = None) -> str:
    """e.g. `lks-per-jenis-2025-08-17.xlsx`: the date tells apart downloads of the same table."""
    today = today or timezone.localdate()
    return f"{slugify(name) or 'tabel'}-{today.isoformat()}.{file_format}"


def table_download(
    *,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    name: str,
    file_format: str,
    sheet_title: str = "",
    today: date | None = None,
) -> HttpResponse:
    """The table as an attachment in `file_format` ("csv" or "xlsx"), named after `name` and today's date."""
    if file_format not in DOWNLOAD_FORMATS:
        raise ValueError(f"Unknown download format {file_format!r}")
    header_texts = [str(h) for h in headers]
    content = _csv_bytes(header_texts, rows) if file_format == CSV else _xlsx_bytes(header_texts, rows, sheet_title)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{download_filename(name, file_format, today=today)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _plain(value: Any) -> Any:
    """Lazy translations and other objects become text; numbers, dates and booleans keep their type."""
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    return str(value)


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


def _csv_bytes(headers: list[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    # The byte-order mark is what makes Excel read the file as UTF-8 instead of the local code page.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([escape_formula(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_bytes(headers: list[str], rows: Iterable[Sequence[Any]], sheet_title: str) -> bytes:
    output = io.BytesIO()
    # constant_memory flushes each row once written, so a large table never sits in memory as cell objects;
    # the finished file is assembled in `output`, never on the server's disk under a guessable name.
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": XLSX_DATE_FORMAT})
    datetime_format = workbook.add_format({"num_format": XLSX_DATETIME_FORMAT})
    sheet = workbook.add_worksheet(_sheet_name(sheet_title))
    sheet.freeze_panes(1, 0)
    for col, header in enumerate(headers):
        sheet.set_column(col, col, max(10, min(len(header) + 2, 50)))
        sheet.write_string(0, col, escape_formula(header), bold)
    for row_index, row in enumerate(rows, start=1):
        for col, raw in enumerate(row):
            value = _plain(raw)
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(row_index, col, value)
            elif isinstance(value, datetime):
                local = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
                sheet.write_datetime(row_index, col, local, datetime_format)
            elif isinstance(value, date):
                sheet.write_datetime(row_index, col, value, date_format)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(row_index, col, float(value) if isinstance(value, Decimal) else value)
            else:
                # write_string never makes a formula; the escape still protects a copy saved as CSV later.
                sheet.write_string(row_index, col, escape_formula(value))
    workbook.close()
    return output.getvalue()


def _sheet_name(title: str) -> str:
    """Excel refuses sheet names over 31 characters or with []:*?/\\ in them."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()[:31]
    return cleaned or "Data"


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(headers: Sequence[Any], rows: Iterable[Sequence[Any]], *, chunk_rows: int = 500) -> Iterator[bytes]:
    """The CSV of `table_download` (BOM, escaping, formats), produced a few hundred rows at a time."""
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    yield ("\ufeff" + writer.writerow([escape_formula(str(h)) for h in headers])).encode("utf-8")
    chunk: list[str] = []
    for row in rows:
        chunk.append(writer.writerow([_csv_cell(v) for v in row]))
        if len(chunk) >= chunk_rows:
            yield "".join(chunk).encode("utf-8")
            chunk.clear()
    if chunk:
        yield "".join(chunk).encode("utf-8")


def csv_stream(
    *, headers: Sequence[Any], rows: Iterable[Sequence[Any]], name: str, today: date | None = None
) -> StreamingHttpResponse:
    """The table as a CSV attachment streamed while the rows are read: memory stays constant for any length.

    `rows` should itself be lazy (e.g. built from `queryset.iterator()`); the response starts before the last
    row is read, so errors must be checked before calling this."""
    response = StreamingHttpResponse(csv_lines(headers, rows), content_type=CONTENT_TYPES[CSV])
    response["Content-Disposition"] = f'attachment; filename="{download_filename(name, CSV, today=today)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def table_write(*, handle: BinaryIO, headers: Sequence[Any], rows: Iterable[Sequence[Any]], file_format: str) -> None:
    """Writes the table to an open binary file (for `manage.py export_data`), CSV streamed, XLSX row by row."""
    if file_format == CSV:
        for chunk in csv_lines(headers, rows):
            handle.write(chunk)
    elif file_format == XLSX:
        handle.write(_xlsx_bytes([str(h) for h in headers], rows, ""))
    else:
        raise ValueError(f"Unknown download format {file_format!r}")
