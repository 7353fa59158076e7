"""Sending a referral: sender authority, target, consent (or vital interest), what is shared; then notify."""

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import Action, can
from sinergi.core.errors import PermissionDenied
from sinergi.notifications.services import local_time, notify, translated
from sinergi.organisations.choices import LKS_KINDS, OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.people import services as people_services
from sinergi.people.access import person_access_record
from sinergi.people.choices import AccessPurpose, ConsentGiver, Sex
from sinergi.people.models import Consent, Person, Placement
from sinergi.people.selectors import person_list
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import (
    EventKind,
    ReferralStatus,
    ServiceKind,
    Shared,
    Urgency,
)
from ..models import Referral
from ._common import (
    MAX_REASON,
    MAX_SHORT,
    MAX_TEXT,
    _audit,
    _event,
    _link,
    _Problems,
    _receiver_users,
    _text,
    active_placement,
    acts_for,
    client_age,
    response_hours,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _check_consent(person: Person, data: dict, problems: _Problems) -> dict:
    """Consent fields for the referral: an existing (not withdrawn) consent of this person, or who gave consent and
    when, or — only for a vital interest, explained — none."""
    consent: Consent | None = data.get("consent")
    fields = {
        "consent": None,
        "consent_given_by": "",
        "consent_giver_name": "",
        "consent_given_on": None,
        "vital_interest": bool(data.get("vital_interest")),
        "vital_interest_note": _text(data, "vital_interest_note", problems, limit=MAX_SHORT),
    }
    if consent is not None:
        if consent.person_id != person.pk or consent.withdrawn_on is not None:
            problems.add("consent", _("Persetujuan yang dipilih bukan milik orang ini atau sudah dicabut."))
            return fields
        fields |= {
            "consent": consent,
            "consent_given_by": consent.given_by,
            "consent_giver_name": consent.giver_name,
            "consent_given_on": consent.given_on,
        }
        return fields
    given_by = data.get("consent_given_by") or ""
    giver_name = _text(data, "consent_giver_name", problems, limit=150)
    given_on = data.get("consent_given_on")
    if given_by or giver_name or given_on:
        if given_by not in ConsentGiver.values:
            problems.add("consent_given_by", _("Pilih siapa yang memberi persetujuan."))
        if not giver_name:
            problems.add("consent_giver_name", _("Nama pemberi persetujuan wajib diisi."))
        if not isinstance(given_on, datetime.date):
            problems.add("consent_given_on", _("Tanggal persetujuan wajib diisi."))
        elif given_on > timezone.localdate():
            problems.add("consent_given_on", _("Tanggal tidak boleh di masa depan."))
        if (
            given_by == ConsentGiver.SELF
            and person.birth_date
            and people_services.is_child_on(person, timezone.localdate())
        ):
            problems.add(
                "consent_given_by",
                _("Persetujuan untuk anak diberikan oleh orang tua atau wali, bukan anak itu sendiri."),
            )
        fields |= {"consent_given_by": given_by, "consent_giver_name": giver_name, "consent_given_on": given_on}
        return fields
    if not fields["vital_interest"]:
        problems.add(
            "consent",
            _(
                "Rujukan memerlukan persetujuan klien (atau orang tua/wali). Tanpa persetujuan hanya boleh untuk "
                "melindungi kepentingan vital — centang dan jelaskan alasannya."
            ),
        )
    elif not fields["vital_interest_note"]:
        problems.add("vital_interest_note", _("Jelaskan kepentingan vital yang membenarkan rujukan tanpa persetujuan."))
    return fields


@transaction.atomic
def referral_send(
    *, actor: "User", person: Person, from_organisation: Organisation, data: dict, request: HttpRequest | None = None
) -> Referral:
    """Sends a referral of `person` from `from_organisation` to an LKS (`to_organisation`) or a service
    (`to_service`, `to_service_provider`). Data keys: reason, urgency, ppks_category (Term; default the current
    placement's), consent (Consent) or consent_given_by/consent_giver_name/consent_given_on, or vital_interest +
    vital_interest_note; share (set of Shared values), case_summary, health_notes."""
    if not acts_for(actor, from_organisation):
        raise PermissionDenied(_("Anda tidak dapat mengirim rujukan atas nama organisasi ini."))
    if not person_list(actor=actor).qs.filter(pk=person.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang merujuk orang ini."))
    # Both ends as they are now, held until the referral is written: the ones given were read when the form was
    # shown, and an LKS moved to another kabupaten/kota meanwhile would send the referral to the wrong board for good
    # (the thirty-eighth review; referrals_follow runs on the move, before this referral exists).
    # In id order, so that two referrals crossing between the same two LKS wait for each other, never deadlock.
    to_organisation: Organisation | None = data.get("to_organisation") or None
    wanted = {from_organisation.pk} | ({to_organisation.pk} if to_organisation is not None else set())
    held = {o.pk: o for o in Organisation.objects.select_for_update().filter(pk__in=wanted).order_by("pk")}
    from_organisation = held[from_organisation.pk]
    if to_organisation is not None:
        to_organisation = held[to_organisation.pk]
    problems = _Problems()
    _check_sender(person, from_organisation, problems)
    placement = active_placement(person)
    category = data.get("ppks_category") or (placement.ppks_category if placement else None)
    if not isinstance(category, Term) or category.vocabulary != Vocabulary.PPKS:
        problems.add("ppks_category", _("Pilih kategori PPKS klien."))
        category = None
    today = timezone.localdate()
    to_service, provider = _check_target(
        actor, person, placement, category, from_organisation, to_organisation, data, problems, today
    )
    reason, urgency, share, case_summary, health_notes = _check_content(data, problems)
    consent_fields = _check_consent(person, data, problems)
    problems.raise_if_any()

    now = timezone.now()
    receiver = to_organisation or from_organisation
    referral = Referral.objects.create(
        person=person,
        from_organisation=from_organisation,
        from_placement=placement,
        from_province_code=from_organisation.province_code,
        from_regency_code=from_organisation.regency_code,
        to_organisation=to_organisation,
        to_service=to_service,
        to_service_provider=provider if to_service else "",
        to_province_code=receiver.province_code,
        to_regency_code=receiver.regency_code,
        ppks_category=category,
        client_age=client_age(person, today),
        client_sex=person.sex if person.sex in Sex.values else "",
        origin_regency_code=(person.origin_region_id or "")[:5] if person.origin_region_id else "",
        reason=reason,
        urgency=urgency,
        due_at=now + datetime.timedelta(hours=response_hours()[urgency]),
        share_identity=Shared.IDENTITY in share,
        share_ppks=Shared.PPKS in share,
        share_case_summary=Shared.CASE_SUMMARY in share,
        share_care_plan=Shared.CARE_PLAN in share,
        share_health=Shared.HEALTH in share,
        case_summary=case_summary,
        health_notes=health_notes,
        status=ReferralStatus.SENT,
        sent_at=now,
        sent_by=actor,
        **consent_fields,
    )
    _event(referral, EventKind.SENT, actor=actor, at=now)
    _audit(
        actor=actor,
        action="referrals.referral.sent",
        referral=referral,
        data={
            "person": person.pk,
            "from": from_organisation.pk,
            "to": to_organisation.pk if to_organisation else to_service,
            "urgency": urgency,
            "shared": sorted(share),
            "vital_interest": referral.vital_interest,
        },
        request=request,
    )
    person_access_record(
        actor=actor, person=person, what="referral_sent", purpose=AccessPurpose.CASE_REVIEW, request=request
    )
    if to_organisation:
        referral_received_notify(referral)
    return referral


def _check_sender(person: Person, from_organisation: Organisation, problems: _Problems) -> None:
    """An LKS refers the people it serves; a board, those served in its region."""
    if from_organisation.kind in LKS_KINDS and person.organisation_id != from_organisation.pk:
        problems.add("__all__", _("Orang ini tidak dilayani oleh LKS pengirim."))
    elif from_organisation.kind == OrganisationKind.LKKKS and not _in_region_of(person, from_organisation):
        # A board refers the clients of its own region only: a user who operates an LKS elsewhere and sits on a board
        # would otherwise file that LKS's child under the board, out of sight of the child's own board and admin.
        problems.add(
            "__all__",
            _(
                "Orang ini dilayani di luar wilayah %(board)s. Kirim rujukan atas nama LKS tempat ia dilayani, atau "
                "LKKKS wilayahnya."
            )
            % {"board": from_organisation.name},
        )


def _check_target(
    actor: "User",
    person: Person,
    placement: Placement | None,
    category: Term | None,
    from_organisation: Organisation,
    to_organisation: Organisation | None,
    data: dict,
    problems: _Problems,
    today: datetime.date,
) -> tuple[str, str]:
    """One target: a service with its provider named, or another active LKS that serves the category, to which only
    those who may move the placement may refer (acceptance moves it). Returns (service, provider)."""
    to_service = data.get("to_service") or ""
    provider = _text(data, "to_service_provider", problems, limit=200)
    if bool(to_organisation) == bool(to_service):
        problems.add("to_organisation", _("Pilih satu tujuan: LKS lain atau layanan."))
    elif to_service:
        if to_service not in ServiceKind.values:
            problems.add("to_service", _("Layanan “%(value)s” tidak dikenal.") % {"value": to_service})
        if not provider:
            problems.add("to_service_provider", _("Tulis nama penyedia layanan (mis. RSUD Ulin)."))
    else:
        if to_organisation.kind not in LKS_KINDS or to_organisation.status != OrganisationStatus.ACTIVE:
            problems.add("to_organisation", _("Tujuan harus LKS yang masih aktif."))
        elif to_organisation.pk in (from_organisation.pk, person.organisation_id):
            problems.add("to_organisation", _("Pilih LKS lain sebagai tujuan."))
        elif category is not None:
            people_services.check_lks_serves(
                problems,
                organisation=to_organisation,
                category=category,
                child=people_services.is_child_on(person, today),
                field_name="to_organisation",
            )
        if placement is None:
            problems.add("__all__", _("Orang ini tidak memiliki penempatan aktif yang dapat dipindahkan."))
        elif not can(actor, Action.PERSON_CHANGE, placement):
            # Acceptance moves the placement, so only those who may move it (its LKS, the province) may ask for it.
            problems.add(
                "to_organisation",
                _("Rujukan ke LKS memindahkan penempatan; hanya LKS tempat orang ini dilayani yang dapat mengirimnya."),
            )
        elif Referral.objects.filter(person=person, to_organisation__isnull=False, status=ReferralStatus.SENT).exists():
            problems.add("__all__", _("Orang ini masih memiliki rujukan ke LKS yang belum dijawab."))
    return to_service, provider


def _check_content(data: dict, problems: _Problems) -> tuple[str, str, set[str], str, str]:
    """The reason, urgency and what is shared, each shared part filled in. Returns (reason, urgency, share, case
    summary, health notes)."""
    reason = _text(data, "reason", problems, limit=MAX_REASON, required=_("Alasan rujukan wajib diisi."))
    urgency = data.get("urgency") or Urgency.NORMAL
    if urgency not in Urgency.values:
        problems.add("urgency", _("Tingkat urgensi tidak dikenal."))
    share = set(data.get("share") or [])
    if unknown := share - set(Shared.values):
        problems.add("share", _("Pilihan “%(value)s” tidak dikenal.") % {"value": ", ".join(sorted(unknown))})
    case_summary = _text(data, "case_summary", problems, limit=MAX_TEXT)
    health_notes = _text(data, "health_notes", problems, limit=MAX_TEXT)
    if Shared.CASE_SUMMARY in share and not case_summary:
        problems.add("case_summary", _("Ringkasan kasus dibagikan tetapi belum diisi."))
    if Shared.HEALTH in share and not health_notes:
        problems.add("health_notes", _("Catatan kesehatan dibagikan tetapi belum diisi."))
    return reason, urgency, share, case_summary, health_notes


def referral_received_notify(referral: Referral) -> None:
    """Tells the receiving LKS's users of a referral sent to it, with its deadline (once: the key keeps a second call
    from repeating it)."""
    notify(
        recipients=_receiver_users(referral),
        kind="referrals.received",
        # Each receiver reads it in their language and the deadline on their clock, its zone named.
        title=translated(
            _lazy("Rujukan baru dari %(sender)s (%(urgency)s)"),
            sender=referral.from_organisation.name,
            urgency=Urgency(referral.urgency).label,
        ),
        body=translated(
            _lazy(
                "Rujukan #%(number)s: %(category)s. Mohon dijawab sebelum %(due)s. Identitas klien terlihat "
                "setelah rujukan diterima."
            ),
            number=referral.pk,
            category=referral.ppks_category,  # a term: its label in the receiver's language
            due=local_time(referral.due_at),
        ),
        link=_link(referral),
        dedup_key=f"referral-{referral.pk}-received",
    )


def _in_region_of(person: Person, board: Organisation) -> bool:
    """Whether the person is served within the board's region (its province, or its kabupaten/kota; a national
    board's is the country)."""
    if not board.province_code:
        return True
    if board.regency_code:
        return person.regency_code == board.regency_code
    return person.province_code == board.province_code
