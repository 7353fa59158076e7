"""The plan of one clients row: `plan` itself, which looks the row's person up and hands it to the new-client,
stored-person or correction steps, and the checks of the row's own cells it applies first (the export's ID, the
person's identity and origin, the stay's rules, the consent). Apart from those steps so that `plan` reads as the order
in which a row is judged."""

import datetime
from typing import Any

from django.utils.translation import gettext as _

from sinergi.core.phones import new_phone_problem
from sinergi.exchange.columns import (
    ImportContext,
    RowPlan,
    RowProblems,
    choose_one,
)
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from ...services.rules import (
    ADULT_AGE,
    age_on,
    age_warnings,
    implausible_birth_warning,
)
from ..common import (
    Lks,
    date_problems,
    id_confirmed,
    kk_check_fast,
    lks_problems,
)
from .checks import (
    _consent_age_problems,
    _consent_begun,
    _discharge_problems,
    _far_name_problem,
    _new_client_cells,
    _placement_at,
    _restricted_for,
)
from .columns import (
    CONSENT_COLUMNS,
    CONSENT_REQUIRED,
    HEADERS,
    ORIGIN_KEYS,
)
from .messages import (
    RESTRICTED_ROW,
    _ambiguous_message,
    _no_such_stay_message,
)
from .state import ClientsState, _state


