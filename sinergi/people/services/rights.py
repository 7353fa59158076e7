"""Data-subject rights (UU PDP): access export, restriction of processing, erasure."""

import contextlib
import datetime
from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.crypto import decrypt
from sinergi.core.dates import shown
from sinergi.core.errors import TransitionError, ValidationError

# Summary updates are called through the package rather than imported by name, so replacing
# `services.summary_*` (as tests do) reaches every caller, as it did when services was one module.
from sinergi.people import services as package
from sinergi.regions.models import RegionLevel

from ..access import person_access_record
from ..choices import AccessPurpose, PlacementStatus
from ..models import CarePlanReview, DuplicateCandidate, Person, PersonRevision, Placement
from ..signals import person_erased
from ._common import _audit, _require
from .rules import add_months

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _require_subject_rights(actor: "User", person: Person) -> None:
    _require(
        actor, Action.SUBJECT_REQUEST, person, _("Hanya admin provinsi yang dapat menangani permintaan subjek data.")
    )


def _date_or_none(value) -> str | None:
    return value.isoformat() if value else None


@transaction.atomic
def person_subject_access_export(
    *, actor: "User", person: Person, request: HttpRequest | None = None, delivery: str = "json"
) -> dict:
    """Everything held about one person, for an access request (UU PDP Pasal 7). The NIK and KK appear masked,
    as in every export; the subject already knows their own numbers and can ask the LKS to show them. `delivery`
    says how it is handed over, as the audit event records it: "page" (read on the request's page, which an erasure
    or a restriction also goes through) or "json" (the copy downloaded)."""
    if delivery not in ("page", "json"):
        raise ValueError(f"Unknown delivery {delivery!r}")
    from ..selectors import person_revisions  # (selectors import the services' rules)

    _require_subject_rights(actor, person)
    person = Person.objects.select_related("organisation", "origin_region").get(pk=person.pk)
    placements = []
    for placement in person.placements.select_related("organisation", "ppks_category").prefetch_related(
        "services", "reviews"
    ):
        placements.append(
            {
                "lks": placement.organisation.name,
                "ppks_category": placement.ppks_category.label,
                "setting": placement.get_setting_display(),
                "services": [term.label for term in placement.services.all()],
                "admitted_on": _date_or_none(placement.admitted_on),
                "stage": placement.get_stage_display() if placement.stage else "",
                "next_review_on": _date_or_none(placement.next_review_on),
                "status": placement.get_status_display(),
                "discharged_on": _date_or_none(placement.discharged_on),
                "discharge_reason": placement.get_discharge_reason_display() if placement.discharge_reason else "",
                "discharge_note": placement.discharge_note,
                "reviews": [
                    {
                        "reviewed_on": _date_or_none(review.reviewed_on),
                        "summary": review.summary,
                        "next_review_on": _date_or_none(review.next_review_on),
                    }
                    for review in placement.reviews.all()
                ],
            }
        )
    export = {
        "person": {
            "id": person.pk,
            "full_name": person.full_name,
            "sex": person.get_sex_display(),
            "birth_date": _date_or_none(person.birth_date),
            "birth_date_estimated": person.birth_date_estimated,
            "birth_place": person.birth_place,
            "nik": person.nik_masked,
            "nik_missing_reason": person.get_nik_missing_reason_display() if person.nik_missing_reason else "",
            "kk": person.kk_masked,
            "kk_missing_reason": person.get_kk_missing_reason_display() if person.kk_missing_reason else "",
            "origin_region": str(person.origin_region) if person.origin_region else "",
            "ppks_categories": [term.label for term in person.ppks_categories.all()],
            "disability_type": person.get_disability_type_display() if person.disability_type else "",
            "mother_name": person.mother_name,
            "father_name": person.father_name,
            "guardian_name": person.guardian_name,
            "guardian_relation": person.guardian_relation,
            "guardian_phone": person.guardian_phone,
            "notes": person.notes,
            "lks": person.organisation.name,
            "is_restricted": person.is_restricted,
            "created_at": person.created_at.isoformat(),
            "updated_at": person.updated_at.isoformat(),
        },
        "placements": placements,
        # What corrections replaced in the identifying fields (NIK and KK masked, as above)
        "corrections": [
            {
                "changed_at": row.changed_at.isoformat(),
                "fields": {change.label: [change.before, change.after] for change in row.changes},
            }
            for row in person_revisions(person=person)
        ],
        "consents": [
            {
                "given_by": consent.get_given_by_display(),
                "giver_name": consent.giver_name,
                "given_on": _date_or_none(consent.given_on),
                "legal_basis": consent.get_legal_basis_display(),
                "scope": consent.scope,
                "withdrawn_on": _date_or_none(consent.withdrawn_on),
            }
            for consent in person.consents.all()
        ],
        "incidents": [
            {
                "kind": incident.get_kind_display(),
                "occurred_on": _date_or_none(incident.occurred_on),
                "description": incident.description,
                "reported_at": incident.reported_at.isoformat(),
                "follow_up": incident.follow_up,
            }
            for incident in person.incidents.all()
        ],
        "accesses": [
            {
                "occurred_at": access.occurred_at.isoformat(),
                "actor": access.actor_name,
                "what": access.what,
                "purpose": access.get_purpose_display(),
                "ip_address": access.ip_address or "",
            }
            for access in person.accesses.all()
        ],
        # Whether other records may be the same human, without saying whose (that would be someone else's data).
        "duplicate_checks": DuplicateCandidate.objects.filter(Q(person=person) | Q(other=person)).count(),
        # Second records of this person merged into this one (services.duplicate_merge): they hold nothing any more
        # but what they said of the person, which is theirs to see.
        "merged_records": [
            {
                "id": merged.pk,
                "merged_at": merged.merged_at.isoformat() if merged.merged_at else None,
                "full_name": merged.full_name,
                "sex": merged.get_sex_display(),
                "birth_date": _date_or_none(merged.birth_date),
                "birth_place": merged.birth_place,
                "nik": merged.nik_masked,
                "kk": merged.kk_masked,
                "origin_region": str(merged.origin_region) if merged.origin_region else "",
                "disability_type": merged.get_disability_type_display() if merged.disability_type else "",
                "mother_name": merged.mother_name,
                "father_name": merged.father_name,
                "guardian_name": merged.guardian_name,
                "guardian_relation": merged.guardian_relation,
                "guardian_phone": merged.guardian_phone,
                "notes": merged.notes,
                "created_at": merged.created_at.isoformat(),
            }
            for merged in Person.objects.filter(merged_into=person).select_related("origin_region").order_by("pk")
        ],
    }
    _audit(
        actor=actor,
        action="people.person.subject_access_exported",
        obj=person,
        data={"format": delivery},
        request=request,
        purpose=AccessPurpose.SUBJECT_REQUEST,
    )
    person_access_record(
        actor=actor, person=person, what="exported", purpose=AccessPurpose.SUBJECT_REQUEST, request=request
    )
    return export


