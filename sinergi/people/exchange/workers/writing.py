"""The write of a batch of planned worker rows: their LKS locked, the new workers checked still new and inserted in
bulk, the changed ones updated by the fields each changes, the access logged, the changes audited, and the summary
tables kept current after the import. A mixin of WorkersEntity.
"""

from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record_many
from sinergi.core.errors import ConflictError
from sinergi.exchange.columns import ImportContext, RowPlan
from sinergi.exchange.dbwrite import bulk_insert_rows

from ...choices import AccessPurpose
from ...models import Worker
from ..common import encrypt_many, lks_lock, mask, result_shown, result_shown_what
from .columns import DATES, INSERTED
from .matching import _births_agree, _name_key
from .state import WorkerRow, WorkersState, _log_access, _snapshot, _state


class _WorkersWriting:
    """Writes a batch of planned worker rows, logs the access to them and keeps the summary tables current."""

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
