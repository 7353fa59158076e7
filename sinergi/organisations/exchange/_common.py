"""What the LKS entity's import and export use besides its columns: every registered LKS's numbers and names loaded
once per import (_Registered, for matching rows by number or name), how a row's LKS and its regions are named in
messages and previews, how a cell compares with the stored value, the derived fields a preview shows, and whether
an actor may register an LKS anywhere. Apart so that the entity module holds the entity alone.
"""

from typing import TYPE_CHECKING, Any

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.exchange import values as v
from sinergi.exchange.columns import ImportContext
from sinergi.regions.models import Region
from sinergi.regions.selectors import region_paths

from .. import selectors
from ..choices import LKS_KINDS
from ..models import Organisation
from ..numbers import is_number, number_key
from .columns import REGION_KEYS

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


# Fields the services derive from others; shown in the before → after preview when an import changes them.
DERIVED = ("permit_expires_on", "registration_expires_on", "accreditation_expires_on")


def _same_text(stored: str, given: str) -> bool:
    """Whether a cell says what the record holds, only in capitals (or an e-mail address in another case)."""
    if stored.casefold() != given.casefold():
        return False
    return "@" in given or (given.isupper() and not stored.isupper())


def _registers_nowhere(actor: "User | SystemActor") -> bool:
    """Whether the actor may register an LKS in no region at all (an LKS operator, a Dinas Sosial viewer)."""
    if getattr(actor, "is_superuser", False):
        return False
    return not any(m.role in ACTION_ROLES[Action.CREATE] for m in active_memberships(actor))


def _key_number(values: dict[str, Any], field: str) -> str:
    """A row's nomor tanda daftar or izin operasional as a key to its LKS, or "" for what is written in its place
    without a digit ("dalam proses", "Dalam proses.", "Proses - Dinsos", "Menunggu...", "TD/KEMBAR"): no number, as
    the forms read it (numbers.is_number). As a key, the row was taken for whichever LKS of the kabupaten/kota holds
    the same words (and renamed it), and two new LKS "dalam proses" were refused as one, while the form registered
    them both. The words are stored as written."""
    number = values.get(field) or ""
    return number if number and is_number(number) else ""


def name_key(name: str) -> str:
    """How an LKS's name is compared, to find the LKS a row without a number names, a new LKS's same-name twin
    among the registered ones and two rows of one new LKS: v.norm's (letter case, accents, punctuation and spacing
    aside: "LKSA Al-Ikhlas" is "LKSA Al Ikhlas", "Harapan, Bunda" is "Harapan Bunda"), with the letters of an
    abbreviation joined however they are written ("L.K.S. Harapan", "L K S Harapan" and "LKS Harapan" are one name,
    as "H. A. Rahman" is "H A Rahman"): two or more single letters in a row. A single initial ("M. Yusuf", "PSA A
    Budi") stays a word of its own."""
    words = v.norm(name).split(" ")
    joined: list[str] = []
    letters: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            letters.append(word)
            continue
        if letters:
            joined.append("".join(letters))
            letters = []
        if word:
            joined.append(word)
    return " ".join(joined)


def _place_key(values: dict[str, Any]) -> str:
    """Where a row's LKS is, to compare rows by name: its kabupaten/kota as resolved by prepare_batch (the same LKS
    written once with its kecamatan and once without is one LKS), else its cells as written."""
    return (
        values.get("_regency")
        or values.get("region_code")
        or "/".join(v.norm(values.get(k) or "") for k in REGION_KEYS[1:])
    )


class _Registered:
    """Every LKS's numbers (by number_key) and names (by kabupaten/kota), loaded once per import: a number
    written differently from the stored one ("–" for "-") cannot be found by an exact query, and the LKS
    registry is small (thousands, not millions)."""

    def __init__(self) -> None:
        self.numbers: dict[str, dict[str, set[int]]] = {"registration": {}, "permit": {}}
        self.names: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.regency: dict[int, str] = {}  # each LKS's kabupaten/kota: a number is one office's, so compared within it
        rows = Organisation.objects.filter(kind__in=LKS_KINDS).values_list(
            "pk", "name", "registration_number", "permit_number", "regency_code"
        )
        for pk, name, registration, permit, regency in rows.iterator(chunk_size=5000):
            self.regency[pk] = regency
            if registration:
                self.numbers["registration"].setdefault(number_key(registration), set()).add(pk)
            if permit:
                self.numbers["permit"].setdefault(number_key(permit), set()).add(pk)
            if regency and (key := name_key(name)):
                self.names.setdefault((key, regency), []).append((name, registration or permit))


def _regions_shown(*codes: str | None) -> list[str]:
    """Regions as a before → after shows them: named, nearest first, then the code ("Mantuil, Banjarmasin Selatan,
    Kota Banjarmasin (63.71.01.1001)"); the province is left out when both are in the same one."""
    regions = Region.objects.in_bulk([code for code in codes if code])
    provinces = {code[:2] for code in codes if code}
    paths = region_paths(regions.values(), below=provinces.pop() if len(provinces) == 1 else None)
    return [f"{paths[code]} ({code})" if code in paths else (code or "") for code in codes]


def _same(before: Any, after: Any) -> bool:
    """Whether a cell leaves a stored value as it is (empty equals empty; terms compare by code)."""
    if isinstance(before, list) or isinstance(after, list):
        return sorted(t.code for t in before or []) == sorted(t.code for t in after or [])
    if before in (None, "") and after in (None, ""):
        return True
    return before == after


def _regency_name(code: str, ctx: ImportContext) -> str:
    """A kabupaten/kota's name for a message (looked up once per import and code: a file of an out-of-scope region
    repeats it on every row)."""
    names: dict[str, str] = ctx.cache.setdefault("regency_names", {})
    if code not in names:
        names[code] = selectors.regency_names([code]).get(code, code)
    return names[code]


def _shown(name: str, values: dict[str, Any]) -> str:
    """How a row's LKS is named in previews: its name and the number that identifies it."""
    number = values.get("registration_number") or values.get("permit_number")
    return f"{name} — {number}" if number else name


def _attname(name: str) -> str:
    return {
        "region": "region_id",
        "primary_service_kind": "primary_service_kind_id",
        "accreditation_grade": "accreditation_grade_id",
    }.get(name, name)


class _RegionNames:
    """Names of the kabupaten/kota, kecamatan and desa above region codes, loaded a chunk at a time."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[int, str]] = {}

    @staticmethod
    def _lineage(code: str) -> list[str]:
        parts = code.split(".")
        return [".".join(parts[:i]) for i in range(2, len(parts) + 1)]

    def load(self, codes) -> None:
        from sinergi.regions.models import Region

        wanted = {c for code in codes if code for c in self._lineage(code)} - set(self.names)
        if wanted:
            for code, level, name in Region.objects.filter(code__in=wanted).values_list("code", "level", "name"):
                self.names[code] = (level, name)

    def of(self, code: str | None) -> dict[int, str]:
        if not code:
            return {}
        return dict(self.names[c] for c in self._lineage(code) if c in self.names)
