from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


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
