"""Shared checks and value types of the meetings services."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can, region_allows
from sinergi.core.dates import shown
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation

from ..choices import (
    MeetingKind,
    MeetingStatus,
    MeetingZone,
)
from ..models import (
    Meeting,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@dataclass(frozen=True)
class DaySpec:
    """One day of a meeting as a form or the API gives it."""

    date: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time


def _require_organiser(*, actor: "User", meeting: Meeting) -> None:
    if not can(actor, Action.CHANGE, meeting):
        raise PermissionDenied(_("Anda tidak berwenang mengubah rapat ini."))


def _require_not_closed(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("Rapat sudah ditutup; buka kembali dahulu untuk mengubahnya."))


def _validate_days(days: Sequence[DaySpec]) -> list[DaySpec]:
    if not days:
        raise ValidationError({"days": _("Isi sedikitnya satu hari rapat.")})
    dates = [d.date for d in days]
    if len(set(dates)) != len(dates):
        raise ValidationError({"days": _("Tanggal rapat tidak boleh sama.")})
    for day in days:
        if day.ends_at <= day.starts_at:
            raise ValidationError(
                {"days": _("Jam selesai harus setelah jam mulai (%(date)s).") % {"date": shown(day.date)}}
            )
    return sorted(days, key=lambda d: d.date)


def _validate_meeting_fields(*, kind: str, title: str, venue: str, online_link: str, time_zone: str = "") -> None:
    errors = {}
    if kind not in MeetingKind.values:
        errors["kind"] = _("Jenis rapat tidak dikenal.")
    if not title.strip():
        errors["title"] = _("Judul rapat wajib diisi.")
    if not venue.strip() and not online_link.strip():
        errors["venue"] = _("Isi tempat rapat atau tautan rapat daring.")
    if time_zone and time_zone not in MeetingZone.values:
        errors["time_zone"] = _("Zona waktu tidak dikenal; pilih WIB, WITA, atau WIT.")
    if errors:
        raise ValidationError(errors)


def _check_organiser_board(*, actor: "User", organiser: Organisation) -> None:
    if organiser.kind != OrganisationKind.LKKKS or organiser.status == OrganisationStatus.INACTIVE:
        raise ValidationError({"organiser": _("Penyelenggara harus LKKKS yang tidak nonaktif.")})
    if not region_allows(
        actor, Action.CREATE, province_code=organiser.province_code, regency_code=organiser.regency_code
    ):
        raise PermissionDenied(_("Anda tidak berwenang menyelenggarakan rapat untuk %(board)s.") % {"board": organiser})
