"""What the referral pages share: who may use them, a refusal's words on a form or in a message, and the purpose a
person-level read is logged under."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.core.errors import ValidationError
from sinergi.people.access import session_purpose
from sinergi.people.choices import AccessPurpose


def _require_role(user) -> None:
    """Referrals carry person-level data: only the roles that may see people (not Dinas Sosial) use these pages."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return
    if not any(m.role in ACTION_ROLES[Action.PERSON_VIEW] for m in active_memberships(user)):
        raise PermissionDenied


def _error_text(error: Exception) -> str:
    texts = getattr(error, "messages", None)
    return " ".join(str(m) for m in texts) if texts else str(error)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, items in error.error_dict.items():
            for item in items:
                message = item.message % (item.params or {}) if item.params else item.message
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _purpose(request: HttpRequest) -> str:
    return session_purpose(request) or AccessPurpose.CASE_REVIEW
