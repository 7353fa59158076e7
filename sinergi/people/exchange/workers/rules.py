"""The rules of worker_create/worker_update (and worker_end) over the merged record: the worker as it will be (the
stored values, overwritten by every filled cell), and the problems and warnings of its names, choices, dates and
background check. A mixin of WorkersEntity, apart from the plan so that the rules read as one.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.dates import shown
from sinergi.core.phones import new_phone_problem
from sinergi.exchange.columns import choose_one

from ...choices import BackgroundCheckResult
from ...services.rules import implausible_birth_warning, worker_age_check
from .columns import FIELDS


class _WorkersRules:
    """Applies worker_create/worker_update's rules to the worker as it will be."""

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
        if existing is None or (birth, started) != (existing["birth_date"], existing["started_on"]):
            # As worker_create/worker_update: a stored worker's dates are not judged again when other cells change.
            young, child = worker_age_check(birth_date=birth, started_on=started, today=timezone.localdate())
            if young:
                problems.append(("birth_date", young))
            if child:
                warnings.append(("birth_date", child))
        if existing is not None and existing["ended_on"] and started and started > existing["ended_on"]:
            # The row names an ended stint by its ID, with a start after its end: a return, which is a new stint.
            problems.append(
                (
                    "started_on",
                    _(
                        "Pekerja ini tercatat berhenti bertugas pada %(ended)s. Untuk mencatat ia bertugas lagi, "
                        "tambahkan baris tanpa ID dengan tanggal mulai bertugas yang baru."
                    )
                    % {"ended": shown(existing["ended_on"])},
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
