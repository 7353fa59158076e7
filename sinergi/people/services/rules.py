"""Small domain rules shared by the writes: ages, review dates, name matching, what an LKS may serve."""

import datetime
import re
import unicodedata

from django.utils.translation import gettext as _

from sinergi.core.crypto import keyed_hash
from sinergi.core.dates import EARLIEST_YEAR, shown
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.vocabularies.models import Term, Vocabulary

from ..models import Person
from ._common import _Problems

ADULT_AGE = 18
REVIEW_INTERVAL_MONTHS = 6
# LKS kinds are vocabulary items; "lainnya" (other) serves any PPKS category, the others those in attributes["ppks"].
KIND_SERVES_ALL = "lainnya"
KIND_ELDERLY = "lanjut_usia"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 Aug + 6 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Age in completed years on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_child_on(person: Person, day: datetime.date) -> bool:
    """Under 18 on `day`; without a birth date nobody is treated as a child by the rules that depend on it."""
    return person.birth_date is not None and age_on(person.birth_date, day) < ADULT_AGE


# Everything but a-z, 0-9 and the space, deleted by str.translate (the text is ASCII by then): as a regular
# expression this cost a second per 100,000-row import.
_NOT_NAME_CHARACTERS = dict.fromkeys(
    code for code in range(128) if not (chr(code).islower() or chr(code).isdigit() or chr(code) == " ")
)


# Latin letters that do not decompose into a letter and an accent, spelt as their plain letters: "Đặng" compares
# equal to "Dang" as "Dáng" does.
_LATIN_FOLDS = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ŀ": "l", "ħ": "h", "ŧ": "t", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
     "þ": "th"}
)  # fmt: skip
# Arabic vowel marks (harakat, superscript alef) and the tatweel that stretches a word: optional in writing, so
# "مُحَمَّد" and "محمد" are one name.
_ARABIC_OPTIONAL = frozenset(map(chr, (*range(0x064B, 0x0660), 0x0670, 0x0640)))


def normalize_name(value: str) -> str:
    """Lower case, no accents or punctuation, single spaces: "Siti  Nur'aini" and "SITI NURAINI" compare equal.
    Letters of every script are kept ("محمد علي" and "عبد الله" differ): a name that normalised to "" would
    make everyone with that birth date one person."""
    value = value or ""
    text = value.lower() if value.isascii() else _beyond_ascii(value)  # ASCII: the commonest case by far
    return " ".join(text.translate(_NOT_NAME_CHARACTERS).split())


def _beyond_ascii(value: str) -> str:
    """A name with non-ASCII characters, casefolded: the accents of Latin letters dropped (é → e), letters and
    marks of other scripts kept (a Javanese or Devanagari vowel sign is part of the word), non-ASCII punctuation
    and symbols dropped. ASCII characters are left for normalize_name's table."""
    kept: list[str] = []
    after_latin = True  # a combining mark after an ASCII letter (or after nothing) is an accent to drop
    for char in unicodedata.normalize("NFKD", value).casefold().translate(_LATIN_FOLDS):
        if char.isascii():
            kept.append(char)
            after_latin = True
        elif unicodedata.category(char)[0] == "M":
            if not after_latin and char not in _ARABIC_OPTIONAL:
                kept.append(char)
        elif char.isalnum() and unicodedata.category(char) != "Lm":
            if char not in _ARABIC_OPTIONAL:
                kept.append(char)
            after_latin = False
        else:  # punctuation and symbols go; a space beyond ASCII (ideographic, …) still separates words
            if char.isspace():
                kept.append(" ")
            after_latin = True
    return "".join(kept)


def person_match_key(*, full_name: str, birth_date: datetime.date | None, mother_name: str) -> str:
    """Keyed hash of normalised name + birth date + mother's name; "" when any part is missing (too weak)."""
    return keyed_hash(match_key_text(full_name=full_name, birth_date=birth_date, mother_name=mother_name))


def match_key_text(*, full_name: str, birth_date: datetime.date | None, mother_name: str) -> str:
    """What person_match_key hashes."""
    name, mother = normalize_name(full_name), normalize_name(mother_name)
    if not name or not mother or birth_date is None:
        return ""
    return f"{name}|{birth_date.isoformat()}|{mother}"


# Older than anyone alive in Indonesia: a birth date giving more is a placeholder (01-01-1900) or a typo (1925 for
# 1952), warned about rather than refused (the forms refuse only what cannot be: before 1900).
OLDEST_PLAUSIBLE_AGE = 110


# A list's number or bullet before a name, as a list copied from a Word document or a PDF keeps it ("1. AHMAD FAUZI",
# "2) Siti", "• Nur Halizah"): no name begins with a digit or a bullet.
_LIST_MARK = re.compile(r"^(?P<mark>\d{1,4}(?:\s*[.)])?|[•◦▪▫‣⁃●○■□►▸➢➤✓✔*·])\s*(?P<name>[^\W\d_].*)$")


