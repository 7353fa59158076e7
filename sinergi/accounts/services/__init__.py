"""Writes for accounts: users, memberships, sign-in events and two-factor devices, each with its audit record.

Callers use the package (`from sinergi.accounts import services`, `services.user_create(...)`); the modules below
are by concept:
- `signins`: sign-in events, password changes and reset requests, session and sign-in-log clearing, API tokens;
- `two_factor`: the TOTP device (set up, checked, turned off, reset by an administrator);
- `memberships`: the rules binding a role and its grant, adding and removing a role;
- `users`: creating, inviting, updating, deactivating and reactivating accounts;
- `_common`: the role constants and the manager checks the others share.
"""

from ._common import ROLE_REGION_LEVELS, TWO_FACTOR_ROLES
from .memberships import membership_add, membership_remove, membership_validate
from .signins import (
    PASSWORD_RESET_REQUESTED,
    PasswordResetLimited,
    api_token_issue,
    api_token_revoke,
    login_failure_record,
    login_record,
    logout_record,
    password_change_record,
    password_reset_request,
    sessions_expired_clear,
    sign_in_log_clear,
)
from .two_factor import (
    totp_device_confirm,
    totp_device_for,
    totp_disable,
    totp_verify,
    two_factor_required,
    user_two_factor_reset,
)
from .users import (
    user_create,
    user_create_with_role,
    user_deactivate,
    user_email_changed_notice_send,
    user_invitation_resend,
    user_invitation_send,
    user_language_set,
    user_reactivate,
    user_update,
)

__all__ = [
    "PASSWORD_RESET_REQUESTED",
    "ROLE_REGION_LEVELS",
    "TWO_FACTOR_ROLES",
    "PasswordResetLimited",
    "api_token_issue",
    "api_token_revoke",
    "login_failure_record",
    "login_record",
    "logout_record",
    "membership_add",
    "membership_remove",
    "membership_validate",
    "password_change_record",
    "password_reset_request",
    "sessions_expired_clear",
    "sign_in_log_clear",
    "totp_device_confirm",
    "totp_device_for",
    "totp_disable",
    "totp_verify",
    "two_factor_required",
    "user_create",
    "user_create_with_role",
    "user_deactivate",
    "user_email_changed_notice_send",
    "user_invitation_resend",
    "user_invitation_send",
    "user_language_set",
    "user_reactivate",
    "user_two_factor_reset",
    "user_update",
]
