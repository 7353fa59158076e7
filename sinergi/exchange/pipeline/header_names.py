"""Which of the entity's columns a header cell names: the index of every way to write a column's header
(abbreviations spelled out), hints in brackets, alternatives ("NIK/No. KTP"), combined headers ("Tempat, Tgl
Lahir"), our own headers in every language of the interface (ERROR_HEADER, WARNING_HEADER); and, for a header
naming none, what it likely means, in which language the headers are written and whether they are another kind of
record's. Apart because it is the vocabulary every other header module (and the workbook's templates) reads cells
with.
"""

import difflib
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .. import values as v
from ..columns import BooleanColumn, Column, Entity, entities

# The column our error reports add, in the language of the run; a corrected report imports cleanly whichever of
# these it has.
ERROR_HEADER = gettext_noop("Kesalahan impor")
# The message column of a report with warnings only (a run that would import: "Kesalahan" would call its rows wrong).
# Skipped as ERROR_HEADER is, so that the report imports as it is, and replaced by it when the report comes back with
# problems.
WARNING_HEADER = gettext_noop("Peringatan impor")


def in_every_language(*headers: str) -> set[str]:
    """Headers of our own files (given as their Indonesian msgids) as written in every language of the interface,
    normalised as headers are compared: from the catalogue, so that a file made in English (an export, an error
    report) is read back as one made in Indonesian, and a changed translation cannot part them."""
    names = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update(v.norm(_(header)) for header in headers)
    return names


def error_headers() -> set[str]:
    """Our reports' message columns (ERROR_HEADER, WARNING_HEADER) in every language of the interface, normalised as
    headers are compared: the import skips them, and a report of a report writes its messages in the one it finds."""
    return in_every_language(ERROR_HEADER, WARNING_HEADER)


def header_index(entity: Entity) -> dict[str, Column]:
    """Every way a header cell may name one of the entity's columns (normalised), to that column: as written, and
    with its abbreviations spelled out (see _spelled_out), unless that form names two columns."""
    known: dict[str, Column] = {}
    for column in entity.columns:
        for key in column.header_keys():
            known.setdefault(key, column)
    spelled: dict[str, Column | None] = {}
    for key, column in known.items():
        full = _spelled_out(key)
        if full not in known:
            spelled[full] = column if spelled.get(full, column) is column else None
    known.update((key, column) for key, column in spelled.items() if column is not None)
    return known


# Abbreviations of header words, read as the word they shorten ("Tgl Lhr", "Tmpt Lahir", "No. Telp", "Kel/Desa"):
# offices write every header in several of them, and listing each combination as a synonym misses the next one.
_ABBREVIATIONS = {
    "tgl": "tanggal", "tg": "tanggal", "tggl": "tanggal", "lhr": "lahir", "tmpt": "tempat", "tmp": "tempat",
    "tpt": "tempat", "no": "nomor", "nmr": "nomor", "nomer": "nomor", "telp": "telepon", "tlp": "telepon",
    "tlpn": "telepon", "telpon": "telepon", "kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan",
    "jns": "jenis", "klmin": "kelamin", "klmn": "kelamin",
}  # fmt: skip
# After "jenis", "kel" is "kelamin", not "kelurahan": DTKS and SIKS-NG exports write the sex as JNS_KEL (Dukcapil's
# as JENIS_KLMIN), while NAMA_KEL and KD_KEL stay the village's.
_ABBREVIATIONS_AFTER = {("jenis", "kel"): "kelamin"}


def _spelled_out(key: str) -> str:
    """A normalised header with its abbreviated words written out."""
    words: list[str] = []
    for word in key.split():
        before = words[-1] if words else ""
        words.append(_ABBREVIATIONS_AFTER.get((before, word)) or _ABBREVIATIONS.get(word, word))
    return " ".join(words)


# Letters written apart, with a dot or a space between them ("N.I.K.", "No. K.K.", "N I K"): normalised, a run of
# one-letter words, read as the word they spell ("n i k" as "nik").
_SPACED_LETTERS = re.compile(r"(?<![^ ])[a-z](?: [a-z](?![^ ]))+")


