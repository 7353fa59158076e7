"""WorkersEntity: the import rules (which stored worker a row is about, the rules of worker_create/worker_update
over the merged record, the write in bulk) and the export of workers with its access log. One class, kept whole.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import CharField, IntegerField, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.audit.services import audit_record_many
from sinergi.core.bulk import chunks
from sinergi.core.errors import ConflictError, ValidationError
from sinergi.core.phones import new_phone_problem
from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    Column,
    Entity,
    ImportContext,
    RowPlan,
    RowProblems,
    UnchangedRecord,
    choose_one,
    filter_problems,
    kept_blank,
    scope_filter_problem,
    stale_row_message,
    term_labels,
)
from sinergi.exchange.dbwrite import bulk_insert_rows, write_beside_open_read
from sinergi.regions.selectors import regency_names
from sinergi.vocabularies.models import Vocabulary

from ...access import actor_label
from ...choices import AccessPurpose, BackgroundCheckResult, Sex, WorkerRole
from ...models import Worker, WorkerAccess
from ...services.rules import implausible_birth_warning, lks_closed_reason
from ..common import (
    Lks,
    corrected_nik_warnings,
    date_problems,
    decrypt_stored,
    encrypt_many,
    export_purpose,
    far_name_warning,
    id_confirmed,
    implied_lks_notice,
    lks_lock,
    lks_of_ids,
    mask,
    result_shown,
    result_shown_what,
    stored_records,
)
from .columns import (
    COLUMNS,
    DATES,
    EXPORT_COLUMNS,
    EXPORT_FIELDS,
    FIELDS,
    HEADERS,
    INSERTED,
    STORED,
    STORED_SHARED,
    STORED_TYPE,
)
from .matching import (
    _births_agree,
    _id_disagrees_message,
    _name_key,
    _name_only,
    _named,
    _stints_apart,
    _stints_the_row_may_be,
)
from .staff_lists import _role_from_title, not_with_children_notice
from .state import WorkerRow, WorkersState, _log_access, _snapshot, _state

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class WorkersEntity(Entity):
    """Workers (PSKS/TKSM) of an LKS."""

    key = "workers"
    record_url_name = "people:worker_detail"
    file_slug = _lazy("pekerja")  # in file names
    label = _lazy("pekerja sosial")
    sheet_name = _lazy("Data pekerja")
    columns = COLUMNS
    ignored_headers = ("NIK (disamarkan)",)
    # The export's masked NIK cannot find or register anyone: the export sent back is refused with one message.
    implied_columns = frozenset({"lks"})
    masked_headers = {"NIK (disamarkan)": "nik"}
    write_batch_size = 10_000
    asks_access_purpose = True
    import_purpose = AccessPurpose.SERVICE
    natural_key_help = _lazy(
        "Baris dicocokkan dengan pekerja yang sudah tercatat di LKS yang sama melalui NIK; bila NIK kosong, melalui "
        "nama lengkap dan tanggal lahir. Sel kosong tidak menghapus isian lama. Isi Berhenti bertugas untuk mencatat "
        "bahwa pekerja sudah berhenti."
    )
    instructions = (
        _lazy("Satu baris = satu pekerja (PSKS/TKSM) di satu LKS."),
        _lazy("Kolom bertanda * wajib diisi. NIK boleh kosong; bila diisi, format kolomnya sebagai Teks."),
        _lazy("Pekerja yang bekerja dengan anak perlu tanggal dan hasil pemeriksaan latar belakang."),
        _lazy("Tanggal boleh ditulis 17-08-2023, 17/08/2023, 2023-08-17 atau 17 Agustus 2023."),
        _lazy(
            "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah; kolom NIK (disamarkan) tidak dibaca. "
            "Kolom ID menunjuk pekerja yang diperbaiki; kosongkan ID untuk menambah pekerja baru."
        ),
    )

    def plans_notices(self, plans: list[RowPlan], present: set[str], ctx: ImportContext) -> list[str]:
        notices = [implied] if (implied := implied_lks_notice(present, _state(ctx).lks)) else []
        notices += [notice] if (notice := not_with_children_notice(plans, present)) else []
        if titles := _state(ctx).titles_as_other:
            notices.append(
                _(
                    "File ini tidak punya kolom “Peran”, jadi peran dibaca dari “Jabatan”. Jabatan yang tidak ada "
                    "dalam daftar peran dicatat dengan peran “Lainnya”, dan jabatannya disimpan apa adanya: "
                    "%(titles)s. Tambahkan kolom “Peran” bila salah satunya punya peran lain dalam daftar."
                )
                % {"titles": ", ".join(f"“{title}” ×{count}" for title, count in titles.most_common(8))}
            )
        return notices

    def missing_columns(self, present: set[str]) -> list[str]:
        # A staff list with "Jabatan" but no "Peran" takes each role from the job title (_role_from_title).
        return super().missing_columns(present | {"role"} if "job_title" in present else present)

    def can_import(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.PERSON_CREATE]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def can_export(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.PERSON_EXPORT]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

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
        if "role" not in values and values.get("job_title"):
            _role_from_title(values, existing, ctx, state)
        data = self._merged(values, existing)
        self._rules(data, values, problems, warnings, existing)
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

    @staticmethod
    def _merged(values: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        """The worker as it will be: the stored values, overwritten by every filled cell."""
        if existing is None:
            data: dict[str, Any] = dict.fromkeys(FIELDS)
            data.update({"works_with_children": False, "psks_category": None, "role": ""})
            for key in ("full_name", "phone", "certifications", "background_check_result", "sex", "job_title"):
                data[key] = ""
        else:
            data = {key: existing[key] for key in FIELDS}
            data["psks_category"] = existing["psks_category__code"]
            data["role"] = existing["role"]
        for key in (*FIELDS, "role"):
            if values.get(key) not in (None, ""):
                data[key] = values[key]
        if values.get("psks_category") is not None:
            data["psks_category"] = values["psks_category"].code
        return data

    @staticmethod
    def _rules(data: dict, values: dict, problems: list, warnings: list, existing: dict | None) -> None:
        """workers._apply_worker_data and worker_end, over the merged record."""
        if not data["full_name"]:
            problems.append(("full_name", _("%(label)s wajib diisi.") % {"label": _("Nama lengkap")}))
        if message := new_phone_problem(values.get("phone"), existing["phone"] if existing is not None else None):
            problems.append(("phone", message))
        for key, label in (("sex", _("Jenis kelamin")), ("role", _("Peran")), ("psks_category", _("Kategori PSKS"))):
            if not data[key]:
                problems.append((key, choose_one(label)))
        birth, started, ended = data["birth_date"], data["started_on"], data["ended_on"]
        if implausible := implausible_birth_warning(values.get("birth_date"), timezone.localdate()):
            warnings.append(("birth_date", implausible))
        if birth and started and started < birth:
            problems.append(("started_on", _("Tanggal mulai bertugas tidak mungkin sebelum tanggal lahir.")))
        if existing is not None and existing["ended_on"] and started and started > existing["ended_on"]:
            # The row names an ended stint by its ID, with a start after its end: a return, which is a new stint.
            problems.append(
                (
                    "started_on",
                    _(
                        "Pekerja ini tercatat berhenti bertugas pada %(ended)s. Untuk mencatat ia bertugas lagi, "
                        "tambahkan baris tanpa ID dengan tanggal mulai bertugas yang baru."
                    )
                    % {"ended": existing["ended_on"].strftime("%d-%m-%Y")},
                )
            )
        elif ended and started and ended < started:
            problems.append(("ended_on", _("Tanggal berhenti tidak mungkin sebelum tanggal mulai bertugas.")))
        if existing is not None and existing["ended_on"] and values.get("ended_on") not in (None, existing["ended_on"]):
            problems.append(("ended_on", _("Pekerja ini sudah tercatat berhenti bertugas.")))
        result, checked_on = data["background_check_result"], data["background_check_on"]
        if result and not checked_on:
            problems.append(("background_check_on", _("Isi tanggal pemeriksaan latar belakang.")))
        if checked_on and not result:
            problems.append(("background_check_result", _("Pilih hasil pemeriksaan latar belakang.")))
        if data["works_with_children"] and ended is None:
            if result == BackgroundCheckResult.NOT_CLEAR:
                problems.append(
                    (
                        "background_check_result",
                        _("Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak."),
                    )
                )
            elif not result:
                warnings.append(
                    (
                        "background_check_result",
                        _("Pemeriksaan latar belakang untuk bekerja dengan anak belum dicatat."),
                    )
                )
            elif result == BackgroundCheckResult.PENDING:
                warnings.append(
                    (
                        "background_check_result",
                        _("Pemeriksaan latar belakang masih diproses; pastikan hasilnya dicatat."),
                    )
                )

    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        state = _state(ctx)
        creates: list[WorkerRow] = [p.obj for p in plans if p.action == "create"]
        updates: list[WorkerRow] = [p.obj for p in plans if p.action == "update"]
        lks_ids = {w.lks.pk for w in creates + updates} - state.locked
        if lks_ids:
            # where workers are registered or changed
            lks_lock(lks_ids, state.lks, admitting={w.lks.pk for w in creates} - state.locked)
            state.locked |= lks_ids
        if creates:
            # What others registered at these LKS since these rows were checked (the LKS are locked now).
            self._check_still_new(state, [(p.row, p.obj) for p in plans if p.action == "create"])
            tokens = iter(encrypt_many([w.nik for w in creates if w.nik]))
            rows = []
            for w in creates:
                d = w.data
                rows.append(
                    (
                        w.lks.pk, w.lks.province_code, w.lks.regency_code, d["full_name"], d["sex"], d["birth_date"],
                        next(tokens) if w.nik else "", w.nik_hash, mask(w.nik) if w.nik else "",
                        state.terms[d["psks_category"]].pk, d["role"], d["phone"] or "", d["started_on"],
                        d["ended_on"], d["certifications"] or "", bool(d["works_with_children"]),
                        d["background_check_on"], d["background_check_result"] or "", d["job_title"] or "",
                    )
                )  # fmt: skip
                state.delta.add_worker(
                    _snapshot(d, (w.lks.province_code, w.lks.regency_code), code_key="psks_category"), +1
                )
            created = bulk_insert_rows(Worker, INSERTED, rows)
            for worker, pk in zip(creates, created, strict=True):
                worker.pk = pk  # the import's result links it
            state.created_ids.update(created)
            _log_access(ctx, created, "created")
        if updates:
            self._update(updates, state)
            _log_access(ctx, [w.pk for w in updates], "changed")
            # Each changed worker's own history shows the change, as after a form's save (before → after, as the
            # dry run showed it); the import's one event holds the counts.
            audit_record_many(
                actor=ctx.actor,
                action="people.worker.updated",
                model=Worker,
                changes_by_pk={p.obj.pk: p.changes for p in plans if p.action == "update"},
                data={"via": "import"},
                purpose=AccessPurpose.SERVICE,
            )

    def result_checked(
        self, plans: list[RowPlan], ctx: ImportContext, *, refused: bool, quoting: Sequence[RowPlan] = ()
    ) -> None:
        # Besides common.result_shown's: a warning's stored name or background check, a namesake's NIK a new row's
        # warning quotes.
        quoted = _state(ctx).quoted if "workers" in ctx.cache else set()
        shown = result_shown(plans, refused=refused, quoting=quoting, quoted=quoted, record_id=lambda plan: plan.obj.pk)
        _log_access(ctx, sorted(shown), result_shown_what(ctx))

    def _check_still_new(self, state: WorkersState, creates: list[tuple[int, WorkerRow]]) -> None:
        """A worker these rows register was registered at the same LKS by someone else since the rows were
        checked (the same NIK, or the same name and a birth date that does not differ where one of the two has no NIK,
        as the check matches): the file's check is out of date. An LKS has tens of workers: all of them are read."""
        known = state.stored
        niks: set[tuple[int, str]] = set()  # (LKS, NIK hash) of workers others registered
        named: dict[tuple[int, str], list[tuple[Any, bool]]] = {}  # (LKS, name) -> (birth date, with a NIK?)
        for worker in Worker.objects.filter(organisation_id__in={w.lks.pk for _row, w in creates}).values(
            "id", "organisation_id", "nik_hash", "full_name", "birth_date"
        ):
            lks_pk = worker["organisation_id"]
            if worker["id"] in state.created_ids or ("id", worker["id"]) in known.get(lks_pk, {}):
                continue
            if worker["nik_hash"]:
                niks.add((lks_pk, worker["nik_hash"]))
            if (name_key := _name_key(worker)) is not None:
                named.setdefault((lks_pk, name_key[1]), []).append((worker["birth_date"], bool(worker["nik_hash"])))
        if not niks and not named:
            return
        for row, w in creates:
            name_key = _name_key(w.data)
            same_nik = bool(w.nik_hash) and (w.lks.pk, w.nik_hash) in niks
            # By name, as the rows are matched, when either side lacks a NIK: two different NIKs under one name are
            # two people, and so are two birth dates.
            same_name = name_key is not None and any(
                _births_agree(birth, w.data["birth_date"]) and not (w.nik_hash and with_nik)
                for birth, with_nik in named.get((w.lks.pk, name_key[1]), ())
            )
            if same_nik or same_name:
                raise ConflictError(
                    _("Baris %(row)s: pekerja ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir "
                      "atau impor lain). Tidak ada yang disimpan; ulangi impor.") % {"row": row}
                )  # fmt: skip

    def _update(self, updates: list[WorkerRow], state: WorkersState) -> None:
        versions = dict(
            Worker.objects.select_for_update().filter(pk__in=[w.pk for w in updates]).values_list("pk", "version")
        )
        stale = next((w for w in updates if versions.get(w.pk) != w.version), None)
        if stale is not None:
            raise ConflictError(
                _("Pekerja “%(name)s” diubah orang lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.")
                % {"name": stale.data["full_name"]}
            )
        now = timezone.now()
        # bulk_update writes every listed field of every object: rows are grouped by the fields they change, so a
        # phone corrected in one row never writes another row's phone (which its object does not hold).
        groups: dict[tuple[str, ...], list[Worker]] = {}
        tokens = iter(encrypt_many([w.nik for w in updates if "nik" in w.changed]))
        for w in updates:
            worker = Worker(pk=w.pk, version=w.version + 1, updated_at=now)
            fields = {"version", "updated_at"}
            for key in w.changed:
                if key == "nik":
                    worker.nik_encrypted, worker.nik_hash, worker.nik_masked = next(tokens), w.nik_hash, mask(w.nik)
                    fields.update({"nik_encrypted", "nik_hash", "nik_masked"})
                elif key == "psks_category":
                    worker.psks_category_id = state.terms[w.data["psks_category"]].pk
                    fields.add("psks_category_id")
                else:
                    value = w.data[key]
                    setattr(worker, key, "" if value is None and key not in DATES else value)
                    fields.add(key)
            groups.setdefault(tuple(sorted(fields)), []).append(worker)
            state.delta.add_worker(w.before, -1)
            state.delta.add_worker(_snapshot(w.data, w.area, code_key="psks_category"), +1)
        for fields, objects in groups.items():
            Worker.objects.bulk_update(objects, list(fields), batch_size=500)

    def after_import(self, ctx: ImportContext) -> None:
        if "workers" in ctx.cache:
            _state(ctx).delta.write()

    # ------------------------------------------------------------------ export
    def export_columns(self) -> list[Column]:
        return EXPORT_COLUMNS

    def export_filterset(self, *, actor: "User | SystemActor", filters):
        from ...selectors import worker_list

        return worker_list(actor=actor, filters=filters or {}, action=Action.PERSON_EXPORT)

    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        purpose = export_purpose(purpose)
        filterset = self.export_filterset(actor=actor, filters=filters)
        if not filterset.is_valid():
            raise ValidationError(filter_problems(filterset))
        if problem := scope_filter_problem(
            actor=actor, action=Action.PERSON_EXPORT, filters=filters or {}, levels=(2, 5)
        ):
            raise ValidationError(problem)
        is_user = getattr(actor, "is_authenticated", False)
        # export_rows receives only the rows; the acting user and the purpose ride along for the access log.
        return (
            filterset.qs.order_by("full_name", "pk")
            .annotate(
                _actor_id=Value(actor.pk if is_user else None, output_field=IntegerField()),
                _actor_name=Value(actor_label(actor), output_field=CharField()),
                _purpose=Value(purpose, output_field=CharField()),
            )
            .values_list(*EXPORT_FIELDS, "_actor_id", "_actor_name", "_purpose")
        )

    def export_rows(self, objects):
        sexes = {code: str(label) for code, label in Sex.choices}
        roles = {code: str(label) for code, label in WorkerRole.choices}
        results = {code: str(label) for code, label in BackgroundCheckResult.choices}
        psks_labels = term_labels(Vocabulary.PSKS, fresh=True)
        yes, no = str(_("Ya")), str(_("Tidak"))
        regencies = regency_names()
        for chunk in chunks(objects, 2000):
            actor_id, actor_name, purpose = chunk[0][-3:]
            # Every exported worker gets an access-log line (UU PDP), written as the file streams out.
            logged = [(row[0], actor_id, actor_name, "exported", purpose) for row in chunk]
            write_beside_open_read(  # the rows are still being read (an iterator)
                lambda logged=logged: bulk_insert_rows(
                    WorkerAccess, ["worker_id", "actor_id", "actor_name", "what", "purpose"], logged, with_ids=False
                )
            )
            for (pk, name, sex, birth, nik, psks, role, title, number, lks_name, regency, phone, started, ended,
                 certifications, children, checked_on, result, version, *_log) in chunk:  # fmt: skip
                yield [
                    pk, name, sexes.get(sex, sex), birth, nik, psks_labels.get(psks, psks), roles.get(role, role),
                    title, number or lks_name,
                    regencies.get(regency, regency), phone, started, ended, certifications, yes if children else no,
                    checked_on,
                    results.get(result, ""), version,
                ]  # fmt: skip
