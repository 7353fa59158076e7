"""The fifty-seventh review's hostile uploads (M1, M4, m2): files of a few hundred bytes to a few hundred KB that made
the task worker allocate gigabytes or spend minutes, refused quickly with a message. Each payload is generated here,
kept small; the ones that blow up a reader without the checks are opened in a child process with a memory limit
(or only the pre-check is called), so this suite never risks the machine's memory."""

import contextlib
import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from sinergi.exchange import files, ods
from sinergi.exchange.files import CSV, ODS, XLSX, FileRefused, inspect, open_table

from .test_cell_bombs import ods_file, xlsx_file

ROOT = Path(__file__).resolve().parents[3]
BOMB = "jauh lebih besar daripada ukuran filenya"  # the zip bomb's refusal
DAMAGED = "rusak atau tidak lengkap"


def _with_part(path: Path, name: str, change) -> Path:
    """`path` rewritten with its member `name` changed by `change(bytes) -> bytes`, compressed hard."""
    source = path.with_suffix(".base" + path.suffix)
    path.rename(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in original.infolist():
            body = original.read(info.filename)
            out.writestr(info.filename, change(body) if info.filename == name else body)
    return path


def _padded_workbook(path: Path, padding: bytes, *, before_sheets: bool = False) -> Path:
    """A valid one-sheet .xlsx whose xl/workbook.xml carries `padding` in <extLst> (which calamine skips), after its
    <sheets> or before them."""
    xlsx_file(path, '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama LKS</t></is></c></row>')
    if before_sheets:
        return _with_part(path, "xl/workbook.xml", lambda body: body.replace(b"<sheets>", padding + b"<sheets>"))
    return _with_part(
        path,
        "xl/workbook.xml",
        lambda body: body.replace(b"</workbook>", b"<extLst>" + padding + b"</extLst></workbook>"),
    )


def _read(path: Path, kind: str) -> int:
    table = open_table(path, kind)
    try:
        count = sum(1 for _row in table.rows)
        table.hidden()
    finally:
        table.close()
    return count


CHILD = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024,) * 2)
resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
import django
django.setup()
from sinergi.exchange.files import FileRefused, inspect, open_table
try:
    table = open_table(sys.argv[1], inspect(sys.argv[1]).kind)
    list(table.rows)
    table.close()
except FileRefused as error:
    print("REFUSED", error)
else:
    print("READ")
"""


def _in_child(path: Path) -> str:
    """What reading `path` ends in, in a child process that may use 1.5 GB and 60 s of CPU: "REFUSED <message>",
    "READ", or how the child died (a bomb that gets past the checks kills the child, not the test run)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    return done.stdout.strip() or f"died ({done.returncode}): {done.stderr.strip()[-300:]}"


@contextlib.contextmanager
def peak_memory():
    """The peak of memory Python allocated inside the block (`.peak`): what these checks are bounded by, as a measure
    that does not depend on the machine's load (bounds in seconds failed on a busy CI machine)."""
    counted = SimpleNamespace(peak=0)
    tracemalloc.start()
    try:
        yield counted
        counted.peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# ---------------------------------------------------------------------------------------------- M1: workbook.xml


def test_a_workbook_xml_of_millions_of_small_elements_is_refused_in_the_zip_check(tmp_path):
    """10 MB of `<a/>` (a 12 KB upload): past the 8 MB a workbook.xml may have. The review's 200 KB file (200 MB of
    them) reached 7.5 GB and a MemoryError after 223 s."""
    path = _padded_workbook(tmp_path / "many.xlsx", b"<a/>" * 2_500_000)
    assert path.stat().st_size < 100_000
    with peak_memory() as work, pytest.raises(FileRefused, match=BOMB):
        inspect(path)
    assert work.peak < 64 * 1024 * 1024, f"peak {work.peak // 1048576} MB"


def test_a_deeply_nested_workbook_xml_is_refused_cheaply(tmp_path):
    """A million nested elements (7 MB, within the size cap; the review's 39 KB file of 5 million took 41 s and
    2.2 GB): refused at the 65th level."""
    depth = 1_000_000
    path = _padded_workbook(tmp_path / "deep.xlsx", b"<a>" * depth + b"</a>" * depth, before_sheets=True)
    with peak_memory() as work, pytest.raises(FileRefused, match=BOMB):
        inspect(path)
    assert work.peak < 64 * 1024 * 1024, f"peak {work.peak // 1048576} MB"


def test_a_flood_of_elements_before_the_sheets_is_refused_cheaply(tmp_path):
    """A million `<a/>` before <sheets> (4 MB, within the size cap): past the elements a workbook.xml may have before
    the end of its sheets."""
    path = _padded_workbook(
        tmp_path / "flood.xlsx", b"<bookViews>" + b"<a/>" * 1_000_000 + b"</bookViews>", before_sheets=True
    )
    with peak_memory() as work, pytest.raises(FileRefused, match=BOMB):
        inspect(path)
    assert work.peak < 64 * 1024 * 1024, f"peak {work.peak // 1048576} MB"


