"""Which stored people a clients row is about: the people of the row's NIK or name at its LKS (_stored_people), and
those it only looks new for, moved away since (_moved_away, _plan_moved) or erased there (_erased_here). Apart
because finding the person is one question, answered before any rule of a new or known client applies."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.dates import shown
from sinergi.exchange.columns import (
    ImportContext,
    RowPlan,
    RowProblems,
)

from ...choices import PlacementStatus
from ..common import Lks
from .checks import (
    _parts_agree,
    _restricted_for,
    _stays_at,
)
from .messages import RESTRICTED_ROW
from .plan_new import CLOSE_MATCH_LIMIT
from .state import ClientsState, KnownPlacement, _state


class ClientPlanStored:
    """Finds the stored people a row is about, and plans a row about someone moved away or erased."""

    @staticmethod
    def _moved_away(values: dict[str, Any], lks: Lks, state: ClientsState) -> tuple[dict, dict] | None:
        """The person and ended stay a row that looks new is about, when that person stayed at this LKS since the
        row's admission date and has since been transferred to another (found by the export's ID, by NIK, else by
        the name and that stay, a birth date agreeing). Such a row is the LKS's own list, not updated since:
        admitting it again would count the child twice, at both LKS."""
        if values.get("id"):
            found = state.people.get(values["id"])
            candidates = [found] if found is not None else []
        elif values.get("_nik_hash"):
            candidates = state.by_hash.get(values["_nik_hash"], [])
        else:
            # Without a NIK, by the name and the stay itself (this LKS, the same admission date): a birth date given
            # on both sides must agree; the mother's name may not (a list without the column, or the name corrected
            # at the other LKS since).
            name, birth, _mother = values["_person_key"]
            if not name:
                return None
            candidates = [
                person
                for person in state.moved_from(lks.pk).get(name, [])
                if birth is None or person["birth_date"] is None or person["birth_date"] == birth
            ]
        for person in candidates:
            if person["organisation_id"] == lks.pk:
                continue
            for placement in person["placements"]:
                admitted_on = values.get("admitted_on")
                if (
                    placement["organisation_id"] != lks.pk
                    or placement["status"] != PlacementStatus.DISCHARGED
                    or admitted_on is None
                ):
                    continue
                start, end = placement["admitted_on"], placement["discharged_on"]
                # Its admission date, or one inside the stay (the date corrected on the page since the list).
                if start == admitted_on or start < admitted_on < end:
                    return person, placement
        return None

    @staticmethod
    def _erased_here(values: dict[str, Any], lks: Lks, state: ClientsState) -> str:
        """Why a row may not register a person again: their data was erased on request (UU PDP), and the row is
        their stay at this LKS — by the export's ID, or by what the erased record keeps of it (the admission date, sex,
        birth month and main category). "" otherwise. Said at the LKS that served the child, it tells nothing new."""
        admitted_on = values.get("admitted_on")
        erased_on = None
        by_id = bool(values.get("id"))
        if by_id:
            erased_on = state.erased_at(lks.pk).get(("id", values["id"]))
        elif admitted_on is not None and (birth := values.get("birth_date")) is not None:
            # Everything the erased record keeps must agree, the birth month on both sides: a sibling or another
            # child admitted the same day differs in one of them (twins are erased together, on their parents'
            # request), and a row without a birth date is not taken for an erased child.
            primary = values.get("ppks_category") or next(iter(values.get("ppks_categories") or []), None)
            for sex, born, category, when in state.erased_at(lks.pk).get(("stay", admitted_on), []):
                if (
                    values.get("sex") == sex
                    and born is not None
                    and birth.replace(day=1) == born
                    and (primary is None or primary.code == category)
                ):
                    erased_on = when
                    break
        if erased_on is None:
            return ""
        dates = {
            "admitted": shown(admitted_on) if admitted_on else "—",
            "erased": shown(timezone.localtime(erased_on).date()),
        }
        # (on request, or once the retention period ended: the record does not say which)
        if by_id:
            message = _(
                "Data penerima layanan ini (masuk ke LKS ini %(admitted)s) telah dihapus dari Sinergi pada %(erased)s "
                "(UU PDP), jadi tidak didaftarkan lagi. Hapus baris ini dari file Anda; bila ia benar-benar masuk "
                "lagi, catat dengan Tanggal masuk yang baru."
            )
        else:
            # Matched by what the erased record keeps, the row may be another child admitted that day (a roll
            # entered with one date): refused all the same, the safe side, but told how to register that child.
            message = _(
                "Data seorang penerima layanan yang masuk ke LKS ini pada %(admitted)s, dengan jenis kelamin, bulan "
                "lahir dan kategori yang sama dengan baris ini, telah dihapus dari Sinergi pada %(erased)s (UU PDP), "
                "jadi baris ini tidak didaftarkan. Bila baris ini tentang orang itu, hapus barisnya; bila ia "
                "benar-benar masuk lagi, catat dengan Tanggal masuk yang baru. Bila tentang orang lain yang masuk "
                "pada hari yang sama, daftarkan ia satu per satu di halaman Terima klien baru."
            )
        return message % dates

    @staticmethod
    def _maybe_erased_here(values: dict[str, Any], lks: Lks, state: ClientsState) -> str:
        """A warning for a new row without a birth date that agrees with what an erased record keeps of its stay at
        this LKS (admission date, sex, main category): it may be that child, whom _erased_here cannot tell from
        another admitted the same day without the birth month. Admitted, as the row may be a sibling; "" otherwise."""
        admitted_on = values.get("admitted_on")
        if admitted_on is None or values.get("birth_date") is not None or values.get("id"):
            return ""
        primary = values.get("ppks_category") or next(iter(values.get("ppks_categories") or []), None)
        for sex, _born, category, when in state.erased_at(lks.pk).get(("stay", admitted_on), []):
            if values.get("sex") == sex and (primary is None or primary.code == category):
                return _(
                    "Data seorang penerima layanan yang masuk ke LKS ini pada %(admitted)s, dengan jenis kelamin dan "
                    "kategori yang sama, telah dihapus dari Sinergi pada %(erased)s (UU PDP). Bila baris ini tentang "
                    "orang itu, hapus barisnya; isi Tanggal lahir agar Sinergi dapat membedakannya."
                ) % {
                    "admitted": shown(admitted_on),
                    "erased": shown(timezone.localtime(when).date()),
                }
        return ""

    @staticmethod
    def _plan_moved(
        row: int, values: dict[str, Any], moved: tuple[dict, dict], warnings: list, state: ClientsState
    ) -> RowPlan:
        """A row about a stay at this LKS that ended by a transfer: it changes nothing (the person is now the
        other LKS's to correct), said on the row; a different leaving date is refused, not kept silently."""
        person, placement = moved
        if _restricted_for(state, [person]):
            raise RowProblems([("", RESTRICTED_ROW)])
        left = shown(placement["discharged_on"])
        given = values.get("discharged_on")
        if given is not None and given != placement["discharged_on"]:
            message = _(
                "Penerima layanan ini pindah dari LKS ini ke LKS lain pada %(left)s, bukan %(given)s. Tulis "
                "Tanggal keluar %(left)s, atau kosongkan."
            ) % {"left": left, "given": shown(given)}
            state.quoted.add(person["id"])
            raise RowProblems([("discharged_on", message)])
        warnings.append(
            (
                "",
                _(
                    "Penerima layanan ini sudah pindah dari LKS ini ke LKS lain pada %(left)s: baris ini tidak "
                    "mengubah apa pun, juga bila isiannya berbeda (data orangnya kini diurus LKS yang melayaninya). "
                    "Catat Tanggal keluar %(left)s di file Anda."
                )
                % {"left": left},
            )
        )
        unchanged = KnownPlacement(placement["id"], person["id"], None, lks_id=placement["organisation_id"])
        return RowPlan(row=row, action="unchanged", obj=unchanged, key=person["full_name"], warnings=warnings)

    def _keeps_stored_name(self, values: dict[str, Any], ctx: ImportContext) -> bool:
        """MarkedNameRefusal's question: whether the person the row's ID names at its LKS, one the user may import
        into, is stored under the row's name as it is. A restricted record counts as kept: its row's one neutral
        answer must not tell whether the name is the stored one."""
        state = _state(ctx)
        lks: Lks | None = values.get("_lks")
        if lks is None or lks.pk not in state.lks.allowed:
            return False
        people = self._stored_people(values, lks, state)
        if not people and (moved := self._moved_away(values, lks, state)) is not None:
            people = [moved[0]]  # (the LKS's own export, sent back after the person was referred elsewhere)
        if _restricted_for(state, people):
            return True
        return bool(people) and people[0]["full_name"] == values.get("full_name")

    @staticmethod
    def _stored_people(values: dict[str, Any], lks: Lks, state: ClientsState) -> list[dict]:
        """The stored people at this LKS the row may refer to: by the export's ID; by NIK; without one, by name,
        birth date and mother's name (and so a row with a NIK nobody there has completes a person stored without
        one, when exactly one matches)."""
        if values.get("id"):
            person = state.people.get(values["id"])
            return [person] if person is not None and person["organisation_id"] == lks.pk else []
        if values.get("_nik_hash"):
            found = [p for p in state.by_hash.get(values["_nik_hash"], []) if p["organisation_id"] == lks.pk]
            if found or not values["_person_key"][0]:
                return found
            ids = state.keys_at.get(lks.pk, {}).get(values["_person_key"], ())
            without = [state.people[pk] for pk in ids if pk in state.people and not state.people[pk]["nik_hash"]]
            # Two such people: which one the NIK belongs to is unknown; the row admits someone new (flagged as a
            # possible duplicate), as before.
            return without if len(without) == 1 else []
        name, birth, mother = values["_person_key"]
        if not name:
            # Nothing of the name is left to compare (punctuation only): it must never make two people one.
            return []
        # A NIK stored for that person does not make them someone else: the empty cell keeps it (empty cells never
        # erase), and an export sent back without its masked columns must not admit everyone a second time.
        if birth is not None and mother:
            ids = state.keys_at.get(lks.pk, {}).get(values["_person_key"], ())
            found = [state.people[pk] for pk in ids if pk in state.people]
            if found:
                return found
        # A row without the birth date or the mother's name (a list that lacks the column), or with parts the stored
        # person lacks: the one person of that name staying at this LKS whose parts do not contradict the row's is
        # the row's person, as a full match would be; a list re-imported without a column must not admit its
        # children again. Assumption: one name at one LKS is one child unless a birth date or a mother's name says
        # otherwise. Several: refused (plan). Those who stayed here before are possible duplicates of a new client.
        named = state.names_at.get(lks.pk, {}).get(name, ())
        # Agreeing means contradicting nothing and sharing something besides the name (the birth date or the
        # mother's name): a name alone is a namesake, flagged below, never merged (a new "Muhammad Rizky" is not
        # the one stored without birth date and mother).
        agreeing = [
            state.people[pk]
            for pk, b, m in named
            if pk in state.people
            and _parts_agree((name, birth, mother), b, m)
            and ((birth is not None and b == birth) or (mother and m == mother))
        ]
        staying = [person for person in agreeing if _stays_at(person, lks, values.get("admitted_on"))]
        if staying:
            values["_partial"] = True
            return staying
        namesakes = agreeing or [
            state.people[pk] for pk, b, m in named if pk in state.people and _parts_agree((name, birth, mother), b, m)
        ]
        if birth is None and not mother:
            staying_namesakes = [p for p in namesakes if _stays_at(p, lks, values.get("admitted_on"))]
            if hidden := _restricted_for(state, staying_namesakes):
                return hidden  # the neutral answer (plan): "already active here" would say it of a restricted child
            if staying_namesakes:
                values["_namesake_staying"] = staying_namesakes[0]["full_name"]  # refused in plan
                values["_namesake_staying_id"] = staying_namesakes[0]["id"]
        if birth is not None and mother:
            # One name, one birth date, staying here, under a mother's name written otherwise: most likely the same
            # child ("Alm. Juwariah" one month, "Masnyah" for "Masniah" the next), yet the mother's name is what
            # tells twins' namesakes apart. Admitted, warned with the stored name, and flagged for the board.
            differing = [
                state.people[pk]
                for pk, b, m in named
                if pk in state.people and b == birth and m and m != mother
                and _stays_at(state.people[pk], lks, values.get("admitted_on"))
            ]  # fmt: skip
            if hidden := _restricted_for(state, differing):
                return hidden  # the neutral answer (plan), not the stored mother's name of a restricted child
            if differing:
                values["_mother_differs"] = differing[0]["mother_name"]
                values["_mother_differs_id"] = differing[0]["id"]
                namesakes = [*namesakes, *differing]
        values["_namesakes"] = [person["id"] for person in namesakes[:CLOSE_MATCH_LIMIT]]
        return []
