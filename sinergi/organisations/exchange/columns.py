"""The LKS sheet's columns: the kinds of column only this sheet has (the region code and names, a read-only
reference), the words registries use for an LKS's kind, and COLUMNS in the template's order. Apart from the entity
because they are what a reader of the template looks for, and the entity only reads them (MODEL_KEYS, FK_FIELDS).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _lazy

from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    BooleanColumn,
    ChoiceColumn,
    Column,
    CoordinateColumn,
    DateColumn,
    ImportContext,
    IntegerColumn,
    PhoneColumn,
    RecordIdColumn,
    RecordVersionColumn,
    TermColumn,
    TextColumn,
    TextOnlyNumberColumn,
)
from sinergi.vocabularies.models import Vocabulary

from ..choices import LKS_KINDS, CareSetting, LegalForm, OrganisationKind, OrganisationStatus
from ..forms import COORDINATE_HELP
from ..models import Organisation
from ..services import MAX_CAPACITY

LKS_KIND_OPTIONS = [(k, label) for k, label in OrganisationKind.choices if k in LKS_KINDS]


REGION_KEYS = ("region_code", "regency_name", "district_name", "village_name")


class RegionColumn(Column):
    """Kode wilayah: resolved (with the name columns) by the entity, in batches."""

    def clean(self, raw: Any, ctx: ImportContext) -> str | None:
        return v.parse_region_code(raw)

    def assign(self, obj, value) -> None:  # the entity sets obj.region itself
        pass

    def current(self, obj) -> str:
        return obj.region_id or ""


class RegionNameColumn(TextColumn):
    """A kabupaten/kota, kecamatan or desa name: read on import, written on export from the stored region."""

    level: int = 2

    def __init__(self, *args, level: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.level = level

    def assign(self, obj, value) -> None:
        pass

    def current(self, obj) -> str:
        names = getattr(obj, "_ancestor_names", None)
        if names is not None:  # an export: names were loaded for the whole chunk
            return names.get(self.level, "")
        region = obj.region
        return region.name if region is not None and region.level == self.level else ""


class ReadOnlyColumn(Column):
    """Exported for reference (ID, status); ignored when a file is imported back."""

    def __init__(self, *args, getter, **kwargs) -> None:
        super().__init__(*args, read_only=True, **kwargs)
        self.getter = getter

    def current(self, obj) -> Any:
        return self.getter(obj)


def _text(
    key: str,
    header,
    *synonyms: str,
    required: bool = False,
    help="",
    example="",
    width: int = 18,
    kind=TextColumn,
    single_line: bool = True,
) -> TextColumn:
    field = Organisation._meta.get_field(key)
    return kind(
        key,
        header,
        synonyms,
        required=required,
        help=help,
        example=example,
        max_length=field.max_length,
        width=width,
        single_line=single_line,
    )


# The kind of an LKS as registries and signboards name it: panti werdha/jompo and PSTW (Panti Sosial Tresna Werdha)
# serve the elderly, IPWL (Institusi Penerima Wajib Lapor) and rehabilitation centres for NAPZA the drug users,
# panti asuhan (PSAA) the children. "Panti rehabilitasi" alone is not read: disability homes are rehabilitation too.
LKS_KIND_ALIASES = (
    *((word, "lanjut_usia") for word in (
        "panti werdha", "panti wreda", "panti werda", "panti wredha", "pstw", "panti sosial tresna werdha",
        "panti jompo", "panti lansia", "panti lanjut usia")),
    *((word, "napza") for word in (
        "ipwl", "institusi penerima wajib lapor", "rehabilitasi napza", "panti rehabilitasi napza", "korban napza",
        "rehabilitasi narkoba", "panti rehabilitasi narkoba")),
    *((word, "anak") for word in ("panti asuhan", "panti asuhan anak", "psaa", "panti sosial asuhan anak")),
    *((word, "disabilitas") for word in ("panti disabilitas", "penyandang disabilitas", "lks disabilitas")),
)  # fmt: skip


COLUMNS: list[Column] = [
    # The export's ID read back: the row corrects that LKS, whatever else it changes (its name, its numbers).
    RecordIdColumn("id", _lazy("ID"), ("id lks",), width=8),
    _text(
        "name",
        _lazy("Nama LKS"),
        "nama",
        "nama lembaga",
        "nama organisasi",
        "nama panti",
        required=True,
        example="LKSA Harapan Bangsa",
        width=32,
    ),
    ChoiceColumn(
        "kind",
        _lazy("Jenis organisasi"),
        ("jenis",),
        options=LKS_KIND_OPTIONS,
        help=_lazy("Kosongkan untuk LKS biasa."),
        example=str(OrganisationKind.LKS.label),
    ),
    TermColumn(
        "primary_service_kind",
        _lazy("Jenis layanan utama"),
        ("jenis layanan", "jenis lks", "kategori lks"),
        required=True,
        vocabulary=Vocabulary.LKS_KIND,
        aliases=LKS_KIND_ALIASES,
        example="anak",
    ),
    TermColumn(
        "service_kinds",
        _lazy("Jenis layanan lain"),
        ("layanan lain",),
        vocabulary=Vocabulary.LKS_KIND,
        aliases=LKS_KIND_ALIASES,
        many=True,
        help=_lazy("Boleh lebih dari satu, dipisah titik koma (;)."),
        example="disabilitas",
    ),
    ChoiceColumn(
        "care_setting",
        _lazy("Bentuk layanan"),
        ("dalam luar panti",),
        options=CareSetting.choices,
        # The words used for a client's form of service mean the same for an LKS's.
        aliases=(("panti", "residential"), ("non panti", "community"), ("luar", "community"), ("dalam", "residential")),
        example=str(CareSetting.RESIDENTIAL.label),
    ),
    IntegerColumn(
        "capacity",
        _lazy("Kapasitas (orang)"),
        ("kapasitas", "daya tampung"),
        min_value=0,
        max_value=MAX_CAPACITY,
        units=("orang", "org", "jiwa", "anak", "klien", "penerima manfaat", "PM"),
        example=40,
    ),
    ChoiceColumn(
        "legal_form", _lazy("Bentuk badan hukum"), ("badan hukum",), options=LegalForm.choices, example="Yayasan"
    ),
    BooleanColumn(
        "has_legal_entity",
        _lazy("Berbadan hukum"),
        ("sudah berbadan hukum",),
        help=_lazy("Kosong: tetap seperti tersimpan (LKS baru: tidak berbadan hukum)."),
        example="Ya",
    ),
    _text("deed_number", _lazy("Nomor akta notaris"), "nomor akta", "no akta", example="12/2015"),
    DateColumn("deed_date", _lazy("Tanggal akta"), ("tgl akta",), example="17-08-2015"),
    _text("notary_name", _lazy("Nama notaris"), "notaris"),
    _text("kemenkumham_number", _lazy("Nomor SK Kemenkumham"), "sk kemenkumham", "nomor sk kemenkumham"),
    DateColumn("kemenkumham_date", _lazy("Tanggal SK Kemenkumham"), ("tgl sk kemenkumham",)),
    _text("npwp", _lazy("NPWP"), "nomor npwp", "no npwp", example="01.234.567.8-731.000", kind=TextOnlyNumberColumn),
    _text(
        "address",
        _lazy("Alamat"),
        "alamat lengkap",
        "alamat lks",
        example="Jl. Ahmad Yani Km 2 No. 5",
        width=32,
        single_line=False,
    ),  # the form's text area keeps its lines (RT/RW on the second)
    RegionColumn(
        "region_code",
        _lazy("Kode wilayah"),
        ("kode desa", "kode kelurahan", "kode desa kelurahan", "kode wilayah desa kelurahan", "kode kemendagri"),
        help=_lazy("Kode Kemendagri desa/kelurahan, mis. 63.71.01.1001. Atau kosongkan dan isi nama wilayah."),
        example="63.71.01.1001",
        width=16,
    ),
    RegionNameColumn(
        "regency_name", _lazy("Kabupaten/Kota"), ("kabupaten", "kota", "kab kota"), level=2, example="Kota Banjarmasin"
    ),
    RegionNameColumn("district_name", _lazy("Kecamatan"), ("kec",), level=3, example="Banjarmasin Selatan"),
    RegionNameColumn("village_name", _lazy("Desa/Kelurahan"), ("desa", "kelurahan"), level=4, example="Mantuil"),
    # Coordinates copied from a map app (7 to 15 decimals) are rounded to the model's 6 (about 0.1 m), as the form
    # rounds them.
    CoordinateColumn(
        "latitude",
        _lazy("Lintang"),
        ("latitude", "lat"),
        places=Organisation._meta.get_field("latitude").decimal_places,
        help=COORDINATE_HELP,
        example="-3.3194",
        axis="latitude",
    ),
    CoordinateColumn(
        "longitude",
        _lazy("Bujur"),
        ("longitude", "lng", "long"),
        places=Organisation._meta.get_field("longitude").decimal_places,
        help=COORDINATE_HELP,
        example="114.5908",
        axis="longitude",
    ),
    _text(
        "phone",
        _lazy("Telepon"),
        "no telepon",
        "nomor telepon",
        "telp",
        "no telp",
        "nomor telp",
        "tlp",
        "no tlp",
        "hp",
        "no hp",
        "nomor hp",
        "telepon lks",
        "telepon kantor",
        example="0511-3252525",
        kind=PhoneColumn,
    ),
    _text("email", _lazy("Surel"), "email", "e mail", "alamat surel", example="lksa@contoh.id"),
    _text("website", _lazy("Situs web"), "website", "situs"),
    _text(
        "head_name",
        _lazy("Nama pimpinan"),
        "pimpinan",
        "ketua",
        "nama ketua",
        "kepala",
        "nama kepala",
        "kepala panti",
        "kepala lks",
        "ketua lks",
        "pimpinan panti",
        "pimpinan lks",
        "nama kepala panti",
        "nama pimpinan lks",
    ),
    _text(
        "head_phone",
        _lazy("Telepon pimpinan"),
        "hp pimpinan",
        "no hp pimpinan",
        "nomor hp pimpinan",
        "telp pimpinan",
        "telepon ketua",
        "hp ketua",
        "no hp ketua",
        "telepon kepala",
        kind=PhoneColumn,
    ),
    _text(
        "permit_number",
        _lazy("Nomor izin operasional"),
        "no izin operasional",
        "izin operasional",
        "nomor izin",
        example="460/123/DINSOS/2023",
    ),
    _text("permit_issuer", _lazy("Penerbit izin operasional"), "penerbit izin"),
    DateColumn("permit_issued_on", _lazy("Tanggal izin operasional"), ("tanggal izin", "tgl izin operasional")),
    DateColumn(
        "permit_expires_on",
        _lazy("Izin operasional berlaku sampai"),
        ("izin berlaku sampai", "masa berlaku izin", "izin operasional berlaku s d"),
        help=_lazy("Kosongkan bila tidak tertulis; sistem menghitung dari masa berlaku baku."),
    ),
    _text(
        "registration_number",
        _lazy("Nomor tanda daftar"),
        "no tanda daftar",
        "tanda daftar",
        "nomor tanda daftar lks",
        example="TD/001/DINSOS/2023",
    ),
    _text("registration_issuer", _lazy("Penerbit tanda daftar"), "penerbit td"),
    DateColumn("registration_issued_on", _lazy("Tanggal tanda daftar"), ("tgl tanda daftar",)),
    DateColumn(
        "registration_expires_on",
        _lazy("Tanda daftar berlaku sampai"),
        ("tanda daftar berlaku s d", "masa berlaku tanda daftar"),
        help=_lazy("Kosongkan bila tidak tertulis; sistem menghitung dari masa berlaku baku."),
    ),
    TermColumn(
        "accreditation_grade",
        _lazy("Peringkat akreditasi"),
        ("akreditasi",),
        vocabulary=Vocabulary.ACCREDITATION_GRADE,
        help=_lazy("Hanya pengurus LKKKS yang dapat mengubahnya."),
        example="B",
        aliases=[(f"{word} {grade}", grade) for word in ("terakreditasi", "akreditasi") for grade in "ABC"],
        none_words=("belum terakreditasi", "tidak terakreditasi", "belum akreditasi", "belum"),
    ),
    DateColumn("accredited_on", _lazy("Tanggal akreditasi"), ("tgl akreditasi",)),
    _text("accreditation_certificate_number", _lazy("Nomor sertifikat akreditasi"), "sertifikat akreditasi"),
    ReadOnlyColumn(
        "accreditation_expires_on",
        _lazy("Akreditasi berlaku sampai"),
        ("akreditasi berlaku s d",),
        getter=lambda o: o.accreditation_expires_on,
    ),
    ChoiceColumn("status", _lazy("Status"), (), read_only=True, options=OrganisationStatus.choices, width=12),
    # The record's version beside its ID: a row of an export older than a change is refused, not written back.
    RecordVersionColumn("version", _lazy("Versi"), ("versi data",), width=8),
]
MODEL_KEYS = {c.key for c in COLUMNS if not c.read_only and c.key not in (*REGION_KEYS, "id", "version")}
FK_FIELDS = ["region", "primary_service_kind", "accreditation_grade", "verified_by"]
