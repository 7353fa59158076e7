"""The clients sheet's columns: what each header reads, with its synonyms, aliases and help, and the mappings from
column keys to the person's and consent's fields. Apart because the template, the import and the export all start
from them, and they change with the form, not with the import's rules."""

import re
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    BooleanColumn,
    ChoiceColumn,
    Column,
    DateColumn,
    ImportContext,
    PhoneColumn,
    RecordIdColumn,
    RecordVersionColumn,
    TermColumn,
    TextColumn,
)
from sinergi.vocabularies.models import Vocabulary

from ...choices import (
    ConsentGiver,
    DisabilityType,
    DischargeReason,
    LegalBasis,
    MissingIdReason,
    ServiceSetting,
    Sex,
)
from ...services._common import MAX_LENGTHS
from ..common import (
    BIRTH_DATE_SYNONYMS,
    CONSENT_GIVER_ALIASES,
    DISABILITY_ALIASES,
    LEGAL_BASIS_ALIASES,
    LKS_SYNONYMS,
    MISSING_ID_ALIASES,
    NIK_SYNONYMS,
    PPKS_ALIASES,
    SETTING_ALIASES,
    SEX_ALIASES,
    IdentityNumberColumn,
    NameColumn,
    RegionCodeColumn,
)

ORIGIN_KEYS = {
    "region_code": "origin_code",
    "regency_name": "origin_regency",
    "district_name": "origin_district",
    "village_name": "origin_village",
}
# The consent columns, in the order of Consent's fields (CONSENT_FIELDS): a row's consent and a stored one compare
# as tuples.
CONSENT_COLUMNS = ("consent_given_by", "consent_giver_name", "consent_given_on", "consent_legal_basis", "consent_scope")
CONSENT_FIELDS = ("given_by", "giver_name", "given_on", "legal_basis", "scope")
CONSENT_REQUIRED = (
    ("consent_giver_name", _lazy("Nama pemberi persetujuan")),
    ("consent_given_on", _lazy("Tanggal persetujuan")),
    ("consent_scope", _lazy("Cakupan persetujuan")),
)


# The person's own fields a row may correct (and an empty cell keeps).
PERSON_KEPT = (
    "full_name", "sex", "birth_date", "birth_date_estimated", "birth_place", "disability_type", "mother_name",
    "father_name", "guardian_name", "guardian_relation", "guardian_phone", "notes",
)  # fmt: skip


class ExplicitNoneChoiceColumn(ChoiceColumn):
    """A choice whose list holds a "none" option (code ""), as Ragam disabilitas' "Tidak ada": an empty cell reads as
    None, and keeps what is stored, while the option written out reads as "", and clears it."""

    def clean(self, raw: Any, ctx: ImportContext) -> str | None:
        return None if v.is_blank(raw) else self._choices(ctx).match(raw)


# A child's family status as LKSA lists write it in the category column: an orphan ("Yatim", "Piatu", "Yatim
# Piatu") or a poor family's child ("Dhuafa"). No PPKS category, and not to be read as one by guess.
FAMILY_STATUS_WORDS = frozenset({"yatim", "piatu", "yatimpiatu", "dhuafa", "duafa"})


def family_status_problem(value: str, ctx: ImportContext) -> str:
    """The problem of a PPKS cell holding a child's family status ("Yatim Piatu", "Anak Dhuafa"), or "" for any
    other cell: a short word on what the column wants, instead of the whole list."""
    words = v.norm(value.replace("'", "").replace("’", "")).split()
    if words[:1] == ["anak"]:
        words = words[1:]
    if not words or not all(word in FAMILY_STATUS_WORDS for word in words):
        return ""
    neglected = ctx.terms(Vocabulary.PPKS).get("anak_telantar")
    return _(
        "“%(value)s” adalah status keluarga anak, bukan kategori PPKS. Anak asuh di LKSA biasanya berkategori "
        "“%(category)s”; status anak dapat ditulis di kolom Catatan (Keterangan)."
    ) % {"value": value, "category": neglected.label if neglected is not None else "anak_telantar"}


