"""Reports of suspected abuse or violence, and the Dinas Sosial officials told about them at once."""

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.models import Membership, Role
from sinergi.accounts.scope import Action
from sinergi.core.errors import PermissionDenied
from sinergi.notifications.services import notify, translated

from ..access import person_access_record, purpose_for
from ..choices import IncidentKind
from ..models import Incident, Person
from ._common import _audit, _choice, _date, _Problems, _require

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def incident_recipients(*, province_code: str, regency_code: str) -> list:
    """Dinas Sosial viewers whose membership covers this kabupaten/kota (or its whole province)."""
    memberships = (
        Membership.objects.filter(
            role=Role.DINSOS_VIEWER, is_active=True, user__is_active=True, region_id__in=[regency_code, province_code]
        )
        .select_related("user")
        .order_by("user__username")
    )
    users: dict[int, Any] = {}
    for membership in memberships:
        users.setdefault(membership.user_id, membership.user)
    return list(users.values())


@transaction.atomic
def incident_report(*, actor: "User", person: Person, data: dict, request: HttpRequest | None = None) -> Incident:
    """Records a suspicion of abuse or violence at the person's LKS and notifies Dinas Sosial of that
    kabupaten/kota at once (in-app, and by e-mail after commit).

    Allowed for restricted persons too: reporting harm to a child is a vital interest (UU PDP Pasal 20(2)(d)).
    The e-mail names the LKS and the kind of incident, never the person: the details are behind the login.
    """
    _require(actor, Action.PERSON_CHANGE, person, _("Anda tidak berwenang melaporkan insiden untuk orang ini."))
    # The record as it is now, held until the report is written: a board merging it at this moment would otherwise
    # leave the report on the retired record, which no page finds (and the kept one erasable: the forty-third
    # review). A report of harm is not lost for a merge: it goes to the record kept, if the reporter may change it.
    person = Person.objects.select_for_update().get(pk=person.pk)
    while person.merged_into_id is not None and person.erased_at is None:
        kept = Person.objects.select_for_update().get(pk=person.merged_into_id)
        _require(
            actor, Action.PERSON_CHANGE, kept, _("Data ini sudah digabungkan ke data lain dan tidak dapat diubah.")
        )
        person = kept
    if person.erased_at is not None:
        raise PermissionDenied(_("Data orang ini sudah dihapus."))
    if person.merged_into_id is not None:
        raise PermissionDenied(_("Data ini sudah digabungkan ke data lain dan tidak dapat diubah."))
    problems = _Problems()
    kind = _choice(data.get("kind"), IncidentKind, "kind", problems)
    occurred_on = _date(data.get("occurred_on"), "occurred_on", problems)
    if occurred_on and person.birth_date and occurred_on < person.birth_date:
        problems.add("occurred_on", _("Tanggal kejadian tidak mungkin sebelum tanggal lahir."))
    description = (data.get("description") or "").strip()
    if not description:
        problems.add("description", _("Uraian kejadian wajib diisi."))
    problems.raise_if_any()
    organisation = person.organisation
    incident = Incident.objects.create(
        person=person,
        organisation=organisation,
        province_code=person.province_code,
        regency_code=person.regency_code,
        kind=kind,
        occurred_on=occurred_on,
        description=description,
        follow_up=(data.get("follow_up") or "").strip(),
        reported_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    recipients = incident_recipients(province_code=person.province_code, regency_code=person.regency_code)
    addresses = [user.email for user in recipients if user.email]
    purpose = purpose_for(request)
    _audit(
        actor=actor,
        action="people.incident.reported",
        obj=incident,
        data={
            "person": person.pk,
            "organisation": organisation.pk,
            "kind": kind,
            "recipients": [user.get_username() for user in recipients],
            "emailed": len(addresses),
        },
        purpose=purpose,
        request=request,
    )
    person_access_record(actor=actor, person=person, what="incident_reported", purpose=purpose, request=request)
    # In-app at once, e-mail after commit (a rolled-back report alerts nobody); one message per recipient keeps
    # the other officials' addresses private, and names the LKS and the kind, never the person.
    notify(
        recipients=recipients,
        kind="people.incident_reported",
        # Each official reads it in their own language.
        title=translated(_lazy("Laporan dugaan kekerasan di %(lks)s"), lks=organisation.name),
        body=translated(
            _lazy(
                "Sebuah dugaan %(kind)s terhadap penerima layanan %(lks)s baru saja dilaporkan di Sinergi "
                "(laporan #%(id)s). Rincian hanya dapat dibuka setelah masuk ke Sinergi."
            ),
            kind=lambda user: IncidentKind(kind).label.lower(),
            lks=organisation.name,
            id=incident.pk,
        ),
        link=reverse("people:incidents"),
    )
    return incident
