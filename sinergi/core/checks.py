"""Checks of a deployment's settings, run by `manage.py check` and at every start of the server and workers."""

import re

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def deployment_province_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """SINERGI_PROVINCE must be a province's Kemendagri code or "nasional": a province server's reports, dashboards
    and region lookups are drawn for its code, and a wrong value ("JATIM", "35.07") gives reports of nothing, titled
    with blanks, without an error. An empty value is refused too, although national mode keeps its code as "": an
    unset variable in a service file is more likely a mistake than a national server."""
    from lokal import wilayah

    code = settings.SINERGI.get("DEPLOYMENT_PROVINCE", "")
    if code == "" and settings.SINERGI.get("NATIONAL"):
        return []
    if re.fullmatch(r"\d{2}", code or "") and wilayah.wilayah_name(code):
        return []
    return [
        checks.Error(
            f"SINERGI_PROVINCE is {code!r}, which is no province's Kemendagri code.",
            hint="Set it to the two-digit code of the province this server serves, e.g. 63 (Kalimantan Selatan) "
            "or 35 (Jawa Timur), or to nasional for one server of every province (docs/deployment.md).",
            id="sinergi.E001",
        )
    ]