def _text(
    key: str,
    header,
    *synonyms: str,
    required: bool = False,
    example: Any = "",
    width: int = 18,
    kind=TextColumn,
    stored_as: str = "",
) -> TextColumn:
    # The services' length limit of the field the column is stored in (`stored_as` when it is named otherwise).
    max_length = MAX_LENGTHS.get(stored_as or key, 0)
    return kind(key, header, synonyms, required=required, example=example, max_length=max_length, width=width)


# The guardian's phone as forms head it: a phone word and whose — the guardian's, or the parent's or guardian's
# ("Nomor HP/WA orang tua/wali"), whoever answers for the child: the one contact number a client's record keeps. A
# parent's alone ("No. HP Ayah", "HP Orang Tua") stays unknown: the guardian (Nama wali) may be someone else.
GUARDIAN_PHONE_SYNONYMS = tuple(
    f"{number}{phone} {whose}"
    for number in ("", "no ", "nomor ")
    for phone in ("hp", "telepon", "telp", "wa", "whatsapp", "hp wa", "telepon wa", "telepon hp")
    for whose in ("wali", "orang tua wali", "ortu wali", "orangtua wali")
) + ("kontak wali", "kontak orang tua wali")


# A place followed by a date, as an office writes "Tempat, Tanggal Lahir" in one cell: the date part after the last
# comma (or after the place's words, "Banjarmasin 17 Agustus 2010").
_PLACE_AND_DATE = re.compile(r"^(?P<place>[^\d,]+?)\s*(?:,\s*|\s+)(?P<date>\d.*)$")


class PlaceColumn(TextColumn):
    """A birth place. A cell that also holds the birth date ("Banjarmasin, 17 Agustus 2010": the combined column of
    office lists, typed into the place column) is refused naming both parts: stored whole, the place would carry the
    date, and the birth date would stay empty without a word."""

    def clean_column(self, raws: Sequence[Any], ctx: ImportContext) -> list[Any]:
        out = super().clean_column(raws, ctx)
        seen: dict[str, v.CellProblem | None] = ctx.cached(("places", self.key), dict)  # a few places, many rows
        for index, value in enumerate(out):
            if value.__class__ is str and value:
                problem = seen[value] if value in seen else seen.setdefault(value, _date_inside(value))
                if problem is not None:
                    out[index] = problem
        return out


def _date_inside(place: str) -> v.CellProblem | None:
    if (found := _PLACE_AND_DATE.match(place)) is None:
        return None
    try:
        if v.parse_date(found["date"]) is None:
            return None
    except v.CellProblem:
        return None
    return v.CellProblem(
        _(
            "Tempat lahir ini juga berisi tanggal (“%(date)s”). Tulis tempatnya saja (“%(place)s”), dan tanggalnya di "
            "kolom Tanggal lahir."
        )
        % {"date": found["date"], "place": found["place"]}
    )


