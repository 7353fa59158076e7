"""The LKS a row names, loaded once per import (LksIndex: by number, by name within a kabupaten/kota, the ones
the actor may import into), whether it serves the row's category and age, the LKS of a row given only an ID, and
the lock an import takes on its LKS before writing there.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, ScopeFields, scope_q
from sinergi.core.errors import ConflictError
from sinergi.exchange.regions import RegionResolver
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.exchange import name_key, number_key
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term, Vocabulary

from ...services.rules import KIND_ELDERLY, KIND_SERVES_ALL

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


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
            # Compared as the LKS import compares names ("L.K.S.A. Harapan" is "LKSA Harapan"). A name of no Latin
            # letter or digit must not name every such LKS.
            if key := name_key(name):
                self.by_name.setdefault(key, []).append(lks)
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
        candidates = by_number or self.by_name.get(name_key(text), [])
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
