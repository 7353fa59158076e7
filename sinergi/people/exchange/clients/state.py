"""What a clients import keeps between rows and batches: NewClient (a row that admits someone), KnownPlacement (a
row about a stay already stored) and ClientsState (the per-import lookups, the stored people met so far, and what
the write has locked). Apart because every step of the entity (plan, write, notices) shares it."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from sinergi.accounts.scope import Action, action_provinces
from sinergi.exchange.columns import (
    ImportContext,
)
from sinergi.exchange.regions import RegionResolver
from sinergi.vocabularies.models import Vocabulary

from ...choices import (
    DischargeReason,
)
from ...models import Person, Placement
from ...services.duplicates import admission_clock
from ...summaries import SummaryDelta
from ..common import (
    Hasher,
    LksIndex,
    NikChecker,
    match_name,
    served_by_kind,
)
from .stored import _load_people


class NewClient:
    """A row that admits someone: the person, placement and consent values in database form. Compact on purpose
    (slots, tuples, no cell dictionary): a 100,000-row file keeps one of these per row until the write."""

    __slots__ = (
        "row", "lks", "person", "nik", "nik_hash", "kk", "kk_hash", "match_key", "categories", "primary", "setting",
        "admitted_on", "discharged_on", "reason", "child", "consent", "db_duplicates", "file_duplicates", "pk",
        "seen_duplicates", "birth_estimated",
    )  # fmt: skip

    def __init__(
        self, *, row, lks, person, nik, nik_hash, kk, kk_hash, match_key, categories, primary, setting, admitted_on,
        discharged_on, reason, child, consent, birth_estimated=False,
    ) -> None:  # fmt: skip
        self.row, self.lks, self.person, self.nik, self.nik_hash, self.kk = row, lks, person, nik, nik_hash, kk
        self.kk_hash, self.match_key, self.categories, self.primary = kk_hash, match_key, categories, primary
        self.setting, self.admitted_on, self.discharged_on, self.reason = setting, admitted_on, discharged_on, reason
        self.child, self.consent, self.birth_estimated = child, consent, birth_estimated
        self.db_duplicates: dict[int, str] | None = None
        # Of those, the ones at an LKS the user may see (a trial names no others: ClientsState.tells_duplicates)
        self.seen_duplicates = 0
        self.file_duplicates: list[tuple[NewClient, str]] | None = None
        self.pk: int | None = None


# A real run names at most this many rows that may be someone recorded at another LKS (the rest are counted in one
# notice): a form's save says it of one person, as the board is asked to check, but a file of thousands of NIKs
# imported would tell, row by row, who is recorded anywhere in Sinergi (a security review).
DUPLICATE_ROWS_NAMED = 5
MOTHER_AT = 8  # NewClient.person: name, sex, birth date, place, the two reasons, origin, disability, mother, ...


@dataclass(eq=False)
class KnownPlacement:
    """A row that refers to a placement already stored: unchanged, or discharged and/or with the person's record
    corrected by this import."""

    pk: int
    person_id: int
    snapshot: dict[str, Any] | None  # where the stay is counted, for a stay this import changes (None: unchanged)
    discharged_on: datetime.date | None = None
    reason: str = ""
    stage: str = ""
    row: int = 0
    person_data: dict[str, Any] | None = None  # person_update's data: only the corrected fields
    person_version: int = 0
    consent: tuple | None = None  # a consent to record (CONSENT_FIELDS' values), not on record yet
    lks_id: int = 0  # the stay's LKS, locked before the stay is written (as for new clients)


class ClientsState:
    """Per-import lookups: LKS, vocabularies, regions, and the stored people the file's rows may refer to."""

    def __init__(self, ctx: ImportContext) -> None:
        self.lks = LksIndex(ctx.actor)
        # Restricted people are seen by those who handle subject requests where they are only (as on the pages and in
        # exports): per province, since a province admin of one province may operate an LKS in another.
        provinces = action_provinces(ctx.actor, Action.SUBJECT_REQUEST)
        self.restricted_provinces: set[str] | None = None if provinces is None else set(provinces)
        # A trial does not say that a row may be someone recorded elsewhere: it writes and flags nothing, and a file
        # of NIKs checked again and again would tell an operator who is in care at other LKS. The real run says so,
        # once it has flagged the pair for the board (as a form's save does).
        self.tells_duplicates = not ctx.cache.get("dry_run", False)
        self.duplicates_named = 0  # rows said (by a real run) to be maybe someone recorded elsewhere
        self.duplicates_unnamed = 0  # ... and those past DUPLICATE_ROWS_NAMED, counted only
        self.served = served_by_kind()
        self.ppks_terms = ctx.terms(Vocabulary.PPKS)
        self.labels = {code: term.label for code, term in self.ppks_terms.items()}
        self.regions = RegionResolver()
        # What the NIKs say of the order of the birth dates, for that column's check of the file (DateColumn).
        self.nik = NikChecker(ctx.cache.setdefault(("nik_date_order", "birth_date"), {"agrees": 0, "swapped": []}))
        self.hash = Hasher()
        self.today = timezone.localdate()
        self.by_hash: dict[str, list[dict]] = {}
        self.by_match: dict[str, list[int]] = {}
        # Keys already looked up (most find nothing: only hits are kept in by_hash / by_match).
        self.hashes_loaded: set[str] = set()
        self.matches_loaded: set[str] = set()
        # For rows without NIK: every stored person's _person_key per LKS (ids only, loaded once per LKS), and the
        # people those rows name, loaded per batch.
        self.keys_at: dict[int, dict[tuple, list[int]]] = {}
        # ... and by name alone, with the birth date and mother's name to compare: LKS -> name -> (id, birth, mother)
        self.names_at: dict[int, dict[str, list[tuple[int, Any, str]]]] = {}
        # (LKS, name) -> (row, birth date, mother, with a NIK?, the new client or None) of the rows without ID and NIK;
        # the new clients of rows with a NIK in a list, indexed so only once a row without NIK needs them (most large
        # files have a NIK on every row, and an index of 100,000 names costs 40 MB of the import's 500).
        self.rows_by_name: dict[tuple[int, str], list[tuple[int, Any, str, bool, NewClient | None]]] = {}
        self.nik_clients: list[NewClient] = []
        self.nik_clients_by_name: dict[tuple[int, str], list[tuple[int, Any, str, bool, NewClient | None]]] | None = (
            None
        )
        self.people: dict[int, dict] = {}
        # LKS -> name -> the people transferred away from it (_moved_away), loaded once per LKS.
        self.moved: dict[int, dict[str, list[dict]]] = {}
        self.erased: dict[int, dict[tuple, Any]] = {}  # LKS -> what erased records keep of their stays there
        # person id -> (row, corrections, consent) of the first row in the file that changes that person
        self.corrected_by: dict[int, tuple[int, dict, tuple | None]] = {}
        # Earlier rows of this file by NIK hash and match key: one row, or a list when several share it.
        self.file_niks: dict[str, NewClient | list[NewClient]] = {}
        self.file_matches: dict[str, NewClient | list[NewClient]] = {}
        self.delta = SummaryDelta()
        self.locked: set[int] | None = None  # the LKS this import has locked, once writing began
        self.people_locked: set[int] = set()  # the people it has locked (ClientsEntity._lock_written)
        self.created = 0
        self.created_ids: set[int] = set()  # the people this import has written (not someone else's admissions)
        # LKS -> name -> (birth date, mother) of the people admitted there by others since its rows were checked
        self.added_since: dict[int, dict[str, list[tuple[Any, str]]]] = {}
        self.counts = {"duplicate_candidates": 0, "discharged": 0, "corrected": 0, "consents": 0}
        # Stored people whose values a refused row's problems quote (their name, dates, what their stay records): a
        # trial shows them, so it logs them (result_checked).
        self.quoted: set[int] = set()
        # Read before any row is checked: whether someone else admitted people while this import ran.
        self.clock_before = admission_clock()

    def sees_restricted(self, organisation_id: int) -> bool:
        """Whether the user handles subject requests where this LKS is, and so may be told of its restricted people."""
        if self.restricted_provinces is None:
            return True
        lks = self.lks.by_pk.get(organisation_id)
        return lks is not None and lks.province_code in self.restricted_provinces

    def names_duplicate(self) -> bool:
        """Whether a row that may be someone recorded elsewhere is said to be, on its row: by a trial (which tells of
        records at LKS the user sees only) always; by a real run, for the first DUPLICATE_ROWS_NAMED rows, the rest
        counted in one notice (plans_notices)."""
        if not self.tells_duplicates or self.duplicates_named < DUPLICATE_ROWS_NAMED:
            self.duplicates_named += 1
            return True
        self.duplicates_unnamed += 1
        return False

    def stays_left_load(self, lks_ids: set[int]) -> None:
        """For the LKS of a batch not seen yet, in two queries whatever their number: what the records erased there
        keep of their stays (erased_at), and the people transferred away from them (moved_from). Both are few: most
        LKS have none."""
        # Not `lks_ids - self.erased.keys()`: a set minus a dict's keys walks every key, and this runs for each row.
        wanted = {lks_pk for lks_pk in lks_ids if lks_pk not in self.erased}
        if not wanted:
            return
        for lks_pk in wanted:
            self.erased[lks_pk], self.moved[lks_pk] = {}, {}
        erased = Placement.objects.filter(organisation_id__in=wanted, person__erased_at__isnull=False)
        for lks_pk, person_id, admitted_on, sex, born, category, when in erased.values_list(
            "organisation_id", "person_id", "admitted_on", "person__sex", "person__birth_date",
            "ppks_category__code", "person__erased_at",
        ):  # fmt: skip
            kept = self.erased[lks_pk]
            kept[("id", person_id)] = when
            kept.setdefault(("stay", admitted_on), []).append((sex, born, category, when))
        left = Placement.objects.filter(organisation_id__in=wanted, discharge_reason=DischargeReason.TRANSFERRED)
        moved = Person.objects.current().filter(pk__in=left.values("person_id"))
        people = {person["id"]: person for person in _load_people(moved)}
        for person in people.values():
            for lks_pk in {stay["organisation_id"] for stay in person["placements"]} & wanted:
                if person["organisation_id"] != lks_pk:
                    self.moved[lks_pk].setdefault(match_name(person["full_name"] or ""), []).append(person)

    def erased_at(self, lks_pk: int) -> dict[tuple, Any]:
        """What the records erased at an LKS keep of their stays there (_erased_here): ("id", person id) -> when
        erased, and ("stay", admission date) -> [(sex, birth month, main category, when erased)]."""
        self.stays_left_load({lks_pk})
        return self.erased[lks_pk]

    def moved_from(self, lks_pk: int) -> dict[str, list[dict]]:
        """The people transferred away from an LKS (a stay there ended by a referral, now located elsewhere), with
        their stays, by their name as rows are matched (_person_key)."""
        self.stays_left_load({lks_pk})
        return self.moved[lks_pk]


def _state(ctx: ImportContext) -> ClientsState:
    if "clients" not in ctx.cache:
        ctx.cache["clients"] = ClientsState(ctx)
    return ctx.cache["clients"]
