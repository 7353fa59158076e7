"""The workers sheet's columns (COLUMNS, HEADERS by key) and the field lists the entity reads, stores and writes:
the stored record's fields, the inserted row's, the export's columns. Apart from the entity because they are what a
reader of the template looks for.
"""

from django.utils.translation import gettext_lazy as _lazy

from sinergi.exchange.columns import (
    BooleanColumn,
    ChoiceColumn,
    Column,
    DateColumn,
    PhoneColumn,
    RecordIdColumn,
    RecordVersionColumn,
    TermColumn,
    TextColumn,
)
from sinergi.vocabularies.models import Vocabulary
from sinergi.vocabularies.seed import FORMER_LABELS_EN

from ...choices import BackgroundCheckResult, Sex, WorkerRole
from ...services._common import MAX_LENGTHS
from ..common import (
    BIRTH_DATE_SYNONYMS,
    LKS_SYNONYMS,
    NIK_SYNONYMS,
    SEX_ALIASES,
    IdentityNumberColumn,
    NameColumn,
    record_type,
)

COLUMNS: list[Column] = [
    NameColumn("full_name", _lazy("Nama lengkap"), ("nama", "nama pekerja", "nama pengasuh", "nama petugas",
                                                   "nama pegawai", "nama pendamping", "nama pengurus", "nama staf"),
               required=True,
               max_length=MAX_LENGTHS["full_name"], example="Rina Contoh", width=28),
    ChoiceColumn("sex", _lazy("Jenis kelamin"), ("jk", "kelamin", "l p"), required=True, options=Sex.choices,
                 aliases=SEX_ALIASES,
                 example="P", width=12),
    DateColumn("birth_date", _lazy("Tanggal lahir"), BIRTH_DATE_SYNONYMS, example="17-05-1985", birth_date=True),
    IdentityNumberColumn("nik", _lazy("NIK"), NIK_SYNONYMS,
                         help=_lazy("Boleh kosong. 16 angka; format kolom sebagai Teks."), width=20),
    TermColumn("psks_category", _lazy("Kategori PSKS"), ("psks", "jenis psks"), required=True,
               vocabulary=Vocabulary.PSKS, example="lks",
               aliases=[("peksos", "peksos_profesional"), ("pekerja sosial", "peksos_profesional"),
                        # English labels of before (a file from an English template downloaded then)
                        *((former, code) for code, former, _now in FORMER_LABELS_EN["psks"])]),
    ChoiceColumn("role", _lazy("Peran"), ("tugas", "peran di lks"), required=True,
                 options=WorkerRole.choices,
                 example=str(WorkerRole.CAREGIVER.label),
                 # The offices of a board (pengurus inti) and the head of the home, who leads it for the board, and
                 # the caregiver as staff call them. Read as another word, each is told in the trial (read_as).
                 aliases=[("pengasuh panti", WorkerRole.CAREGIVER), ("pekerja sosial", WorkerRole.SOCIAL_WORKER),
                          *((office, WorkerRole.BOARD_OFFICER) for office in (
                     "ketua", "wakil ketua", "sekretaris", "bendahara", "ketua yayasan", "kepala panti",
                     "pimpinan panti", "kepala lks", "pimpinan lks",
                     # The board itself: "Pengurus" with other words is read as the board only so (_role_from_title),
                     # and its offices with other words too ("Ketua kamar" heads a room of children).
                     "pengurus yayasan", "pengurus lks", "pengurus inti", "anggota pengurus",
                     *(f"{office} {board}" for office in ("ketua", "wakil ketua", "sekretaris", "bendahara")
                       for board in ("pengurus", "yayasan", "lks", "panti"))))]),
    # The job as the LKS calls it, kept as written; a file without "Peran" takes the role from it (_role_from_title).
    TextColumn("job_title", _lazy("Jabatan"), ("jabatan di panti", "jabatan di lks", "nama jabatan", "posisi"),
               max_length=MAX_LENGTHS["job_title"], example=_lazy("Pengasuh asrama putri"), width=22),
    TextColumn("lks", _lazy("LKS"), LKS_SYNONYMS,
               help=_lazy("Nomor tanda daftar LKS, atau namanya. Operator LKS boleh mengosongkannya."), width=28),
    TextColumn("lks_regency", _lazy("Kabupaten/Kota LKS"), ("kabupaten lks", "kota lks")),
    PhoneColumn("phone", _lazy("Telepon"), ("hp", "no telepon", "nomor telepon", "no hp", "nomor hp", "telp", "no telp",
                                            "nomor telp", "tlp", "no tlp", "no wa", "nomor wa", "whatsapp",
                                            "no whatsapp", "no hp wa"), max_length=MAX_LENGTHS["phone"]),
    DateColumn("started_on", _lazy("Mulai bertugas"), ("tanggal mulai", "tgl mulai bertugas", "tgl mulai",
                                                      "tanggal mulai bertugas", "mulai tugas", "tanggal mulai tugas",
                                                      "tmt", "tmt tugas", "mulai bekerja", "tahun mulai bertugas")),
    DateColumn("ended_on", _lazy("Berhenti bertugas"), ("tanggal berhenti", "tgl berhenti",
                                                     "tanggal berhenti bertugas")),
    TextColumn("certifications", _lazy("Sertifikasi/pelatihan"), ("sertifikasi", "pelatihan"), width=30,
               accepts_dates=True, single_line=False),  # a list, one per line, as the form's text area keeps it
    BooleanColumn("works_with_children", _lazy("Bekerja dengan anak"), ("dengan anak",), example="Ya"),
    DateColumn("background_check_on", _lazy("Tanggal pemeriksaan latar belakang"),
                     ("tanggal pemeriksaan", "tgl pemeriksaan latar belakang")),
    ChoiceColumn("background_check_result", _lazy("Hasil pemeriksaan latar belakang"),
                 ("hasil pemeriksaan",), options=BackgroundCheckResult.choices,
                 # The labels' first words, as a staff list shortens them.
                 aliases=[("tidak ada catatan", BackgroundCheckResult.CLEAR),
                          ("ada catatan", BackgroundCheckResult.NOT_CLEAR),
                          ("diproses", BackgroundCheckResult.PENDING)]),
    RecordIdColumn("id", _lazy("ID"), ("id pekerja",), width=8),
    RecordVersionColumn("version", _lazy("Versi"), ("versi data",), width=8),
]  # fmt: skip
HEADERS = {c.key: c for c in COLUMNS}
DATES = {"birth_date", "started_on", "ended_on", "background_check_on"}
FIELDS = (
    "full_name", "sex", "birth_date", "phone", "started_on", "ended_on", "certifications", "works_with_children",
    "background_check_on", "background_check_result", "job_title",
)  # fmt: skip


