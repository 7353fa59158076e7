"""The export of workers: the actor's workers with the list's filters and the purpose of access, and their rows, every
exported worker logged in the access log as the file streams out (UU PDP). A mixin of WorkersEntity.
"""

from typing import TYPE_CHECKING

from django.db.models import CharField, IntegerField, Value
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.bulk import chunks
from sinergi.core.errors import ValidationError
from sinergi.exchange.columns import Column, filter_problems, scope_filter_problem, term_labels
from sinergi.exchange.dbwrite import bulk_insert_rows, write_beside_open_read
from sinergi.regions.selectors import regency_names
from sinergi.vocabularies.models import Vocabulary

from ...access import actor_label
from ...choices import BackgroundCheckResult, Sex, WorkerRole
from ...models import WorkerAccess
from ..common import export_purpose
from .columns import EXPORT_COLUMNS, EXPORT_FIELDS

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class _WorkersExport:
    """Exports the workers the actor may export, logging the access to each."""

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
