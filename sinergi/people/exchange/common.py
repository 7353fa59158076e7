"""What the client and worker sheets share: fast identity-number handling, the LKS index, and column types.

A 100,000-row import has about 50 µs per row for everything, so the per-row work here is plain Python over
lookups loaded once per import: no model instances, no query per row. Each fast path mirrors a service rule and
a test holds it to the service's result (tests/test_exchange.py).
"""

import base64
import datetime
import functools
import hashlib
import hmac
import os
import struct
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from lokal.provinces import PROVINCES

from sinergi.accounts.scope import Action, ScopeFields, scope_q
from sinergi.audit.services import client_ip
from sinergi.core.crypto import (
    FIELD_KEY_MISSING,
    HASH_KEY_CHANGED,
    FieldKeyMissing,
    HashKeyChanged,
    decrypt,
    hash_key_verify,
)
from sinergi.core.dates import too_early_problem
from sinergi.core.errors import ConflictError
from sinergi.exchange import values as v
from sinergi.exchange.columns import Column, ImportContext, RowPlan, TextColumn, clean_or_problem
from sinergi.exchange.dbwrite import bulk_insert_rows
from sinergi.exchange.files import FileRefused
from sinergi.exchange.regions import RegionResolver
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.exchange import number_key
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import AccessPurpose
from ..nik import NikCheck, _digits, nik_check
from ..services.rules import KIND_ELDERLY, KIND_SERVES_ALL, normalize_name

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

