"""Helpers shared by the meeting pages."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError


def error_text(error: Exception) -> str:
    """A service refusal as one sentence for a message."""
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return " ".join(m for messages_ in error.message_dict.values() for m in messages_)
        return " ".join(error.messages)
    return str(error)


def attempt(request: HttpRequest, call: Callable[[], Any], success: str) -> Any:
    """Runs a service call; its refusal becomes an error message, its success `success`. Returns the result or None."""
    try:
        result = call()
    except (ValidationError, PermissionDenied, TransitionError) as error:
        messages.error(request, error_text(error))
        return None
    messages.success(request, success)
    return result


def form_errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def apply_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError onto the form, field by field where it names fields."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            for item in field_errors:
                form.add_error(field if field in form.fields else None, item.message % (item.params or {}))
    else:
        for message in error.messages:
            form.add_error(None, message)