@transaction.atomic
def person_restrict(
    *, actor: "User", person: Person, restricted: bool, reason: str, request: HttpRequest | None = None
) -> Person:
    """Restricts (or lifts the restriction of) processing: a restricted person disappears from every list but
    the province administrators' and cannot be changed until lifted (UU PDP Pasal 11)."""
    _require_subject_rights(actor, person)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Alasan wajib diisi.")]})
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.erased_at is not None:
        raise TransitionError(_("Data orang ini sudah dihapus."))
    if current.is_restricted == restricted:
        raise TransitionError(
            _("Pemrosesan data orang ini sudah dibatasi.")
            if restricted
            else _("Pemrosesan data orang ini tidak dibatasi.")
        )
    current.is_restricted = restricted
    current.version = F("version") + 1
    current.save(update_fields=["is_restricted", "version", "updated_at"])
    current.refresh_from_db()
    _audit(
        actor=actor,
        action="people.person.restricted" if restricted else "people.person.unrestricted",
        obj=current,
        changes={"is_restricted": [not restricted, restricted]},
        data={"reason": reason.strip()[:300]},
        purpose=AccessPurpose.SUBJECT_REQUEST,
        request=request,
    )
    person_access_record(
        actor=actor, person=current, what="changed", purpose=AccessPurpose.SUBJECT_REQUEST, request=request
    )
    return current


def erasure_refusal(person: Person, *, subject_asked: bool, today: datetime.date | None = None) -> str | None:
    """Why a person may not be erased yet, or None. The rule (kept simple, see docs):
    - never while a placement is active (the LKS still serves them);
    - never when an incident is recorded (evidence of abuse must be kept);
    - otherwise after PERSON_RETENTION_YEARS since the last discharge, or earlier when the person (or their
      guardian) asked for it — UU PDP Pasal 8 — since no other legal duty to keep the file applies then."""
    today = today or timezone.localdate()
    if person.placements.filter(status=PlacementStatus.ACTIVE).exists():
        return _("Orang ini masih dilayani; selesaikan penempatannya dahulu.")
    if person.incidents.exists():
        return _("Ada laporan insiden untuk orang ini; laporan kekerasan wajib disimpan.")
    if subject_asked:
        return None
    years = settings.SINERGI.get("PERSON_RETENTION_YEARS", 10)
    last = person.placements.order_by("-discharged_on").values_list("discharged_on", flat=True).first()
    if last is not None and last > add_months(today, -12 * years):
        return _(
            "Masa simpan data belum berakhir (%(years)d tahun sejak keluar terakhir pada %(day)s). "
            "Penghapusan sebelum itu hanya atas permintaan yang bersangkutan."
        ) % {"years": years, "day": shown(last)}
    return None


