"""An .xlsx read as XML besides calamine: where each sheet's part is (workbook.xml and its relationships, parsed
within XML_METADATA_MAX_* caps), and what calamine does not say about a sheet: its formulas without stored results,
hidden rows and columns, cells holding a formula's error, cells formatted as a percent, and the 1904 date system.
Apart from the caps (xlsx_caps) because these read facts about a sheet that has passed them."""

import contextlib
import html
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree import ElementTree

from ..values import FORMULA_ERRORS_KEPT, PERCENT_CELLS_KEPT
from ..xmlpieces import whole_pieces
from ._common import XLSX, FileRefused, _bomb_message, _corrupted_message

FORMULA_SCAN_BYTES = 2 * 1024 * 1024  # of the data sheet's XML: a program writes the same formula in every row
_XML_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c\s*>)", re.S)
_XML_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
# A stored result is a <v> with something in it. openpyxl and pandas write "<f>…</f><v/>" (or "<v></v>") for a
# formula they did not compute; only a string result (t="str") may be empty, as Excel writes =IF(…;"";…).
_XML_RESULT = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?(?<!/)>\s*[^\s<]")
_XML_STRING_RESULT = re.compile(rb'\bt="str"')
_XML_VALUE = re.compile(rb"<(?:\w+:)?v[\s>/]")
_XML_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')


def _formulas_without_results(path: Path, sheet_name: str) -> list[str]:
    """Cells of the sheet (among its first rows, at most one per column) that hold a formula but no stored result.
    Excel and LibreOffice always store one; a file written by a program that does not compute formulas has none,
    and every reader, ours included, would see those cells as empty."""
    try:
        with _sheet_xml(path, sheet_name) as handle:
            data = handle.read(FORMULA_SCAN_BYTES) if handle is not None else b""
    except _XML_ERRORS:
        return []
    if not _XML_FORMULA.search(data):
        return []
    found: dict[str, str] = {}  # column letters -> first cell
    for match in _XML_CELL.finditer(data):
        body = match.group(2)
        attributes = match.group(1)
        if body and _XML_FORMULA.search(body) and not _has_result(attributes, body):
            reference = _XML_REF.search(attributes)
            if reference:
                cell = reference.group(1).decode()
                found.setdefault(cell.rstrip("0123456789"), cell)
    return list(found.values())


def _has_result(attributes: bytes, body: bytes) -> bool:
    return bool(_XML_RESULT.search(body) or (_XML_STRING_RESULT.search(attributes) and _XML_VALUE.search(body)))


_XML_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_XML_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
HIDDEN_ROWS_KEPT = 1000  # enough to name the first few below the header


_XML_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>]*)>(.*?)</(?:\w+:)?c\s*>', re.S)
_XML_RESULT_TEXT = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<")


def _hidden_rows_and_errors(path: Path, sheet_name: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Numbers of the sheet's hidden rows, and the cells whose formula gave an error, as (row, 0-based column,
    error). calamine reads hidden rows like any other and does not say which they are, and reads an error as an
    empty cell; the sheet's XML says both (`<row r="7" hidden="1">`, `<c r="G2" t="e"><f>…</f><v>#N/A</v></c>`).
    The whole sheet is inflated once more (about 0.2 s per 100,000 rows), but searched only where the word
    "hidden" or an error cell's type appears."""
    hidden: list[int] = []
    errors: list[tuple[int, int, str]] = []
    try:
        with _sheet_xml(path, sheet_name) as handle:
            for piece in whole_pieces(handle, before=b"<row") if handle is not None else ():
                if b"hidden" in piece and len(hidden) < HIDDEN_ROWS_KEPT:
                    tags = (tag.group(0) for tag in _XML_HIDDEN_ROW.finditer(piece))
                    hidden += [int(number.group(1)) for tag in tags if (number := _XML_ROW_NUMBER.search(tag))]
                if b't="e"' in piece and len(errors) < FORMULA_ERRORS_KEPT:
                    errors += _error_cells(piece)
                if len(hidden) >= HIDDEN_ROWS_KEPT and len(errors) >= FORMULA_ERRORS_KEPT:
                    break
    except _XML_ERRORS:
        return [], []
    return hidden[:HIDDEN_ROWS_KEPT], errors[:FORMULA_ERRORS_KEPT]