# A lettered list's mark: a letter and a closing parenthesis ("b) Nur Halizah", "(c) Budi"), which no name begins with;
# and a lowercase letter and a full stop, Word's default lettering ("a. AHMAD FAUZI"), which an initial ("A. Rahman",
# "M. Rizki") is not. The latter alone is a mark only before a name in capitals, where a lowercase initial would be
# out of place; before "Nur Halizah" only the file's sequence of them tells (lettered_run).
_LETTER_MARK = re.compile(r"^(?P<mark>\(?[^\W\d_]\))\s*(?P<name>[^\W\d_].*)$")
_LETTER_DOT = re.compile(r"^(?P<mark>[a-z]\.)\s+(?P<name>[^\W\d_].*)$")


def list_mark(name: str) -> re.Match | None:
    """The list's mark and the name after it when `name` still begins with one (groups "mark" and "name"), else None.
    The forms and the imports refuse such a name alike: stored, the mark would be part of the name (and of every
    search and letter), and taking it off without a word would change what was written."""
    if not name[:1]:
        return None
    if name[0].isalpha():
        if name[1:2] == ")":
            return _LETTER_MARK.match(name)
        if name[1:2] == "." and (found := _LETTER_DOT.match(name)) and found["name"].upper() == found["name"]:
            return found
        return None
    if name[0] == "(":
        return _LETTER_MARK.match(name)
    return _LIST_MARK.match(name)


def lettered_item(name: str) -> re.Match | None:
    """A name that begins with a lowercase letter and a full stop ("b. Nur Halizah"): a lettered list's mark when the
    column holds the run of them from "a." (lettered_run), an initial written small otherwise."""
    return _LETTER_DOT.match(name) if name[1:2] == "." else None


def lettered_run(letters: set[str]) -> set[str]:
    """The letters of `letters` that follow one another from "a" ("a", "b", "c" of {"a", "b", "c", "m"}), when there
    are two or more: a list lettered a., b., c. and copied with its lettering. A lowercase initial that happens to
    start a name in the column ("m. rizki") is outside the run; alone, an "a." is no run."""
    run: set[str] = set()
    for code in range(ord("a"), ord("z") + 1):
        if chr(code) not in letters:
            break
        run.add(chr(code))
    return run if len(run) > 1 else set()


def list_mark_problem(name: str, *, stored: str = "") -> str:
    """The form's and API's refusal of a name still carrying a list's mark (list_mark), "" when it has none or is the
    name on record (one stored before this rule is not re-judged when other fields are corrected)."""
    if name == stored or (found := list_mark(name)) is None:
        return ""
    return _(
        "Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“%(mark)s”). Tulis namanya saja "
        "(“%(name)s”)."
    ) % {"mark": found["mark"], "name": found["name"]} + initial_advice(found)


def initial_advice(found: re.Match) -> str:
    """What to write when a small letter and a full stop refused as a list's mark ("m. RIZKI") is really an initial:
    the capital, which is always read as one (" Bila … “M. RIZKI”."); "" for any other mark."""
    mark = found["mark"]
    if not (len(mark) == 2 and mark[1] == "." and mark[0].islower()):
        return ""
    return " " + _("Bila “%(mark)s” adalah inisial nama, tulis dengan huruf besar: “%(initial)s”.") % {
        "mark": mark,
        "initial": f"{mark.upper()} {found['name']}",
    }


def implausible_birth_warning(birth_date: datetime.date | None, today: datetime.date) -> str:
    """A warning when a birth date makes someone older than OLDEST_PLAUSIBLE_AGE today, else "" (also before 1900,
    which is refused: see sinergi.core.dates)."""
    if birth_date is None or birth_date.year < EARLIEST_YEAR or age_on(birth_date, today) <= OLDEST_PLAUSIBLE_AGE:
        return ""
    return _(
        "Usia %(age)d tahun (lahir %(date)s) tidak wajar. Tanggal seperti 01-01-1900 sering dipakai sebagai pengisi "
        "bila tanggal lahir tidak diketahui: isi tanggal yang benar, atau kosongkan."
    ) % {"age": age_on(birth_date, today), "date": shown(birth_date)}


# The youngest a worker (PSKS/TKSM) may be: UU 13/2003 on manpower lets nobody under 13 work (light work from 13,
# Pasal 69) and anyone under 18 only under its conditions (Pasal 68-75); Karang Taruna, the youngest PSKS, takes its
# members from 13. Younger is refused, as a mistyped birth or start date far more often than a fact; 13-17 is warned of.
WORKER_MIN_AGE = 13


