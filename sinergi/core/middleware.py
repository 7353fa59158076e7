import logging
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import resolve_url
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware:
    """A strict CSP: scripts and styles only from our own static files; tiles only from the configured host."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        tile_url = settings.SINERGI.get("MAP_TILE_URL", "")
        tile_origin = ""
        if tile_url.startswith("http"):
            scheme, _, rest = tile_url.partition("://")
            tile_origin = f" {scheme}://{rest.split('/', 1)[0]}".replace("{s}", "*")
        self.policy = (
            "default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src 'self' data:{tile_origin}; font-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # The API docs (Swagger UI) need inline bootstrapping; everything else gets the strict policy.
        if not request.path.startswith("/api/v1/docs"):
            response.setdefault("Content-Security-Policy", self.policy)
        return response


class PrivateResponsesMiddleware:
    """Nothing shown to a signed-in user (or to an API call with its token) is kept by the browser or a proxy: LKS
    offices share computers, and the Back button or the cache must not show the next person a child's record or a
    download. A response that chose its own caching keeps it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and (
            request.user.is_authenticated or "HTTP_AUTHORIZATION" in request.META
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response


class DefaultLanguageMiddleware(LocaleMiddleware):
    """Bahasa Indonesia unless the user chose another language (cookie); the browser's language is ignored.

    Most users' phones and browsers say "English" without anyone having chosen it; the brief is Indonesian first.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class HtmxLoginRedirectMiddleware:
    """An HTMX request (a progress poll, a filter) whose session has ended is sent to the login page as a whole
    page: followed as a plain redirect, the login form would be swapped into the polled box. So is a script's
    request (the upload's XMLHttpRequest, exchange/upload.js): it would follow the redirect and fetch the login page,
    which the browser then fetches again; told the address (HX-Redirect), only the browser fetches it. The login's
    `next` is the page the user was on (HX-Current-URL), not the fragment's address: signed in again, they come back
    to their form, not to a bare list of search results (the fifty-third review). A page holding unsent input does
    not follow it at all (sinergi.js says the session ended instead)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        scripted = getattr(request, "htmx", False) or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        if scripted and response.status_code in (301, 302):
            location = response.get("Location", "")
            if location.split("?", 1)[0] == resolve_url(settings.LOGIN_URL):
                return HttpResponseClientRedirect(_back_to_page(request, location))
        return response


def _back_to_page(request: HttpRequest, location: str) -> str:
    """The login address with `next` set to the page an HTMX request came from, when that page is ours."""
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    page = urlunsplit(("", "", current.path, current.query, ""))
    same_site = not current.netloc or current.netloc == request.get_host()
    if not current.path or not same_site or not url_has_allowed_host_and_scheme(page, allowed_hosts=None):
        return location
    return f"{location.split('?', 1)[0]}?{urlencode({'next': page})}"


class SessionActivityMiddleware:
    """Keeps a session alive while it is used (the idle timeout counts from the last activity) by saving it at most
    once a minute, instead of on every request (SESSION_SAVE_EVERY_REQUEST): a job page polls every few seconds,
    and on SQLite each of those writes held the one write lock that a running import or export needed. The idle
    timeout may so end up to a minute early. Placed after SessionMiddleware, so that it runs before the save."""

    TOUCH_EVERY_SECONDS = 60
    KEY = "_active_at"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty() or session.modified:
            return response  # no session (a visitor), or one saved anyway
        now = int(timezone.now().timestamp())
        if now - int(session.get(self.KEY, 0)) >= self.TOUCH_EVERY_SECONDS:
            session[self.KEY] = now
            # Saved here rather than by SessionMiddleware, which answers a failed save with 400 ("session
            # interrupted"): on SQLite the write lock may be held past its timeout by an import, and a job page's poll
            # then lost its answer. The touch waits for a later request instead. (The cookie lasts until the browser
            # closes: SessionMiddleware has no expiry to renew.)
            try:
                session.save()
            except (UpdateError, DatabaseError):
                logger.warning("Session activity not stored: the database was busy")
            session.modified = False
        return response


WHO_COOKIE = "sinergi_who"


def who_marker(user: object) -> str:
    """A mark of the signed-in user that names no one (a keyed hash of the id), or "" for a visitor: the page and a
    cookie both carry it, so that sinergi.js knows whether the browser's session is still the page's user's."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return salted_hmac("sinergi.core.who", str(user.pk)).hexdigest()[:16]


class SignedInMarkerMiddleware:
    """Keeps the `sinergi_who` cookie equal to the signed-in user's mark (and removes it for a visitor). A form kept
    open across a sign-out and sign-in takes the browser's new CSRF token only when the same user signed in again
    (sinergi.js): on an office's shared computer, a form left open by one user must not be sent as another's
    (the fifty-fifth review)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        marker = who_marker(getattr(request, "user", None))
        if marker and request.COOKIES.get(WHO_COOKIE) != marker:
            response.set_cookie(WHO_COOKIE, marker, samesite="Lax", secure=settings.CSRF_COOKIE_SECURE)
        elif not marker and WHO_COOKIE in request.COOKIES:
            response.delete_cookie(WHO_COOKIE, samesite="Lax")
        return response


class FieldKeyMissingMiddleware:
    """A request that met a stored value no configured field key opens (crypto.FieldKeyMissing: var/field_keys lost,
    SINERGI_FIELD_KEYS changed) is answered with a page saying that nothing was saved and that the administrator must
    restore the key, instead of a server error. (crypto.decrypt has logged the error; the services write in one
    transaction each, so a save that met it was rolled back whole.) Pages that can go on without the values catch it
    themselves (a client's page without its correction history)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.http import JsonResponse
        from django.shortcuts import render

        from .crypto import FIELD_KEY_MISSING, FieldKeyMissing

        if not isinstance(exception, FieldKeyMissing):
            return None
        message = str(FIELD_KEY_MISSING)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=503)
        if getattr(request, "htmx", False):
            # htmx does not swap an error answer; sinergi.js shows this text in the page's notice.
            return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        return render(request, "errors/field_key.html", {"message": message}, status=503)