def _error_cells(piece: bytes) -> list[tuple[int, int, str]]:
    found = []
    for cell in _XML_ERROR_CELL.finditer(piece):
        reference = _XML_REF.search(cell.group(1))
        if reference is None:
            continue
        letters = reference.group(1).rstrip(b"0123456789")
        result = _XML_RESULT_TEXT.search(cell.group(2))
        error = result.group(1).decode("utf-8", "replace").strip() if result else ""
        found.append((int(reference.group(1)[len(letters) :]), _column_number(letters) - 1, error or "#N/A"))
    return found


# Excel's built-in percent formats (ECMA-376 §18.8.30), which styles.xml names by number only: 9 "0%", 10 "0.00%".
_BUILTIN_PERCENT = {9: 0, 10: 2}
_XML_NUMBER_FORMAT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)>")
_XML_CELL_FORMATS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs\s*>", re.S)
_XML_FORMAT = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
_XML_FORMAT_ID = re.compile(rb"""\bnumFmtId\s*=\s*["'](\d+)["']""")
_XML_FORMAT_CODE = re.compile(rb"""\bformatCode\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# What a format code shows besides its placeholders: quoted text, an escaped character, a colour or condition in
# brackets, the space of "_)" and the fill of "*-". A "%" among them is a character shown, not a percent.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _percent_decimals(code: str) -> int | None:
    """The decimals of a number format code that shows a percent ("0.0%" → 1, "0%" → 0), else None; read from its
    first section, the one of positive numbers."""
    first = _FORMAT_LITERALS.sub("", code).split(";", 1)[0]
    if "%" not in first:
        return None
    _whole, point, decimals = first.partition(".")
    return sum(1 for ch in decimals.split("%", 1)[0] if ch in "0#?") if point else 0


def _percent_styles(path: Path) -> dict[int, int]:
    """The workbook's cell styles (a cell's s="…", the index of an <xf> of cellXfs) whose number format shows a
    percent, with the decimals it shows. styles.xml is small (a few KB; MB for a workbook of copied styles): one
    that passes XML_METADATA_MAX_BYTES is not searched, and its cells read as calamine gives them."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/styles.xml") as handle:
            data = handle.read(XML_METADATA_MAX_BYTES + 1)
    except (KeyError, OSError, zipfile.BadZipFile, EOFError, zlib.error):
        return {}
    if len(data) > XML_METADATA_MAX_BYTES or (b"%" not in data and not re.search(rb"numFmtId=.(?:9|10)\D", data)):
        return {}
    formats = dict(_BUILTIN_PERCENT)
    for tag in _XML_NUMBER_FORMAT.finditer(data):
        number, code = _XML_FORMAT_ID.search(tag.group(1)), _XML_FORMAT_CODE.search(tag.group(1))
        if number and code:
            written = html.unescape((code.group(1) or code.group(2) or b"").decode("utf-8", "replace"))
            if (decimals := _percent_decimals(written)) is not None:
                formats[int(number.group(1))] = decimals
            else:
                formats.pop(int(number.group(1)), None)  # a built-in number given another code
    found: dict[int, int] = {}
    if cell_formats := _XML_CELL_FORMATS.search(data):
        for index, tag in enumerate(_XML_FORMAT.finditer(cell_formats.group(1))):
            number = _XML_FORMAT_ID.search(tag.group(1))
            if number and (decimals := formats.get(int(number.group(1)))) is not None:
                found[index] = decimals
    return found


