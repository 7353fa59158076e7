"""Errors that services raise and views translate into messages in the user's language."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["ConflictError", "PermissionDenied", "TransitionError", "ValidationError"]


class ConflictError(Exception):
    """Someone else changed the record after it was read (optimistic locking)."""


class TransitionError(Exception):
    """A status change that the allowed-transitions table does not permit."""
