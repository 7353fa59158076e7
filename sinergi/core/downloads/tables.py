"""A table as a download or a file: the formats, the CSV separator asked for, the file's name (with its
filters), `table_download`, `csv_stream` and `table_write`."""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, BinaryIO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .csv_writer import _csv_bytes, csv_lines
from .xlsx_writer import _xlsx_bytes, _xlsx_write

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