def _percent_cells(path: Path, sheet_name: str, styles: dict[int, int]) -> dict[int, dict[int, int]]:
    """The sheet's cells styled as a percent (`styles`, by _percent_styles), as row number → {0-based column:
    decimals}. calamine gives such a cell's number (0.25), not what the sheet shows ("25%"). Only pieces of the
    sheet that name one of those styles are searched, for the cells of those styles alone; a cell without its
    reference (r="B2", which Excel and LibreOffice always write) cannot be placed and is left as calamine gives it."""
    needles = [b's="%d"' % style for style in styles]
    ids = b"|".join(b"%d" % style for style in styles)
    # As Excel, LibreOffice and the libraries write a cell (its reference first, no prefix): a search that starts
    # from a literal, about 0.3 s per 100,000 styled cells; any other way, the general one, twice as slow.
    usual = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*? s="(' + ids + rb')"')
    general = re.compile(rb'<(?:\w+:)?c\b(?=[^>]*?\bs="(' + ids + rb')")[^>]*?\br="([A-Z]+)([0-9]+)"')
    columns: dict[bytes, int] = {}
    found: dict[int, dict[int, int]] = {}
    kept = 0  # up to PERCENT_CELLS_KEPT
    try:
        with _sheet_xml(path, sheet_name) as handle:
            for piece in whole_pieces(handle, before=b"<row") if handle is not None else ():
                if not any(needle in piece for needle in needles):
                    continue
                cells = usual.findall(piece) or [(c, r, s) for s, c, r in general.findall(piece)]
                for letters, row, style in cells[: PERCENT_CELLS_KEPT - kept]:
                    if (column := columns.get(letters)) is None:
                        column = columns[letters] = _column_number(letters) - 1
                    found.setdefault(int(row), {})[column] = styles[int(style)]
                kept += min(len(cells), PERCENT_CELLS_KEPT - kept)
                if kept >= PERCENT_CELLS_KEPT:
                    break
    except (*_XML_ERRORS, ValueError, EOFError, zlib.error):
        return {}
    return found


class _XmlBomb(ValueError):
    """An .xlsx metadata part larger, deeper or of more elements than XML_METADATA_MAX_* (below)."""


class _XmlDocumentType(_XmlBomb):
    """A metadata part declaring a document type (entities): refused as damaged, as the parser used to."""


_XML_ERRORS = (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError, _XmlBomb)
_XML_HIDDEN_COLUMNS = re.compile(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_XML_SPAN = re.compile(rb'\b(min|max)="(\d+)"')


def _hidden_columns(path: Path, sheet_name: str) -> list[int]:
    """0-based indices of the sheet's hidden columns (`<col min="16" max="16" hidden="1"/>`, before the cells)."""
    try:
        with _sheet_xml(path, sheet_name) as handle:
            head = handle.read(256 * 1024) if handle is not None else b""
    except _XML_ERRORS:
        return []
    head = head.split(b"sheetData", 1)[0]
    found: list[int] = []
    for tag in _XML_HIDDEN_COLUMNS.finditer(head):
        span = dict(_XML_SPAN.findall(tag.group(0)))
        if b"min" in span:
            first = int(span[b"min"])
            last = min(int(span.get(b"max", span[b"min"])), first + 16384)
            found += range(first - 1, last)
    return found


def _column_number(letters: bytes) -> int:
    """1 for "A", 27 for "AA"."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


@contextlib.contextmanager
def _sheet_xml(path: Path, sheet_name: str) -> Iterator[BinaryIO | None]:
    """The named sheet's XML, open for reading; None when the workbook does not say where it is."""
    with zipfile.ZipFile(path) as archive:
        member = _sheet_member(archive, sheet_name)
        if member is None:
            yield None
            return
        with archive.open(member) as handle:
            yield handle


# The parts of an .xlsx that name its sheets, read with Python's XML parser (the sheets themselves are scanned in
# pieces): a real workbook.xml, even of a thousand sheets with many defined names, is well under 1 MB. Larger, or
# nested deeper than any producer writes, is a bomb: 200 MB of `<a/>` zip to 200 KB and took 7.5 GB to parse whole.
XML_METADATA_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
XML_METADATA_MAX_BYTES = 8 * 1024 * 1024
XML_METADATA_MAX_DEPTH = 64
XML_METADATA_MAX_ELEMENTS = 100_000  # read, before the end of <sheets>: the zip holds at most 2,000 sheets
# A sheet's relationship id, in the namespace of Excel's usual ("Transitional") files or of its "Strict Open XML"
# ones, which calamine reads as well.
_RELATIONSHIP_IDS = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)


