"""What every API endpoint shares: its page numbers and its error answers.

The error answers are in the caller's language (a token's user: their `preferred_language`, activated by
`sinergi.accounts.api.authentication`; a browser: the language cookie) and never name an internal model. DRF's
Indonesian catalogue is used, but it is old and lacks some of the messages an integrator meets most (a wrong
method, token or page, a body that is not JSON, throttling); those are written here instead. A message our own
code gave (a `NotFound` with the reason, a service's `PermissionDenied`) is kept as it is.
"""

import functools
import math
import re

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from rest_framework import exceptions, pagination
from rest_framework.request import Request
from rest_framework.response import Response


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF's page numbers, with the refusal of a page past the last in the caller's language."""

    invalid_page_message = gettext_lazy("Halaman {page_number} tidak ada.")


def _detail(exc: Exception, context: dict) -> str | None:
    """Our own text for a DRF or Django refusal whose stock text is English-only or names a model; None: keep it."""
    if isinstance(exc, Http404):
        # get_object_or_404's "No Person matches the given query." names the model and is English.
        return _("Data tidak ditemukan.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        request = context.get("request")
        method = request.method if request is not None else ""
        return _("Metode %(method)s tidak dapat dipakai di alamat ini.") % {"method": method}
    if isinstance(exc, exceptions.ParseError):
        # The parser's detail is Python's own English ("Expecting value: line 1 column 1 (char 0)").
        return _("Isi permintaan tidak dapat dibaca: kirim JSON yang sah.")
    if isinstance(exc, exceptions.AuthenticationFailed):
        return _("Token tidak sah: token itu sudah dicabut atau salah tulis, atau akunnya tidak aktif.")
    if isinstance(exc, exceptions.Throttled):
        seconds = max(1, math.ceil(exc.wait or 1))
        return ngettext(
            "Terlalu banyak permintaan. Coba lagi dalam %(seconds)s detik.",
            "Terlalu banyak permintaan. Coba lagi dalam %(seconds)s detik.",
            seconds,
        ) % {"seconds": seconds}
    if isinstance(exc, exceptions.NotAcceptable):
        return _("API ini hanya menjawab dalam JSON (Accept: application/json).")
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return _("Jenis isi “%(media_type)s” tidak didukung: kirim JSON (Content-Type: application/json).") % {
            "media_type": exc.args[0] if exc.args else ""
        }
    return None


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler (status, headers such as Retry-After and WWW-Authenticate), with the texts of `_detail`."""
    from rest_framework.views import exception_handler as drf_exception_handler  # not while DRF loads its settings

    response = drf_exception_handler(exc, context)
    if response is not None and (detail := _detail(exc, context)) is not None:
        response.data = {"detail": detail}
    return response


def patch_version_required(result: dict, generator, request, public: bool) -> dict:
    """Schema post-processing: `version` is required on every PATCH that has it (optimistic locking; the views answer
    400 without it). drf-spectacular drops every `required` from a PATCH body, as DRF's partial validation does."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.startswith("Patched") and name.endswith("Request") and "version" in component.get("properties", {}):
            component["required"] = sorted({*component.get("required", []), "version"})
    return result


# DRF's own: the format override of a URL (the answer is JSON either way).
_ALWAYS_KNOWN = frozenset({"format"})


def _path_pattern(path: str) -> re.Pattern:
    """A schema path such as /api/v1/clients/{id}/ as a pattern that matches the paths it names."""
    parts = re.split(r"(\{[^}]+\})", path)  # literals at even places, {placeholders} at odd ones
    return re.compile("".join("[^/]+" if i % 2 else re.escape(part) for i, part in enumerate(parts)))


@functools.cache
def _documented_query_parameters() -> tuple[tuple[re.Pattern, str, frozenset[str]], ...]:
    """(path pattern, method, names) for every operation of the OpenAPI schema: the query parameters it documents.
    Built once per process (about a second), at the first API call that has a query parameter."""
    from drf_spectacular.generators import SchemaGenerator  # reads the URLconf: not while this module is imported

    schema = SchemaGenerator().get_schema(request=None, public=True)
    # Paths with fewer placeholders first: /meetings/action-items/ before /meetings/{id}/, which also matches it.
    paths = sorted(schema["paths"].items(), key=lambda item: item[0].count("{"))
    return tuple(
        (
            _path_pattern(path),
            method.upper(),
            frozenset(p["name"] for p in operation.get("parameters", []) if p["in"] == "query"),
        )
        for path, operations in paths
        for method, operation in operations.items()
    )


def documented_query_parameters(path: str, method: str) -> frozenset[str] | None:
    """The query parameters the schema documents for this call; None when the schema has no such operation."""
    for pattern, operation_method, names in _documented_query_parameters():
        if operation_method == method and pattern.fullmatch(path):
            return names
    return None


class KnownQueryParameters:
    """Refuses a query parameter the API's schema does not document for the call, with a 400 naming it.

    Silently ignored, a mistyped or unsupported filter (`?ordering=`, `?kabupaten=`) answers the whole list in scope
    as if it had been applied: a script then exports, or counts, more than it asked for and never learns it. The
    schema is the one list of what each call accepts, so the documentation and the refusal cannot drift apart.
    Every API view mixes this in (a test checks); it runs after authentication, in the caller's language."""

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        given = set(request.query_params) - _ALWAYS_KNOWN
        if not given:
            return
        known = documented_query_parameters(request.path_info, request.method)
        if known is None:
            return  # not in the schema (HEAD, OPTIONS): nothing to check against
        unknown = sorted(given - known)
        if unknown:
            listed = ", ".join(sorted(known)) or _("tidak ada")
            raise exceptions.ValidationError(
                {
                    name: [
                        _("Parameter “%(name)s” tidak dikenal di alamat ini. Yang dikenal: %(known)s.")
                        % {"name": name, "known": listed}
                    ]
                    for name in unknown
                }
            )