def _known(key: str, known: dict[str, Column]) -> Column | None:
    """The column a normalised header names, as written, with its abbreviations spelled out, or with its letters
    written apart joined."""
    column = known.get(key)
    if column is None:
        column = known.get(_spelled_out(key))
    if column is None and (joined := _SPACED_LETTERS.sub(lambda m: m[0].replace(" ", ""), key)) != key:
        column = known.get(joined) or known.get(_spelled_out(joined))
    return column


_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")


# Words of a hint on how to fill a column. A bracket saying whose it is ("NIK (Ayah)", "Nama (Orang Tua/Wali)")
# is no hint: that column is someone else's and must stay unknown, not be read as the client's.
_HINT_WORDS = {
    "wajib", "opsional", "pilihan", "boleh", "kosong", "diisi", "isi", "contoh", "mis", "misal", "misalnya", "format",
    "angka", "digit", "teks", "huruf", "kode", "dd", "mm", "yyyy", "yy", "hh", "bb", "tttt", "tt", "tgl", "tahun",
    "bulan", "hari", "tanggal", "bln", "thn", "th", "ddmmyyyy", "lihat", "daftar", "petunjuk", "pilih", "dari",
    "sesuai", "ya", "tidak", "atau", "dan", "dengan", "tanpa", "titik", "koma", "spasi", "orang", "jiwa", "rupiah",
    "rp", "persen", "required", "optional", "e", "g", "eg", "example", "digits", "text", "code",
    # A form's question on an optional answer: "Nama wali (jika ada)", "(bila ada)", "(kalau punya)".
    "jika", "bila", "kalau", "apabila", "ada", "punya",
}  # fmt: skip


# Words that begin a hint whatever follows: "(sesuai KK)", "(contoh: 6371…)", "(format tgl-bln-thn)".
_HINT_LEADS = {"sesuai", "menurut", "berdasarkan", "contoh", "cth", "mis", "misal", "misalnya", "format", "lihat"}


# Words saying that a header is about someone else than the row's person ("Nama Orang Tua", "NIK (Ayah)"): a header
# holding one names no column of the person's by guess.
_OTHER_PERSON_WORDS = {"ayah", "ibu", "bapak", "bpk", "ortu", "tua", "wali", "suami", "istri", "saudara"}


def _is_hint(inside: str) -> bool:
    """Whether a bracket's text is a hint on how to fill the column; a hint of several parts ("16 digit, lihat KK")
    is one when each part is."""
    parts = [part for part in _HINT_PARTS.split(inside) if part.strip()]
    return bool(parts) and all(_is_hint_part(part) for part in parts)


_HINT_PARTS = re.compile(r"[,;]")


# The answers of a yes/no question written in a bracket ("(ada/tidak)", "(Ya/Tidak)", "(ya atau tidak)"): a hint on
# how to fill a yes/no column ("Bekerja dengan anak (ya/tidak)"); after "NIK" or "Disabilitas" it asks whether there
# is one, which is not the number or the kind those columns hold (an "Ada" refused on every row): such a header
# stays unknown, and its notice says why (_unknown_named).
_YES_NO_ANSWERS = {
    "ya", "iya", "y", "tidak", "tdk", "t", "ada", "tidak ada", "tdk ada", "punya", "tidak punya", "belum", "sudah",
    "yes", "no",
}  # fmt: skip
_ANSWER_SEPARATORS = re.compile(r"[/,;|]|\batau\b|\bor\b", re.IGNORECASE)


def _yes_no_pair(inside: str) -> bool:
    """Whether a bracket's text is the answers of a yes/no question (_YES_NO_ANSWERS), two or more."""
    parts = [v.norm(part) for part in _ANSWER_SEPARATORS.split(inside)]
    return len(parts) > 1 and all(part in _YES_NO_ANSWERS for part in parts)


def _hint_of(inside: str, column: Column | None) -> bool:
    """Whether a bracket's text is a hint on how to fill `column` (None: any column the rest of the header names): a
    yes/no question's answers only of a yes/no column."""
    return _is_hint(inside) and (isinstance(column, BooleanColumn) or not _yes_no_pair(inside))


