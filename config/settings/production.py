"""Production: secrets and hosts come from the environment; HTTPS only."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not os.environ.get("SINERGI_SECRET_KEY"):
    raise ImproperlyConfigured("SINERGI_SECRET_KEY must be set in production.")
SECRET_KEY = os.environ["SINERGI_SECRET_KEY"]
for _name in ("SINERGI_FIELD_KEYS", "SINERGI_HASH_KEY"):
    # Identity numbers encrypted with a key generated on one server would be unreadable on the next.
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"{_name} must be set in production (see docs/deployment.md).")
# The links in e-mails sent outside a request (meeting invitations' RSVP and check-in links, reminders, invitations
# resent by a command) are built on it: the development default would send every invitee to 127.0.0.1.
_base_url = urlsplit(os.environ.get("SINERGI_BASE_URL", "").strip())
if _base_url.scheme != "https" or not _base_url.hostname or _base_url.query or _base_url.fragment:
    raise ImproperlyConfigured(
        "SINERGI_BASE_URL must be set in production to the https:// address users open, e.g. "
        "https://sinergi.example.go.id (see docs/deployment.md)."
    )
SINERGI["BASE_URL"] = _base_url.geturl().rstrip("/")  # noqa: F405
# A real server: the demo's users, with their published password, only when asked for by name (a training server).
SINERGI["DEMO_ALLOWED"] = os.environ.get("SINERGI_ALLOW_DEMO", "0") == "1"  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind nginx (docs/deployment.md): the client's address is the X-Forwarded-For entry it added.
SINERGI_PROXY_COUNT = int(os.environ.get("SINERGI_PROXY_COUNT", "1"))
REST_FRAMEWORK["NUM_PROXIES"] = SINERGI_PROXY_COUNT  # noqa: F405
SECURE_SSL_REDIRECT = os.environ.get("SINERGI_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SINERGI_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = os.environ.get("SINERGI_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
LOGGING["root"]["level"] = os.environ.get("SINERGI_LOG_LEVEL", "INFO")  # noqa: F405
