"""The plan of a clients row about a stay already stored (_plan_existing): the row judged against the stay, what
its corrections warn about, the stay's changes (a discharge, categories kept)."""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.core.dates import shown
from sinergi.exchange.columns import RowPlan, RowProblems, kept_blank
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from ....choices import CaseStage, PlacementStatus
from ....models import Person
from ....services.rules import age_warnings
from ...common import corrected_nik_warnings, decrypt_stored
from ..checks import (
    CORRECTED_ON_PAGE,
    _categories_listed_whole,
    _consent_age_problems,
    _far_name_problem,
    _row_consent,
    _withdrawn,
)
from ..columns import CONSENT_COLUMNS, HEADERS
from ..messages import _other_admission_message, _partial_match_warning
from ..state import ClientsState, KnownPlacement
from ..stored import _snapshot_of

# The plan's mark of a row that finds a stay still open (the pipeline warns when its notes or status column say the
# client left or died: row_warnings). One dict shared by every such plan, never changed: a national file's 25,000
# unchanged rows each keep their plan.
STAY_OPEN = {"stay_open": True}


class ClientPlanExistingStay:
    """The plan of a row about a stored stay: its discharge and categories, the warnings of its corrections."""

    @staticmethod
    def _correction_warnings(values, person, differences, placement, state) -> list[tuple[str, str]]:
        """What person_update warns about a correction, when the row leaves to the record what the check needs: a
        new NIK against the stored birth date and sex; a new birth date against the stored NIK and the stored
        categories (a partial file "ID, Tanggal masuk, Tanggal lahir" names neither)."""
        warnings: list[tuple[str, str]] = []
        birth = values.get("birth_date") or person["birth_date"]
        if "nik" in differences and not (values.get("birth_date") and values.get("sex")):
            # Only what the row left to the record: what it gave was checked when the batch was read.
            check = state.nik(
                values["_nik"].normalized,
                birth_date=None if values.get("birth_date") else person["birth_date"],
                sex=None if values.get("sex") else person["sex"],
                typed=False,  # the stored birth date says nothing of the order the file's dates are in
            )
            warnings += [("nik", message) for message in check.warnings]
        corrected = [key for key in ("birth_date", "sex") if key in differences]
        if corrected and not values.get("_nik_hash") and person["nik_hash"]:
            # A birth date or sex corrected by a file without a NIK column is held to the stored NIK.
            stored_nik = decrypt_stored(Person.objects.values_list("nik_encrypted", flat=True).get(pk=person["id"]))
            before, after = (person["birth_date"], person["sex"]), (birth, values.get("sex") or person["sex"])
            messages = corrected_nik_warnings(state.nik, stored_nik, before=before, after=after)
            warnings += [(corrected[0], message) for message in messages]
        if "birth_date" in differences and not values.get("ppks_categories") and not values.get("ppks_category"):
            categories = [state.ppks_terms[code] for code in sorted(person["categories"]) if code in state.ppks_terms]
            warnings += [
                ("birth_date", message)
                for message in age_warnings(birth_date=birth, on=placement["admitted_on"], categories=categories)
            ]
        return warnings

    def _plan_existing(
        self,
        row: int,
        values: dict[str, Any],
        existing: tuple[dict, dict],
        categories: list[Term],
        origin: Region | None,
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> RowPlan:
        """A valid row that finds its person's stay at its LKS: unchanged when every filled cell agrees; else the
        discharge it records and the corrections (and consent) it makes to the person's record."""
        person, placement = existing
        consent = _row_consent(values)
        if consent is not None and values.get("birth_date") is None:
            # The row leaves the birth date to the record: a child's consent is checked against the stored one.
            problems = _consent_age_problems(consent[0], consent[2], person["birth_date"], state.today)
            if problems:
                # This refusal and those below quote, or follow from, the person's stored values: a trial that
                # shows them logs that it did (result_checked).
                state.quoted.add(person["id"])
                raise RowProblems(problems)
        if _categories_listed_whole(values):
            # The person's list as the file gives it: the "main category" column, which names the stay's own, does
            # not put back one deleted from the list.
            categories = list(values["ppks_categories"])
            self._stay_categories_kept(values, person, placement, state)
        warnings += _far_name_problem(values, existing)
        differences = self._differences(values, person, placement, categories, origin, state)
        kept = kept_blank(values, self._stored(values, person, placement))
        row_key = person["full_name"]
        if person.get("nik_masked"):
            # Found without a NIK: the stored (masked) NIK shows whom the row is about.
            row_key = f"{row_key} ({person['nik_masked']})"
        active = placement["status"] == PlacementStatus.ACTIVE
        if placement["admitted_on"] != values["admitted_on"]:
            message = _other_admission_message(values, person, placement, active)
            state.quoted.add(person["id"])
            raise RowProblems([("admitted_on", message)])
        if not differences:
            unchanged = KnownPlacement(placement["id"], person["id"], None, lks_id=placement["organisation_id"])
            return RowPlan(
                row=row,
                action="unchanged",
                obj=unchanged,
                key=row_key,
                kept=kept,
                warnings=_withdrawn(values, person),
                extra=STAY_OPEN if active else {},
            )
        # What the stay itself records (its category and form of service) is corrected on the client's page, where
        # the summaries move with it; a discharge date closes an active stay; the person's record may be corrected.
        discharge = self._stay_changes(values, person, placement, differences, active, state)
        self._correction_refused(values, person, differences, state)
        if "nik" in differences:
            self._corrected_nik_checked(values, person, placement, warnings, state)
        if values.get("_partial"):
            # Found without all three of name, birth date and mother's name: a namesake would be changed instead of
            # admitted. Said when something changes (a re-imported list is not all warnings).
            warnings.append(("full_name", _partial_match_warning(person["full_name"])))
        warnings += self._correction_warnings(values, person, differences, placement, state)
        person_data = self._person_corrections(values, person, differences, categories, origin, state.ppks_terms)
        if not set(CONSENT_COLUMNS) & set(differences):
            consent = None  # on record already
        if person_data or consent:
            person_data, consent = self._corrections_once(row, values, person, person_data, consent, state)
        changes = {str(HEADERS[key].header): list(pair) for key, pair in differences.items()}
        known = KnownPlacement(
            placement["id"],
            person["id"],
            _snapshot_of(placement),
            discharged_on=values["discharged_on"] if discharge else None,
            reason=values.get("discharge_reason") or "" if discharge else "",
            stage=CaseStage.TERMINATION if placement["stage"] else "",
            row=row,
            person_data=person_data or None,
            person_version=person["version"],
            consent=consent,
            lks_id=placement["organisation_id"],
        )
        return RowPlan(
            row=row,
            action="update",
            obj=known,
            key=row_key,
            changes=changes,
            warnings=warnings,
            kept=kept,
            extra=STAY_OPEN if active and not discharge else {},
        )

    @staticmethod
    def _stay_categories_kept(values: dict[str, Any], person: dict, placement: dict, state: ClientsState) -> None:
        """A row whose categories are the person's whole list (_categories_listed_whole), refused when that list
        drops the main category of an active stay of theirs, which only the client's page changes."""
        main = placement["ppks_category__code"]
        if (
            placement["status"] == PlacementStatus.ACTIVE
            and main in person["categories"]
            and main not in {term.code for term in values["ppks_categories"]}
        ):
            # The list would drop the category of the stay itself (the "main" column puts it back): said, not
            # silently kept. An ended stay's category may go: the person may no longer be in it.
            state.quoted.add(person["id"])
            raise RowProblems(
                [
                    (
                        "ppks_categories",
                        _(
                            "Kategori utama penempatan ini (“%(main)s”) tidak dapat dihapus dari Kategori PPKS lewat "
                            "impor. Ubah dulu kategori utamanya di halaman penerima layanan."
                        )
                        % {"main": HEADERS["ppks_category"].display(main)},
                    )
                ]
            )
        dropped = next(
            (
                stay
                for stay in person["placements"]
                if stay["status"] == PlacementStatus.ACTIVE
                and stay["id"] != placement["id"]
                and stay["ppks_category__code"] in person["categories"]
                and stay["ppks_category__code"] not in {term.code for term in values["ppks_categories"]}
            ),
            None,
        )
        if dropped:
            # The row of an ended stay (a readmitted client has one per stay): the person's list is theirs, and the
            # active stay's category would come back at saving while the dry run showed it gone.
            state.quoted.add(person["id"])
            raise RowProblems(
                [
                    (
                        "ppks_categories",
                        _(
                            "Kategori utama penempatan aktif orang ini (masuk %(date)s: “%(main)s”) tidak dapat "
                            "dihapus dari Kategori PPKS lewat impor. Ubah dulu kategori utamanya di halaman penerima "
                            "layanan."
                        )
                        % {
                            "date": shown(dropped["admitted_on"]),
                            "main": HEADERS["ppks_category"].display(dropped["ppks_category__code"]),
                        },
                    )
                ]
            )

    @staticmethod
    def _stay_changes(
        values: dict[str, Any],
        person: dict,
        placement: dict,
        differences: dict[str, tuple[str, str]],
        active: bool,
        state: ClientsState,
    ) -> set[str]:
        """The discharge columns in which the row differs from its stay: a discharge date closing an active stay.
        Any other change of the stay itself is refused, each column with what is stored and what the file says."""
        placement_keys = set(differences) & CORRECTED_ON_PAGE
        discharge = {"discharged_on", "discharge_reason"} & set(differences)
        if placement_keys or (discharge and not (active and values.get("discharged_on"))):
            # Each with what is stored and what the file says: the record may have been corrected on the page since
            # the file was written, and then it is the file to change.
            columns = "; ".join(
                _("%(column)s: tersimpan “%(stored)s”, di file “%(given)s”")
                % {"column": HEADERS[key].header, "stored": stored or "—", "given": given or "—"}
                for key, (stored, given) in differences.items()
                if key in placement_keys or key in discharge
            )
            if active:
                message = _(
                    "Penerima layanan ini sudah terdaftar aktif di LKS ini dengan isian berbeda (%(columns)s). "
                    "Bila yang tersimpan benar, samakan file Anda; bila salah, perbaiki di halaman penerima layanan "
                    "(Perbaiki data penempatan). Impor hanya menambah penerima layanan baru, memperbaiki data "
                    "orangnya, atau mencatat tanggal keluar."
                ) % {"columns": columns}
            else:
                message = _(
                    "Penempatan ini (masuk %(date)s) sudah tercatat dan selesai, dengan isian berbeda (%(columns)s). "
                    "Bila yang tersimpan benar, samakan file Anda; bila salah, perbaiki di halaman penerima layanan "
                    "(Perbaiki data penempatan)."
                ) % {"date": shown(placement["admitted_on"]), "columns": columns}
            state.quoted.add(person["id"])
            raise RowProblems([(next(iter(placement_keys or discharge)), message)])
        return discharge