def _without_hints(cell: str) -> str:
    """A header without its brackets that are hints whatever column it names (a yes/no question's answers kept)."""
    return _BRACKETED.sub(lambda m: " " if _hint_of(m[1] or m[2] or "", None) else m[0], cell)


def _is_hint_part(inside: str) -> bool:
    words = v.norm(inside).split()
    if words and words[0] in _HINT_LEADS and not _OTHER_PERSON_WORDS.intersection(words):
        return True
    return bool(words) and all(word in _HINT_WORDS or any(ch.isdigit() for ch in word) for word in words)


_CHOICE_SEPARATORS = re.compile(r"[/,;|]")


def _lists_choices(column: Column, inside: str) -> bool:
    """Whether a bracket lists the column's own choices: "(L/P)" or "(Laki-laki/Perempuan)" after "Jenis
    kelamin" — a hint on how to fill it, while "(Orang Tua/Wali)" after "Nama" is no choice of the name."""
    options = getattr(column, "options", ())
    if not options:
        return False
    known = {v.norm(code) for code, _label in options} | {v.norm(label) for _code, label in options}
    known |= {v.norm(word) for word, _code in getattr(column, "aliases", ())}
    parts = [v.norm(part) for part in _CHOICE_SEPARATORS.split(inside)]
    return len(parts) > 1 and all(part in known for part in parts)


def header_column(cell: Any, known: dict[str, Column]) -> Column | None:
    """The column a header cell names: as written, with its abbreviations spelled out ("Tgl Lhr"), without a hint in
    brackets ("Tanggal lahir (dd-mm-yyyy)", "NIK [16 angka]", "Nama LKS (wajib)", "Jenis kelamin (L/P)", "Nomor
    Induk Kependudukan (NIK)"), or as alternatives that name one column ("NIK/No. KTP", "No. Telp/HP") — a header of
    ours that has brackets ("Kapasitas (orang)") matches as written first, and a bracket that is not a hint ("NIK
    (Ayah)") is kept."""
    key = v.norm(cell)
    column = _known(key, known)
    if column is None and key and cell.__class__ is str and ("(" in cell or "[" in cell):
        stripped = _without_hints(cell)
        if stripped != cell:
            column = _known(v.norm(stripped), known)
        if column is None:
            # A bracket listing the choices can only be judged against the column the rest of the header names; one
            # naming that column again restates it ("Nomor Induk Kependudukan (NIK)").
            named = _known(v.norm(_BRACKETED.sub(" ", cell)), known)
            insides = [m[1] or m[2] or "" for m in _BRACKETED.finditer(cell)]
            if named is not None and all(
                _hint_of(inside, named) or _lists_choices(named, inside) or _known(v.norm(inside), known) is named
                for inside in insides
            ):
                column = named
    if column is None and key and cell.__class__ is str and "/" in cell and not _combined_fields(cell):
        column = _one_of_alternatives(cell, known)
    return column


def _one_of_alternatives(cell: str, known: dict[str, Column]) -> Column | None:
    """The column that a header written as alternatives ("NIK/No. KTP", "No. Telp/HP", "Kel/Desa", "Nama
    Pimpinan/Ketua") names: every alternative names the same one ("No. Izin/Tgl", "Nama Orang Tua/Wali" stay
    unknown). An alternative is also read with the
    words the first one starts with or the last one ends with ("Nama Ayah/Ibu" is "Nama Ayah" or "Nama Ibu": two
    columns, so unknown; "Tempat/Tgl Lahir" is two as well)."""
    text = _without_hints(cell)
    if "(" in text or "[" in text:
        return None  # a bracket that is no hint, maybe with a slash of its own: "Nama (Orang Tua/Wali)"
    parts = [words for part in text.split("/") if (words := v.norm(part).split())]
    if len(parts) < 2:
        return None
    found: Column | None = None
    for index, words in enumerate(parts):
        readings = [words]
        if index:
            readings += [parts[0][:n] + words for n in range(1, len(parts[0]))]
        if index < len(parts) - 1:
            readings += [words + parts[-1][-n:] for n in range(1, len(parts[-1]))]
        named = {id(c): c for c in (_known(" ".join(reading), known) for reading in readings) if c is not None}
        if len(named) > 1:
            return None
        if not named:
            # A part that names nothing holds something else too ("No. Izin/Tgl": the number and its date, "Tgl
            # Mulai/Selesai"): the column would receive it as if it were its own.
            return None
        column = next(iter(named.values()))
        if found is not None and found is not column:
            return None
        found = column
    return found