def _sheet_names_within_limits(archive: zipfile.ZipFile) -> None:
    """Refuses (as a bomb) an .xlsx whose workbook.xml or its relationships pass the caps above; the sheets' places
    found here are kept for the checks that follow. A part the parser cannot read is left to calamine to judge."""
    try:
        _sheet_members(archive)
    except _XmlDocumentType as error:
        raise FileRefused(_corrupted_message(XLSX)) from error
    except _XmlBomb as error:
        raise FileRefused(_bomb_message()) from error
    except (ElementTree.ParseError, KeyError):
        pass


def _sheet_member(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the named sheet (workbook.xml names it, its relationships give the file)."""
    return _sheet_members(archive).get(sheet_name)


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Every sheet's zip member by name, worked out once per file (each sheet's checks ask for it several times)."""
    source = archive.filename or ""
    try:
        stat = Path(source).stat()
        key = (source, stat.st_mtime_ns, stat.st_size)
    except OSError:
        return _read_sheet_members(archive)
    return _cached_sheet_members(key, archive)


_sheet_members_cache: dict[tuple[str, int, int], dict[str, str]] = {}


def _cached_sheet_members(key: tuple[str, int, int], archive: zipfile.ZipFile) -> dict[str, str]:
    found = _sheet_members_cache.get(key)
    if found is None:
        found = _read_sheet_members(archive)
        if len(_sheet_members_cache) >= 16:
            _sheet_members_cache.clear()
        _sheet_members_cache[key] = found
    return found


def _read_sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    ids: dict[str, str] = {}  # relationship id -> sheet name (the first sheet of a name wins, as before)
    for _depth, element in _xml_elements(archive, "xl/workbook.xml", stop="sheets"):
        if element.tag.endswith("}sheet") and (name := element.get("name")) is not None:
            relation = next((found for key in _RELATIONSHIP_IDS if (found := element.get(key)) is not None), None)
            if relation is not None and name not in ids.values():
                ids.setdefault(relation, name)
    if not ids:
        return {}
    members: dict[str, str] = {}
    for _depth, relation in _xml_elements(archive, "xl/_rels/workbook.xml.rels"):
        name = ids.get(relation.get("Id", ""))
        if name is not None and name not in members:
            target = relation.get("Target", "")
            members[name] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return members


def _xml_elements(archive: zipfile.ZipFile, member: str, *, stop: str = "") -> Iterator[tuple[int, Any]]:
    """The elements of a small XML part, each as it ends, streamed: none is kept once seen, so memory stays that
    of the deepest path; past XML_METADATA_MAX_DEPTH the part is refused (_XmlBomb). Ends after the element named
    `stop` (a local name) closes: the rest of the part is not read."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    stack: list[Any] = []
    elements = 0
    with archive.open(member) as handle:
        read, tail = 0, b""
        while chunk := handle.read(64 * 1024):
            read += len(chunk)
            # No producer writes a document type (the standard forbids it): its entities are how a few bytes
            # expand to gigabytes ("billion laughs").
            if b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk:
                raise _XmlDocumentType(member)
            if read > XML_METADATA_MAX_BYTES:
                raise _XmlBomb(member)
            tail = chunk[-16:]
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "start":
                    stack.append(element)
                    if len(stack) > XML_METADATA_MAX_DEPTH:
                        raise _XmlBomb(member)
                    continue
                stack.pop()
                elements += 1
                if elements > XML_METADATA_MAX_ELEMENTS:
                    raise _XmlBomb(member)
                yield len(stack), element
                if stack:
                    del stack[-1][-1]  # the element just ended is its parent's last child: forgotten
                if stop and element.tag.rpartition("}")[2] == stop:
                    return
        parser.close()


def _uses_1904_dates(path: Path) -> bool:
    """Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`, old Excel for Mac)."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as handle:
            head = handle.read(16384).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, EOFError, zlib.error):
        return False
    return re.search(r'date1904\s*=\s*"(1|true)"', head) is not None
