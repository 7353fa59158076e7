"""The plan of one worker row: the LKS and the stored workers of a batch fetched at once, the rows' natural keys, which
stored worker a row is about (or none), and the registration or change it makes, with its warnings. A mixin of
WorkersEntity; the rules it applies to the merged record are the rules mixin's (`rules`), reached through self.
"""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.exchange import values as v
from sinergi.exchange.columns import ImportContext, RowPlan, RowProblems, UnchangedRecord, kept_blank, stale_row_message

from ...choices import WorkerRole
from ...models import Worker
from ...services.rules import KIND_ELDERLY, lks_closed_reason
from ..common import (
    Lks,
    corrected_nik_warnings,
    date_problems,
    decrypt_stored,
    far_name_warning,
    id_confirmed,
    lks_of_ids,
    mask,
    stored_records,
)
from .columns import FIELDS, HEADERS, STORED, STORED_SHARED, STORED_TYPE
from .matching import (
    _births_agree,
    _id_disagrees_message,
    _name_key,
    _name_only,
    _named,
    _stints_apart,
    _stints_the_row_may_be,
)
from .staff_lists import _role_from_title
from .state import WorkerRow, WorkersState, _snapshot, _state


def _undated_namesake_warning(namesake: dict) -> str:
    if namesake["nik_hash"]:
        return _(
            "Pekerja bernama sama sudah tercatat di LKS ini dengan NIK lain (%(nik)s). Baris ini tanpa tanggal lahir, "
            "jadi tidak dapat dipastikan orangnya sama. Bila NIK itu salah ketik, perbaiki lewat ekspor (baris "
            "dengan kolom ID); baris ini akan mendaftarkan pekerja kedua."
        ) % {"nik": namesake["nik_masked"]}
    return _(
        "Pekerja bernama sama sudah tercatat di LKS ini tanpa NIK. Baris ini tanpa tanggal lahir, jadi tidak "
        "dicocokkan dengannya. Bila orangnya sama, isi tanggal lahirnya seperti yang tercatat, atau perbaiki lewat "
        "ekspor (baris dengan kolom ID); baris ini akan mendaftarkan pekerja kedua."
    )


