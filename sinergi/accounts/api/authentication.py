"""API authentication that puts a token's user on their own clock, as UserTimeZoneMiddleware does for a browser,
and in their own language, as the language cookie set at sign-in does for a browser.

A call signed with a token is authenticated by the view, after the middleware has run with an anonymous user (the
server's zone). On a national server its "today" (the future-date rules) and the times it returns must still be the
user's province's. The middleware's `timezone.override` restores the zone when the request ends, so the one
activated here does not outlive it. Likewise the messages and refusals it returns must be in the user's
`preferred_language`: a token client has no language cookie, and the browser's Accept-Language is ignored
(sinergi.core.middleware.DefaultLanguageMiddleware); the next request activates its own language again.

Imported by DRF while rest_framework.views itself is being imported (DEFAULT_AUTHENTICATION_CLASSES), so nothing
here may import that module at run time.
"""

from django.conf import settings
from django.utils import timezone, translation
from rest_framework.authentication import TokenAuthentication

from sinergi.core.deployment import is_national_deployment

from ..zones import user_time_zone


class ZonedTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        signed = super().authenticate(request)
        if signed is None:
            return None
        if is_national_deployment():
            timezone.activate(user_time_zone(signed[0]))
        if signed[0].preferred_language in dict(settings.LANGUAGES):
            translation.activate(signed[0].preferred_language)
            request._request.LANGUAGE_CODE = translation.get_language()
        return signed