def worker_age_check(
    *, birth_date: datetime.date | None, started_on: datetime.date | None, today: datetime.date
) -> tuple[str, str]:
    """(problem, warning) of a worker's age when they began serving (today when no start date is known): a problem
    below WORKER_MIN_AGE, a warning below ADULT_AGE, each "" when it does not apply. Dates the other rules refuse (a
    start before the birth, a birth in the future) are left to them."""
    on = started_on or today
    if birth_date is None or on < birth_date:
        return "", ""
    age = age_on(birth_date, on)
    if age >= ADULT_AGE:
        return "", ""
    # The date as the reader's language writes one (English readers take "07-12-2026" for 12 July): core.dates.
    values = {"age": age, "on": shown(on), "min": WORKER_MIN_AGE}
    if age < WORKER_MIN_AGE:
        if started_on is not None:
            problem = _(
                "Usia %(age)d tahun saat mulai bertugas (%(on)s): pekerja paling muda berusia %(min)d tahun. Periksa "
                "tanggal lahir dan tanggal mulai bertugas."
            )
        else:
            problem = _("Usia %(age)d tahun: pekerja paling muda berusia %(min)d tahun. Periksa tanggal lahirnya.")
        return problem % values, ""
    if started_on is not None:
        warning = _(
            "Usia %(age)d tahun saat mulai bertugas (%(on)s), masih anak: anak hanya boleh bekerja dengan syarat UU "
            "Ketenagakerjaan (pekerjaan ringan, izin orang tua). Pastikan tanggal lahir dan tanggal mulai bertugas "
            "benar."
        )
    else:
        warning = _(
            "Usia %(age)d tahun, masih anak: anak hanya boleh bekerja dengan syarat UU Ketenagakerjaan (pekerjaan "
            "ringan, izin orang tua). Pastikan tanggal lahirnya benar."
        )
    return "", warning % values


def age_warnings(*, birth_date: datetime.date | None, on: datetime.date, categories: list[Term]) -> list[str]:
    """Warnings when the age on `on` falls outside a PPKS category's age rule (domain.md: warnings, not refusals)."""
    if birth_date is None:
        return []
    age = age_on(birth_date, on)
    warnings = []
    for term in categories:
        rule = term.attributes or {}
        low, high, below = rule.get("min_age"), rule.get("max_age"), rule.get("max_age_exclusive")
        outside = (
            (low is not None and age < low) or (high is not None and age > high) or (below is not None and age >= below)
        )
        if outside:
            if below is not None:
                bounds = _("%(low)s sampai di bawah %(high)s tahun") % {"low": low or 0, "high": below}
            elif high is not None:
                bounds = _("%(low)s–%(high)s tahun") % {"low": low or 0, "high": high}
            else:
                bounds = _("%(low)s tahun ke atas") % {"low": low}
            warnings.append(
                # The age at admission (`on`), not today's: a child admitted young may be older now.
                _("Usia %(age)d tahun saat masuk (%(on)s) di luar batas usia kategori “%(category)s” (%(bounds)s).")
                % {"age": age, "on": shown(on), "category": term.label, "bounds": bounds}
            )
    return warnings


def lks_closed_reason(status: str, *, whom: str) -> str:
    """Why an LKS of this status takes no new clients or workers ("" when it does): only an active LKS — verified
    and opened by its board — does, as the forms offer only active ones. `whom`: "clients" or "workers"."""
    if status == OrganisationStatus.ACTIVE:
        return ""
    if status == OrganisationStatus.INACTIVE:
        if whom == "workers":
            return _("LKS ini sudah nonaktif; tidak dapat mendaftarkan pekerja baru.")
        return _("LKS ini sudah nonaktif; tidak dapat menerima penerima layanan baru.")
    if whom == "workers":
        return _(
            "LKS ini belum aktif (masih %(status)s); pekerja dapat didaftarkan setelah pengurus mengaktifkannya."
        ) % {"status": OrganisationStatus(status).label.lower()}
    return _(
        "LKS ini belum aktif (masih %(status)s); penerima layanan dapat didaftarkan setelah pengurus mengaktifkannya."
    ) % {"status": OrganisationStatus(status).label.lower()}


def lks_kind_codes(organisation: Organisation) -> set[str]:
    """Codes of the primary and further service kinds of an LKS."""
    codes = {organisation.primary_service_kind.code} if organisation.primary_service_kind_id else set()
    return codes | set(organisation.service_kinds.values_list("code", flat=True))


def check_lks_serves(
    problems: _Problems, *, organisation: Organisation, category: Term | None, child: bool, field_name: str
) -> None:
    """A placement must fit the LKS: its kinds must serve the category, and no child goes to an elderly home."""
    kinds = lks_kind_codes(organisation)
    if child and kinds == {KIND_ELDERLY}:
        problems.add("__all__", _("Anak tidak dapat ditempatkan di LKS lanjut usia."))
    if category is None or KIND_SERVES_ALL in kinds:
        return
    served: set[str] = set()
    for term in Term.objects.filter(vocabulary=Vocabulary.LKS_KIND, code__in=kinds):
        served.update(term.attributes.get("ppks", []))
    if category.code not in served:
        problems.add(
            field_name,
            _("%(lks)s tidak melayani kategori “%(category)s” menurut jenis layanannya.")
            % {"lks": organisation.name, "category": category.label},
        )