# A header naming several of our columns in one ("TEMPAT, TGL LAHIR", "Tempat/Tanggal Lahir", "TTL"), normalised, and
# the columns it stands for. The cells are not split: a place and a date are written together in too many ways
# ("Bjm, 17-8-14", "Banjarmasin 17 Agt 2014", a date cell Excel reformatted) to be taken apart without guessing, and
# a guess would be stored. The column is named in a warning instead of among the unknown ones.
COMBINED_HEADERS = (
    (
        re.compile(r"(?:tempat|tmp|tmpt|tpt)(?: dan)? (?:tanggal|tgl|tg) (?:lahir|lhr)|ttl"),
        ("birth_place", "birth_date"),
    ),
)


def _combined_fields(cell: Any) -> tuple[str, ...]:
    """The fields a header cell names together (see COMBINED_HEADERS); () for any other cell."""
    key = v.norm(_BRACKETED.sub(" ", cell) if cell.__class__ is str else cell)
    return next((keys for pattern, keys in COMBINED_HEADERS if pattern.fullmatch(key)), ())


def _combined_keys(cell: Any, entity: Entity) -> list[str]:
    """The entity's columns that a header cell names together; [] for any other cell."""
    own = {column.key for column in entity.columns}
    return [key for key in _combined_fields(cell) if key in own]


def header_test(entity: Entity) -> Callable[[list[Any]], bool]:
    """Whether a row could be the entity's header: two or more cells name its columns (choosing among sheets)."""
    known = header_index(entity)

    def is_header(cells: list[Any]) -> bool:
        return sum(1 for cell in cells if header_column(cell, known) is not None) >= 2

    return is_header


# How close an unknown header must be to a known one to be named as what it may mean ("Tangal Lahir").
HEADER_SUGGESTION_CUTOFF = 0.85


def _meant_column(
    name: str, known: dict[str, Column], used: dict[str, str], *, required: bool = False
) -> Column | None:
    """The column an unknown header likely means, among those the file does not have already: one it is a
    misspelling of ("Tangal Lahir"), or — for a required column, which the file cannot do without — one that its
    first words name ("Nama Murid Asuh" for Nama lengkap, "Tanggal Masuk Asrama" for Tanggal masuk)."""
    key = _spelled_out(v.norm(name))
    if "/" in name or _OTHER_PERSON_WORDS.intersection(key.split()):
        # "Tgl Lahir Ibu" is the mother's, "No. KK/NIK" two numbers: close to a column of the person's in spelling
        # only, and a hint would put them there.
        return None
    candidates = {k: c for k, c in known.items() if c.key not in used and not c.read_only}
    if required:
        candidates = {k: c for k, c in candidates.items() if c.required}
    close = (
        difflib.get_close_matches(key, list(candidates), n=1, cutoff=HEADER_SUGGESTION_CUTOFF) if len(key) > 3 else []
    )
    if close:
        return candidates[close[0]]
    if required:
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            if (column := candidates.get(" ".join(words[:size]))) is not None:
                return column
    return None


def asked_column(name: str, known: dict[str, Column]) -> Column | None:
    """The column an unknown header asks a yes/no question about ("Disabilitas (ada/tidak)": Ragam disabilitas), or
    None: whether there is one, not what the column holds."""
    if "(" not in name and "[" not in name:
        return None
    asked = _known(v.norm(_BRACKETED.sub(" ", name)), known)
    if asked is not None and any(_yes_no_pair(m[1] or m[2] or "") for m in _BRACKETED.finditer(name)):
        return asked
    return None


