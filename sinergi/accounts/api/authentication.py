"""API authentication that puts a token's user on their own clock, as UserTimeZoneMiddleware does for a browser.

A call signed with a token is authenticated by the view, after the middleware has run with an anonymous user (the
server's zone). On a national server its "today" (the future-date rules) and the times it returns must still be the
user's province's. The middleware's `timezone.override` restores the zone when the request ends, so the one
activated here does not outlive it.

Imported by DRF while rest_framework.views itself is being imported (DEFAULT_AUTHENTICATION_CLASSES), so nothing
here may import that module at run time.
"""

from django.utils import timezone
from rest_framework.authentication import TokenAuthentication

from sinergi.core.deployment import is_national_deployment

from ..zones import user_time_zone


class ZonedTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        signed = super().authenticate(request)
        if signed is not None and is_national_deployment():
            timezone.activate(user_time_zone(signed[0]))
        return signed
