"""Helpers shared by the people pages: the purpose prompt, role checks and error translation."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, restrict
from sinergi.core.errors import ConflictError, ValidationError
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation

from ..access import session_purpose

# The region levels the client and worker lists (and their exports) filter by: province and kabupaten/kota.
PEOPLE_REGION_LEVELS = (2, 5)


def has_role_for(user, action: str) -> bool:
    """Whether any of the user's roles may perform `action` somewhere (rows are then limited by scope)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(m.role in ACTION_ROLES.get(action, set()) for m in active_memberships(user))


def require_role(user, action: str) -> None:
    if not has_role_for(user, action):
        raise PermissionDenied


def purpose_redirect(request: HttpRequest) -> HttpResponse | None:
    """The purpose prompt when none was chosen in this session yet, else None (go on)."""
    if session_purpose(request):
        return None
    target = f"{reverse('people:purpose')}?{urlencode({'next': request.get_full_path()})}"
    if request.htmx:
        # A fragment swap cannot show a whole page; ask htmx to navigate instead.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    return redirect(target)


class PersonAreaMixin(LoginRequiredMixin):
    """Person-level pages: a role that may see people at all, and a purpose chosen for this session."""

    action = Action.PERSON_VIEW

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require_role(request.user, self.action)
        return purpose_redirect(request) or super().dispatch(request, *args, **kwargs)


def apply_errors(form, error: ValidationError, aliases: dict[str, str] | None = None) -> None:
    """Puts a service's ValidationError onto the form, field by field where it names a field of the form
    (`aliases` maps a service's name for a field onto the form's, e.g. discharge_reason → reason)."""
    if hasattr(error, "error_dict"):
        for name, field_errors in error.error_dict.items():
            field = (aliases or {}).get(name, name)
            for item in field_errors:
                message = item.message % (item.params or {}) if item.params else item.message
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def versioned_save(form, save: Callable[[dict, int], Any]) -> tuple[Any, bool]:
    """Runs an edit page's update service with the form's data and the version the user read. Its problems go onto
    the form; returns the service's outcome (None when it refused) and whether the refusal was a stale version (the
    page answers 409 then)."""
    try:
        return save(form.data_for_service(), form.cleaned_data.get("version") or 0), False
    except ValidationError as error:
        apply_errors(form, error)
    except (PermissionDenied, ConflictError) as error:
        form.add_error(None, str(error))
        return None, isinstance(error, ConflictError)
    return None, False


def error_text(error: Exception) -> str:
    """One line for a message banner, from any refusal a service raises."""
    messages = getattr(error, "messages", None)
    return " ".join(str(m) for m in messages) if messages else str(error)


def organisations_for(user, action: str):
    """Active LKS on which `user` may perform `action` (e.g. admit clients, register workers)."""
    queryset = Organisation.objects.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE)
    return restrict(queryset, actor=user, action=action).select_related("primary_service_kind").order_by("name")


ACCESSES_PER_PAGE = 50


def access_page(request: HttpRequest, accesses: QuerySet) -> Page:
    """A page of a record's access history, newest first (`?access_page=`, apart from the page's other lists): a
    client exported weekly and imported monthly has hundreds of lines within a year, none of them to be hidden."""
    return Paginator(accesses, ACCESSES_PER_PAGE).get_page(request.GET.get("access_page"))
