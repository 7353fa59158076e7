"""The corrections a clients row makes to a stored person: the differences from the stored record, the
corrections they make through person_update's rules, and their refusals (once per person, a corrected NIK checked)."""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.exchange.columns import RowProblems, stale_row_message
from sinergi.exchange.regions import region_same_or_within

from ....choices import PlacementStatus
from ....services.duplicates import _duplicate_warning
from ...common import mask
from ..checks import (
    PERSON_TEXT_CORRECTED,
    _categories_listed_whole,
    _row_consent,
)
from ..columns import CONSENT_COLUMNS, HEADERS, PERSON_KEPT
from ..state import ClientsState


class ClientPlanExistingCorrections:
    """The corrections a row's differing cells make, and their refusals."""

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