def test_relationships_larger_than_the_cap_are_refused(tmp_path):
    path = xlsx_file(tmp_path / "rels.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama LKS</t></is></c></row>')
    _with_part(
        path,
        "xl/_rels/workbook.xml.rels",
        lambda body: body.replace(b"</Relationships>", b"<a/>" * 2_500_000 + b"</Relationships>"),
    )
    with pytest.raises(FileRefused, match=BOMB):
        inspect(path)


def test_a_workbook_xml_declaring_entities_is_refused_as_damaged_unparsed(tmp_path):
    """A document type is forbidden in these parts; its entities are the "billion laughs". Refused as damaged, as
    the parser refused it before."""
    laughs = b'<!DOCTYPE workbook [<!ENTITY l0 "lol"><!ENTITY l1 "&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;">]>'
    path = xlsx_file(tmp_path / "laughs.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama LKS</t></is></c></row>')
    _with_part(
        path, "xl/workbook.xml", lambda body: laughs + body.replace(b"</workbook>", b"<extLst>&l1;</extLst></workbook>")
    )
    with pytest.raises(FileRefused, match=DAMAGED):
        inspect(path)


def test_the_sheets_places_are_read_once_per_file_whatever_the_checks_of_each_sheet(tmp_path, monkeypatch):
    """The review's 300 sheets with 4 MB of padding took 493 s of CPU: workbook.xml was parsed for every check of
    every sheet. A padding under the cap, after <sheets>, is not even read; and the sheets' places are worked out
    once for the file."""
    path = _padded_workbook(tmp_path / "padded.xlsx", b"<a/>" * 1_000_000)
    calls = []
    real = files.xlsx_xml._read_sheet_members
    monkeypatch.setattr(files.xlsx_xml, "_read_sheet_members", lambda archive: calls.append(1) or real(archive))
    assert inspect(path).kind == XLSX
    assert _read(path, XLSX) == 1
    assert len(calls) == 1


# ---------------------------------------------------------------------------------------------- M4: text amplified

ODS_HEAD = (
    '<table:table table:name="Data"><table:table-row><table:table-cell office:value-type="string"><text:p>Nama LKS'
    "</text:p></table:table-cell></table:table-row><table:table-row>"
)
ODS_TAIL = "</table:table-row></table:table>"


def _spaces_cell(count: int, repeated: int = 1) -> str:
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{repeat}><text:p>Uji<text:s text:c="{count}"/>x</text:p>'
        "</table:table-cell>"
    )


def test_an_ods_of_fifty_cells_of_a_hundred_million_spaces_is_refused_not_the_process_aborted(tmp_path):
    """The review's 791-byte file: calamine wrote out 5 GB of spaces, and the process aborted (SIGABRT). Read in a
    child process limited to 1.5 GB: refused, where without the check the child dies."""
    path = ods_file(tmp_path / "spaces50.ods", ODS_HEAD + _spaces_cell(100_000_000) * 50 + ODS_TAIL)
    assert path.stat().st_size < 2000
    assert _in_child(path).startswith("REFUSED " + "Isi file ini")


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param(_spaces_cell(100_000_000), id="a hundred million spaces in one cell"),
        pytest.param(_spaces_cell(1_000_000, repeated=300), id="a million spaces in a cell repeated 300 times"),
        pytest.param(_spaces_cell(30_000, repeated=3000), id="thirty thousand spaces repeated 3,000 times"),
        pytest.param(
            '</table:table-row><table:table-row table:number-rows-repeated="5000">' + _spaces_cell(30_000),
            id="a row of spaces repeated 5,000 times",
        ),
        pytest.param(
            '<table:table-cell office:value-type="string" office:string-value="'
            + "x" * 30_000
            + '" table:number-columns-repeated="16000"/>',
            id="an empty cell giving its text as an attribute, repeated",
        ),
    ],
)
def test_an_ods_making_calamine_write_out_huge_text_is_refused_before_it_reads(tmp_path, cells):
    """What the content's scan finds before calamine opens the file: the pre-check alone is called, so that nothing
    is ever allocated here."""
    path = ods_file(tmp_path / "text.ods", ODS_HEAD + cells + ODS_TAIL)
    assert path.stat().st_size < 5000
    with peak_memory() as work, pytest.raises(ods.TextBomb):
        ods.sheet_facts(path)
    assert work.peak < 16 * 1024 * 1024, f"peak {work.peak // 1048576} MB"  # nothing of the text written out
    with pytest.raises(FileRefused, match=BOMB):
        open_table(path, ODS)


