"""Workers (PSKS/TKSM) of an LKS: registration, corrections, end of service, background checks."""

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.crypto import encrypt, keyed_hash, mask_identity_number
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError
from sinergi.organisations.models import Organisation

# Summary updates are called through the package rather than imported by name, so replacing
# `services.summary_*` (as tests do) reaches every caller, as it did when services was one module.
from sinergi.people import services as package
from sinergi.vocabularies.models import Vocabulary

from ..access import purpose_for, worker_access_record
from ..choices import BackgroundCheckResult, Sex, WorkerRole
from ..models import Worker
from ..nik import nik_check
from ._common import Outcome, _audit, _choice, _date, _may_at, _Problems, _require, _term, _text
from .rules import implausible_birth_warning, list_mark_problem, lks_closed_reason, worker_age_check

if TYPE_CHECKING:
    from sinergi.accounts.models import User

WORKER_FIELDS = (
    "full_name",
    "sex",
    "birth_date",
    "psks_category",
    "role",
    "job_title",
    "phone",
    "started_on",
    "certifications",
    "works_with_children",
    "background_check_on",
    "background_check_result",
)


def _apply_worker_data(worker: Worker, data: dict, problems: _Problems, warnings: list[str], *, creating: bool) -> None:
    stored_dates = (worker.birth_date, worker.started_on)
    for name in WORKER_FIELDS:
        if name not in data and not creating:
            continue
        value = data.get(name)
        if name == "full_name":
            value = _text(data, name, problems, required=True, label=_("Nama lengkap"))
            if marked := list_mark_problem(value, stored=worker.full_name or ""):
                problems.add(name, marked)  # as the import refuses it (NameColumn)
        elif name == "sex":
            value = _choice(value, Sex, name, problems)
        elif name in ("birth_date", "started_on", "background_check_on"):
            value = _date(value, name, problems)
            if name == "birth_date" and (implausible := implausible_birth_warning(value, timezone.localdate())):
                warnings.append(implausible)
        elif name == "psks_category":
            value = _term(value, Vocabulary.PSKS, name, problems)
        elif name == "role":
            value = _choice(value, WorkerRole, name, problems)
        elif name == "works_with_children":
            value = bool(value)
        elif name == "background_check_result":
            value = _choice(value, BackgroundCheckResult, name, problems, required=False)
        else:
            value = _text(data, name, problems, stored=getattr(worker, name) or "")
        setattr(worker, name, value)
    if "nik" in data or creating:
        raw = (data.get("nik") or "").strip()
        if raw:
            check = nik_check(raw, birth_date=worker.birth_date, sex=worker.sex or None)
            for message in check.errors:
                problems.add("nik", message)
            warnings.extend(check.warnings)
            if check.valid:
                worker.nik_encrypted = encrypt(check.normalized)
                worker.nik_hash = keyed_hash(check.normalized)
                worker.nik_masked = mask_identity_number(check.normalized)
        elif data.get("nik") is not None or creating:
            worker.nik_encrypted = worker.nik_hash = worker.nik_masked = ""
    if worker.birth_date and worker.started_on and worker.started_on < worker.birth_date:
        problems.add("started_on", _("Tanggal mulai bertugas tidak mungkin sebelum tanggal lahir."))
    if creating or (worker.birth_date, worker.started_on) != stored_dates:
        # Dates on record from before the rule are not judged again when other fields are corrected (as the import).
        young, child = worker_age_check(
            birth_date=worker.birth_date, started_on=worker.started_on, today=timezone.localdate()
        )
        if young:
            problems.add("birth_date", young)
        if child:
            warnings.append(child)
    if worker.background_check_result and not worker.background_check_on:
        problems.add("background_check_on", _("Isi tanggal pemeriksaan latar belakang."))
    if worker.background_check_on and not worker.background_check_result:
        problems.add("background_check_result", _("Pilih hasil pemeriksaan latar belakang."))
    if worker.works_with_children and worker.ended_on is None:
        # SNPA: nobody with a record of violence against children may work with them.
        if worker.background_check_result == BackgroundCheckResult.NOT_CLEAR:
            problems.add(
                "background_check_result",
                _("Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak."),
            )
        elif not worker.background_check_result:
            warnings.append(_("Pemeriksaan latar belakang untuk bekerja dengan anak belum dicatat."))
        elif worker.background_check_result == BackgroundCheckResult.PENDING:
            warnings.append(_("Pemeriksaan latar belakang masih diproses; pastikan hasilnya dicatat."))


