"""Settings shared by every environment. This package is the only reader of os.environ."""

import contextlib
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("SINERGI_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The environment wins; otherwise a key generated once and kept in var/ (never committed)."""
    if key := os.environ.get("SINERGI_SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()


_DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'sinergi.sqlite3'}"


def _holds_people(database_url: str) -> bool:
    """Whether the database already holds clients or workers, whose NIKs are encrypted and hashed under the keys in
    var/. Read with sqlite3, for settings are loaded before Django's database is usable: False for a SQLite database
    not created or not migrated yet, and for any other database (PostgreSQL is compared with the keys by the system
    checks sinergi.E002 and sinergi.E003 at every start)."""
    import sqlite3

    database = dj_database_url.parse(database_url)
    path = Path(database.get("NAME") or "")
    if not database["ENGINE"].endswith("sqlite3") or not path.is_file():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return bool(
                connection.execute(
                    "SELECT EXISTS (SELECT 1 FROM people_person) OR EXISTS (SELECT 1 FROM people_worker)"
                ).fetchone()[0]
            )
    except sqlite3.OperationalError as error:
        # Not migrated yet; any other failure to read it counts as a database with people (no key is made over it).
        return "no such table" not in str(error)


def _generated_key(env_name: str, file_name: str, make, *, var_dir: Path = VAR_DIR, database_url: str = "") -> str:
    """A key from the environment, else one generated once into var/ for local use (never committed). Never over a
    database that already holds people: a key file lost (a restore without it) would otherwise be replaced by a new
    key silently, under which the stored NIKs open no more, and new ones would be written under it."""
    if value := os.environ.get(env_name):
        return value
    key_file = var_dir / file_name
    if not key_file.exists():
        if _holds_people(database_url or _DATABASE_URL):
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                f"{key_file} is missing, but the database already holds people whose NIKs were encrypted or hashed "
                f"with it: a new key would open none of them. Restore {file_name} from the backup of {var_dir} (or "
                f"set {env_name}); see docs/deployment.md. A key is generated only for a database without people."
            )
        key_file.write_text(make())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _fernet_key() -> str:
    import base64

    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


