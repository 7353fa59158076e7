"""What the exchange pages share: the content types of their files, an entity's 404, the page that says why a
download link cannot be served, and the access purpose asked for before personal data is exported.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from ..columns import get_entity

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


def _entity_or_404(key: str):
    try:
        return get_entity(key)
    except LookupError:
        raise Http404 from None


def _access_purpose(request: HttpRequest) -> str:
    """The access purpose chosen in this session for personal data (UU PDP), or "" when not asked yet."""
    from sinergi.people.access import session_purpose

    return session_purpose(request) or ""


def _access_purpose_label(purpose: str) -> str:
    from sinergi.people.choices import AccessPurpose

    return str(AccessPurpose(purpose).label) if purpose else ""


def _purpose_prompt_url(next_url: str) -> str:
    return f"{reverse('people:purpose')}?{urlencode({'next': next_url})}"


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """A download link that cannot be served (an edited address, a filter value that is not offered): a page that
    says why, in the interface's language, rather than bare text."""
    return render(request, "errors/bad_request.html", {"message": message}, status=400)
