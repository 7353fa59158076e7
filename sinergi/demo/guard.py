"""The demo's commands refuse to run on a real server: the demo's users share a published password."""

from django.conf import settings
from django.core.management.base import CommandError

from sinergi.demo.data import DEMO_PASSWORD


def demo_commands_allowed() -> None:
    """Raises CommandError unless the settings allow the demo (development settings, or SINERGI_ALLOW_DEMO=1)."""
    if settings.SINERGI.get("DEMO_ALLOWED"):
        return
    raise CommandError(
        "Refused: these are a real server's settings (DEBUG off, or config.settings.production), and the demo's users "
        f"share the published password {DEMO_PASSWORD}, four of them without a second factor. On a training or demo "
        "server, run it with SINERGI_ALLOW_DEMO=1 in the environment."
    )
