"""The export of the LKS registry: the actor's LKS with the list's filters, and their rows, with the region names and
service kinds read a chunk at a time. A mixin of LksEntity.
"""

from typing import TYPE_CHECKING

from sinergi.accounts.scope import Action
from sinergi.core.bulk import chunks
from sinergi.core.errors import ValidationError
from sinergi.exchange.columns import filter_problems, region_filter_problem

from .. import selectors
from ..choices import LKS_KINDS
from ..models import Organisation
from ._common import _RegionNames

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class _LksExport:
    """Exports the LKS of the registry the actor may export."""

    def export_filterset(self, *, actor: "User | SystemActor", filters):
        return selectors.organisation_list(actor=actor, filters=filters or {}, action=Action.EXPORT)

    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        filterset = self.export_filterset(actor=actor, filters=filters)
        if not filterset.is_valid():
            raise ValidationError(filter_problems(filterset))
        if problem := region_filter_problem(actor=actor, action=Action.EXPORT, filters=filters or {}):
            raise ValidationError(problem)
        # The region's names come from _RegionNames a chunk at a time; joining the region row per LKS is waste.
        return (
            filterset.qs.filter(kind__in=LKS_KINDS)
            .select_related(None)
            .select_related("primary_service_kind", "accreditation_grade")
        )

    def export_rows(self, objects):
        names = _RegionNames()
        columns = [column.for_export() for column in self.export_columns()]
        through = Organisation.service_kinds.through
        for chunk in chunks(objects, 2000):
            names.load(o.region_id for o in chunk)
            kinds: dict[int, list[str]] = {o.pk: [] for o in chunk}
            links = through.objects.filter(organisation_id__in=list(kinds)).values_list("organisation_id", "term__code")
            for organisation_id, code in links:
                kinds[organisation_id].append(code)
            for organisation in chunk:
                organisation._ancestor_names = names.of(organisation.region_id)
                organisation._export_codes = {"service_kinds": kinds[organisation.pk]}
                yield [column.export(organisation) for column in columns]
