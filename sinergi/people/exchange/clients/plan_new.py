"""A clients row that admits someone new: its plan (_plan_new), the possible duplicates it is flagged as (stored
people and earlier rows of the file, at most CLOSE_MATCH_LIMIT), and the same person written twice in one file
(_same_in_file). Apart because what a new client needs and whom they may duplicate is its own set of rules."""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.exchange.columns import (
    RowPlan,
    RowProblems,
)
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from ...choices import DuplicateReason
from ...services.duplicates import _duplicate_warning
from ...services.rules import lks_closed_reason
from ..common import (
    Lks,
    mask,
    match_name,
)
from .checks import _parts_agree
from .state import MOTHER_AT, ClientsState, NewClient

CLOSE_MATCH_LIMIT = 50  # as the services: a very common name + date must not flag hundreds of records


class ClientPlanNew:
    """The plan of a row that admits someone new, and the duplicates (stored or in the file) it may be."""

    def _plan_new(
        self,
        row: int,
        values: dict[str, Any],
        lks: Lks,
        categories: list[Term],
        primary: Term | None,
        origin: Region | None,
        child: bool,
        consent: bool,
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> RowPlan:
        """A valid row that finds no stay of its person at its LKS: a new client, flagged with whom it may be —
        unless it is a stay there ended by a transfer (unchanged), a child whose record was erased, or cannot be told
        from a namesake staying there, or the LKS is closed (refused)."""
        if staying_namesake := values.get("_namesake_staying"):
            # Nothing but the name to tell this row from a child staying here: admitting would double that child
            # (a list re-imported without its NIK, birth-date and mother columns), merging might take a namesake.
            message = _(
                "Penerima layanan bernama “%(name)s” sudah terdaftar aktif di LKS ini, dan baris ini tanpa NIK, "
                "tanggal lahir dan nama ibu, jadi tidak dapat dibedakan darinya. Isi NIK, Tanggal lahir atau Nama ibu "
                "kandung; bila tentang orang yang sama, perbaiki lewat ekspor (baris dengan kolom ID)."
            ) % {"name": staying_namesake}
            state.quoted.add(values["_namesake_staying_id"])
            raise RowProblems([("full_name", message)])
        if (moved := self._moved_away(values, lks, state)) is not None:
            return self._plan_moved(row, values, moved, warnings, state)
        if erased := self._erased_here(values, lks, state):
            raise RowProblems([("", erased)])
        if maybe_erased := self._maybe_erased_here(values, lks, state):
            warnings.append(("", maybe_erased))
        if closed := lks_closed_reason(lks.status, whom="clients"):
            # Admitting needs an active LKS, as person_admit does; its stored clients may still be corrected or
            # discharged (an LKS closing down discharges its clients).
            raise RowProblems([("lks", closed)])
        if not consent:
            warnings.append(("", _("Dasar pemrosesan data (persetujuan) belum dicatat; catat segera.")))
        full_name = values.get("full_name") or ""
        nik = values["_nik"].normalized if values.get("_nik_hash") else ""
        kk = values.get("_kk") or ""
        client = NewClient(
            row=row,
            lks=lks,
            # (full_name, sex, birth_date, birth_place, nik reason, kk reason, origin, disability, mother, father,
            #  guardian, relation, guardian phone, notes): PERSON_INSERTED without the identity numbers.
            person=(
                full_name, values.get("sex") or "", values.get("birth_date"), values.get("birth_place") or "",
                "" if nik else values.get("nik_missing_reason") or "",
                "" if kk else values.get("kk_missing_reason") or "",
                origin.code if origin is not None else None, values.get("disability_type") or "",
                values.get("mother_name") or "", values.get("father_name") or "", values.get("guardian_name") or "",
                values.get("guardian_relation") or "", values.get("guardian_phone") or "", values.get("notes") or "",
            ),
            nik=nik,
            nik_hash=values.get("_nik_hash") or "",
            kk=kk,
            kk_hash=state.hash(kk) if kk else "",
            match_key=values.get("_match_key") or "",
            categories=tuple(term.pk for term in categories),
            primary=primary,
            setting=values.get("setting") or "",
            admitted_on=values.get("admitted_on"),
            discharged_on=values.get("discharged_on"),
            reason=values.get("discharge_reason") or "",
            child=child,
            birth_estimated=bool(values.get("birth_date_estimated")),
            consent=(
                values["consent_given_by"], values["consent_giver_name"], values["consent_given_on"],
                values["consent_legal_basis"], values["consent_scope"],
            ) if consent else None,
        )  # fmt: skip
        self._possible_duplicates(row, values, lks, client, warnings, state)
        shown = f"{full_name} ({mask(client.nik)})" if client.nik else full_name
        # (a stored child's mother's name quoted in a warning: result_checked)
        quoted = {"shows": [values["_mother_differs_id"]]} if values.get("_mother_differs") else {}
        return RowPlan(row=row, action="create", obj=client, key=shown, warnings=warnings, extra=quoted)

    def _possible_duplicates(
        self,
        row: int,
        values: dict[str, Any],
        lks: Lks,
        client: NewClient,
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> None:
        """Whom the new client may be, flagged for the board: stored people (the same NIK, a close match, a namesake
        at this LKS) and earlier rows of the file; said on the row, as is a stored mother's name that differs."""
        self._duplicates(client, state)
        if values.get("_namesakes"):
            # Of the name at this LKS, agreeing on what the row gives, but no longer staying here: a readmission,
            # or a namesake; the board decides, as for a close match.
            namesakes = dict.fromkeys(values["_namesakes"], DuplicateReason.CLOSE_MATCH)
            client.db_duplicates = namesakes | (client.db_duplicates or {})
            client.seen_duplicates += len(namesakes)
        self._same_in_file(row, values, lks, client, state)
        if stored_mother := values.get("_mother_differs"):
            warnings.append(
                (
                    "mother_name",
                    _(
                        "“%(name)s” dengan tanggal lahir yang sama sudah terdaftar aktif di LKS ini, dengan nama ibu "
                        "“%(stored)s”. Bila orang yang sama, tulis nama ibunya seperti itu agar tidak tercatat dua "
                        "kali (atau perbaiki nama ibu lewat ekspor); bila orang lain, biarkan."
                    )
                    % {"name": values.get("full_name") or "", "stored": stored_mother},
                )
            )
        found = len(client.db_duplicates or ()) if state.tells_duplicates else client.seen_duplicates
        if client.file_duplicates or (found and state.names_duplicate()):
            warnings.append(("", _duplicate_warning()))

    @staticmethod
    def _same_in_file(
        row: int, values: dict[str, Any], lks: Lks, client: NewClient | None, state: ClientsState
    ) -> None:
        """A person written twice in one file under one name (titles aside) whose birth dates and mothers' names do
        not contradict each other, once without one of them, where one row admits (`client`): refused as duplicate
        rows, as two rows with all three alike are (the natural key); with a NIK on one row only, flagged as a
        possible duplicate, as a NIK and a close match are. Two NIKs are two people."""
        name, birth, mother = values["_person_key"]
        if not name or values.get("id"):
            return
        key = (lks.pk, name)
        if values.get("_nik_hash"):
            if client is None:
                return  # a stored person's row: a later row without NIK finds that person itself (_stored_people)
            if state.nik_clients_by_name is None:
                state.nik_clients.append(client)
            else:
                state.nik_clients_by_name.setdefault(key, []).append((row, birth, mother, True, client))
            earlier = state.rows_by_name.get(key, ())
        else:
            if state.nik_clients_by_name is None:
                state.nik_clients_by_name = {}
                for other in state.nik_clients:
                    other_key = (other.lks.pk, match_name(other.person[0]))
                    entry = (other.row, other.person[2], match_name(other.person[MOTHER_AT]), True, other)
                    state.nik_clients_by_name.setdefault(other_key, []).append(entry)
                state.nik_clients = []
            earlier = [*state.rows_by_name.get(key, ()), *state.nik_clients_by_name.get(key, ())]
        with_nik = bool(values.get("_nik_hash"))
        for first, first_birth, first_mother, first_nik, first_client in sorted(earlier, key=lambda entry: entry[0]):
            if (client is None and first_client is None) or (with_nik and first_nik):
                continue
            if not _parts_agree((name, birth, mother), first_birth, first_mother):
                continue
            if with_nik or first_nik:
                if birth is not None and mother and (birth, mother) == (first_birth, first_mother):
                    # All three alike: one child (twins differ by name), written once with the NIK and once
                    # without; admitted twice otherwise, two stays at one LKS.
                    message = _(
                        "Baris ini dan baris %(first)s tampaknya orang yang sama (nama, tanggal lahir dan nama ibu "
                        "sama; NIK hanya diisi di salah satunya). Satukan kedua baris menjadi satu, dengan NIK-nya."
                    ) % {"first": first}
                    raise RowProblems([("full_name", message)])
                if client is not None and first_client is not None:
                    flagged = client.file_duplicates or []
                    if all(other is not first_client for other, _reason in flagged):
                        client.file_duplicates = [*flagged, (first_client, DuplicateReason.CLOSE_MATCH)]
                continue
            if (birth, mother) == (first_birth, first_mother):
                continue  # the natural key's duplicate rows, reported as such
            message = _(
                "Baris ini dan baris %(first)s tampaknya orang yang sama (nama sama; tanggal lahir dan nama ibu tidak "
                "berbeda, hanya kosong di salah satunya). Satukan kedua baris, atau isi tanggal lahir dan nama ibu di "
                "keduanya."
            ) % {"first": first}
            raise RowProblems([("full_name", message)])
        if not with_nik:
            state.rows_by_name.setdefault(key, []).append((row, birth, mother, False, client))

    def _duplicates(self, client: NewClient, state: ClientsState) -> None:
        """Who this new person may be: the same NIK active at another LKS, or a close match (services' rules),
        among stored people and earlier rows of this file."""
        found: dict[int, str] = {}
        earlier_rows: list[tuple[NewClient, str]] = []
        if client.nik_hash:
            # Anyone else with this NIK, served now or before, as the form flags (services._flag_duplicates): one NIK
            # is one human, and two records of them are for the board (an upgrade review found a discharged one left).
            for person in state.by_hash.get(client.nik_hash, ()):
                found[person["id"]] = DuplicateReason.SAME_NIK_OTHER_LKS
                client.seen_duplicates += person["organisation_id"] in state.lks.allowed
            earlier = state.file_niks.get(client.nik_hash)
            if earlier is None:
                state.file_niks[client.nik_hash] = client
            else:
                others = _kept_with(earlier, client, state.file_niks, client.nik_hash)
                earlier_rows += [(o, DuplicateReason.SAME_NIK_OTHER_LKS) for o in others if o.discharged_on is None]
        if client.match_key:
            for pk in state.by_match.get(client.match_key, ())[:CLOSE_MATCH_LIMIT]:
                found.setdefault(pk, DuplicateReason.CLOSE_MATCH)
            earlier = state.file_matches.get(client.match_key)
            if earlier is None:
                state.file_matches[client.match_key] = client
            else:
                named = {id(other) for other, _reason in earlier_rows}
                others = _kept_with(earlier, client, state.file_matches, client.match_key)
                earlier_rows += [(o, DuplicateReason.CLOSE_MATCH) for o in others if id(o) not in named]
        client.db_duplicates = found or None
        client.file_duplicates = earlier_rows or None


def _kept_with(earlier: Any, client: Any, index: dict, key: str) -> list:
    """The earlier rows of the file under `key` (one, or a list of at most CLOSE_MATCH_LIMIT: as the services flag no
    more), with `client` added to them while there is room. A list copied whole for every row, and each row keeping
    all the rows before it, was quadratic: 20,000 rows of one new NIK took 15 GB of the worker (a review)."""
    others = earlier if isinstance(earlier, list) else [earlier]
    before = others[:]
    if len(others) < CLOSE_MATCH_LIMIT:
        others.append(client)
        index[key] = others
    return before
