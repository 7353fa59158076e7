"""What several kinds of write share: the region levels each region role may be bound to, the roles that require
the second factor, and the check that the actor may manage users (or this user). Apart so that the modules that
need them (two_factor.py, memberships.py, users.py) do not import one another for them.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from sinergi.regions.models import RegionLevel

from ..models import Role, User
from ..scope import managed_provinces
from ..selectors import user_is_manageable

# Which region levels each region role may be bound to.
ROLE_REGION_LEVELS: dict[str, set[int]] = {
    Role.PROVINCE_ADMIN: {RegionLevel.PROVINCE},
    Role.REGENCY_BOARD: {RegionLevel.REGENCY},
    Role.DINSOS_VIEWER: {RegionLevel.PROVINCE, RegionLevel.REGENCY},
}

# Roles whose holders must pass TOTP in every session (superusers too).
TWO_FACTOR_ROLES = {Role.PROVINCE_ADMIN}


def _require_manager(*, actor: "User") -> None:
    if managed_provinces(actor) == []:
        raise PermissionDenied(_("Anda tidak berwenang mengelola pengguna."))


def _require_manageable(*, actor: "User", user: User) -> None:
    _require_manager(actor=actor)
    if not user_is_manageable(actor=actor, user=user):
        raise PermissionDenied(_("Pengguna ini di luar wilayah kewenangan Anda."))