STORED = (
    "id", "version", "nik_hash", "nik_masked", "psks_category__code", "role", "province_code", "regency_code", *FIELDS,
)  # fmt: skip
STORED_TYPE = record_type("StoredWorker", STORED)
STORED_SHARED = (
    "psks_category__code", "role", "province_code", "regency_code", "sex", "birth_date", "started_on", "ended_on",
    "certifications", "works_with_children", "background_check_on", "background_check_result", "job_title",
)  # fmt: skip


INSERTED = [
    "organisation_id", "province_code", "regency_code", "full_name", "sex", "birth_date", "nik_encrypted",
    "nik_hash", "nik_masked", "psks_category_id", "role", "phone", "started_on", "ended_on", "certifications",
    "works_with_children", "background_check_on", "background_check_result", "job_title",
]  # fmt: skip
EXPORT_FIELDS = (
    "pk", "full_name", "sex", "birth_date", "nik_masked", "psks_category__code", "role", "job_title",
    "organisation__registration_number", "organisation__name", "regency_code", "phone", "started_on", "ended_on",
    "certifications", "works_with_children", "background_check_on", "background_check_result", "version",
)  # fmt: skip
EXPORT_COLUMNS: list[Column] = [
    Column("id", _lazy("ID")), HEADERS["full_name"], HEADERS["sex"], HEADERS["birth_date"],
    Column("nik_masked", _lazy("NIK (disamarkan)")), HEADERS["psks_category"], HEADERS["role"], HEADERS["job_title"],
    HEADERS["lks"],
    HEADERS["lks_regency"], HEADERS["phone"], HEADERS["started_on"], HEADERS["ended_on"], HEADERS["certifications"],
    HEADERS["works_with_children"], HEADERS["background_check_on"], HEADERS["background_check_result"],
    HEADERS["version"],
]  # fmt: skip
