"""Compression of text responses (pages, HTMX fragments, CSV, JSON) for operators on slow mobile connections.

Static files are compressed ahead of time by WhiteNoise; this covers what the views write. Files that are compressed
already (XLSX, PDF, images) are left alone: compressing them again gains nothing, and they keep their
Content-Length, so the browser can show how far a download has come.

BREACH (a size oracle on compressed HTTPS responses) is answered by what Django and these settings already do:
the CSRF token is masked anew in every response, Django's GZipMiddleware pads each response with up to 100 random
bytes ("Heal the Breach"), and the session cookie is SameSite=Lax while pages refuse framing, so another site
cannot make the browser repeat authenticated requests that reflect its guesses.
"""

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/vnd.oai.openapi",
    "image/svg+xml",
)


class TextCompressionMiddleware(GZipMiddleware):
    """GZipMiddleware limited to text types."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
