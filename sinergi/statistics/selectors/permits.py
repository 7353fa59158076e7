"""The izin operasional and tanda daftar of LKS that end soon or have ended, and the window that counts as soon."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.scope import Action
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.regions.models import Region

from .crosstabs import Area, _scoped

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@dataclass(frozen=True)
class ExpiringDocument:
    """An izin operasional or tanda daftar of an LKS that ends within the warning window (or already ended)."""

    organisation_id: int
    organisation_name: str
    regency: Area
    document: str
    expires_on: date
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0


def permit_expiry_warning_days() -> int:
    """How many days ahead a permit or registration counts as ending (SINERGI["PERMIT_EXPIRY_WARNING_DAYS"]): the
    dashboard, the province report and the kabupaten/kota summary all count over this one window."""
    return int(settings.SINERGI.get("PERMIT_EXPIRY_WARNING_DAYS", 90))


def lks_permits_expiring(
    *,
    actor: "User",
    within_days: int | None = None,
    today: date | None = None,
    action: str = Action.VIEW,
    region_prefix: str | None = None,
) -> list[ExpiringDocument]:
    """Izin operasional and tanda daftar of non-inactive LKS the actor may see that end within `within_days`
    days (by default permit_expiry_warning_days) or have already ended, soonest first (one entry per document)."""
    today = today or timezone.localdate()
    limit = today + timedelta(days=permit_expiry_warning_days() if within_days is None else within_days)
    queryset = (
        _scoped(actor, action, region_prefix)
        .filter(kind__in=LKS_KINDS)
        .exclude(status=OrganisationStatus.INACTIVE)
        .filter(Q(permit_expires_on__lte=limit) | Q(registration_expires_on__lte=limit))
        .values_list("pk", "name", "regency_code", "permit_expires_on", "registration_expires_on")
    )
    rows = list(queryset)
    names = dict(Region.objects.filter(code__in={r[2] for r in rows if r[2]}).values_list("code", "name"))
    documents = []
    for pk, name, regency_code, permit_ends, registration_ends in rows:
        area = Area(regency_code, names.get(regency_code, regency_code))
        for label, ends in ((_("Izin operasional"), permit_ends), (_("Tanda daftar"), registration_ends)):
            if ends is not None and ends <= limit:
                documents.append(ExpiringDocument(pk, name, area, str(label), ends, (ends - today).days))
    return sorted(documents, key=lambda d: (d.expires_on, d.organisation_name, d.document))
