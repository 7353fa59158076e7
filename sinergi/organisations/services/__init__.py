"""Writes to the organisation registry. Each function checks scope, validates, audits, and says why it refuses.

Callers use the package (`from sinergi.organisations import services`, `services.organisation_update(...)`); the
modules below are by concept: `rules` (what a record is refused for, what is derived before saving, the latitude
warning — shared with the spreadsheet import), `records` (create, update, moving between kabupaten/kota), `status`
(verify, activate, deactivate) and `boards` (an LKKKS board's terms, officers and members).
"""

from .boards import (
    board_member_add,
    board_member_end,
    board_officer_add,
    board_officer_remove,
    board_term_create,
)
from .records import MOVE_OUT_REFUSED, organisation_create, organisation_moved_send, organisation_update
from .rules import (
    BOARD_ONLY_FIELDS,
    DERIVED_FIELDS,
    MAX_CAPACITY,
    ONE_LINE_FIELDS,
    PROVINCES_NORTH,
    PROVINCES_SOUTH,
    accreditation_expiry,
    add_years,
    capacity_problem,
    latitude_side_warning,
    organisation_derive,
    organisation_validate,
)
from .status import organisation_activate, organisation_deactivate, organisation_verify

__all__ = [
    "BOARD_ONLY_FIELDS",
    "DERIVED_FIELDS",
    "MAX_CAPACITY",
    "MOVE_OUT_REFUSED",
    "ONE_LINE_FIELDS",
    "PROVINCES_NORTH",
    "PROVINCES_SOUTH",
    "accreditation_expiry",
    "add_years",
    "board_member_add",
    "board_member_end",
    "board_officer_add",
    "board_officer_remove",
    "board_term_create",
    "capacity_problem",
    "latitude_side_warning",
    "organisation_activate",
    "organisation_create",
    "organisation_deactivate",
    "organisation_derive",
    "organisation_moved_send",
    "organisation_update",
    "organisation_validate",
    "organisation_verify",
]