# Keys for identity numbers (NIK, KK): comma-separated Fernet keys, newest first (rotation), and an HMAC key.
SINERGI_FIELD_KEYS = _generated_key("SINERGI_FIELD_KEYS", "field_keys", _fernet_key).split(",")
SINERGI_HASH_KEY = _generated_key("SINERGI_HASH_KEY", "hash_key", lambda: secrets.token_urlsafe(48))
DEBUG = os.environ.get("SINERGI_DEBUG", "1") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("SINERGI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Sinergi apps, in dependency order: an app may import only from apps above it.
    "sinergi.core",
    "sinergi.regions",
    "sinergi.accounts",
    "sinergi.audit",
    "sinergi.vocabularies",
    "sinergi.notifications",
    "sinergi.organisations",
    "sinergi.people",
    "sinergi.meetings",
    "sinergi.partnerships",
    "sinergi.referrals",
    "sinergi.exchange",
    "sinergi.statistics",
    "sinergi.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and fragments are gzipped for phones on slow links (static files: WhiteNoise, ahead of time); see the
    # module for why this is safe against BREACH here. Placed high so that it compresses the finished response.
    "sinergi.core.compression.TextCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sinergi.core.middleware.SessionActivityMiddleware",
    "sinergi.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # National server: the request runs on the clock of the user's province (WIB, WITA, WIT).
    "sinergi.accounts.middleware.UserTimeZoneMiddleware",
    "sinergi.core.middleware.PrivateResponsesMiddleware",
    # Which user the browser's session is, for a form kept open across sign-ins (sinergi.js).
    "sinergi.core.middleware.SignedInMarkerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # A write that waited too long for a lock (a large import holds its LKS) is answered with a page saying so.
    "sinergi.core.busy.DatabaseBusyMiddleware",
    # A stored NIK no configured field key opens: a page saying to restore the key, not a server error.
    "sinergi.core.middleware.FieldKeyMissingMiddleware",
    "sinergi.core.middleware.HtmxLoginRedirectMiddleware",
    "sinergi.core.middleware.ContentSecurityPolicyMiddleware",
    "sinergi.accounts.middleware.RequireTwoFactorMiddleware",
    # Axes must come last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "sinergi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sinergi.accounts.context_processors.roles",
                "sinergi.notifications.context_processors.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        conn_max_age=int(os.environ.get("SINERGI_DB_CONN_MAX_AGE", "60")),
        # A kept connection is tested before it is reused: after a database restart, failover or
        # pg_terminate_backend, the task worker's loop (which stops on the first error its query for the next task
        # raises) and each web worker's next request would otherwise use the dead connection.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web server and the task worker read while the other writes. FULL syncs the WAL at every commit:
    # with NORMAL, an import or an erasure reported done could be undone by a power cut (decision 0008).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "statistics:dashboard"
LOGOUT_REDIRECT_URL = "directory:list"

# Idle timeout: the session ends after this many seconds without a request (kept alive by SessionActivityMiddleware,
# which saves an active session once a minute rather than on every request).
SESSION_COOKIE_AGE = int(os.environ.get("SINERGI_SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The refusal in the site's layout (a form older than a sign-in in another tab), not Django's bare page.
CSRF_FAILURE_VIEW = "sinergi.accounts.views.auth.csrf_failure"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie.

# How many reverse proxies stand before Sinergi: the client's address is the X-Forwarded-For entry the nearest of them
# added (sinergi.audit.services.client_ip), for the audit log, the lockout and the API's limits. None here (`make run`
# serves the browser itself, and a header would be the client's own writing); production's default is nginx's 1.
SINERGI_PROXY_COUNT = int(os.environ.get("SINERGI_PROXY_COUNT", "0"))

# Lockout after repeated failed logins (django-axes), per username and address.
AXES_CLIENT_IP_CALLABLE = "sinergi.audit.services.client_ip"
AXES_FAILURE_LIMIT = int(os.environ.get("SINERGI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("SINERGI_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# No log of sign-ins of axes' own (AccessLog: user name, address, browser, times, kept for ever): the audit log
# records every sign-in, failure, lockout and sign-out with the address already, and is what administrators read.
# The rows written before are removed by the hourly run (accounts.services.sign_in_log_clear).
AXES_DISABLE_ACCESS_LOG = True

OTP_TOTP_ISSUER = "Sinergi"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("SINERGI_TIME_ZONE", "Asia/Makassar")  # WITA: Kalimantan Selatan
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["sinergi.core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "sinergi" / "static"]
STORAGES = {
    # Written whole or not at all, 0600 from the first byte (sinergi.core.storage).
    "default": {"BACKEND": "sinergi.core.storage.PrivateFileSystemStorage", "OPTIONS": {"location": VAR_DIR / "media"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
# Uploads, reports and exports hold personal data: readable by the service's own account only (not served as media).
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Lock files of the background jobs running on SQLite (sinergi.exchange.runners: a job whose lock nobody holds was
# abandoned by a worker that died). Empty: a folder beside the database file, which every process shares.
SINERGI_JOB_LOCK_DIR = os.environ.get("SINERGI_JOB_LOCK_DIR", "")

EMAIL_BACKEND = os.environ.get("SINERGI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("SINERGI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SINERGI_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SINERGI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SINERGI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("SINERGI_EMAIL_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("SINERGI_FROM_EMAIL", "Sinergi <noreply@sinergi.local>")

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "sinergi.accounts.api.authentication.ZonedTokenAuthentication",  # the user's clock (national)
        "rest_framework.authentication.SessionAuthentication",
    ],
    # A view that sets its own permission_classes must list SecondFactorPassed again (AllowAny ones too).
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "sinergi.accounts.api.permissions.SecondFactorPassed",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "sinergi.core.api.PageNumberPagination",
    # Refusals in the caller's language, without the names of internal models.
    "EXCEPTION_HANDLER": "sinergi.core.api.exception_handler",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON only: no browsable API (its HTML page carries an inline script the CSP blocks and forms for methods an
    # endpoint lacks). The schema and its documentation page choose their own renderers.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Anonymous calls (the public endpoints: regions, statistics, indicators, the schema) are limited per client
    # address; a signed-in caller is not. The token POST has its own, stricter limit.
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "token": "10/minute",
        "anon": os.environ.get("SINERGI_API_ANON_RATE", "60/minute"),
    },
    # The client's address is the X-Forwarded-For entry added by the nearest of this many reverse proxies (nginx: 1),
    # not the first entry, which the client itself may write to dodge the limits.
    "NUM_PROXIES": SINERGI_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sinergi API",
    "DESCRIPTION": (
        "JSON API of Sinergi, the information system of an LKKKS. Scope rules are the same as the pages'.\n\n"
        "Messages and refusals are in the language the user chose on their profile (`preferred_language`: `id` or "
        "`en`; shown by `GET /api/v1/auth/me/`); a call without a token, in the site's language (Indonesian) unless "
        "the `django_language` cookie says otherwise. `Accept-Language` is not read.\n\n"
        "Calls without a token (regions, statistics, indicators, the schema) are limited per client address, 60 a "
        "minute unless the server says otherwise; past that the answer is 429 with `Retry-After`. The token request "
        "is limited to 10 a minute.\n\n"
        'A query parameter this schema does not list for a call is refused with 400, naming it (`{"ordering": '
        '["Unknown parameter …"]}`), rather than ignored: a mistyped filter would otherwise answer the whole list.'
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    # Its default favicon comes from a CDN: ours instead (no page loads anything from elsewhere).
    "SWAGGER_UI_FAVICON_HREF": "/static/favicon.svg",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "sinergi.core.api.patch_version_required",
    ],
    # One schema name per choice set that several fields share.
    "ENUM_NAME_OVERRIDES": {
        "MissingIdReasonEnum": "sinergi.people.choices.MissingIdReason",
        "DischargeReasonEnum": "sinergi.people.choices.DischargeReason",
        "SexEnum": "sinergi.people.choices.Sex",
        "ActionItemStatusEnum": "sinergi.meetings.choices.ActionStatus",
        "MeetingStatusEnum": "sinergi.meetings.choices.MeetingStatus",
        "ConsentGivenByEnum": "sinergi.people.choices.ConsentGiver",
        "AgreementStatusEnum": "sinergi.partnerships.choices.AgreementStatus",
        "AgreementKindEnum": "sinergi.partnerships.choices.AgreementKind",
        "PartyRoleEnum": "sinergi.partnerships.choices.PartyRole",
        "WorkerRoleEnum": "sinergi.people.choices.WorkerRole",
    },
}


def deployment_area(value: str) -> tuple[str, bool]:
    """SINERGI_PROVINCE read: (the province's code, national mode). "nasional" (or "national", in any case) is kept as
    "" with national mode on, so that an empty value, more likely a mistake, is still refused (sinergi.core.checks)."""
    national = value.lower() in ("nasional", "national")
    return ("" if national else value), national


_PROVINCE, _NATIONAL = deployment_area(os.environ.get("SINERGI_PROVINCE", "63"))

# The exchange's limits whose defaults (and the reasons for them) are in sinergi/exchange/files/_common.py,
# DEFAULT_LIMITS.
EXCHANGE_LIMITS = (
    "IMPORT_MAX_BYTES",
    "IMPORT_MAX_UNCOMPRESSED_BYTES",
    "IMPORT_MAX_ZIP_ENTRIES",
    "IMPORT_MAX_ROWS",
    "IMPORT_MAX_CELLS",
    "IMPORT_MAX_PROBLEMS",
    "JOBS_PENDING_PER_USER",
)


def exchange_limits(environ) -> dict[str, int]:
    """The exchange's limits set in the environment (`SINERGI_IMPORT_MAX_ROWS=100000` on a server sized for smaller
    imports, as docs/deployment.md advises); a value not a whole number above zero stops the start, naming it."""
    limits = {}
    for name in EXCHANGE_LIMITS:
        value = environ.get(f"SINERGI_{name}", "").strip().replace("_", "")
        if not value:
            continue
        if not value.isdigit() or int(value) < 1:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(f"SINERGI_{name} must be a whole number above zero, not {value!r}.")
        limits[name] = int(value)
    return limits


# Domain settings an administrator may change per deployment.
SINERGI = {
    # The language of the exchange's commands (import_data, export_data, …) when --language is not given: an
    # administrator who reads English sets SINERGI_COMMAND_LANGUAGE=en in their shell. Empty: LANGUAGE_CODE.
    "COMMAND_LANGUAGE": os.environ.get("SINERGI_COMMAND_LANGUAGE", "").strip(),
    # Years an izin operasional / tanda daftar stays valid when its expiry is not written on it (unconfirmed).
    "PERMIT_VALIDITY_YEARS": int(os.environ.get("SINERGI_PERMIT_VALIDITY_YEARS", "5")),
    "REGISTRATION_VALIDITY_YEARS": int(os.environ.get("SINERGI_REGISTRATION_VALIDITY_YEARS", "5")),
    "PERMIT_EXPIRY_WARNING_DAYS": 90,
    # Map tiles: empty means no tile layer (offline-safe); markers still show on a plain background.
    "MAP_TILE_URL": os.environ.get("SINERGI_MAP_TILE_URL", ""),
    "MAP_TILE_ATTRIBUTION": os.environ.get("SINERGI_MAP_TILE_ATTRIBUTION", ""),
    # Absolute address of this installation, for links in e-mails sent outside a request (reminders).
    "BASE_URL": os.environ.get("SINERGI_BASE_URL", "http://127.0.0.1:8000"),
    "DEPLOYMENT_PROVINCE": "" if _NATIONAL else _PROVINCE,
    # The demo's commands (load_demo, demo_totp) make users whose password is published: a development or training
    # server only. Off with DEBUG off and always under the production settings, unless SINERGI_ALLOW_DEMO=1.
    "DEMO_ALLOWED": os.environ.get("SINERGI_ALLOW_DEMO", "1" if DEBUG else "0") == "1",
    "NATIONAL": _NATIONAL,
    # Password-reset requests allowed in an hour for one e-mail address and from one client address (counted whether
    # or not an account has the address); past them the page asks to try again later.
    "PASSWORD_RESET_PER_EMAIL_HOUR": int(os.environ.get("SINERGI_PASSWORD_RESET_PER_EMAIL_HOUR", "5")),
    "PASSWORD_RESET_PER_ADDRESS_HOUR": int(os.environ.get("SINERGI_PASSWORD_RESET_PER_ADDRESS_HOUR", "20")),
    # Days a meeting's invitees' RSVP and check-in links keep working after the meeting was closed; after, the link's
    # page says it is no longer valid and shows nothing of the invitee.
    "MEETING_LINK_DAYS_AFTER_CLOSE": int(os.environ.get("SINERGI_MEETING_LINK_DAYS_AFTER_CLOSE", "30")),
    # Published aggregates hide cells below this count (and any cell from which a hidden one could be recomputed).
    "SMALL_CELL_THRESHOLD": int(os.environ.get("SINERGI_SMALL_CELL_THRESHOLD", "5")),
    # Hours a receiving LKS has to answer a referral before it escalates to the kabupaten/kota board.
    "REFERRAL_RESPONSE_HOURS": {"normal": 72, "urgent": 24, "emergency": 4},
    # A person's record may be erased this many years after their last discharge (or earlier at their request).
    "PERSON_RETENTION_YEARS": int(os.environ.get("SINERGI_PERSON_RETENTION_YEARS", "10")),
    # An XLSX export of more rows than this is written by the task worker instead of inside the request.
    "EXPORT_XLSX_SYNC_ROWS": int(os.environ.get("SINERGI_EXPORT_XLSX_SYNC_ROWS", "5000")),
    # A province report or kabupaten/kota summary covering more LKS than this is rendered by the task worker (WeasyPrint
    # lays out ~1 s a page: a province of 4,000 LKS took 16-29 s, past the web worker's timeout).
    "PDF_SYNC_LKS": int(os.environ.get("SINERGI_PDF_SYNC_LKS", "300")),
    # Days the files of finished import/export jobs (uploads, reports, exports) are kept; the job rows stay.
    "EXCHANGE_FILE_RETENTION_DAYS": int(os.environ.get("SINERGI_EXCHANGE_FILE_RETENTION_DAYS", "30")),
    # Megabytes of uploads one user may store for imports in 24 hours (each stored copy once): a full disk, not a
    # busy day, is what it stops (a day's files of a province's LKS are some megabytes each).
    "IMPORT_UPLOAD_MB_PER_DAY": int(os.environ.get("SINERGI_IMPORT_UPLOAD_MB_PER_DAY", "500")),
    # Milliseconds a web request's write waits for a lock (PostgreSQL) before it is answered "busy, send it again".
    "WEB_LOCK_TIMEOUT_MS": int(os.environ.get("SINERGI_WEB_LOCK_TIMEOUT_MS", "8000")),
    # Milliseconds an import waits for one lock (PostgreSQL) before it stops, saving nothing, with "busy, run it again":
    # long enough for another import of 100,000 rows at the same LKS to commit, short enough that a forgotten
    # transaction holding a row does not stop every background job for good.
    "IMPORT_LOCK_TIMEOUT_MS": int(os.environ.get("SINERGI_IMPORT_LOCK_TIMEOUT_MS", str(5 * 60 * 1000))),
    **exchange_limits(os.environ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_in_one_line": {"()": "sinergi.core.logs.ClientErrorsInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_errors_in_one_line"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("SINERGI_LOG_LEVEL", "WARNING")},
    # WeasyPrint tells every step of every PDF at INFO (seven lines a report): its warnings and errors only.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