@transaction.atomic
def person_erase(
    *, actor: "User", person: Person, reason: str, subject_asked: bool = False, request: HttpRequest | None = None
) -> Person:
    """Erases a person's identifying data when `erasure_refusal` allows it. Keeps sex, birth year and month
    (as the 1st of the month), PPKS categories, disability type, the kabupaten/kota of origin and the placements
    (without notes), so anonymous counts stay right. Consents and duplicate candidates go; access log stays."""
    _require_subject_rights(actor, person)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Alasan wajib diisi.")]})
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.erased_at is not None:
        raise TransitionError(_("Data orang ini sudah dihapus."))
    refusal = erasure_refusal(current, subject_asked=subject_asked)
    if refusal:
        raise ValidationError({"__all__": [refusal]})
    placements = list(current.placements.all())
    snapshots = {p.pk: package.summary_snapshot(p) for p in placements}
    # Records a board merged into this one are the same human's: what they still say goes with it (they hold no
    # stays, consents or incidents any more: those moved to this record).
    merged = list(Person.objects.select_for_update().filter(merged_into=current, erased_at__isnull=True))
    # What other apps removed with the record (the exchange: the imports and exports that held it), for the event.
    removed_elsewhere: dict[str, list[int]] = {}
    for _receiver, response in person_erased.send(
        sender=Person,
        person_ids=[current.pk, *(record.pk for record in merged)],
        identifiers=_identifiers([current, *merged]),
    ):
        removed_elsewhere.update(response or {})
    for record in [current, *merged]:
        _scrub(record)
    current.refresh_from_db()
    Placement.objects.filter(person=current).update(discharge_note="")
    CarePlanReview.objects.filter(placement__person=current).update(summary="")
    current.consents.all().delete()
    erased_ids = [current.pk, *(record.pk for record in merged)]
    DuplicateCandidate.objects.filter(Q(person_id__in=erased_ids) | Q(other_id__in=erased_ids)).delete()
    PersonRevision.objects.filter(person_id__in=erased_ids).delete()  # the values corrections replaced
    _referrals_scrub(erased_ids)
    merged_data = {"merged_records": [record.pk for record in merged]} if merged else {}
    _audit(
        actor=actor,
        action="people.person.erased",
        obj=current,
        data={"reason": reason.strip()[:300], "subject_asked": subject_asked, **merged_data, **removed_elsewhere},
        purpose=AccessPurpose.SUBJECT_REQUEST,
        request=request,
    )
    person_access_record(
        actor=actor, person=current, what="erased", purpose=AccessPurpose.SUBJECT_REQUEST, request=request
    )
    for placement in placements:
        placement.person = current
        package.summary_placement_changed(snapshots[placement.pk], placement)
    return current


def _referrals_scrub(person_ids: list[int]) -> None:
    """What the person's referrals say of them in words: the consenting parent's name, the reason, the case summary,
    the health notes, the notes of their steps, and the bodies of the notifications about them. Their category, age,
    sex, urgency, dates and status stay, for the counts (the fortieth review: an erasure left them all). By the
    reverse relation and the app registry: the referrals app comes after this one and is not imported here."""
    if not apps.is_installed("sinergi.referrals"):
        return
    referral_event = apps.get_model("referrals", "ReferralEvent")
    referrals = Person.referrals.rel.related_model.objects.filter(person_id__in=person_ids)
    referral_event.objects.filter(referral__in=referrals).update(note="")
    if apps.is_installed("sinergi.notifications"):
        # What their notifications quoted of those words (a decline's or a cancel's reason, a completion's note)
        # goes too; the titles say only the referral's number and the LKS (the forty-first review).
        links = [reverse("referrals:detail", args=[pk]) for pk in referrals.values_list("pk", flat=True)]
        apps.get_model("notifications", "Notification").objects.filter(
            kind__startswith="referrals.", link__in=links
        ).update(body="")
    referrals.update(
        consent_giver_name="", reason="", case_summary="", health_notes="", vital_interest_note="",
        decline_reason="", cancel_reason="",
    )  # fmt: skip


def _identifiers(records: list[Person]) -> list[str]:
    """What named the records before their erasure: full names, NIKs and KK numbers (a key that no longer opens a
    number leaves it out: what it would find is then left to the retention)."""
    found: list[str] = []
    for record in records:
        found.append(record.full_name)
        for token in (record.nik_encrypted, record.kk_encrypted):
            with contextlib.suppress(ValueError):
                found.append(decrypt(token))
    return [text for text in dict.fromkeys(found) if text]


def _scrub(person: Person) -> None:
    """Removes a record's identifying data (person_erase's docstring says what stays) and marks it erased."""
    person.full_name = ""
    person.birth_place = ""
    if person.birth_date:
        person.birth_date = person.birth_date.replace(day=1)
    for kind in ("nik", "kk"):
        for suffix in ("encrypted", "hash", "masked", "missing_reason"):
            setattr(person, f"{kind}_{suffix}", "")
    if person.origin_region_id and person.origin_region.level > RegionLevel.REGENCY:
        person.origin_region_id = person.origin_region_id[:5]
    for name in ("mother_name", "father_name", "guardian_name", "guardian_relation", "guardian_phone", "notes"):
        setattr(person, name, "")
    person.match_key = ""
    person.erased_at = timezone.now()
    person.version = F("version") + 1
    person.save()