def _worker_snapshot(worker: Worker) -> dict[str, Any]:
    values = {name: getattr(worker, name) for name in WORKER_FIELDS if name != "psks_category"}
    values["psks_category"] = worker.psks_category.code if worker.psks_category_id else None
    values["nik"] = worker.nik_masked
    values["ended_on"] = worker.ended_on
    return values


def _record(*, actor: "User", action: str, worker: Worker, changes: dict, what: str = "changed", request=None) -> None:
    # The audit event and the worker's access log, with the purpose of the session (UU PDP), as for a client.
    purpose = purpose_for(request)
    _audit(actor=actor, action=action, obj=worker, changes=changes, purpose=purpose, request=request)
    worker_access_record(actor=actor, worker=worker, what=what, purpose=purpose, request=request)


@transaction.atomic
def worker_create(
    *, actor: "User", organisation: Organisation, data: dict, request: HttpRequest | None = None
) -> Outcome:
    """Registers a worker (PSKS/TKSM) of an LKS, with the background check for work with children."""
    if not _may_at(actor, Action.PERSON_CREATE, organisation):
        raise PermissionDenied(_("Anda tidak berwenang mendaftarkan pekerja di organisasi ini."))
    # The LKS as it is now, held until the worker is written (as person_admit holds its LKS): one moved to another
    # kabupaten/kota since the form was shown would count the worker in the old one for good (thirty-eighth review).
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    problems, warnings = _Problems(), []
    if closed := lks_closed_reason(organisation.status, whom="workers"):
        problems.add("__all__", closed)
    worker = Worker(
        organisation=organisation, province_code=organisation.province_code, regency_code=organisation.regency_code
    )
    _apply_worker_data(worker, data, problems, warnings, creating=True)
    problems.raise_if_any()
    worker.save()
    _record(
        actor=actor,
        action="people.worker.created",
        worker=worker,
        changes={k: [None, v] for k, v in _worker_snapshot(worker).items() if v not in (None, "", False)},
        what="created",
        request=request,
    )
    package.summary_worker_changed(None, worker)
    return Outcome(obj=worker, warnings=warnings)


@transaction.atomic
def worker_update(
    *, actor: "User", worker: Worker, data: dict, expected_version: int, request: HttpRequest | None = None
) -> Outcome:
    """Changes a worker's record; `nik` follows the same absent/""/digits rule as person_update."""
    _require(actor, Action.PERSON_CHANGE, worker, _("Anda tidak berwenang mengubah data pekerja ini."))
    current = Worker.objects.select_for_update().select_related("psks_category").get(pk=worker.pk)
    if current.version != expected_version:
        raise ConflictError(
            _("Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.")
        )
    before = _worker_snapshot(current)
    summary_before = package.summary_snapshot_worker(current)
    problems, warnings = _Problems(), []
    _apply_worker_data(current, data, problems, warnings, creating=False)
    problems.raise_if_any()
    after = _worker_snapshot(current)
    changes = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    if not changes:
        return Outcome(obj=current, warnings=warnings)
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    _record(actor=actor, action="people.worker.updated", worker=current, changes=changes, request=request)
    package.summary_worker_changed(summary_before, current)
    return Outcome(obj=current, warnings=warnings)


@transaction.atomic
def worker_end(*, actor: "User", worker: Worker, ended_on: datetime.date, request: HttpRequest | None = None) -> Worker:
    """Records that a worker stopped serving; the record stays for history and counts."""
    _require(actor, Action.PERSON_CHANGE, worker, _("Anda tidak berwenang mengubah data pekerja ini."))
    current = Worker.objects.select_for_update().select_related("psks_category").get(pk=worker.pk)
    if current.ended_on:
        raise TransitionError(_("Pekerja ini sudah tercatat berhenti bertugas."))
    problems = _Problems()
    day = _date(ended_on, "ended_on", problems, required=True, label=_("Tanggal berhenti"))
    if day and current.started_on and day < current.started_on:
        problems.add("ended_on", _("Tanggal berhenti tidak mungkin sebelum tanggal mulai bertugas."))
    problems.raise_if_any()
    summary_before = package.summary_snapshot_worker(current)
    current.ended_on = day
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    changes = {"ended_on": [None, day]}
    _record(actor=actor, action="people.worker.ended", worker=current, changes=changes, request=request)
    package.summary_worker_changed(summary_before, current)
    return current
