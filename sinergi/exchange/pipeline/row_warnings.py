"""The warnings a new record's row gets for what an ignored or free-text cell says: a note or an office's own
status column saying that a client left or died while the discharge date is empty, a yes/no question answered yes
about a column left empty. Apart from row_checks, which calls them for each new record (and must stay cheap per
row)."""

import functools
import re
from typing import Any

from django.utils.translation import gettext as _

from .. import values as v
from ..columns import Entity
from ._common import HeaderMap, Problem, _written_header

# Words of an office's "Keterangan" saying that a client has left or died: "Keluar Juni 2025", "Meninggal dunia",
# "Alm.", "Dikembalikan ke orang tua". Not "Pindahan dari …" (come from elsewhere), "Keluarga miskin", nor "Berhenti
# sekolah" (a child who left school, not the home: what a children's list's "Status" often says).
# ("Alm." outside the \b…\b: no word boundary follows its full stop.)
_LEFT_WORDS = re.compile(
    r"\b(?:keluar|meninggal(?: dunia)?|wafat|almarhum(?:ah)?|dipulangkan|dikembalikan|kembali ke (?:keluarga|"
    r"orang ?tua|ortu)|berhenti(?!\s+(?:sekolah|kuliah|bekerja|kerja)\b)|tidak aktif lagi|non ?-?aktif|"
    r"sudah lulus)\b|\balm\b\.?",
    re.IGNORECASE,
)

# A relative named in the clause before those words makes them the relative's: "Yatim piatu, kedua orang tua
# meninggal", "Ayah alm.", "Ibunya wafat 2020": what a children's home's list says of most of its children.
_RELATIVE_WORDS = re.compile(
    r"\b(?:ayah|ibu|bapak|bapa|mama|papa|orang ?tua|ortu|kakek|nenek|suami|istri|kakak|adik|wali)(?:nya)?\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;\n]|\.\s")


def _left_word(notes: str) -> re.Match | None:
    """The first of a note's words saying that the client left or died (_LEFT_WORDS), not said of a relative."""
    for found in _LEFT_WORDS.finditer(notes):
        if not _RELATIVE_WORDS.search(_CLAUSE_BREAK.split(notes[: found.start()])[-1]):
            return found
    return None


def _left_in_notes(entity: Entity, header: HeaderMap, values: dict[str, Any]) -> tuple[str, str] | None:
    """(column, warning) for a client, new or with a stay still open, whose note says that they left or died while
    its discharge date is empty: the row registers them, or keeps them, as still served, and counted so, which the
    sheet's clerk did not mean."""
    notes = values.get("notes")
    if not notes or "notes" not in header.keys:
        return None
    return _left_warning(entity, header, values, _written_header(entity, header, "notes"), notes)


def _asked_but_empty(
    entity: Entity, header: HeaderMap, row_number: int, cells: list[Any], values: dict[str, Any]
) -> list[Problem]:
    """Warnings for a new record whose ignored yes/no question ("Disabilitas (ada/tidak)") answers yes while the
    column it asks about is empty: the record would be saved without it, and the clerk meant there is one."""
    warnings = []
    for index, key in header.asked.items():
        raw = cells[index] if index < len(cells) else None
        try:
            answer = v.parse_bool(raw)
        except v.CellProblem:
            continue  # neither yes nor no: the column is ignored, as its notice says
        if answer and values.get(key) in (None, "", []):
            message = _(
                "Kolom “%(asked)s” baris ini berisi “%(answer)s”, tetapi “%(column)s” kosong: kolom “%(asked)s” "
                "tidak dibaca, jadi tidak ada yang tercatat. Isi “%(column)s” bila ingin mencatatnya."
            ) % {"asked": header.ignored[index], "answer": v.text(raw), "column": _written_header(entity, header, key)}
            warnings.append(Problem(row_number, header.ignored[index], v.text(raw), message))
    return warnings


# The headers of an office's own status column ("Status": Aktif, Keluar, Meninggal), normalised: the file's, not the
# export's read-only "Status", so it is ignored, but a "Keluar" there says the same as in the notes.
STATUS_HEADERS = {"status", "keterangan status", "status anak", "status klien", "status layanan", "status pelayanan",
                  "status penerima layanan", "status pm", "status ppks", "status aktif"}  # fmt: skip


@functools.lru_cache(maxsize=256)
def _status_header(name: str) -> bool:
    """Whether an ignored header is an office's status column: asked of every new record's row, normalised once."""
    return v.norm(name) in STATUS_HEADERS


def _left_in_status(
    entity: Entity, header: HeaderMap, cells: list[Any], values: dict[str, Any]
) -> tuple[str, str, str] | None:
    """(column, cell, warning) for a client (as in _left_in_notes) whose ignored status column says that they left
    or died while its discharge date is empty."""
    for index, name in header.ignored.items():
        status = v.text(cells[index]) if _status_header(name) and index < len(cells) else ""
        if status and (found := _left_warning(entity, header, values, name, status)):
            return found[0], status, found[1]
    return None


def _left_warning(
    entity: Entity, header: HeaderMap, values: dict[str, Any], column: str, text: str
) -> tuple[str, str] | None:
    # The text searched before the entity's columns are: most notes say nothing of leaving (asked of every row).
    if values.get("discharged_on") or not (found := _left_word(text)):
        return None
    if "discharged_on" not in {c.key for c in entity.columns}:
        return None
    end_header = _written_header(entity, header, "discharged_on")
    message = _(
        "Kolom “%(notes)s” baris ini menyebut “%(word)s”, tetapi “%(end)s” kosong: penerima layanan ini akan dicatat "
        "masih dilayani dan dihitung begitu. Bila ia sudah keluar atau meninggal, isi “%(end)s” dan alasan keluarnya; "
        "bila tidak, abaikan peringatan ini."
    ) % {"notes": column, "word": found[0], "end": end_header}
    return column, message