def _unknown_named(name: str, known: dict[str, Column], used: dict[str, str]) -> str:
    """An unknown header as the notice lists it, with the column it is likely a misspelling of (one the file does
    not have already): “Tangal Lahir” (maksudnya “Tanggal lahir”?)."""
    if (asked := asked_column(name, known)) is not None:
        # "NIK (ada/tidak)": whether there is one, not the number the column "NIK" holds.
        return _("“%(column)s” (jawaban ya/tidak, bukan isi kolom “%(named)s”)") % {
            "column": name,
            "named": asked.header,
        }
    column = _meant_column(name, known, used)
    if column is None:
        column = _meant_column(name, known, used, required=True)
    if column is None:
        return f"“{name}”"
    return _("“%(column)s” (maksudnya “%(suggestion)s”?)") % {"column": name, "suggestion": column.header}


def _headers_language(entity: Entity, cells: list[Any]) -> str:
    """The language of the interface whose column headers the file's header row uses most (the active one when
    none is ahead of it): an Indonesian template stays Indonesian in a user's hands whatever their page's language."""
    written = {v.norm(cell) for cell in cells if v.text(cell)}
    active = translation.get_language() or settings.LANGUAGE_CODE
    best, best_count = active, -1
    for language in [active] + [code for code, _name in settings.LANGUAGES if code != active]:
        with translation.override(language):
            count = sum(1 for column in entity.columns if v.norm(str(column.header)) in written)
        if count > best_count:
            best, best_count = language, count
    return best


def _renames_for_missing(
    unknown: list[str], known: dict[str, Column], used: dict[str, str]
) -> list[tuple[str, Column]]:
    """(header as written, required column it likely is) for the file's unknown headers that seem to be a missing
    required column under another name: the fix is to rename that header, not to add a column. One header per
    column (the first)."""
    found: dict[str, tuple[str, Column]] = {}
    for name in unknown:
        column = _meant_column(name, known, used, required=True)
        if column is not None and column.key not in found:
            found[column.key] = (name, column)
    return list(found.values())


def _shared_for_missing(unknown: list[str], known: dict[str, Column], used: dict[str, str]) -> list[tuple[str, Column]]:
    """(header as written, required column) for the file's unknown headers written as two or more things of which
    one part names a missing required column: "NAMA / NIP" of a decision letter's annex (a name and a civil
    servant's number in one cell), "Nama/NIK". Renaming the header would store the rest in that column, so the
    refusal says to give it a column of its own. One header per column (the first)."""
    found: dict[str, tuple[str, Column]] = {}
    for name in unknown:
        if "/" not in name:
            continue
        parts = [key for part in _BRACKETED.sub(" ", name).split("/") if (key := v.norm(part))]
        if len(parts) < 2:
            continue
        for column in (_known(part, known) for part in parts):
            if column is not None and column.required and column.key not in used and column.key not in found:
                found[column.key] = (name, column)
                break
    return list(found.values())


def _other_entity_hint(entity: Entity, head: list[tuple[int, list[Any]]]) -> str:
    """ " The headers are another kind's: choose …", when a file of clients was checked as LKS (the form's first
    choice) or as workers: that, not a list of missing and unknown columns, is what the user needs to read."""

    def named(kind: Entity) -> int:
        known = header_index(kind)
        return max(
            (sum(1 for cell in cells if header_column(cell, known) is not None) for _n, cells in head), default=0
        )

    own = named(entity)
    found = max(
        ((named(other), other) for other in entities() if other.key != entity.key), key=lambda f: f[0], default=None
    )
    count, other = found if found else (0, None)
    if other is None or count < 3 or count <= own + 2:
        return ""
    return " " + _(
        "Judul kolom file ini cocok dengan data %(other)s, bukan %(this)s: pilih jenis data “%(label)s”, lalu unggah "
        "lagi."
    ) % {"other": other.label, "this": entity.label, "label": other.label}
