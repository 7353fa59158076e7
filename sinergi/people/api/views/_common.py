"""What the people viewsets share: a service's refusal as an API error, the role a request needs, the purpose a read
is logged under, the region or LKS filters a user may not apply, and the LKS a write names."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request

from sinergi.accounts.models import Role
from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.core.errors import ValidationError
from sinergi.exchange.columns import organisation_filter_problem, region_filter_problem
from sinergi.organisations.models import Organisation

from ...choices import AccessPurpose


def _api_error(error: Exception) -> Exception:
    """Maps a service refusal onto the API's error responses (same words as the pages)."""
    if isinstance(error, ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        return ApiValidationError(detail)
    if isinstance(error, PermissionDenied):
        return ApiPermissionDenied(str(error) or None)
    return error


def _require_role(request: Request, action_name: str) -> None:
    user = request.user
    if not (user.is_superuser or any(m.role in ACTION_ROLES[action_name] for m in active_memberships(user))):
        raise ApiPermissionDenied(_("Peran Anda tidak mencakup data perorangan."))


def _purpose(request: Request) -> str:
    """The purpose a read is logged under. An LKS operator's default is service, the work of their LKS; anyone else (a
    board, an admin, an operator who also holds such a role, whose read may be of another LKS's clients) says it, as
    the pages ask everyone before the first person-level page."""
    value = request.query_params.get("purpose")
    if not value:
        memberships = active_memberships(request.user)
        if memberships and all(m.role == Role.LKS_OPERATOR for m in memberships):
            return AccessPurpose.SERVICE
        raise ApiValidationError(
            {
                "purpose": [
                    _("Sebutkan tujuan akses (purpose): %(choices)s.") % {"choices": ", ".join(AccessPurpose.values)}
                ]
            }
        )
    if value not in AccessPurpose.values:
        raise ApiValidationError({"purpose": [_("Tujuan akses tidak dikenal.")]})
    return value


def _scope_filter_problems(request: Request) -> dict[str, list[str]]:
    """A region or LKS filter the list cannot apply for this user, in the words of the page and the export: an empty
    list would read as "nothing matches"."""
    filters, problems = request.query_params, {}
    action_name = Action.PERSON_VIEW
    if problem := region_filter_problem(actor=request.user, action=action_name, filters=filters, levels=(2, 5)):
        problems["region"] = [problem]
    if problem := organisation_filter_problem(actor=request.user, action=action_name, filters=filters):
        problems["organisation"] = [problem]
    return problems


def _organisation(request: Request, pk) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise ApiValidationError({"organisation": [_("LKS tidak ditemukan.")]})
    return organisation
