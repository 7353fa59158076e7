"""Which area this installation serves: one province (SINERGI_PROVINCE=63) or the whole nation (=nasional).

Every app asks here rather than reading the setting itself, so that national mode means one thing everywhere: no
home province (its code is "", the nation's as in sinergi.people.indicators.areas.NATION), and every report or
province-wide table takes the province it is about from the request."""

from django.conf import settings


def deployment_province() -> str:
    """The Kemendagri code of the province this installation serves; "" on a national server."""
    return settings.SINERGI.get("DEPLOYMENT_PROVINCE", "")


def is_national_deployment() -> bool:
    """Whether one server serves every province (SINERGI_PROVINCE=nasional): the flag the settings set, not an empty
    province, which is a mistake (refused by the system check) where no check runs, as under gunicorn."""
    return bool(settings.SINERGI.get("NATIONAL"))
