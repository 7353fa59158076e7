"""An erased client's traces in the exchange: the files and lists of the imports and exports that hold them.

Kept for the retention's days otherwise (thirty by default), they would go on naming the person after the erasure
(the job lists, a trial's records as read, the upload itself). They go with the record instead: the jobs whose run
logged an access to the person (registered, changed, shown in a trial or a refused import, exported), and the
imports whose file name or lists quote the person's name or numbers. A file the person is in without either (an
unchanged row of a re-import logs nothing) is still left to the retention.
"""

import datetime
from typing import Any

from django.utils import timezone

from sinergi.accounts.models import User
from sinergi.accounts.scope import Action, restrict
from sinergi.exchange.models import ImportJob
from sinergi.exchange.services import erasure_candidates, import_jobs_quoting, jobs_purge_for_erasure

from ..models import PersonAccess, Placement
from .clients import ClientsEntity

# What an import or an export writes on the access log of the people it reads or writes.
IMPORT_WHATS = ("created", "changed", "import_checked", "import_refused_checked")
EXPORT_WHATS = ("exported",)


def erased_person_jobs_purge(*, person_ids: list[int], identifiers: list[str], **_signal: Any) -> dict[str, list[int]]:
    """`person_erased`'s receiver: purges the jobs that hold the person; returns their numbers for the erasure's
    audit event."""
    now = timezone.now()
    imports, exports = erasure_candidates(ClientsEntity.key, now=now)
    if not imports and not exports:
        return {}
    # A job cancelled before the worker took it has no start (nor any line): with only such jobs, no line is read.
    started = [job.started_at for job in [*imports, *exports] if job.started_at]
    lines = (
        list(
            PersonAccess.objects.filter(
                person_id__in=person_ids,
                occurred_at__gte=min(started) - datetime.timedelta(seconds=1),
                what__in=IMPORT_WHATS + EXPORT_WHATS,
            ).values_list("actor_id", "occurred_at", "what")
        )
        if started
        else []
    )
    import_pks = {job.pk for job in imports if any(job.wrote(a, at) for a, at, what in lines if what in IMPORT_WHATS)}
    quoting = import_jobs_quoting([job.pk for job in imports if job.pk not in import_pks], identifiers)
    import_pks.update(_started_where_they_stayed(quoting, person_ids))
    export_pks = [job.pk for job in exports if any(job.wrote(a, at) for a, at, what in lines if what in EXPORT_WHATS)]
    purged_imports, purged_exports = jobs_purge_for_erasure(
        import_pks=sorted(import_pks), export_pks=export_pks, identifiers=identifiers, now=now
    )
    found = {"import_jobs_purged": purged_imports, "export_jobs_purged": purged_exports}
    return {key: pks for key, pks in found.items() if pks}


def _started_where_they_stayed(pks: list[int], person_ids: list[int]) -> list[int]:
    """Of the import jobs `pks` that quote the person's name, those started by someone who may see one of their stays
    (an operator of an LKS where they stayed, a board over its area, an admin, the system): a namesake's file at
    another LKS ("Muhammad Rizki" is many children) is not theirs, and keeps its files for the retention's days. A
    starter whose roles have changed since is judged by today's roles."""
    starters = dict(ImportJob.objects.filter(pk__in=pks).values_list("pk", "created_by_id"))
    stays = Placement.objects.filter(person_id__in=person_ids)
    users = User.objects.filter(pk__in={pk for pk in starters.values() if pk is not None})
    may_see = {user.pk for user in users if restrict(stays, actor=user, action=Action.PERSON_VIEW).exists()}
    return [pk for pk, starter in starters.items() if starter is None or starter in may_see]