class _WorkersRowPlan:
    """Plans one worker row: the stored worker it is about, and the registration or change it makes."""

    def prepare_batch(self, rows: list[dict[str, Any]], ctx: ImportContext) -> None:
        state = _state(ctx)
        only = state.lks.only_one_allowed()
        for values in rows:
            text = values.get("lks") or ""
            if text:
                values["_lks"], values["_lks_problem"] = state.lks.find(text, values.get("lks_regency") or "")
            else:
                values["_lks"] = only
                values["_lks_problem"] = "" if only else _("Isi kolom LKS (nomor tanda daftar atau nama LKS).")
        lks_of_ids(rows, Worker, state.lks)
        for values in rows:
            values["_nik"], values["_nik_hash"] = None, ""
            if values.get("nik"):
                check = state.nik(values["nik"], birth_date=values.get("birth_date"), sex=values.get("sex") or None)
                values["_nik"] = check
                values["_nik_hash"] = state.hash(check.normalized) if check.valid else ""
            lks = values["_lks"]
            if lks is not None and lks.pk not in state.stored:
                # Every worker of the LKS at once: an LKS has tens of workers, not thousands. Kept until the write,
                # as records (a national file names 150,000 workers), their repeating values once each.
                index: dict[tuple, list[dict]] = {}
                stored = Worker.objects.filter(organisation_id=lks.pk).values_list(*STORED)
                for worker in stored_records(STORED_TYPE, STORED, stored, STORED_SHARED, state.shared):
                    index[("id", worker["id"])] = [worker]
                    if worker["nik_hash"]:
                        index.setdefault(("nik", worker["nik_hash"]), []).append(worker)
                    if (name_key := _name_key(worker)) is not None:
                        index.setdefault(name_key, []).append(worker)
                        index.setdefault(("named", name_key[1]), []).append(worker)
                state.stored[lks.pk] = index
        # IDs that name nobody at their row's LKS: where each is, looked up once per batch (at most a message each).
        astray = {
            values["id"]
            for values in rows
            if values.get("id")
            and values["_lks"] is not None
            and ("id", values["id"]) not in state.stored[values["_lks"].pk]
            and values["id"] not in state.elsewhere
        }
        if astray:
            seen = state.lks.allowed_for(Action.PERSON_VIEW)
            for pk, organisation_id in Worker.objects.filter(pk__in=astray).values_list("pk", "organisation_id"):
                lks_elsewhere = state.lks.by_pk.get(organisation_id)
                if organisation_id in seen and lks_elsewhere is not None:
                    state.elsewhere[pk] = lks_elsewhere.name

    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        lks = values.get("_lks")
        where = lks.pk if lks is not None else v.norm(values.get("lks") or "")
        if values.get("id"):
            record = values["id"]
            keys: list[tuple[tuple, Any]] = [(("id", record), lambda: _("ID %(id)s") % {"id": record})]
            if values.get("_nik_hash"):
                # Also on a row with an ID: two rows must not give one NIK to two workers at an LKS.
                masked = mask(values["_nik"].normalized)
                keys.append(
                    (("nik", values["_nik_hash"], where), lambda: _("NIK %(nik)s di LKS ini") % {"nik": masked})
                )
            return keys
        # By stint: a worker who left and came back is two stints, and a staff list may list both, each with its
        # start date; two rows of one person still serving are one too many (the fortieth review).
        started, serving = values.get("started_on"), values.get("ended_on") is None
        if values.get("_nik_hash"):
            masked = mask(values["_nik"].normalized)
            nik = values["_nik_hash"]
            return [
                ((kind, nik, where, *stint), lambda: _("NIK %(nik)s di LKS ini") % {"nik": masked})
                for kind, stint in (("nik", (started,)), *((("nik_serving", ()),) if serving else ()))
            ]
        name_key = _name_key(values)
        if name_key is None:
            return []
        name = values["full_name"]
        return [
            (
                (*name_key, where, *stint),
                lambda: _("nama dan tanggal lahir “%(name)s” di LKS ini") % {"name": name},
            )
            for stint in ((started,), *((("serving",),) if serving else ()))
        ]

    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        state = _state(ctx)
        problems: list[tuple[str, str]] = []
        warnings: list[tuple[str, str]] = []
        lks: Lks | None = values.get("_lks")
        if lks is None:
            problems.append((state.lks.column_of(values.get("_lks_problem") or ""), values.get("_lks_problem") or ""))
        elif lks.pk not in state.lks.allowed:
            problems.append(("lks", _("Anda tidak berwenang mendaftarkan pekerja di organisasi ini.")))
        check = values.get("_nik")
        if check is not None:
            problems += [("nik", message) for message in check.errors]
            warnings += [("nik", message) for message in check.warnings]
        for key in ("birth_date", "started_on", "ended_on", "background_check_on"):
            date_problems(values.get(key), key, problems, state.today)
        if problems:
            raise RowProblems(problems)
        stored = self._stored(values, lks, state)
        name_key = _name_key(values)
        if values.get("id") and not stored:
            if values["id"] in state.elsewhere:
                state.quoted.add(values["id"])  # (the message names their LKS)
            raise RowProblems([("id", self._unknown_id_message(values["id"], lks, state))])
        if values.get("id") and stored and not id_confirmed(values, stored[0]):
            state.quoted.add(stored[0]["id"])
            raise RowProblems([("id", _id_disagrees_message(values, stored[0]))])
        if stored is not None and len(stored) > 1:
            if values.get("_nik_hash"):
                # Stints of one person (a return): the row's start date says which
                message = _(
                    "Lebih dari satu masa tugas pekerja ini tercatat di LKS ini; isi Mulai bertugas sesuai masa tugas "
                    "yang dimaksud baris ini, atau perbaiki lewat ekspor (baris dengan kolom ID)."
                )
            elif values.get("birth_date"):
                message = _("Lebih dari satu pekerja cocok dengan baris ini di LKS ini; isi NIK.")
            else:
                message = _(
                    "Lebih dari satu pekerja bernama “%(name)s” tercatat di LKS ini. Isi Tanggal lahir atau NIK "
                    "pada baris ini, atau perbaiki lewat ekspor (baris dengan kolom ID)."
                ) % {"name": values["full_name"]}
            raise RowProblems([("full_name", message)])
        if not values.get("id") and name_key is not None:
            self._same_in_file(row, values, lks, name_key[1], registers=not stored, state=state)
        if stored and values.get("_nik_hash"):
            holders = state.stored.get(lks.pk, {}).get(("nik", values["_nik_hash"]), [])
            if any(worker["id"] != stored[0]["id"] and not _stints_apart(worker, stored[0]) for worker in holders):
                raise RowProblems([("nik", _("NIK ini sudah dipakai pekerja lain di LKS ini."))])
        existing = stored[0] if stored else None
        far_name = []
        if (
            existing is not None
            and not values.get("id")
            and values.get("_nik_hash")
            and v.names_far_apart(existing["full_name"], values.get("full_name"))
        ):
            far_name = [("full_name", far_name_warning(values["full_name"], existing["full_name"]))]
            warnings += far_name
        if existing is None and (closed := lks_closed_reason(lks.status, whom="workers")):
            # Registering needs an active LKS, as worker_create does; a stored worker may still be corrected.
            raise RowProblems([("lks", closed)])
        namesakes: list[dict] = []
        if existing is None and name_key is not None and values.get("_nik_hash") and values.get("birth_date"):
            namesakes = [
                worker
                for worker in state.stored.get(lks.pk, {}).get(name_key, [])
                if worker["nik_hash"] and worker["nik_hash"] != values["_nik_hash"]
            ]
            if namesakes:
                # Another NIK is another person, but a mistyped NIK corrected in a new file looks the same: the
                # user decides, warned before anything is saved.
                warnings.append(
                    (
                        "nik",
                        _(
                            "Pekerja bernama sama dengan tanggal lahir sama sudah tercatat di LKS ini dengan NIK lain "
                            "(%(nik)s). Bila NIK itu salah ketik, perbaiki lewat ekspor (baris dengan kolom ID); "
                            "baris ini akan mendaftarkan pekerja kedua."
                        )
                        % {"nik": namesakes[0]["nik_masked"]},
                    )
                )
        elif existing is None and name_key is not None and values.get("_nik_hash"):
            # A row with a NIK but no birth date is matched by its NIK alone: a serving namesake stored with another
            # NIK (one mistyped, corrected in the list) or none (a worker registered before their NIK was known)
            # would be registered a second time without a word.
            namesakes = [
                worker
                for worker in state.stored.get(lks.pk, {}).get(("named", name_key[1]), [])
                if worker["ended_on"] is None and worker["nik_hash"] != values["_nik_hash"]
            ]
            if namesakes:
                warnings.append(("nik", _undated_namesake_warning(namesakes[0])))
        if "role" not in values and values.get("job_title"):
            _role_from_title(values, existing, ctx, state)
        data = self._merged(values, existing)
        self._rules(data, values, problems, warnings, existing)
        if existing is None and "works_with_children" in values and values["works_with_children"] is None:
            warnings += _blank_with_children_warning(data, lks)
        if problems:
            if existing is not None:
                state.quoted.add(existing["id"])  # checked on their stored record (its dates, its name)
            # Beside the problems, which may come from the mistyped NIK (the stored worker's dates, ...).
            raise RowProblems(problems + far_name)
        worker = WorkerRow(lks=lks, data=data)
        if values.get("_nik_hash"):
            worker.nik, worker.nik_hash = check.normalized, values["_nik_hash"]
        elif existing is not None:
            worker.nik_hash = existing["nik_hash"]
        masked = mask(worker.nik) if worker.nik else (existing or {}).get("nik_masked", "")
        shown = f"{data['full_name']} ({masked})" if masked else data["full_name"]
        if existing is None:
            # (a namesake's NIK quoted in a warning: result_checked)
            shows = {"shows": [namesakes[0]["id"]]} if namesakes else {}
            return RowPlan(row=row, action="create", obj=worker, key=shown, warnings=warnings, extra=shows)
        worker.pk, worker.version = existing["id"], existing["version"]
        worker.area = (existing["province_code"], existing["regency_code"])
        worker.before = _snapshot(existing, worker.area)
        changes = {}
        for key in (*FIELDS, "psks_category", "role"):
            before = existing["psks_category__code"] if key == "psks_category" else existing[key]
            after = data[key]
            if before != after and not (before in (None, "") and after in (None, "")):
                worker.changed.append(key)
                column = HEADERS[key]
                changes[str(column.header)] = [column.display(before), column.display(after)]
        corrected = [key for key in ("birth_date", "sex") if key in worker.changed]
        if corrected and not worker.nik and existing["nik_hash"]:
            # A birth date or sex corrected by a row without a NIK is held to the stored NIK (read only then).
            stored_nik = decrypt_stored(Worker.objects.values_list("nik_encrypted", flat=True).get(pk=existing["id"]))
            before, after = (existing["birth_date"], existing["sex"]), (data["birth_date"], data["sex"])
            messages = corrected_nik_warnings(state.nik, stored_nik, before=before, after=after)
            warnings += [(corrected[0], message) for message in messages]
        if worker.nik and worker.nik_hash != existing["nik_hash"]:
            # A NIK added to a worker registered without one, or corrected on a row found by its ID.
            worker.changed.append("nik")
            changes[str(HEADERS["nik"].header)] = [existing["nik_masked"] or "", mask(worker.nik)]
        action = "update" if worker.changed else "unchanged"
        if action == "update" and values.get("version") and values["version"] != existing["version"]:
            raise RowProblems([("version", stale_row_message(values["version"], existing["version"]))])
        if _name_only(values, existing):
            # Found by the name alone: a newcomer of the same name would change the stored worker, or be taken for
            # them, instead of being registered. The trial says so, on an unchanged row too.
            warnings.append(
                (
                    "full_name",
                    _(
                        "Baris ini dicocokkan dengan pekerja tersimpan “%(name)s” hanya melalui namanya (tanpa NIK, "
                        "dan tanggal lahir tidak ada di salah satunya). Bila ini orang lain yang bernama sama, isi NIK "
                        "dan tanggal lahirnya."
                    )
                    % {"name": existing["full_name"]},
                )
            )
        stored = {key: existing[key] for key in (*FIELDS, "role")} | {"psks_category": existing["psks_category__code"]}
        return RowPlan(
            row=row,
            action=action,
            obj=worker if action == "update" else UnchangedRecord(worker.pk),
            key=shown,
            changes=changes,
            warnings=warnings,
            kept=kept_blank(values, stored),
        )

    @staticmethod
    def _unknown_id_message(record: int, lks: Lks, state: WorkersState) -> str:
        """Why a row's ID finds nobody at its LKS: the worker is at another LKS the user may see (a move: end the
        service there, register here), or — for every other case alike, so that nothing is told about records out
        of the user's sight — there is no such worker."""
        elsewhere = state.elsewhere.get(record)
        if elsewhere is not None:
            return _(
                "Pekerja dengan ID %(id)s tercatat di %(other)s, bukan di %(lks)s. Untuk mencatat kepindahannya, isi "
                "Berhenti bertugas pada barisnya di %(other)s, lalu tambahkan baris tanpa ID untuk %(lks)s."
            ) % {"id": record, "other": elsewhere, "lks": lks.name}
        return _("Tidak ada pekerja dengan ID %(id)s di LKS ini. Kosongkan ID untuk menambah pekerja baru.") % {
            "id": record
        }

    @staticmethod
    def _stored(values: dict[str, Any], lks: Lks, state: WorkersState) -> list[dict] | None:
        index = state.stored.get(lks.pk, {})
        if values.get("id"):
            return index.get(("id", values["id"]))  # the export's ID: that worker, whatever else was corrected
        name_key = _name_key(values)
        if values.get("_nik_hash"):
            by_nik = index.get(("nik", values["_nik_hash"]))
            if by_nik or name_key is None:
                return _stints_the_row_may_be(by_nik, values)
            # A NIK for a worker registered without one (same name and birth date at this LKS): the row completes
            # that worker instead of registering them twice. One with another NIK is another person; a name alone
            # is too little for a row that has its own NIK.
            birth = values.get("birth_date")
            named = index.get(("named", name_key[1]), [])
            without_nik = [w for w in named if not w["nik_hash"] and w["birth_date"] == birth]
            return _stints_the_row_may_be(without_nik, values)
        if name_key is None:
            return None
        # Without a NIK, the worker of this name at this LKS (_named: of this birth date, or serving with the birth
        # date unknown on one side) is this row's worker even when a NIK is stored for them: the empty cell keeps
        # that NIK (empty cells never erase), and re-importing a list without its NIK or birth-date column must not
        # register everyone a second time. Two such workers: the row is refused.
        return _stints_the_row_may_be(_named(index, values), values)

    @staticmethod
    def _same_in_file(
        row: int, values: dict[str, Any], lks: Lks, name: str, *, registers: bool, state: WorkersState
    ) -> None:
        """A worker written twice in one file under one name (titles aside), once without the NIK or without the
        birth date: one person, not two, so the rows are refused until they are one row or tell the two apart. Rows
        alike (the same birth date, both without NIK) are the natural key's duplicates; two NIKs, two people."""
        birth, with_nik = values.get("birth_date"), bool(values.get("_nik_hash"))
        rows = state.rows_by_name.setdefault((lks.pk, name), [])
        for first, first_birth, first_nik, first_registers in rows:
            if not (registers or first_registers) or (with_nik and first_nik) or not _births_agree(birth, first_birth):
                continue  # two stored workers (each row's own), or two people
            if not with_nik and not first_nik and birth == first_birth:
                continue  # reported as a duplicate row
            if birth and first_birth:
                message = _(
                    "Baris ini dan baris %(first)s tampaknya orang yang sama (nama dan tanggal lahir sama), satu "
                    "dengan NIK dan satu tanpa. Satukan kedua baris, atau isi NIK di keduanya."
                )
            else:
                message = _(
                    "Baris ini dan baris %(first)s tampaknya orang yang sama (nama sama, tanggal lahir kosong di "
                    "salah satunya). Satukan kedua baris, atau isi tanggal lahir di keduanya."
                )
            raise RowProblems([("full_name", message % {"first": first})])
        rows.append((row, birth, with_nik, registers))


def _blank_with_children_warning(data: dict, lks: Lks | None) -> list[tuple[str, str]]:
    """A new caregiver of an LKS that serves children whose "Bekerja dengan anak" cell is left empty is registered as
    not working with children, and no background check is asked for: said on the row, as the column left out of the
    file is said in a notice (staff_lists.not_with_children_notice)."""
    if data["role"] != WorkerRole.CAREGIVER or lks is None or lks.kinds == {KIND_ELDERLY}:
        return []
    return [
        (
            "works_with_children",
            _(
                "“Bekerja dengan anak” kosong, jadi pengasuh ini dicatat tidak bekerja dengan anak dan pemeriksaan "
                "latar belakangnya tidak diminta. Bila ia bekerja dengan anak, isi “Ya”."
            ),
        )
    ]