class ClientRowPlan:
    """The plan of one row and the checks of its own cells that every row passes."""

    # ------------------------------------------------------------------ import: one row
    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        state = _state(ctx)
        today = state.today
        problems: list[tuple[str, str]] = []
        warnings: list[tuple[str, str]] = []
        # What a new client needs; a row with the export's ID may leave it empty (it keeps the stored value).
        missing: list[tuple[str, str]] = []
        birth_date, admitted_on = values.get("birth_date"), values.get("admitted_on")
        categories, primary = _new_client_cells(values, birth_date, admitted_on, problems, missing, today)
        lks: Lks | None = values.get("_lks")
        # Who is stored at an LKS the user may not import into is not looked at: any difference in the answer
        # (by ID, or by name and birth date) would tell them who is there.
        visible = lks is not None and lks.pk in state.lks.allowed
        people = self._stored_people(values, lks, state) if visible else []
        if _restricted_for(state, people):
            # Whatever else would be said of the row names what is stored (its name, dates, category, or "unchanged"
            # for a copy): one answer, however the row compares, and nothing written.
            raise RowProblems([("", RESTRICTED_ROW)])
        record = values.get("id")
        if record:
            moved = self._export_id_checked(record, values, lks, visible, people, problems, missing, state)
            if moved is not None:
                # The LKS's own export, sent back after the person was referred elsewhere: as the row without ID.
                return self._plan_moved(row, values, moved, [], state)
        ambiguous = len(people) > 1 and not values.get("_nik_hash")
        if ambiguous and lks is not None and admitted_on:
            # Records of one name, birth date and mother, told apart by the stay this row is about: after a
            # readmission without NIK (a second record, the board asked) the LKS's list sent again names the new
            # stay, which only one of them has (the thirty-eighth review: the whole list was refused, asking for a
            # NIK the LKS does not have).
            staying = [
                person
                for person in people
                if any(p["organisation_id"] == lks.pk and p["admitted_on"] == admitted_on for p in person["placements"])
            ]
            if len(staying) == 1:
                people, ambiguous = staying, False
        existing = None if ambiguous or lks is None else _placement_at(people, lks, admitted_on)
        origin = self._person_cells_checked(values, existing, problems, warnings, missing, state)
        if record and missing:
            # A row about a stored record is corrected, or refused for what stops that (no such stay, an LKS the user
            # may not import into): never for the cells only a new client needs, which filling would not help.
            problems[:] = [problem for problem in problems if problem not in missing]
        child = self._placement_rules(
            values, lks, birth_date, admitted_on, categories, primary, problems, warnings, state
        )
        discharged_on, reason = values.get("discharged_on"), values.get("discharge_reason") or ""
        if discharged_on or reason:
            _discharge_problems(discharged_on, reason, admitted_on, problems, today)
        consent = _consent_begun(values)
        if consent:
            self._consent(values, problems, birth_date, today)
        if problems:
            raise RowProblems(problems + _far_name_problem(values, existing, state))
        if ambiguous:
            raise RowProblems([("full_name", _ambiguous_message(values))])
        if existing is not None:
            self._same_in_file(row, values, lks, None, state)
            try:
                return self._plan_existing(row, values, existing, categories, origin, warnings, state)
            except RowProblems as refused:
                refused.problems += _far_name_problem(values, existing, state)
                raise
        if record:
            # The row is about a stored person, and an import adds no stay to a stored person's record.
            raise RowProblems([("admitted_on", _no_such_stay_message(record, admitted_on))])
        return self._plan_new(row, values, lks, categories, primary, origin, child, consent, warnings, state)

    def _export_id_checked(
        self,
        record: int,
        values: dict[str, Any],
        lks: Lks | None,
        visible: bool,
        people: list[dict],
        problems: list[tuple[str, str]],
        missing: list[tuple[str, str]],
        state: ClientsState,
    ) -> tuple[dict, dict] | None:
        """A row with the export's ID: refused when the ID finds nobody at the row's LKS, or someone the row's name,
        birth date and NIK are not; the person and ended stay when it names someone transferred away since."""
        if lks is None:
            # A row about a stored record is refused for what stops finding it, not for the cells a new client
            # would need (which a correction file may leave out).
            reason = values.get("_lks_problem") or ""
            raise RowProblems([*[p for p in problems if p not in missing], (state.lks.column_of(reason), reason)])
        if visible and not people:
            if (moved := self._moved_away(values, lks, state)) is not None:
                return moved
            if erased := self._erased_here(values, lks, state):
                raise RowProblems([("id", erased)])
            # Someone elsewhere, outside the user's scope, or never stored: the same answer for each.
            message = _(
                "Tidak ada penerima layanan dengan ID %(id)s di LKS ini. Kosongkan ID untuk menambah penerima "
                "layanan baru."
            ) % {"id": record}
            raise RowProblems([*[p for p in problems if p not in missing], ("id", message)])
        if people and not id_confirmed(values, people[0]):
            # A new client typed over a copied export row, or the user's own running number under "ID".
            message = _(
                "ID %(id)s adalah penerima layanan “%(stored)s”, tetapi nama, tanggal lahir dan NIK di baris ini "
                "berbeda. Bila baris ini orang lain, kosongkan ID-nya; bila kolom ID di file ini nomor urut Anda "
                "sendiri, ubah judulnya (mis. “No”)."
            ) % {"id": record, "stored": people[0]["full_name"]}
            state.quoted.add(people[0]["id"])
            raise RowProblems([*[p for p in problems if p not in missing], ("id", message)])
        return None

    def _person_cells_checked(
        self,
        values: dict[str, Any],
        existing: tuple[dict, dict] | None,
        problems: list[tuple[str, str]],
        warnings: list[tuple[str, str]],
        missing: list[tuple[str, str]],
        state: ClientsState,
    ) -> Region | None:
        """The person's own cells: NIK and KK (_identity), the guardian's phone, and the region of origin, returned
        resolved. What the stored person the row is about (`existing`) holds, an empty cell keeps; without one, a
        NIK or KK asked for is what a new client needs (in `missing` too)."""
        stored = existing[0] if existing is not None else None
        self._identity(values, problems, warnings, stored=stored, missing=missing if stored is None else None)
        stored_phone = existing[0]["guardian_phone"] if existing is not None else None
        if message := new_phone_problem(values.get("guardian_phone"), stored_phone):
            problems.append(("guardian_phone", message))
        origin, origin_problems = state.regions.resolve(
            code=values.get("origin_code"),
            regency=values.get("origin_regency") or "",
            district=values.get("origin_district") or "",
            village=values.get("origin_village") or "",
        )
        problems += [(ORIGIN_KEYS.get(key, key), message) for key, message in origin_problems]
        named = bool(values.get("origin_regency") or values.get("origin_district") or values.get("origin_village"))
        if recoded := state.regions.recoded_warning(origin, code=values.get("origin_code"), named=named):
            warnings.append(("origin_code", recoded))
        return origin

    def _placement_rules(
        self,
        values: dict[str, Any],
        lks: Lks | None,
        birth_date: datetime.date | None,
        admitted_on: datetime.date | None,
        categories: list[Term],
        primary: Term | None,
        problems: list[tuple[str, str]],
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> bool:
        """The LKS and placement rules: an LKS found, where the user may admit; an admission not before the birth, and
        the age warnings; what the LKS serves (no child in an elderly home). Whether the row admits a child."""
        if lks is None:
            problems.append((state.lks.column_of(values.get("_lks_problem") or ""), values.get("_lks_problem") or ""))
        elif lks.pk not in state.lks.allowed:
            problems.append(("lks", _("Anda tidak berwenang mendaftarkan penerima layanan di LKS ini.")))
        child = bool(admitted_on and birth_date) and age_on(birth_date, admitted_on) < ADULT_AGE
        if admitted_on and birth_date and admitted_on < birth_date:
            problems.append(("admitted_on", _("Tanggal masuk tidak mungkin sebelum tanggal lahir.")))
        elif admitted_on:
            warnings += [
                ("birth_date", w) for w in age_warnings(birth_date=birth_date, on=admitted_on, categories=categories)
            ]
        if implausible := implausible_birth_warning(birth_date, state.today):
            warnings.append(("birth_date", implausible))
        if lks is not None:
            # A problem with the category is shown on the column it came from.
            category_key = "ppks_category" if values.get("ppks_category") is not None else "ppks_categories"
            problems += [
                (category_key, self._first_taken_as_main(message, lks, categories, values, child, state))
                if key == "ppks_category" else (key, message)
                for key, message in lks_problems(
                    lks, ppks_code=primary.code if primary else None, child=child, served=state.served,
                    labels=state.labels,
                )
            ]  # fmt: skip
        return child

    def _identity(
        self,
        values: dict[str, Any],
        problems: list,
        warnings: list,
        *,
        stored: dict | None,
        missing: list | None = None,
    ) -> None:
        """person_admit's _apply_identity: NIK and KK checked, or a reason for each that is missing (not asked for
        when the cell that would hold it was unreadable: that cell's problem is already reported; nor when the
        stored person the row refers to has that number, or a reason for not having it: the empty cell keeps it).
        What is asked for goes to `missing` too, when given."""
        asked: list[tuple[str, str]] = []
        unreadable = values.get("_unreadable", set())
        check = values.get("_nik")
        if check is not None:
            problems += [("nik", message) for message in check.errors]
            warnings += [("nik", message) for message in check.warnings]
        elif (
            not (stored and (stored["nik_hash"] or stored["nik_missing_reason"]))
            and not values.get("nik_missing_reason")
            and not values.get("nik")
            and not unreadable & {"nik", "nik_missing_reason"}
        ):
            asked.append(("nik", _("Isi %(label)s atau pilih alasannya bila tidak ada.") % {"label": _("NIK")}))
            problems.append(asked[-1])
        kk = values.get("kk") or ""
        values["_kk"] = ""
        if kk:
            kk_result = kk_check_fast(kk)
            problems += [("kk", message) for message in kk_result.errors]
            values["_kk"] = kk_result.normalized if kk_result.valid else ""
        elif (
            not (stored and (stored["kk_hash"] or stored["kk_missing_reason"]))
            and not values.get("kk_missing_reason")
            and "kk_missing_reason" not in unreadable
        ):
            asked.append(("kk", _("Isi %(label)s atau pilih alasannya bila tidak ada.") % {"label": _("nomor KK")}))
            problems.append(asked[-1])
        if missing is not None:
            missing += asked

    def _consent(self, values: dict[str, Any], problems: list, birth_date, today) -> None:
        """consents._check_consent: every part given; a child's consent comes from a parent or guardian."""
        empty = []
        if not values.get("consent_given_by"):
            empty.append(("consent_given_by", choose_one(_("Persetujuan oleh"))))
        for key, label in CONSENT_REQUIRED:
            if not values.get(key):
                empty.append((key, _("%(label)s wajib diisi.") % {"label": label}))
        if not values.get("consent_legal_basis"):
            empty.append(("consent_legal_basis", choose_one(_("Dasar pemrosesan"))))
        # None of these columns is required alone (the template marks none): the row filled some of them.
        if len(empty) == 1:
            why = _("Persetujuan dicatat lengkap: isi kelima kolom persetujuan, atau kosongkan semuanya.")
            problems.append((empty[0][0], f"{empty[0][1]} {why}"))
        elif empty:
            # One message for the row, on its first empty consent column, rather than the same advice per cell.
            empty.sort(key=lambda problem: CONSENT_COLUMNS.index(problem[0]))
            problems.append(
                (
                    empty[0][0],
                    _("Persetujuan belum lengkap: isi juga %(columns)s, atau kosongkan kelima kolom persetujuan.")
                    % {"columns": ", ".join(f"“{HEADERS[key].header}”" for key, _message in empty)},
                )
            )
        given_on = values.get("consent_given_on")
        date_problems(given_on, "consent_given_on", problems, today)
        problems += _consent_age_problems(values.get("consent_given_by"), given_on, birth_date, today)

    @staticmethod
    def _first_taken_as_main(message: str, lks: Lks, categories, values, child: bool, state) -> str:
        """The refusal of a main category the LKS does not serve, saying, when the main one was not written but
        taken as the first listed and a later one is served ("Penyandang Disabilitas; Lanjut Usia Telantar" at an
        elderly home), how to make that one the main."""
        if values.get("ppks_category") or len(categories) < 2:
            return message
        for term in categories[1:]:
            served = lks_problems(lks, ppks_code=term.code, child=child, served=state.served, labels=state.labels)
            if not any(key == "ppks_category" for key, _message in served):
                advice = _(
                    "Kategori pertama dipakai sebagai kategori utama: tulis “%(served)s” lebih dulu, atau isi kolom "
                    "Kategori PPKS utama."
                ) % {"served": state.labels.get(term.code, term.code)}
                return f"{message} {advice}"
        return message
