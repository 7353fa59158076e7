"""A clients row about a stay already stored: its plan (_plan_existing), the stay's changes (a discharge, categories
kept), the differences from the stored record and the corrections they make through person_update's rules, with
their refusals and warnings. Apart because correcting a record is the longest set of rules a row meets."""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.exchange.columns import (
    RowPlan,
    RowProblems,
    kept_blank,
    stale_row_message,
)
from sinergi.exchange.regions import region_same_or_within
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from ...choices import (
    CaseStage,
    PlacementStatus,
)
from ...models import Person
from ...services.duplicates import _duplicate_warning
from ...services.rules import age_warnings
from ..common import (
    corrected_nik_warnings,
    decrypt_stored,
    mask,
)
from .checks import (
    CORRECTED_ON_PAGE,
    PERSON_TEXT_CORRECTED,
    _categories_listed_whole,
    _consent_age_problems,
    _far_name_problem,
    _row_consent,
    _withdrawn,
)
from .columns import (
    CONSENT_COLUMNS,
    HEADERS,
    PERSON_KEPT,
)
from .messages import (
    _other_admission_message,
    _partial_match_warning,
)
from .state import ClientsState, KnownPlacement
from .stored import _snapshot_of


class ClientPlanExisting:
    """The plan of a row about a stored stay: its discharge, and the corrections its differing cells make."""

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
        shown = person["full_name"]
        if person.get("nik_masked"):
            # Found without a NIK: the stored (masked) NIK shows whom the row is about.
            shown = f"{shown} ({person['nik_masked']})"
        active = placement["status"] == PlacementStatus.ACTIVE
        if placement["admitted_on"] != values["admitted_on"]:
            message = _other_admission_message(values, person, placement, active)
            state.quoted.add(person["id"])
            raise RowProblems([("admitted_on", message)])
        if not differences:
            unchanged = KnownPlacement(placement["id"], person["id"], None, lks_id=placement["organisation_id"])
            return RowPlan(
                row=row, action="unchanged", obj=unchanged, key=shown, kept=kept, warnings=_withdrawn(values, person)
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
        return RowPlan(row=row, action="update", obj=known, key=shown, changes=changes, warnings=warnings, kept=kept)

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
                            "date": dropped["admitted_on"].strftime("%d-%m-%Y"),
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
                ) % {"date": placement["admitted_on"].strftime("%d-%m-%Y"), "columns": columns}
            state.quoted.add(person["id"])
            raise RowProblems([(next(iter(placement_keys or discharge)), message)])
        return discharge

    @staticmethod
    def _correction_refused(
        values: dict[str, Any], person: dict, differences: dict[str, tuple[str, str]], state: ClientsState
    ) -> None:
        """A correction of a person whose processing is restricted, or that puts their birth after a stay began."""
        if person["is_restricted"]:
            # Named, so that a difference the user did not mean (letters lost to the file's encoding, a cell edited
            # by mistake) can be found: the row only has to say what is stored.
            state.quoted.add(person["id"])
            raise RowProblems(
                [
                    (
                        "",
                        _(
                            "Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah. "
                            "Baris ini berbeda dari yang tersimpan di: %(columns)s."
                        )
                        % {"columns": ", ".join(str(HEADERS[key].header) for key in differences)},
                    )
                ]
            )
        if "birth_date" in differences and any(
            stay["admitted_on"] < values["birth_date"] for stay in person["placements"]
        ):
            # Every stay of the person, here and at other LKS, as person_update checks when writing: the dry run must
            # not pass a correction that the import then refuses.
            state.quoted.add(person["id"])
            raise RowProblems([("birth_date", _("Tanggal lahir tidak mungkin sesudah tanggal masuk LKS."))])

    @staticmethod
    def _corrected_nik_checked(
        values: dict[str, Any], person: dict, placement: dict, warnings: list[tuple[str, str]], state: ClientsState
    ) -> None:
        """A NIK the row adds to or corrects in the person's record: refused when someone else is active with it at
        the LKS; warned of when someone else has it (saving flags the pair for the board)."""
        # A NIK added or corrected: never one that someone else is active with at this LKS (person_update checks
        # it again when writing).
        taken = any(
            other["id"] != person["id"]
            and any(p["organisation_id"] == placement["organisation_id"] and p["status"] == PlacementStatus.ACTIVE
                    for p in other["placements"])
            for other in state.by_hash.get(values["_nik_hash"], ())
        )  # fmt: skip
        if taken:
            raise RowProblems([("nik", _("NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini."))])
        if (
            any(
                other["id"] != person["id"]
                and (state.tells_duplicates or other["organisation_id"] in state.lks.allowed)
                for other in state.by_hash.get(values["_nik_hash"], ())
            )
            and state.names_duplicate()
        ):
            # Saving flags it for the board (person_update); the dry run says so, revealing nobody.
            warnings.append(("nik", _duplicate_warning()))

    @staticmethod
    def _corrections_once(
        row: int,
        values: dict[str, Any],
        person: dict,
        person_data: dict[str, Any],
        consent: tuple | None,
        state: ClientsState,
    ) -> tuple[dict[str, Any], tuple | None]:
        """The corrections and consent a row makes to a stored person, refused from an export older than the record
        or for a user who may not change that person; for a second row of the person, none (the first makes them)."""
        if values.get("version") and values["version"] != person["version"]:
            # An export older than a correction of this person would put the old values back.
            raise RowProblems([("version", stale_row_message(values["version"], person["version"]))])
        if person["organisation_id"] not in state.lks.allowed_for(Action.PERSON_CHANGE):
            raise RowProblems([("", _("Anda tidak berwenang mengubah data orang ini."))])
        # A person with two rows (readmitted at this LKS): the same corrections on both are made once; other
        # ones would be two updates of one record (the second refused at saving, after a clean dry run).
        first = state.corrected_by.setdefault(person["id"], (row, person_data, consent))
        if first[0] != row:
            if (first[1], first[2]) != (person_data, consent):
                raise RowProblems(
                    [
                        (
                            "",
                            _(
                                "Baris ini dan baris %(first)s mengubah data orang yang sama dengan isian "
                                "berbeda. Tulis semua perbaikan orang ini di satu baris, atau sama persis di "
                                "kedua baris."
                            )
                            % {"first": first[0]},
                        )
                    ]
                )
            return {}, None  # made once, by the first row
        return person_data, consent

    @staticmethod
    def _person_corrections(values, person, differences, categories, origin, terms) -> dict[str, Any]:
        """person_update's data for the person fields this row corrects (the natural key itself never differs)."""
        data: dict[str, Any] = {}
        for key in differences:
            if key in PERSON_TEXT_CORRECTED:
                data[key] = values[key]
        if "nik" in differences:
            data["nik"] = values["_nik"].normalized
        if "kk" in differences:
            data["kk"] = values["_kk"]
        if "kk_missing_reason" in differences:
            data["kk_missing_reason"] = values["kk_missing_reason"]
        if "nik_missing_reason" in differences:
            data["nik_missing_reason"] = values["nik_missing_reason"]
        if "origin_code" in differences:
            data["origin_region"] = origin
        if "ppks_categories" in differences:
            if _categories_listed_whole(values):
                data["ppks_categories"] = categories
            else:
                kept = [terms[code] for code in sorted(person["categories"]) if code in terms]
                data["ppks_categories"] = categories + [term for term in kept if term not in categories]
        return data

    @staticmethod
    def _stored(values, person, placement) -> dict[str, Any]:
        """What the record holds in the columns an empty cell keeps (kept_blank): the person's own fields, its
        categories and the stay's form and discharge. "Tidak ada" under Ragam disabilitas is a value, not a blank."""
        stored = {key: person[key] for key in PERSON_KEPT if not (key == "disability_type" and values.get(key) == "")}
        stored["ppks_categories"] = person["categories"]
        stored.update({key: placement[key] for key in ("setting", "discharged_on", "discharge_reason")})
        return stored

    def _differences(self, values, person, placement, categories, origin, state) -> dict[str, tuple[str, str]]:
        """Filled cells that disagree with the stored record: column key → (stored, in the file), as shown."""
        found: dict[str, tuple[str, str]] = {}

        def differ(key: str, stored: Any, given: Any) -> None:
            if given in (None, "", []) or stored == given:
                return
            column = HEADERS[key]
            found[key] = (column.display(stored), column.display(given))

        for key in PERSON_KEPT:
            differ(key, person[key], values.get(key))
        if values.get("disability_type") == "" and person["disability_type"]:
            # "Tidak ada" written in the cell (an empty cell reads as None and keeps the stored disability).
            column = HEADERS["disability_type"]
            found["disability_type"] = (column.display(person["disability_type"]), column.display(""))
        if values.get("_nik_hash") and values["_nik_hash"] != person["nik_hash"]:
            found["nik"] = (person.get("nik_masked") or "", mask(values["_nik"].normalized))
        # A reason for a missing number says nothing while the record holds the number: the empty cell keeps it.
        if not values.get("_nik_hash") and not person["nik_hash"]:
            differ("nik_missing_reason", person["nik_missing_reason"], values.get("nik_missing_reason"))
        if values.get("_kk"):
            kk_hash = state.hash(values["_kk"])
            if kk_hash != person["kk_hash"]:
                found["kk"] = ("", mask(values["_kk"]))
        elif not person["kk_hash"]:
            differ("kk_missing_reason", person["kk_missing_reason"], values.get("kk_missing_reason"))
        if origin is not None and not region_same_or_within(person["origin_region_id"], origin.code):
            found["origin_code"] = (person["origin_region_id"] or "", origin.code)
        codes = {term.code for term in categories}
        # Shown as it will be stored: the file's list, or the stored categories with the file's added.
        after = codes if _categories_listed_whole(values) else person["categories"] | codes
        if codes and after != person["categories"]:
            shown = HEADERS["ppks_categories"].display
            found["ppks_categories"] = (shown(sorted(person["categories"])), shown(sorted(after)))
        primary = values.get("ppks_category")
        if primary is not None and primary.code != placement["ppks_category__code"]:
            shown = HEADERS["ppks_category"].display
            found["ppks_category"] = (shown(placement["ppks_category__code"]), shown(primary))
        differ("setting", placement["setting"], values.get("setting"))
        differ("discharged_on", placement["discharged_on"], values.get("discharged_on"))
        differ("discharge_reason", placement["discharge_reason"], values.get("discharge_reason"))
        consent = _row_consent(values)
        # A consent is a record of its own (UU PDP: who, when, on which basis, for what): one the person has on
        # record already, even withdrawn since, is no change (a re-import must not give it again); another is
        # recorded beside the earlier ones, shown against the latest.
        if consent is not None and consent not in person["consents"]:
            latest = person["consents"][0] if person["consents"] else (None,) * len(CONSENT_COLUMNS)
            for key, stored, given in zip(CONSENT_COLUMNS, latest, consent, strict=True):
                if stored != given:
                    found[key] = (HEADERS[key].display(stored), HEADERS[key].display(given))
        return found
