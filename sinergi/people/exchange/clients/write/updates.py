"""The rows about stored people written: stays discharged, people's records corrected, consents recorded."""

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record_many
from sinergi.core.errors import ConflictError, PermissionDenied, ValidationError
from sinergi.exchange.columns import ImportContext
from sinergi.exchange.dbwrite import bulk_insert_rows

from ....access import person_access_record_many
from ....choices import AccessPurpose, PlacementStatus
from ....models import Consent, Person, Placement
from ..state import ClientsState, KnownPlacement
from .inserts import CONSENT_INSERTED


class ClientWriteUpdate:
    """Writes the discharges, corrections and consents of stored people."""

    def _discharge(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        ids = [u.pk for u in updates]
        snapshots = {u.pk: u.snapshot for u in updates}
        # Still active, and still counted as the check counted it: its LKS may have moved meanwhile (its stays with
        # it), or its form, category or admission been corrected on its page; the summaries would then lose the stay
        # from a count it is no longer in (the thirty-ninth review).
        counted = ("province_code", "regency_code", "ppks_code", "setting", "admitted_on")
        still_active = {
            row[0]
            for row in Placement.objects.select_for_update(of=("self",))  # (not the category's term it joins)
            .filter(pk__in=ids, status=PlacementStatus.ACTIVE)
            .values_list("pk", "province_code", "regency_code", "ppks_category__code", "setting", "admitted_on")
            if row[1:] == tuple(snapshots[row[0]][key] for key in counted)
        }
        if len(still_active) != len(ids):
            raise ConflictError(
                _("Sebagian penempatan di file ini diubah orang lain selama impor berjalan. Tidak ada yang disimpan; "
                  "ulangi impor.")
            )  # fmt: skip
        now = timezone.now()
        objects = [
            Placement(
                pk=u.pk,
                status=PlacementStatus.DISCHARGED,
                discharged_on=u.discharged_on,
                discharge_reason=u.reason,
                next_review_on=None,
                stage=u.stage,
                updated_at=now,
            )
            for u in updates
        ]
        Placement.objects.bulk_update(
            objects,
            ["status", "discharged_on", "discharge_reason", "next_review_on", "stage", "updated_at"],
            batch_size=500,
        )
        for u in updates:
            state.delta.add_placement(u.snapshot, -1)
            state.delta.add_placement(
                {**u.snapshot, "status": PlacementStatus.DISCHARGED, "discharged_on": u.discharged_on}, +1
            )
        person_access_record_many(
            actor=ctx.actor,
            persons=[Person(pk=u.person_id) for u in updates],
            what="changed",
            purpose=AccessPurpose.SERVICE,
        )
        # Each stay's own history says it ended, and by which import, as a discharge on its page does (the
        # fifty-fourth review found only the import's count); one insert for all.
        audit_record_many(
            actor=ctx.actor,
            action="people.placement.discharged",
            model=Placement,
            changes_by_pk={
                u.pk: {
                    "status": [PlacementStatus.ACTIVE, PlacementStatus.DISCHARGED],
                    "discharged_on": [None, u.discharged_on],
                    "discharge_reason": ["", u.reason],
                }
                for u in updates
            },
            data=ctx.cache.get("audit_via") or {},
            purpose=AccessPurpose.SERVICE,
        )
        state.counts["discharged"] += len(updates)

    def _correct(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        """Corrections of people's records, one person_update each: the page's rules, audit event and access log.
        A refusal here (someone changed the record meanwhile) undoes the whole import."""
        from ....services.persons import person_update

        people = Person.objects.in_bulk([u.person_id for u in updates])
        for update in updates:
            try:
                person_update(
                    actor=ctx.actor,
                    person=people[update.person_id],
                    data=update.person_data,
                    expected_version=update.person_version,
                    via=ctx.cache.get("audit_via"),
                )
            except ConflictError as error:
                # (the form's words would tell the user to reload a page)
                raise ConflictError(
                    _("Baris %(row)s: data orang ini diubah selama impor berjalan (lewat formulir atau impor lain). "
                      "Tidak ada yang disimpan; ulangi impor untuk melihat perubahan terbarunya.") % {"row": update.row}
                ) from error  # fmt: skip
            except PermissionDenied as error:
                raise ConflictError(
                    _("Baris %(row)s: Anda tidak lagi berwenang mengubah data orang ini: ia dipindahkan ke LKS lain, "
                      "atau hak Anda berubah, selama impor berjalan. Tidak ada yang disimpan; ulangi impor.")
                    % {"row": update.row}
                ) from error  # fmt: skip
            except ValidationError as error:
                reason = " ".join(getattr(error, "messages", None) or [str(error)])
                raise ConflictError(
                    _("Baris %(row)s: %(reason)s Tidak ada yang disimpan; ulangi impor.")
                    % {"row": update.row, "reason": reason}
                ) from error
        state.counts["corrected"] += len(updates)

    def _record_consents(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        """Consents for stored people, as consent_record records them (who recorded it, an access-log line), in
        bulk: the import's own audit event counts them, as it counts the consents of the people it admits."""
        ids = [u.person_id for u in updates]
        # As consent_record: no processing of a record restricted at the person's request (checked again here, under
        # lock, since it may have been restricted while the file was checked).
        # Nor of one erased (at their request) or merged into another record meanwhile: the consent giver's name
        # would be written on a record the administrator was told is erased (the thirty-ninth review).
        held = list(
            Person.objects.select_for_update()
            .filter(pk__in=ids)
            .values_list("pk", "is_restricted", "erased_at", "merged_into_id")
        )
        if any(restricted for _pk, restricted, _erased, _merged in held):
            raise ConflictError(
                _("Pemrosesan data sebagian orang di file ini dibatasi selama impor berjalan. Tidak ada yang disimpan; "
                  "ulangi impor.")
            )  # fmt: skip
        if gone := {pk for pk, _restricted, erased, merged in held if erased or merged}:
            row = next(u.row for u in updates if u.person_id in gone)
            raise ConflictError(
                _("Baris %(row)s: data orang ini dihapus atau digabungkan dengan data lain selama impor berjalan. "
                  "Tidak ada yang disimpan; ulangi impor.") % {"row": row}
            )  # fmt: skip
        actor = ctx.actor
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        bulk_insert_rows(Consent, CONSENT_INSERTED, [(u.person_id, *u.consent, actor_id) for u in updates],
                         with_ids=False)  # fmt: skip
        person_access_record_many(
            actor=actor, persons=[Person(pk=pk) for pk in ids], what="changed", purpose=AccessPurpose.SERVICE
        )
        state.counts["consents"] += len(updates)