def test_an_ods_of_real_spaces_and_repeated_words_is_read(tmp_path):
    """What LibreOffice writes: a few spaces as `text:s`, a "Ya" copied along a row and down a column."""
    cells = (
        '<table:table-cell office:value-type="string"><text:p>Jl.<text:s text:c="3"/>Contoh</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string" table:number-columns-repeated="5"><text:p>Ya</text:p>'
        '</table:table-cell><table:table-cell table:number-columns-repeated="1018"/>'
    )
    tail = (
        '</table:table-row><table:table-row table:number-rows-repeated="1000">'
        '<table:table-cell office:value-type="string"><text:p>Uji</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="1023"/></table:table-row></table:table>'
    )
    path = ods_file(tmp_path / "real.ods", ODS_HEAD + cells + tail)
    table = open_table(path, ODS)
    try:
        rows = list(table.rows)
    finally:
        table.close()
    assert rows[1][1][:6] == ["Jl.   Contoh", "Ya", "Ya", "Ya", "Ya", "Ya"]
    assert len(rows) == 1002


SHARED_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _shared_strings_xlsx(path: Path, strings: list[str], references: list[int]) -> Path:
    """A one-sheet .xlsx whose header is inline and whose second row on refer to the shared strings `references`."""
    cells = "".join(
        f'<c r="{chr(65 + i % 26)}{2 + i // 26}" t="s"><v>{index}</v></c>' for i, index in enumerate(references)
    )
    xlsx_file(path, '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama LKS</t></is></c></row>' + cells)
    table = "".join(f"<si><t>{text}</t></si>" for text in strings)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{SHARED_MAIN}">{table}</sst>')
    return _with_part(
        path,
        "xl/_rels/workbook.xml.rels",
        lambda body: body.replace(
            b"</Relationships>",
            b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
    )


def test_an_xlsx_string_of_a_megabyte_referred_to_by_300_cells_is_refused(tmp_path):
    """The review's 3 KB .xlsx: calamine copies a shared string into every cell referring to it (628 MB). In a child
    process limited to 1.5 GB, scaled to 2,000 references (some 2 GB without the check)."""
    path = _shared_strings_xlsx(tmp_path / "shared.xlsx", ["x" * 1_000_000], [0] * 2000)
    assert path.stat().st_size < 20_000
    assert _in_child(path).startswith("REFUSED " + "Isi file ini")  # first: without the check, 2 GB here
    with peak_memory() as work, pytest.raises(FileRefused, match=BOMB):
        open_table(path, XLSX)
    assert work.peak < 64 * 1024 * 1024, f"peak {work.peak // 1048576} MB"  # 2 GB without the check


def test_an_xlsx_of_a_long_note_and_many_short_strings_is_read(tmp_path, monkeypatch):
    """A real file: one long note (10,000 characters) and short names referred to many times. With a cap low enough
    that the sheet's size no longer vouches for it, its references are counted, and it is read."""
    monkeypatch.setattr(files.xlsx_caps, "SHARED_TEXT_MAX", 1_000_000)
    path = _shared_strings_xlsx(tmp_path / "real.xlsx", ["x" * 10_000, "Budi Contoh", "Siti Uji"], [0] + [1, 2] * 500)
    assert _read(path, XLSX) == 1 + (1001 + 25) // 26


# ---------------------------------------------------------------------------------------------- m2: CSV work


def test_a_csv_row_wider_than_a_spreadsheet_is_refused_at_that_row(tmp_path):
    """The review's 12 lines of 1.9 million commas took 94 s: refused at the first row past 16,384 fields."""
    path = tmp_path / "wide.csv"
    path.write_text("Nama LKS,Alamat\nLKS Uji,Jl. Contoh\n" + "," * 20_000 + "\n")
    table = open_table(path, CSV)
    try:
        with pytest.raises(FileRefused, match="Baris 3 file CSV ini berisi 20.001 kolom"):
            list(table.rows)
    finally:
        table.close()


def test_a_csv_of_more_cells_than_a_sheet_may_hold_is_refused(tmp_path, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_CELLS": 10_000}
    path = tmp_path / "cells.csv"
    path.write_text("Nama LKS,Alamat\n" + ("," * 1000 + "\n") * 20)
    table = open_table(path, CSV)
    try:
        with pytest.raises(FileRefused, match="lebih dari 10.000 sel sampai baris 11"):
            list(table.rows)
    finally:
        table.close()


def test_a_csv_of_empty_lines_is_refused_past_the_limit(tmp_path, monkeypatch):
    """The review's 24 million empty lines took 27 s; lines of separators alone count as empty too."""
    monkeypatch.setattr(files.csv_files, "CSV_MAX_BLANK_ROWS", 1000)
    path = tmp_path / "empty.csv"
    path.write_text("Nama LKS,Alamat\nLKS Uji,Jl. Contoh\n" + "\n" * 600 + ",\n" * 600)
    table = open_table(path, CSV)
    try:
        with pytest.raises(FileRefused, match="lebih dari 1.000 baris kosong"):
            list(table.rows)
    finally:
        table.close()


def test_a_csv_with_empty_lines_below_its_data_is_still_read(tmp_path):
    path = tmp_path / "tail.csv"
    path.write_text("Nama LKS,Alamat\nLKS Uji,Jl. Contoh\n" + ",\n" * 5000)
    table = open_table(path, CSV)
    try:
        assert len(list(table.rows)) == 5002
    finally:
        table.close()
