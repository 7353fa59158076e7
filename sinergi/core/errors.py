"""Errors that services raise and views translate into messages in the user's language."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["FRAGMENT_HEADER", "ConflictError", "PermissionDenied", "TransitionError", "ValidationError"]

# An error answer to an htmx request that is a fragment for the request's target, saying the refusal in place.
# htmx swaps no error answer by itself; sinergi.js swaps one that carries this header.
FRAGMENT_HEADER = "Sinergi-Fragment"


class ConflictError(Exception):
    """Someone else changed the record after it was read (optimistic locking)."""


class TransitionError(Exception):
    """A status change that the allowed-transitions table does not permit."""
