"""A sheet's foot below its records: a total line, a legend, the place and date it was signed, the signatories'
titles and names (_foot_row). Apart from sheet_rows, which asks it of every row left after the records' checks, as
the words of one kind of row that is not data.
"""

import datetime
import re
from typing import Any

from .. import values as v
from ._common import _filled

# First words of the cells that begin a sheet's foot: a total ("Jumlah pekerja: 2 orang"), a legend ("Keterangan: L
# = Laki-laki"), a signature block's opening ("Mengetahui,", "Dibuat oleh"), a NIP.
FOOT_WORDS = {
    "jumlah", "jml", "total", "keterangan", "ket", "catatan", "mengetahui", "menyetujui", "disetujui", "diketahui",
    "dibuat", "diperiksa", "ttd", "nip",
}  # fmt: skip


# A source line ("Sumber: Dinas Sosial", "Sumber data: …"): "Sumber" with a colon or "data" after it, not the first
# word of a name ("Sumber Kasih", an LKS listed last, is a record).
_SOURCE_LINE = re.compile(r"sumber\s*(?:data\b\s*:?|:)", re.IGNORECASE)


# Titles of the signatories ("Ketua LKSA", "Kepala Dinas Sosial"): part of a foot once it has begun, never its start —
# an LKS may be named "Pembina Yatim Piatu", a worker's role be "Ketua".
FOOT_TITLES = {
    "kepala", "ketua", "pengelola", "pimpinan", "sekretaris", "bendahara", "koordinator", "pembina", "plt", "plh",
    "kadis", "kabid", "kasi", "kasubag", "camat", "lurah", "operator", "petugas",
}  # fmt: skip


_MONTH_WORDS = (
    r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
    r"|jan|feb|mar|apr|jun|jul|agu|agt|ags|agst|sep|sept|okt|nov|des"
    # English, as TEXT(TODAY(), "dd mmmm yyyy") writes it in an Excel set to English
    r"|january|february|march|may|june|july|august|october|december|aug|oct|dec)"
)


# "Banjarmasin, 17 Agustus 2025", "Martapura, 17-08-2025": where and when the sheet was signed (a month's name or a
# four-digit year: "Jl. Mawar, 12 RT 03" is an address). A form's blank for the day ("Banjarmasin, ....... Agustus
# 2025", "Banjarmasin,    Agustus 2025") and "tgl" before it are the same line.
_PLACE_AND_DATE = re.compile(
    rf"[^\W\d_][^\d,]{{1,40}},\s*(?:(?:tgl|tanggal)\.?\s*)?(?:\d{{1,2}}|[._…]*)"
    rf"(?:\s*{_MONTH_WORDS}\.?\s+|\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*)\d{{4}}",
    re.IGNORECASE,
)


# A signatory's name with its titles ("Drs. H. AHMAD SYARIF, M.Si", "Hj. Rahmah, S.Pd"): letters only, in two or
# more words — a lone word ("L", "PSM", "Pengasuh") may be a record's value.
_SIGNATORY = re.compile(r"[^\W\d_]+(?:(?:[.,]\s*|[.,]?\s+|['’-])[^\W\d_]+)+\.?")


# The place before a date cell of its own ("Banjarmasin," | 17-08-2025): where the sheet was signed.
_PLACE_BEFORE_DATE = re.compile(r"[^\W\d_][^\d,]{1,40},")


# A signature's name left to fill in: "(..............................)", "( ____ )".
_BLANK_NAME = re.compile(r"\(?[\s._…-]{3,}\)?")


def _foot_row(cells: list[Any], *, continuing: bool) -> bool:
    """Whether a row may be part of the sheet's foot: at most three cells filled (the two sides of a signature
    block and one more), one of them a foot's opening words (FOOT_WORDS, _PLACE_AND_DATE) and the others those or
    a signatory's title or name — or, once the foot has begun, titles and names only. A record has more cells, and
    its numbers and dates are none of these."""
    filled = []
    dated = False
    for cell in cells:  # every row passes here: a record is given up on at its fourth cell or its second non-text
        if _filled(cell):
            if len(filled) + dated == 3:
                return False
            if cell.__class__ is str:
                filled.append(cell)
            elif (
                not dated
                and filled
                and isinstance(cell, datetime.date)
                and filled[-1].__class__ is str
                and filled[-1].rstrip().endswith(",")
            ):
                dated = True  # the signing's date in a cell of its own, after the place ("Banjarmasin,")
            else:
                return False
    if not filled:
        return False
    strong = False
    for cell in filled:
        written = v.text(cell).strip()
        words = v.norm(written).split()
        if (words and words[0] in FOOT_WORDS) or _PLACE_AND_DATE.fullmatch(written) or _SOURCE_LINE.match(written):
            strong = True
        elif dated and _PLACE_BEFORE_DATE.fullmatch(written):
            strong, dated = True, False  # the date is this place's
        else:
            # A title or name as signature blocks write them: "Kepala Dinas Sosial,", "Diperiksa oleh:", "( SITI
            # AMINAH )", or dots where the name is yet to be written.
            bare = written.rstrip(",:;").strip().removeprefix("(").removesuffix(")").strip()
            if not (words and words[0] in FOOT_TITLES) and not (
                _SIGNATORY.fullmatch(bare) or _BLANK_NAME.fullmatch(written)
            ):
                return False
    return not dated and (strong or continuing)
