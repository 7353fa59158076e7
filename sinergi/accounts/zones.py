"""Whose clock a user's "today" and times are on (see docs/deployment.md, national deployment)."""

import zoneinfo

from django.utils import timezone

from sinergi.core.deployment import is_national_deployment
from sinergi.core.zones import province_zone

from .scope import active_memberships


def user_provinces(user) -> set[str]:
    """The province codes of every place the user's active roles are bound to (a region, or an LKS's region)."""
    provinces: set[str] = set()
    for membership in active_memberships(user):
        if membership.region_id:
            provinces.add(membership.region_id[:2])
        elif membership.organisation_id and membership.organisation.province_code:
            provinces.add(membership.organisation.province_code)
    return provinces


def user_time_zone(user) -> zoneinfo.ZoneInfo:
    """The zone whose dates and times `user` works in: on a national server, that of the province(s) of their work
    area when all of it keeps one clock; otherwise (a province server, a superuser, a visitor, a user of several
    zones or of none) the server's TIME_ZONE."""
    server = timezone.get_default_timezone()
    if not is_national_deployment() or user is None or getattr(user, "is_superuser", False):
        return server
    zones = {province_zone(code) for code in user_provinces(user)}
    if len(zones) == 1 and None not in zones:
        return zones.pop()
    return server