COLUMNS: list[Column] = [
    # Headers of the lists LKS keep: each names the client in a file of clients, and no other column of it.
    _text("full_name", _lazy("Nama lengkap"), "nama", "nama penerima layanan", "nama klien", "nama ppks", "nama anak",
          "nama lengkap anak", "nama lengkap klien", "nama penerima manfaat", "nama pm", "nama lansia",
          "nama warga binaan", "nama binaan",
          # Elderly homes, disability LKS and rehabilitation centres: their residents ("warga binaan sosial").
          "nama wbs", "nama warga binaan sosial", "nama residen", "nama penerima pelayanan",
          # What children's homes (LKSA) and pesantren-based homes call the children they keep.
          "nama anak asuh", "nama anak binaan", "nama santri", "nama siswa",
          # Dapodik's list of students, which a children's home gets from the school its children attend.
          "nama peserta didik",
          required=True, example="Ahmad Contoh", width=28, kind=NameColumn),
    # "... anak": a children's home's list or form names its columns after the child, the record's own person.
    ChoiceColumn("sex", _lazy("Jenis kelamin"), ("jk", "kelamin", "l p", "jenis kelamin anak", "jk anak"),
                 required=True, options=Sex.choices,
                 aliases=SEX_ALIASES,
                 example="L", width=12),
    DateColumn("birth_date", _lazy("Tanggal lahir"), (*BIRTH_DATE_SYNONYMS, "tanggal lahir anak", "tgl lahir anak"),
               example="17-08-2012", birth_date=True),
    # As the admission form's "Tanggal lahir perkiraan": an elderly resident often knows only a year.
    BooleanColumn("birth_date_estimated", _lazy("Tanggal lahir perkiraan"),
                  ("tgl lahir perkiraan", "perkiraan tanggal lahir", "tanggal lahir diperkirakan", "lahir perkiraan"),
                  help=_lazy("Ya bila tanggal lahir hanya perkiraan, mis. hanya tahunnya yang diketahui (tulis "
                             "01-01 tahun itu). Kosong: tetap seperti tersimpan (baru: bukan perkiraan)."),
                  example="Tidak"),
    _text("birth_place", _lazy("Tempat lahir"), "tempat kelahiran", "tempat lahir anak", example="Banjarmasin",
          kind=PlaceColumn),
    IdentityNumberColumn("nik", _lazy("NIK"), (*NIK_SYNONYMS, "nik anak"),
                         help=_lazy("16 angka. Format kolom sebagai Teks agar Excel atau LibreOffice tidak "
                                    "mengubahnya."),
                         example="6371011708120001", width=20),
    ChoiceColumn("nik_missing_reason", _lazy("Alasan NIK kosong"), ("alasan tidak ada nik", "alasan nik"),
                 options=MissingIdReason.choices, aliases=MISSING_ID_ALIASES, help=_lazy("Wajib bila NIK kosong.")),
    # "NOKK" and "NKK": how DTKS/SIKS-NG and the voters' lists (KPU) head the family card's number.
    IdentityNumberColumn("kk", _lazy("Nomor KK"),
                         ("no kk", "kk", "nomor kartu keluarga", "kartu keluarga", "nokk", "nkk"),
                         help=_lazy("16 angka. Format kolom sebagai Teks."), example="6371010101100001", width=20),
    ChoiceColumn("kk_missing_reason", _lazy("Alasan KK kosong"), ("alasan tidak ada kk", "alasan kk"),
                 options=MissingIdReason.choices, aliases=MISSING_ID_ALIASES,
                 help=_lazy("Wajib bila nomor KK kosong.")),
    RegionCodeColumn("origin_code", _lazy("Kode desa asal"), ("kode wilayah asal", "kode desa kelurahan asal"),
                     help=_lazy("Kode Kemendagri, mis. 63.71.01.1001; atau kosongkan dan isi nama wilayah di kolom "
                               "Kabupaten/Kota asal, Kecamatan asal, dan Desa/Kelurahan asal."),
                     example="63.71.01.1001", width=16),
    _text("origin_regency", _lazy("Kabupaten/Kota asal"), "kabupaten asal", "kota asal"),
    _text("origin_district", _lazy("Kecamatan asal"), "kec asal"),
    _text("origin_village", _lazy("Desa/Kelurahan asal"), "desa asal", "kelurahan asal"),
    TermColumn("ppks_categories", _lazy("Kategori PPKS"), ("kategori ppks lain", "kategori"),
               vocabulary=Vocabulary.PPKS, many=True, explain=family_status_problem, aliases=PPKS_ALIASES,
               help=_lazy("Wajib diisi (atau isi Kategori PPKS utama). Boleh lebih dari satu, dipisah titik koma (;)."),
               example="anak_telantar"),
    TermColumn("ppks_category", _lazy("Kategori PPKS utama"), ("ppks utama", "kategori utama"),
               vocabulary=Vocabulary.PPKS, explain=family_status_problem, aliases=PPKS_ALIASES,
               help=_lazy("Kosongkan untuk memakai kategori pertama."),
               example="anak_telantar"),
    ExplicitNoneChoiceColumn("disability_type", _lazy("Ragam disabilitas"), ("disabilitas", "jenis disabilitas"),
                             options=DisabilityType.choices, aliases=DISABILITY_ALIASES),
    _text("mother_name", _lazy("Nama ibu kandung"), "nama ibu", "ibu kandung", "nama ibu kandung anak", "nama ibu anak",
          example="Siti Contoh"),
    _text("father_name", _lazy("Nama ayah"), "ayah kandung", "nama ayah kandung", "nama ayah kandung anak",
          "nama ayah anak"),
    _text("guardian_name", _lazy("Nama wali"), "wali"),
    _text("guardian_relation", _lazy("Hubungan wali"), "hubungan dengan wali", "hubungan wali dengan anak",
          "hubungan dengan anak"),
    _text("guardian_phone", _lazy("Telepon wali"), *GUARDIAN_PHONE_SYNONYMS, kind=PhoneColumn),
    TextColumn("notes", _lazy("Catatan"), ("keterangan", "ket"), max_length=MAX_LENGTHS.get("notes", 0),
               accepts_dates=True, single_line=False),
    TextColumn("lks", _lazy("LKS"), LKS_SYNONYMS,
               help=_lazy("Nomor tanda daftar LKS, atau namanya. Operator LKS boleh mengosongkannya."),
               example="TD/001/DINSOS/2023", width=28),
    TextColumn("lks_regency", _lazy("Kabupaten/Kota LKS"), ("kabupaten lks", "kota lks"),
               help=_lazy("Hanya bila ada beberapa LKS bernama sama.")),
    ChoiceColumn("setting", _lazy("Bentuk layanan"), ("dalam luar panti", "jenis layanan"), required=True,
                 aliases=SETTING_ALIASES,
                 options=ServiceSetting.choices, example=str(ServiceSetting.RESIDENTIAL.label)),
    DateColumn("admitted_on", _lazy("Tanggal masuk"), ("tgl masuk", "tanggal diterima", "tgl mulai layanan",
                                                        "tanggal mulai layanan", "tanggal masuk panti",
                                                        "tanggal masuk lks", "tanggal masuk lembaga",
                                                        "tanggal masuk lksa"), required=True,
                     example="02-01-2024"),
    DateColumn("discharged_on", _lazy("Tanggal keluar"), ("tgl keluar", "tanggal selesai")),
    ChoiceColumn("discharge_reason", _lazy("Alasan keluar"), ("alasan selesai",), options=DischargeReason.choices),
    ChoiceColumn("consent_given_by", _lazy("Persetujuan oleh"), ("persetujuan diberikan oleh", "pemberi persetujuan"),
                 aliases=CONSENT_GIVER_ALIASES,
                 options=ConsentGiver.choices, example=str(ConsentGiver.PARENT.label)),
    _text("consent_giver_name", _lazy("Nama pemberi persetujuan"), "nama pemberi izin", example="Siti Contoh",
          stored_as="giver_name"),
    DateColumn("consent_given_on", _lazy("Tanggal persetujuan"), ("tgl persetujuan",), example="02-01-2024"),
    ChoiceColumn("consent_legal_basis", _lazy("Dasar pemrosesan"), ("dasar hukum pemrosesan", "dasar pemrosesan data"),
                 aliases=LEGAL_BASIS_ALIASES,
                 options=LegalBasis.choices, example=str(LegalBasis.CONSENT.label)),
    TextColumn("consent_scope", _lazy("Cakupan persetujuan"), ("cakupan",), max_length=300,
               example=_lazy("Pelayanan dan pengasuhan di LKS"), accepts_dates=True),
    # The export's ID read back: the row is about that person (at the row's LKS), whatever else it corrects.
    RecordIdColumn("id", _lazy("ID"), ("id penerima layanan", "id klien"), width=8),
    # The person's version beside the ID: a row of an export older than a correction of the person is refused.
    RecordVersionColumn("version", _lazy("Versi"), ("versi data",), width=8),
]  # fmt: skip
HEADERS = {c.key: c for c in COLUMNS}
# What the export adds (masked numbers, status) and an import of that export skips, each with a notice: the
# masked numbers (a row with a whole number in such a column is refused: see HeaderMap.masked), and the status and
# case stage, which follow from the dates and the case work (a discharge is a Tanggal keluar).
EXPORT_ONLY = ("NIK (disamarkan)", "Nomor KK (disamarkan)")
# "Pemrosesan dibatasi": a record restricted at the person's request (UU PDP), which only province admins see and
# export; the file says which rows they are, since nothing else in it would (the list shows a badge).
READ_ONLY = ("Status", "Tahap kasus", "Pemrosesan dibatasi")