# ---------------------------------------------------------------------------------------------- choice words
# What spreadsheets say for the people's choice lists besides their codes and labels (values.Choices reads those).
# Headers a clients file and a staff list both use for the same field: one list each, so that the two imports read
# the same words (the workers import once lacked "Tanggal kelahiran", and registered everyone without a birth date).
BIRTH_DATE_SYNONYMS = ("tgl lahir", "tanggal kelahiran")
NIK_SYNONYMS = ("nomor induk kependudukan", "no nik", "nomor nik", "nik ktp", "no ktp", "nomor ktp")
LKS_SYNONYMS = ("nama lks", "nomor tanda daftar lks", "lks tempat layanan", "nama lembaga", "lembaga")
SEX_ALIASES = (("pria", "L"), ("lk", "L"), ("laki", "L"), ("male", "L"), ("wanita", "P"), ("pr", "P"), ("female", "P"))
CONSENT_GIVER_ALIASES = (("ybs", "self"), ("sendiri", "self"), ("diri sendiri", "self"), ("ortu", "parent"))
LEGAL_BASIS_ALIASES = (("persetujuan", "consent"),)
MISSING_ID_ALIASES = (
    ("belum ada", "not_yet_recorded"), ("belum dibuat", "not_yet_recorded"), ("belum punya", "not_yet_recorded"),
    ("belum direkam", "not_yet_recorded"), ("tidak diketahui", "unknown"), ("tidak tahu", "unknown"),
)  # fmt: skip
SETTING_ALIASES = (
    ("panti", "residential"),
    ("non panti", "community"),
    ("luar", "community"),
    ("dalam", "residential"),
)
# Ragam disabilitas as disability LKS and schools write it: the older "tuna-" words and the kinds the explanation of
# UU 8/2016 Pasal 4 lists under each ragam (sensorik: netra, rungu, wicara; fisik: daksa, amputasi, lumpuh layuh,
# cerebral palsy; intelektual: grahita, down syndrome, lambat belajar; mental: psikososial — skizofrenia and the
# like — and perkembangan: autis, hiperaktif). Each read is said in the run's notice.
DISABILITY_ALIASES = (
    *((word, "sensorik") for word in (
        "tunanetra", "tuna netra", "netra", "disabilitas netra", "buta", "low vision", "tunarungu", "tuna rungu",
        "rungu", "disabilitas rungu", "tuli", "tunawicara", "tuna wicara", "wicara", "disabilitas wicara", "bisu",
        "tunarungu wicara", "tuna rungu wicara", "rungu wicara", "tuli bisu")),
    *((word, "fisik") for word in (
        "tunadaksa", "tuna daksa", "daksa", "disabilitas daksa", "cacat fisik", "cacat tubuh", "amputasi", "lumpuh",
        "lumpuh layuh", "paraplegi", "cerebral palsy", "celebral palsy")),
    *((word, "intelektual") for word in (
        "tunagrahita", "tuna grahita", "grahita", "disabilitas grahita", "down syndrome", "down syndrom",
        "sindrom down", "lambat belajar", "slow learner", "retardasi mental")),
    *((word, "mental") for word in (
        "psikososial", "disabilitas psikososial", "odgj", "gangguan jiwa", "skizofrenia", "bipolar", "autis",
        "autisme", "autism", "hiperaktif", "adhd", "disabilitas perkembangan")),
    *((word, "ganda") for word in ("tunaganda", "tuna ganda", "multi", "disabilitas multi", "cacat ganda")),
    *((word, "") for word in ("normal", "bukan disabilitas", "non disabilitas", "tidak disabilitas")),
)  # fmt: skip
# PPKS categories as non-children LKS write them: the short names of the category an elderly home, a disability
# LKS or a rehabilitation centre serves. "Disabilitas" alone is the category's own short name (Permensos 8/2012
# lists it so); a child with disability is "Anak Disabilitas"/"ADK".
PPKS_ALIASES = (
    ("lansia", "lansia_telantar"), ("lanjut usia", "lansia_telantar"), ("lansia terlantar", "lansia_telantar"),
    ("disabilitas", "penyandang_disabilitas"), ("difabel", "penyandang_disabilitas"),
    ("anak disabilitas", "anak_dengan_kedisabilitasan"), ("anak penyandang disabilitas", "anak_dengan_kedisabilitasan"),
    ("anak dengan disabilitas", "anak_dengan_kedisabilitasan"), ("adk", "anak_dengan_kedisabilitasan"),
    ("anak berkebutuhan khusus", "anak_dengan_kedisabilitasan"), ("abk", "anak_dengan_kedisabilitasan"),
    ("napza", "korban_napza"), ("narkoba", "korban_napza"), ("korban napza", "korban_napza"),
    ("korban narkoba", "korban_napza"), ("penyalahguna napza", "korban_napza"), ("pecandu narkoba", "korban_napza"),
    ("pengguna narkoba", "korban_napza"), ("penyalahguna narkoba", "korban_napza"),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------- identity numbers
# Lazy: translated only when a message is built (gettext per row costs more than the check itself).
NIK_LABEL = _lazy("NIK")
KK_LABEL = _lazy("Nomor KK")


def encrypt_many(values: list[str]) -> list[str]:
    """Fernet tokens of `values` (as sinergi.core.crypto.encrypt makes them, with the current first key), made in
    bulk: AES runs once over all first blocks, then once over all second blocks, instead of one cipher object
    per value; each token still has its own random IV and its own HMAC. `crypto.decrypt` opens them."""
    if not values:
        return []
    raw = base64.urlsafe_b64decode(settings.SINERGI_FIELD_KEYS[0])
    signing, encryption = raw[:16], raw[16:]
    encryptor = Cipher(algorithms.AES(encryption), modes.ECB()).encryptor()  # noqa: S305 — CBC chaining below
    padded = []
    for value in values:
        data = value.encode()
        pad = 16 - len(data) % 16
        padded.append(data + bytes([pad]) * pad)
    count = len(padded)
    ivs = os.urandom(16 * count)
    previous = [ivs[i * 16 : i * 16 + 16] for i in range(count)]
    cipher_texts: list[list[bytes]] = [[] for _i in range(count)]
    block = 0
    while True:
        # CBC: C_k = AES(P_k xor C_{k-1}), C_0 = IV; the XOR of all rows at once is one big-integer operation.
        rows = [i for i in range(count) if len(padded[i]) > block * 16]
        if not rows:
            break
        plain = b"".join(padded[i][block * 16 : block * 16 + 16] for i in rows)
        chain = b"".join(previous[i] for i in rows)
        mixed = (int.from_bytes(plain, "big") ^ int.from_bytes(chain, "big")).to_bytes(len(plain), "big")
        encrypted = encryptor.update(mixed)
        for j, i in enumerate(rows):
            piece = encrypted[j * 16 : j * 16 + 16]
            previous[i] = piece
            cipher_texts[i].append(piece)
        block += 1
    header = struct.pack(">BQ", 0x80, int(time.time()))
    mac = hmac.new(signing, digestmod=hashlib.sha256)
    tokens = []
    for i in range(count):
        body = header + ivs[i * 16 : i * 16 + 16] + b"".join(cipher_texts[i])
        signer = mac.copy()
        signer.update(body)
        tokens.append(base64.urlsafe_b64encode(body + signer.digest()).decode())
    return tokens


def decrypt_stored(token: str) -> str:
    """crypto.decrypt of a stored value; a value no configured field key opens refuses the whole file, saying that
    the administrator must restore the key (as a changed hash key does), instead of failing the job."""
    try:
        return decrypt(token)
    except FieldKeyMissing as error:
        raise FileRefused(str(FIELD_KEY_MISSING)) from error


class Hasher:
    """sinergi.core.crypto.keyed_hash with the key schedule computed once (HMAC objects are copied, not made). Made
    once per import, before any row is read: a key that is not the one of the stored hashes refuses the whole file
    (trial and import alike), since every stored person would be planned as new."""

    def __init__(self) -> None:
        try:
            hash_key_verify()
        except HashKeyChanged as error:
            raise FileRefused(str(HASH_KEY_CHANGED)) from error
        self._base = hmac.new(settings.SINERGI_HASH_KEY.encode(), digestmod=hashlib.sha256)

    def __call__(self, value: str) -> str:
        if not value:
            return ""
        signer = self._base.copy()
        signer.update(value.encode())
        return signer.hexdigest()


def mask(value: str) -> str:
    return f"{value[:4]}{'*' * 8}{value[-4:]}" if len(value) == 16 else "*" * len(value)


def far_name_warning(given: str, stored: str) -> str:
    """A row found by its NIK whose name is hardly the stored one (values.names_far_apart): a mistyped NIK would
    change someone else's record, so the trial says so before anything is saved."""
    return _(
        "Nama di file (“%(given)s”) jauh berbeda dari nama yang tercatat untuk NIK ini (“%(stored)s”). Bila NIK-nya "
        "salah ketik, baris ini mengubah data orang lain: periksa sebelum mengimpor."
    ) % {"given": given, "stored": stored}


# ---------------------------------------------------------------------------------------------- names and titles
# Titles written before a name (Haji, doctor, engineer, professor, kyai, ustaz) and the degrees written after it:
# one list says "Budi Santoso", another "Drs. H. Budi Santoso, S.Sos., M.Si.". Compared with dots and case gone.
# A parent who died is marked so, before or after the name, in one list and not in the next: "Alm. Juwariah",
# "Juwariah (Almh)".
_DECEASED = frozenset({"alm", "almh", "almarhum", "almarhumah"})
_FRONT_TITLES = _DECEASED | frozenset(
    {"h", "hj", "hjh", "haji", "hajah", "hajjah", "dr", "drs", "dra", "ir", "prof", "ust", "ustadz", "ustadzah",
     "ustaz", "ustazah"}
)  # fmt: skip
_DEGREES = frozenset(
    {"ssos", "strsos", "spd", "spdi", "mpd", "msi", "ssi", "se", "sh", "shi", "mh", "st", "mt", "skom", "sikom",
     "mkom", "sag", "mag", "sip", "sipol", "skm", "mkes", "skep", "ns", "sked", "sfarm", "apt", "sgz", "spsi", "mpsi",
     "sthi", "sth", "shum", "mhum", "sak", "sp", "stp", "sst", "amd", "amdkep", "amdkeb", "amkeb", "amkep", "mm",
     "ma", "msc", "bsc", "ba", "phd", "lc", "mba", "ssn", "ssy", "ssosio"}
)  # fmt: skip


def _title_word(word: str, titles: frozenset[str]) -> bool:
    return word.replace(".", "").strip("()").lower() in titles


def match_name(value: str, *, normalized: str | None = None) -> str:
    """normalize_name of a name without the titles and degrees around it, for finding whom a row is about:
    "Drs. H. Budi Santoso, S.Sos." and "BUDI SANTOSO" compare equal. Dotless degrees count only after a comma
    ("Budi, SE"), so a word of the name is never taken for one; a name of titles only is compared whole."""
    value = value or ""
    if "," not in value and "." not in value and "(" not in value:
        first = value.split(maxsplit=1)[:1]
        last = value[value.rfind(" ") + 1 :]
        if not first or not (_title_word(first[0], _FRONT_TITLES) or _title_word(last, _DECEASED)):
            # No title: the commonest case by far, on every row of a large file (`normalized`: already done).
            return normalize_name(value) if normalized is None else normalized
    head, *after_commas = value.split(",")
    # A part after a comma that is not all degrees is part of the name ("Santoso, Budi").
    kept = [part for part in after_commas if not all(_title_word(w, _DEGREES) for w in part.split())]
    words = " ".join([head, *kept]).split()
    while len(words) > 1 and _title_word(words[0], _FRONT_TITLES):
        words.pop(0)
    while len(words) > 1 and "." in words[-1] and _title_word(words[-1], _DEGREES):
        words.pop()  # "Budi Santoso S.Pd." without the comma
    while len(words) > 1 and _title_word(words[-1], _DECEASED):
        words.pop()  # "Juwariah (Almh)", "Juwariah Alm."
    return normalize_name(" ".join(words)) or normalize_name(value)


def id_confirmed(values: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether a row agrees with the record its ID names on something besides the ID: a column headed "ID" in the
    user's own list (a running number) would otherwise rewrite whoever bears that number. The NIK, the birth date
    or a name that may be the same one (a typo corrected) is enough; a row without a name, a partial correction
    file (ID, Telepon), contradicts nothing. `stored` holds full_name, birth_date and nik_hash."""
    if not values.get("full_name"):
        return True
    if not stored["nik_hash"] and stored["birth_date"] is None:
        # Nothing but the name to compare: a name given at last (an infant found without one) is a correction.
        return True
    if values.get("_nik_hash") and values["_nik_hash"] == stored["nik_hash"]:
        return True
    if values.get("birth_date") and values["birth_date"] == stored["birth_date"]:
        return True
    return v.same_one_named(stored["full_name"], values["full_name"])


def corrected_nik_warnings(check: "NikChecker", stored_nik: str, *, before: tuple, after: tuple) -> list[str]:
    """What the stored NIK says against a birth date and sex (`after`) corrected by a row without a NIK, that it did
    not say against the stored ones (`before`): its other remarks are not about the corrected cell."""
    known = check(stored_nik, birth_date=before[0], sex=before[1]).warnings
    return [
        message for message in check(stored_nik, birth_date=after[0], sex=after[1]).warnings if message not in known
    ]


class NikChecker:
    """people.nik.nik_check with the region codes loaded once (one query per import instead of one per row)."""

    def __init__(self) -> None:
        self.known = set(
            Region.objects.filter(level__in=[RegionLevel.REGENCY, RegionLevel.DISTRICT]).values_list("code", flat=True)
        )
        self.year = timezone.localdate().year

    def __call__(self, value: str, *, birth_date: datetime.date | None, sex: str | None) -> NikCheck:
        if self._clean(value, birth_date, sex):
            return NikCheck(normalized=value)
        # Anything unusual gets the full check, with its messages.
        return nik_check(value, birth_date=birth_date, sex=sex, known_codes=self.known, label=NIK_LABEL)

    def _clean(self, value: str, birth_date: datetime.date | None, sex: str | None) -> bool:
        """True when nik_check would find nothing to say: 16 plain digits, a known province, kabupaten/kota and
        kecamatan, a real birth date that agrees with the record, the sex the record has, a serial above 0000.
        The commonest NIK by far, checked here in a few microseconds (a test holds it to nik_check)."""
        if len(value) != 16 or not value.isascii() or not value.isdigit() or value[12:] == "0000":
            return False
        if value.count(value[0]) == 16:
            return False  # a placeholder (nik_check refuses it)
        province, regency, district = value[:2], value[2:4], value[4:6]
        if province not in PROVINCES or regency == "00" or district == "00":
            return False
        regency_code = f"{province}.{regency}"
        if regency_code not in self.known or f"{regency_code}.{district}" not in self.known:
            return False
        day, month, yy = int(value[6:8]), int(value[8:10]), int(value[10:12])
        encoded_sex = "L"
        if day > 40:
            encoded_sex, day = "P", day - 40
        if sex and sex != encoded_sex:
            return False
        # lokal.parse_nik's century: the latest year ending in these two digits that is not in the future.
        year = 2000 + yy if yy <= self.year % 100 else 1900 + yy
        try:
            datetime.date(year, month, day)
        except ValueError:
            return False
        return birth_date is None or (day, month, yy) == (birth_date.day, birth_date.month, birth_date.year % 100)


def kk_check_fast(value: str) -> NikCheck:
    """people.nik.kk_check, with its label translated only when a message needs it."""
    check = NikCheck(normalized="")
    digits = _digits(value, check, label=KK_LABEL)
    if digits is not None:
        check.normalized = digits
    return check


def _number_cell_message() -> str:
    return _(
        "Sel ini berformat angka, bukan teks, sehingga angka terakhir nomor ini mungkin sudah dibulatkan menjadi 0 "
        "(Excel menyimpan paling banyak 15 angka, misalnya 6.37101E+15). Format kolom sebagai Teks, lalu ketik ulang "
        "nomor dari dokumen aslinya."
    )


NO_NUMBER_WORDS = {"tidak ada", "tdk ada", "belum ada", "blm ada", "tidak punya", "belum punya", "belum", "tidak"}


# A whole number this small is stored exactly in a spreadsheet's number cell (a double): every NIK and KK of the
# 38 provinces but Papua's (91–97) is below it.
EXACT_BELOW = 2**53


class IdentityNumberColumn(TextColumn):
    """NIK or KK: text. A number cell is read only when its 16 digits are certainly the ones typed: Excel keeps 15
    significant digits and turns the 16th into 0, so a last digit other than 0 was kept by a program that keeps
    them all (LibreOffice). Any other number cell (…0, 6.37101E+15, a fraction) is refused with the advice to format
    the column as text — never guessed."""

    memoize = False  # one number per person
    blank_words = False  # its own words for "none" (NO_NUMBER_WORDS), and a "0" refused as a number

    def display(self, value: Any) -> str:
        return mask(value) if value and "*" not in str(value) else super().display(value)

    def clean(self, raw: Any, ctx: ImportContext) -> str:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            # (Compared first: an infinite or NaN cell fails the comparison instead of raising in int().)
            if 10**15 <= raw < EXACT_BELOW and float(raw).is_integer() and int(raw) % 10:
                return str(int(raw))
            raise v.CellProblem(_number_cell_message())
        value = v.text(raw)
        # "Tidak ada" written where the number would be: empty, so that the reason column is what counts.
        return "" if not value[:1].isdigit() and v.norm(value) in NO_NUMBER_WORDS else value

    def clean_column(self, raws: list[Any], ctx: ImportContext) -> list[Any]:
        text, out = v.text, []
        append = out.append
        # [a number not ending in 0 seen?, up to four distinct ones ending in 0]: for file_problems (a text column
        # of numbers Excel rounded). Distinct: four siblings share one KK.
        seen = ctx.cached(("last_digit", self.key), lambda: [False, set()])
        for raw in raws:
            if raw.__class__ is str or raw is None:
                value = text(raw)
                if not value or value[:1].isdigit():  # the commonest: a number, or nothing
                    append(value)
                    if value and "*" not in value:  # a masked number from our export is not a typed one
                        if value[-1] != "0":
                            seen[0] = True
                        elif len(seen[1]) < 4:
                            seen[1].add(value)
                    continue
            append(clean_or_problem(self, raw, ctx))
        return out

    def file_problems(self, ctx: ImportContext) -> list[str]:
        """Every number in the column ending in 0: a number column that Excel rounded to 15 digits (6.37101E+15,
        then formatted as "0" to show every digit) and saved as CSV or text, where each cell reads as typed. One
        real number in ten ends in 0; four or more different ones all doing so is the rounding, not chance (1 in
        10,000). Only in a CSV: a spreadsheet keeps a rounded number as a number cell, refused cell by cell."""
        any_other, zeros = ctx.cache.get(("last_digit", self.key), (True, set()))
        if any_other or len(zeros) < 4 or ctx.cache.get("file_kind") != "csv":
            return []
        examples = sorted(zeros)[:3]
        return [
            _(
                "Semua nomor di kolom ini berakhir dengan 0 (mis. %(examples)s): tanda Excel sudah membulatkan "
                "angka ke-16 menjadi 0 sebelum file disimpan. Format kolom sebagai Teks, lalu ketik ulang nomornya "
                "dari dokumen aslinya."
            )
            % {"examples": ", ".join(f"“{value}”" for value in examples)}
        ]


class RegionCodeColumn(Column):
    """A Kemendagri code; the entity resolves it (with the name columns) in batches."""

    def clean(self, raw: Any, ctx: ImportContext) -> str | None:
        return v.parse_region_code(raw)


def date_problems(day: datetime.date | None, key: str, problems: list[tuple[str, str]], today: datetime.date) -> None:
    """The services' rules for every date: not in the future, not before 1900."""
    if day is not None and day > today:
        problems.append((key, _("Tanggal tidak boleh di masa depan.")))
    elif too_early := too_early_problem(day):
        problems.append((key, too_early))


# ---------------------------------------------------------------------------------------------- LKS


@dataclass
class Lks:
    """What the import needs of one LKS, loaded once for all rows."""

    pk: int
    name: str
    registration_number: str
    province_code: str
    regency_code: str
    kind: str
    status: str
    kinds: set[str] = field(default_factory=set)


class LksIndex:
    """Every LKS by registration number (compared by number_key, as the LKS import compares it) and by name
    (within its kabupaten/kota), and the ones the actor may import people into; a cell holds the nomor tanda
    daftar, or the name (with "Kabupaten/Kota LKS" when the name is not unique)."""

    def __init__(self, actor: "User | SystemActor", action: str = Action.PERSON_CREATE) -> None:
        self.by_pk: dict[int, Lks] = {}
        self.by_number: dict[str, list[Lks]] = {}
        self.by_name: dict[str, list[Lks]] = {}
        rows = Organisation.objects.filter(kind__in=LKS_KINDS).values_list(
            "pk", "name", "registration_number", "province_code", "regency_code", "kind", "status",
            "primary_service_kind__code",
        )  # fmt: skip
        for pk, name, number, province, regency, kind, status, primary in rows:
            lks = Lks(pk, name, number, province, regency, kind, status, {primary} if primary else set())
            self.by_pk[pk] = lks
            if number:
                self.by_number.setdefault(number_key(number), []).append(lks)
            if name_key := v.norm(name):  # a name of no Latin letter or digit must not name every such LKS
                self.by_name.setdefault(name_key, []).append(lks)
        through = Organisation.service_kinds.through
        for organisation_id, code in through.objects.values_list("organisation_id", "term__code"):
            if organisation_id in self.by_pk:
                self.by_pk[organisation_id].kinds.add(code)
        self.actor, self.action = actor, action
        self._allowed_for: dict[str, set[int]] = {}
        self.allowed = self.allowed_for(action)
        self._regencies: RegionResolver | None = None
        self._memo: dict[tuple[str, str], tuple[Lks | None, str]] = {}
        self._regency_reasons: set[str] = set()  # reasons about the "Kabupaten/Kota LKS" cell, not the LKS cell

    def column_of(self, reason: str) -> str:
        """The column a reason of find() is about: "lks_regency" when the kabupaten/kota beside the LKS is wrong."""
        return "lks_regency" if reason in self._regency_reasons else "lks"

    def find(self, text: str, regency: str) -> tuple[Lks | None, str]:
        """The LKS a cell names, or (None, the reason in Indonesian)."""
        memo_key = (text, regency)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._find(text, regency)
        return self._memo[memo_key]

    def _find(self, text: str, regency: str) -> tuple[Lks | None, str]:
        by_number = self.by_number.get(number_key(text))
        candidates = by_number or self.by_name.get(v.norm(text), [])
        if regency and candidates:
            wanted = self._regency_codes(regency)
            if not wanted:
                # The kabupaten/kota is the cell not read, not the LKS: say which (its name is looked up as the
                # region columns look it up, so a name written otherwise may not be found).
                return None, self._about_regency(
                    _(
                        "Kabupaten/kota “%(given)s” di kolom Kabupaten/Kota LKS tidak dikenali. Tulis namanya seperti "
                        "di daftar wilayah Kemendagri (mis. “%(example)s”) atau kodenya, atau kosongkan."
                    )
                    % {"given": regency, "example": self._regency_name(candidates[0].regency_code)}
                )
            named = candidates
            candidates = [lks for lks in candidates if lks.regency_code in wanted]
            if not candidates and len(named) == 1:
                # The LKS is right, the kabupaten/kota beside it is not (or the LKS has moved since the file was
                # made): say so, rather than that the LKS does not exist. The LKS registry is public.
                return None, self._about_regency(
                    _(
                        "LKS “%(value)s” tercatat di %(regency)s, bukan di “%(given)s”. Perbaiki kolom Kabupaten/Kota "
                        "LKS, atau kosongkan."
                    )
                    % {"value": text, "regency": self._regency_name(named[0].regency_code), "given": regency}
                )
        if len(candidates) == 1:
            return candidates[0], ""
        if not candidates:
            return None, _(
                "LKS “%(value)s” tidak ditemukan. Tulis nomor tanda daftarnya, atau namanya persis seperti di Sinergi."
            ) % {"value": text}
        if len(mine := [lks for lks in candidates if lks.pk in self.allowed]) == 1:
            # One number or name held by two LKS (recorded before the forms refused it): the user's own is meant,
            # since the other could only be refused.
            return mine[0], ""
        if by_number and len({lks.regency_code for lks in candidates}) > 1:
            # Offices of two kabupaten/kota may issue one number: the kabupaten/kota tells the two apart.
            return None, _(
                "Nomor tanda daftar “%(value)s” tercatat untuk %(count)s LKS di kabupaten/kota yang berbeda: "
                "%(names)s. Isi kolom Kabupaten/Kota LKS."
            ) % {"value": text, "count": len(candidates), "names": ", ".join(f"“{lks.name}”" for lks in candidates)}
        if by_number:
            return None, _(
                "Nomor tanda daftar “%(value)s” tercatat untuk %(count)s LKS: %(names)s. Tulis nama LKS yang "
                "dimaksud, dan minta pengurus LKKKS membetulkan nomor yang keliru."
            ) % {"value": text, "count": len(candidates), "names": ", ".join(f"“{lks.name}”" for lks in candidates)}
        return None, _(
            "Ada %(count)s LKS bernama “%(value)s”. Tulis nomor tanda daftarnya, atau isi kolom Kabupaten/Kota LKS."
        ) % {"count": len(candidates), "value": text}

    def _about_regency(self, reason: str) -> str:
        self._regency_reasons.add(reason)
        return reason

    def _regency_codes(self, name: str) -> set[str]:
        # As the region columns read a kabupaten/kota: code (also "63,71" from an Indonesian-locale CSV), name in
        # full or bare, or a short name (Bjm, HSS).
        if self._regencies is None:
            self._regencies = RegionResolver()
        return {region.code for region in self._regencies.regencies_named(name)}

    def _regency_name(self, code: str) -> str:
        region = Region.objects.filter(code=code).values_list("name", flat=True).first()
        return region or code

    def allowed_for(self, action: str) -> set[int]:
        """The LKS where the actor may do `action` (e.g. correct a person's record), looked up once per action."""
        if action not in self._allowed_for:
            condition = scope_q(self.actor, action, ScopeFields(organisation="pk"))
            self._allowed_for[action] = (
                set()
                if condition is None
                else set(Organisation.objects.filter(condition, kind__in=LKS_KINDS).values_list("pk", flat=True))
            )
        return self._allowed_for[action]

    def still_allowed(self, lks_ids: set[int]) -> set[int]:
        """Which of these LKS the actor may still do the index's action at, by their memberships as they are now (the
        actor's own are cached from the start of the import)."""
        actor = self.actor
        if getattr(actor, "pk", None) is not None:
            actor = type(actor)._default_manager.filter(pk=actor.pk).first()
        condition = scope_q(actor, self.action, ScopeFields(organisation="pk"))
        if condition is None:
            return set()
        return set(Organisation.objects.filter(condition, pk__in=lks_ids).values_list("pk", flat=True))

    def only_one_allowed(self) -> Lks | None:
        """The actor's one LKS, when they may import into exactly one (an operator needs no LKS column)."""
        if len(self.allowed) == 1:
            return self.by_pk.get(next(iter(self.allowed)))
        return None


def implied_lks_notice(present: set[str], lks: LksIndex) -> str:
    """A file without an LKS column is read as the user's one LKS: named in the run, so that an operator moved to
    another LKS sees where the old one's list would go before confirming it. "" otherwise."""
    only = lks.only_one_allowed() if "lks" not in present else None
    if only is None:
        return ""
    return _("File ini tanpa kolom LKS: semua barisnya dibaca untuk %(lks)s, LKS akun Anda.") % {"lks": only.name}


def lks_problems(
    lks: Lks, *, ppks_code: str | None, child: bool, served: dict[str, set[str]], labels: dict[str, str]
) -> list[tuple[str, str]]:
    """people.services.rules.check_lks_serves (and person_admit's LKS checks) over the preloaded LKS kinds."""
    memo = served.setdefault("_memo", {})  # type: ignore[arg-type]
    key = (lks.pk, ppks_code, child)
    if key not in memo:
        memo[key] = _lks_problems(lks, ppks_code=ppks_code, child=child, served=served, labels=labels)
    return list(memo[key])


def _lks_problems(
    lks: Lks, *, ppks_code: str | None, child: bool, served: dict[str, set[str]], labels: dict[str, str]
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if lks.kind not in LKS_KINDS:
        problems.append(("lks", _("Penerima layanan hanya dapat didaftarkan di LKS.")))
    if child and lks.kinds == {KIND_ELDERLY}:
        # Of the row, as the form says it above its fields: the birth date as much as the LKS may be what is wrong
        # (and a correction file by ID, without an LKS column, is not to be told to add one).
        problems.append(("", _("Anak tidak dapat ditempatkan di LKS lanjut usia.")))
    if ppks_code is None or KIND_SERVES_ALL in lks.kinds:
        return problems
    allowed = set().union(*(served.get(kind, set()) for kind in lks.kinds)) if lks.kinds else set()
    if ppks_code not in allowed:
        label = labels.get(ppks_code, ppks_code)
        problems.append(
            (
                "ppks_category",
                _("%(lks)s tidak melayani kategori “%(category)s” menurut jenis layanannya.")
                % {"lks": lks.name, "category": label},
            )
        )
    return problems


def served_by_kind() -> dict[str, set[str]]:
    """PPKS codes each LKS kind serves (vocabulary attributes), for lks_problems."""
    return {
        term.code: set(term.attributes.get("ppks", [])) for term in Term.objects.filter(vocabulary=Vocabulary.LKS_KIND)
    }


def export_purpose(purpose: str) -> str:
    """The access purpose of an export of people (clients or workers): every exported person is logged with why
    (UU PDP), so the caller must have asked; a programming error otherwise."""
    if purpose not in AccessPurpose.values:
        raise ValueError(f"An export of people needs an access purpose (one of AccessPurpose), not {purpose!r}.")
    return purpose


def lks_of_ids(rows: list[dict[str, Any]], model, index: "LksIndex") -> None:
    """Rows with the export's ID but no LKS cell, from a user who may import into several LKS: the LKS is the one
    the record is at, when the user may import there (a partial correction file "ID, Telepon" needs no LKS column).
    Anyone else's record, or none, leaves the row asking for the LKS column — the same answer in every case."""
    unplaced = [values for values in rows if values.get("id") and values.get("_lks") is None and not values.get("lks")]
    wanted = {values["id"] for values in unplaced}
    if not wanted:
        return
    found = model.objects.filter(pk__in=wanted, organisation_id__in=index.allowed)
    if hasattr(model, "erased_at"):
        found = found.filter(erased_at__isnull=True)  # erased is as never stored: the same answer
    if hasattr(model, "merged_into"):
        found = found.filter(merged_into__isnull=True)  # merged: the ID was turned into the kept record's already
    found = found.values_list("pk", "organisation_id")
    at = dict(found)
    for values in unplaced:
        if values["id"] in at:
            values["_lks"], values["_lks_problem"] = index.by_pk.get(at[values["id"]]), ""


def lks_lock(lks_ids: set[int], index: "LksIndex", *, admitting: set[int] | frozenset[int] = frozenset()) -> None:
    """Locks these LKS (in id order, as every import and form takes them) until the import ends, before anything is
    written there: a move of one of them (which locks it, then its records) waits for the import, never deadlocks.
    Refuses the import if one moved to another province or kabupaten/kota while the file was checked (its new
    records would carry the old codes, and be seen and counted by the old board); and, for the LKS it registers
    people at (`admitting`), if one was closed, or the actor lost the right to register there, meanwhile: the check
    of both was made when the file was read, and a large file takes minutes."""
    locked = (
        Organisation.objects.select_for_update()
        .filter(pk__in=sorted(lks_ids))
        .order_by("pk")
        .values_list("pk", "province_code", "regency_code", "status")
    )
    for pk, province, regency, status in locked:
        lks = index.by_pk.get(pk)
        if lks is not None and (lks.province_code, lks.regency_code) != (province, regency):
            raise ConflictError(
                _("LKS “%(name)s” dipindahkan ke wilayah lain selama impor berjalan. Tidak ada yang disimpan; ulangi "
                  "impor.") % {"name": lks.name}
            )  # fmt: skip
        if lks is not None and pk in admitting and status != lks.status and status != OrganisationStatus.ACTIVE:
            raise ConflictError(
                _("LKS “%(name)s” menjadi %(status)s selama impor berjalan, jadi tidak dapat menerima data baru. Tidak "
                  "ada yang disimpan.") % {"name": lks.name, "status": OrganisationStatus(status).label.lower()}
            )  # fmt: skip
    if admitting and (lost := sorted(set(admitting) - index.still_allowed(admitting))):
        raise ConflictError(
            _("Hak Anda untuk mendaftarkan data di LKS “%(name)s” dicabut selama impor berjalan. Tidak ada yang "
              "disimpan.") % {"name": index.by_pk[lost[0]].name if lost[0] in index.by_pk else lost[0]}
        )  # fmt: skip


class StoredRecord:
    """A stored record an import read, its fields by name as a dict's (record["full_name"], record.get("nik_masked"))
    in about a third of a dict's memory: a re-import of 100,000 unchanged rows holds every person and stay (or
    worker) it found until the write."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, key, value)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={self.get(k)!r}' for k in self.__slots__)})"


@functools.cache
def record_type(name: str, fields: tuple[str, ...]) -> type[StoredRecord]:
    return type(name, (StoredRecord,), {"__slots__": fields})


def stored_records(kind: type[StoredRecord], fields: tuple[str, ...], rows, shared: tuple[str, ...], share):
    """Records of `rows` (tuples in `fields`' order); the values of the `shared` fields, which repeat over thousands
    of records (codes, places, dates), kept once each."""
    kept_once = [key in shared for key in fields]
    for row in rows:
        record = kind()
        for key, value, once in zip(fields, row, kept_once, strict=True):
            setattr(record, key, share(value, value) if once else value)
        yield record


def result_shown(
    plans: list[RowPlan],
    *,
    refused: bool,
    quoting: Sequence[RowPlan],
    quoted: set[int],
    record_id: Callable[[RowPlan], int],
) -> set[int]:
    """The stored records whose values a trial's, or a refused import's, result shows (Entity.result_checked): an
    update's before → after
    (not when refused), a warning on a stored record's row, a record a new row's warning quotes (extra["shows"]),
    the records refused rows' problems quote (`quoting`, and `quoted` by the entity's state). An unchanged row
    without a warning shows only a count, a new row only the file's own values."""
    shown = {
        record_id(plan)
        for plan in plans
        if plan.action != "create" and (plan.warnings or (plan.action == "update" and not refused))
    }
    for plan in plans:
        shown.update(plan.extra.get("shows", ()))
    shown.update(record_id(plan) for plan in quoting)
    return shown | quoted


def result_shown_what(ctx: ImportContext) -> str:
    """The access-log word for what a trial's, or a refused import's, result shows (Entity.result_checked)."""
    return "import_checked" if ctx.cache.get("dry_run") else "import_refused_checked"


def access_lines_write(model, subject_field: str, ctx: ImportContext, ids: Iterable[int], what: str) -> None:
    """An access-log line per person or worker (`model`: PersonAccess or WorkerAccess) in one bulk insert of rows,
    not model instances: an import may name 100,000 of them."""
    actor = ctx.actor
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    actor_name = actor.get_username() if actor_id else ""
    fields = [subject_field, "actor_id", "actor_name", "what", "purpose"]
    line = (actor_id, actor_name, what, AccessPurpose.SERVICE)
    if address := client_ip(None):  # the upload's, for an import the task worker runs (none from the command line)
        fields, line = [*fields, "ip_address"], (*line, address)
    bulk_insert_rows(model, fields, [(pk, *line) for pk in ids], with_ids=False)
