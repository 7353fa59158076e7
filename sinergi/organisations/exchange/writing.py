"""The write of a batch of planned LKS rows: the new LKS inserted in bulk, the changed ones updated once no one else
changed them meanwhile, their service kinds linked again, moves announced and changes audited. A mixin of LksEntity.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record_many
from sinergi.core.errors import ConflictError
from sinergi.exchange.columns import ImportContext, RowPlan
from sinergi.exchange.dbwrite import bulk_insert

from ..models import Organisation
from ..services import organisation_moved_send
from ._common import _attname


class _LksWriting:
    """Writes a batch of planned LKS rows (inside the import's transaction)."""

    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        through = Organisation.service_kinds.through
        creates = [p for p in plans if p.action == "create"]
        updates = [p for p in plans if p.action == "update"]
        bulk_insert(Organisation, [p.obj for p in creates], portable=ctx.cache.get("portable", False))
        links = [through(organisation_id=p.obj.pk, term_id=t.pk) for p in creates for t in p.extra["kinds"]]
        if updates:
            ids = [p.obj.pk for p in updates]
            versions = dict(Organisation.objects.select_for_update().filter(pk__in=ids).values_list("pk", "version"))
            stale = [p for p in updates if versions.get(p.obj.pk) != p.extra["version"]]
            if stale:
                raise ConflictError(
                    _("LKS “%(name)s” diubah orang lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.")
                    % {"name": stale[0].obj.name}
                )
            now = timezone.now()
            fields = {"version", "updated_at"}
            for plan in updates:
                plan.obj.version = plan.extra["version"] + 1
                plan.obj.updated_at = now
                fields.update(_attname(name) for name in plan.extra["fields"])
            Organisation.objects.bulk_update([p.obj for p in updates], sorted(fields), batch_size=500)
            relinked = [p for p in updates if p.extra["kinds"] is not None]
            through.objects.filter(organisation_id__in=[p.obj.pk for p in relinked]).delete()
            links += [through(organisation_id=p.obj.pk, term_id=t.pk) for p in relinked for t in p.extra["kinds"]]
            for plan in updates:
                if (plan.obj.province_code, plan.obj.regency_code) != plan.extra["area"]:
                    organisation_moved_send(plan.obj)  # its clients and workers move with it, as after the form
            # Each LKS's own history shows the change (before → after, as the dry run showed it), as after a form's
            # save; the import's one event holds the counts.
            audit_record_many(
                actor=ctx.actor,
                action="organisations.organisation.updated",
                model=Organisation,
                changes_by_pk={p.obj.pk: p.changes for p in updates},
                data={"via": "import", **(ctx.cache.get("audit_via") or {})},
            )
        if creates:
            # Each new LKS's own history says who registered it, when and through which import, as after the
            # form's save ("Didaftarkan"); its values are the import's trial and the record itself.
            audit_record_many(
                actor=ctx.actor,
                action="organisations.organisation.created",
                model=Organisation,
                changes_by_pk={p.obj.pk: {} for p in creates},
                data={"via": "import", **(ctx.cache.get("audit_via") or {})},
            )
        through.objects.bulk_create(links, batch_size=1000)
