"""Services: user and membership rules, scope of administrators, invitations, TOTP, tokens — with their audit."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from sinergi.accounts import services
from sinergi.accounts.models import Membership, Role, User
from sinergi.accounts.tests.conftest import device_for, totp_code
from sinergi.accounts.tests.factories import DEMO_PASSWORD, MembershipFactory, UserFactory, user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db


def region(code: str) -> Region:
    return Region.objects.get(pk=code)


@pytest.fixture
def kaltim():
    """A province outside the deployment's tree (the test database holds only Kalimantan Selatan)."""
    return Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")


def counts() -> tuple[int, int, int, int]:
    return User.objects.count(), Membership.objects.count(), AuditEvent.objects.count(), len(mail.outbox)


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


# --- user_create ------------------------------------------------------------------------------------------------


def test_province_admin_creates_a_regency_board_member_who_gets_an_invitation(
    province_admin, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_create(
            actor=province_admin,
            username="pengurus.banjar",
            email="pengurus@banjar.test",
            full_name="Siti Aminah",
            role=Role.REGENCY_BOARD,
            region=region("63.03"),
        )
    # then
    user.refresh_from_db()
    assert user.full_name == "Siti Aminah"
    assert user.has_usable_password() is True  # random and unknown, so "forgot password" also works
    assert list(user.memberships.values_list("role", "region_id", "organisation_id")) == [
        ("regency_board", "63.03", None)
    ]
    assert actions() == ["accounts.user.created", "accounts.membership.added"]
    assert AuditEvent.objects.filter(actor=province_admin, object_id=str(user.pk)).count() == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pengurus@banjar.test"]
    assert mail.outbox[0].subject == "Akun Sinergi Anda sudah dibuat"
    # the link carries a valid password-set token for exactly this user
    match = re.search(r"/accounts/reset/(?P<uid>[^/]+)/(?P<token>[^/]+)/", mail.outbox[0].body)
    assert match is not None
    assert default_token_generator.check_token(user, match["token"]) is True


def test_the_invitation_is_in_the_new_users_language_not_the_administrators(
    province_admin, django_capture_on_commit_callbacks
):
    # Given an administrator working in Indonesian who creates an English-reading user (fifty-first review m2)
    with translation.override("id"), django_capture_on_commit_callbacks(execute=True):
        services.user_create(
            actor=province_admin,
            username="pengurus.en",
            email="pengurus.en@banjar.test",
            role=Role.REGENCY_BOARD,
            region=region("63.03"),
            preferred_language="en",
        )
    # Then the invitation is in English, and the administrator's own language is left as it was
    assert mail.outbox[0].subject == "Your Sinergi account has been created"
    assert "This link is valid for 3 days." in mail.outbox[0].body
    assert translation.get_language() != "en"


def test_lks_operator_grant_needs_an_lks_in_scope(province_admin, lks):
    user = services.user_create(
        actor=province_admin, username="op", email="op@x.test", role=Role.LKS_OPERATOR, organisation=lks
    )
    assert list(user.memberships.values_list("organisation_id", flat=True)) == [lks.pk]


def test_out_of_scope_region_grant_is_refused_and_nothing_written(province_admin, kaltim):
    before = counts()
    with pytest.raises(PermissionDenied) as refused:
        services.user_create(
            actor=province_admin, username="kaltim", email="k@x.test", role=Role.DINSOS_VIEWER, region=kaltim
        )
    assert "di luar kewenangan Anda" in str(refused.value)
    assert counts() == before
    assert not User.objects.filter(username="kaltim").exists()


def test_out_of_scope_organisation_grant_is_refused_and_nothing_written(province_admin):
    samarinda = OrganisationFactory(
        region_id=None, province_code="64", regency_code="64.72", district_code="", village_code=""
    )
    before = counts()
    with pytest.raises(PermissionDenied):
        services.user_create(
            actor=province_admin, username="sm", email="s@x.test", role=Role.LKS_OPERATOR, organisation=samarinda
        )
    assert counts() == before


def test_regency_board_member_may_not_create_users(regency_board):
    before = counts()
    with pytest.raises(PermissionDenied):
        services.user_create(
            actor=regency_board, username="x", email="x@x.test", role=Role.REGENCY_BOARD, region=region("63.71")
        )
    assert counts() == before


def test_province_admin_may_appoint_a_peer_for_their_province_only(province_admin, kaltim):
    peer = services.user_create(
        actor=province_admin, username="admin2", email="a2@x.test", role=Role.PROVINCE_ADMIN, region=region("63")
    )
    assert peer.memberships.get().role == Role.PROVINCE_ADMIN
    with pytest.raises(PermissionDenied):
        services.user_create(
            actor=province_admin, username="admin3", email="a3@x.test", role=Role.PROVINCE_ADMIN, region=kaltim
        )
    assert not User.objects.filter(username="admin3").exists()


def test_superuser_may_grant_anywhere(superuser, kaltim):
    user = services.user_create(
        actor=superuser, username="admin.kaltim", email="ak@x.test", role=Role.PROVINCE_ADMIN, region=kaltim
    )
    assert user.memberships.get().region_id == "64"


@pytest.mark.parametrize(
    ("role", "region_code", "field", "message"),
    [
        (Role.PROVINCE_ADMIN, "63.71", "region", "Admin provinsi harus dikaitkan dengan provinsi."),
        (Role.REGENCY_BOARD, "63", "region", "Pengurus LKKKS kabupaten/kota harus dikaitkan dengan kabupaten/kota."),
        (Role.DINSOS_VIEWER, "63.71.01", "region", "Dinas Sosial harus dikaitkan dengan provinsi atau kabupaten/kota."),
        (Role.LKS_OPERATOR, "63.71", "organisation", "Operator LKS harus dikaitkan dengan satu LKS."),
    ],
)
def test_binding_rules_per_role(province_admin, role, region_code, field, message):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.user_create(
            actor=province_admin, username="u", email="u@x.test", role=role, region=region(region_code)
        )
    assert refused.value.message_dict == {field: [message]}
    assert counts() == before


def test_dinsos_viewer_may_sit_at_province_or_kabupaten(province_admin):
    for code in ("63", "63.71"):
        services.user_create(
            actor=province_admin,
            username=f"dinsos{code}",
            email=f"d{code}@x.test",
            role=Role.DINSOS_VIEWER,
            region=region(code),
        )
    assert sorted(Membership.objects.filter(role=Role.DINSOS_VIEWER).values_list("region_id", flat=True)) == [
        "63",
        "63.71",
    ]


def test_lks_operator_of_a_board_is_refused(province_admin):
    board = BoardFactory()
    with pytest.raises(ValidationError) as refused:
        services.user_create(
            actor=province_admin, username="u", email="u@x.test", role=Role.LKS_OPERATOR, organisation=board
        )
    assert refused.value.message_dict == {
        "organisation": ["Operator LKS hanya dapat dikaitkan dengan LKS atau LKS asing."]
    }


def test_region_role_with_an_organisation_is_refused(province_admin, lks):
    with pytest.raises(ValidationError) as refused:
        services.user_create(
            actor=province_admin, username="u", email="u@x.test", role=Role.REGENCY_BOARD, organisation=lks
        )
    assert refused.value.message_dict == {"region": ["Peran ini harus dikaitkan dengan wilayah, bukan organisasi."]}


def test_duplicate_username_and_email_are_refused(province_admin, regency_board):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.user_create(
            actor=province_admin,
            username="PENGURUS.BJM",
            email=regency_board.email.upper(),
            role=Role.REGENCY_BOARD,
            region=region("63.71"),
        )
    assert refused.value.message_dict == {
        "username": ["Nama pengguna ini sudah dipakai."],
        "email": ["Alamat surel ini sudah dipakai pengguna lain."],
    }
    assert counts() == before


def test_email_is_required_for_the_invitation(province_admin):
    with pytest.raises(ValidationError) as refused:
        services.user_create(
            actor=province_admin, username="u", email="", role=Role.REGENCY_BOARD, region=region("63.71")
        )
    assert list(refused.value.message_dict) == ["email"]


# --- scope of management -----------------------------------------------------------------------------------------


def test_province_admin_may_not_touch_a_user_shared_with_another_province(province_admin, kaltim):
    shared = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    MembershipFactory(user=shared, role=Role.DINSOS_VIEWER, region_id="64")
    before = counts()
    with pytest.raises(PermissionDenied):
        services.user_deactivate(actor=province_admin, user=shared)
    shared.refresh_from_db()
    assert shared.is_active is True
    assert counts() == before


def test_province_admin_may_not_touch_a_superuser(province_admin, superuser):
    MembershipFactory(user=superuser, role=Role.REGENCY_BOARD, region_id="63.71")
    with pytest.raises(PermissionDenied):
        services.user_update(
            actor=province_admin,
            user=superuser,
            full_name="X",
            email=superuser.email,
            phone="",
            preferred_language="id",
        )
    superuser.refresh_from_db()
    assert superuser.full_name != "X"


def test_user_update_records_what_changed(province_admin, regency_board):
    services.user_update(
        actor=province_admin,
        user=regency_board,
        full_name="Budi Santoso",
        email=regency_board.email,
        phone="0811",
        preferred_language="en",
    )
    regency_board.refresh_from_db()
    assert (regency_board.full_name, regency_board.phone, regency_board.preferred_language) == (
        "Budi Santoso",
        "0811",
        "en",
    )
    event = AuditEvent.objects.get(action="accounts.user.updated")
    assert set(event.changes) == {"full_name", "phone", "preferred_language"}
    assert event.changes["phone"] == ["", "0811"]


def test_an_administrator_changing_an_address_needs_no_password_and_the_old_address_is_told(
    province_admin, regency_board, django_capture_on_commit_callbacks
):
    old_address = regency_board.email
    with django_capture_on_commit_callbacks(execute=True):
        services.user_update(
            actor=province_admin,
            user=regency_board,
            full_name=regency_board.full_name,
            email="baru@contoh.test",
            phone="",
            preferred_language="id",
        )
    (notice,) = mail.outbox
    assert (notice.to, notice.subject) == ([old_address], "Alamat surel akun Sinergi Anda diubah")
    assert "dilakukan oleh admin yang mengelola akun Anda" in notice.body


def test_user_update_without_changes_writes_nothing(regency_board):
    services.user_update(
        actor=regency_board,
        user=regency_board,
        full_name=regency_board.full_name,
        email=regency_board.email,
        phone=regency_board.phone,
        preferred_language=regency_board.preferred_language,
    )
    assert AuditEvent.objects.count() == 0


def test_user_language_set_keeps_a_known_language_once_and_refuses_another(regency_board):
    services.user_language_set(actor=regency_board, language="en")
    services.user_language_set(actor=regency_board, language="en")  # the same again: nothing more to record
    with pytest.raises(ValidationError):
        services.user_language_set(actor=regency_board, language="fr")

    regency_board.refresh_from_db()
    assert regency_board.preferred_language == "en"
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["accounts.user.updated"]


def test_user_may_not_update_someone_else(regency_board, lks_operator):
    with pytest.raises(PermissionDenied):
        services.user_update(
            actor=regency_board, user=lks_operator, full_name="X", email="x@x.test", phone="", preferred_language="id"
        )
    lks_operator.refresh_from_db()
    assert lks_operator.full_name != "X"


def test_unknown_language_is_refused(regency_board):
    with pytest.raises(ValidationError) as refused:
        services.user_update(
            actor=regency_board, user=regency_board, full_name="X", email="x@x.test", phone="", preferred_language="fr"
        )
    assert refused.value.message_dict == {"preferred_language": ["Bahasa tidak tersedia."]}
    regency_board.refresh_from_db()
    assert regency_board.full_name != "X"


# --- deactivate / reactivate -------------------------------------------------------------------------------------


def test_deactivate_stops_sign_in_and_revokes_the_api_token(province_admin, regency_board):
    Token.objects.create(user=regency_board)
    services.user_deactivate(actor=province_admin, user=regency_board)
    regency_board.refresh_from_db()
    assert regency_board.is_active is False
    assert Token.objects.filter(user=regency_board).exists() is False
    assert actions() == ["accounts.user.deactivated"]
    services.user_reactivate(actor=province_admin, user=regency_board)
    regency_board.refresh_from_db()
    assert regency_board.is_active is True
    assert actions() == ["accounts.user.deactivated", "accounts.user.reactivated"]


def test_admin_may_not_deactivate_themselves(province_admin):
    with pytest.raises(PermissionDenied):
        services.user_deactivate(actor=province_admin, user=province_admin)
    province_admin.refresh_from_db()
    assert province_admin.is_active is True
    assert AuditEvent.objects.count() == 0


def test_deactivating_twice_is_refused(province_admin, regency_board):
    services.user_deactivate(actor=province_admin, user=regency_board)
    with pytest.raises(ValidationError):
        services.user_deactivate(actor=province_admin, user=regency_board)
    assert actions() == ["accounts.user.deactivated"]


# --- memberships ---------------------------------------------------------------------------------------------------


def test_membership_add_and_remove(province_admin, regency_board, lks):
    added = services.membership_add(actor=province_admin, user=regency_board, role=Role.LKS_OPERATOR, organisation=lks)
    assert set(regency_board.memberships.values_list("role", flat=True)) == {"regency_board", "lks_operator"}
    added_pk = added.pk
    services.membership_remove(actor=province_admin, membership=added)
    assert list(regency_board.memberships.values_list("role", flat=True)) == ["regency_board"]
    assert actions() == ["accounts.membership.added", "accounts.membership.removed"]
    removed = AuditEvent.objects.get(action="accounts.membership.removed")
    assert removed.data == {"membership_id": added_pk, "role": "lks_operator", "region": None, "organisation": lks.pk}


def test_the_same_role_twice_is_refused(province_admin, regency_board):
    with pytest.raises(ValidationError) as refused:
        services.membership_add(
            actor=province_admin, user=regency_board, role=Role.REGENCY_BOARD, region=region("63.71")
        )
    assert refused.value.message_dict == {"role": ["Pengguna ini sudah memiliki peran tersebut."]}
    assert regency_board.memberships.count() == 1


def test_the_last_membership_cannot_be_removed(province_admin, regency_board):
    only = regency_board.memberships.get()
    with pytest.raises(ValidationError):
        services.membership_remove(actor=province_admin, membership=only)
    assert Membership.objects.filter(pk=only.pk).exists()
    assert AuditEvent.objects.count() == 0


def test_admin_may_not_change_their_own_roles(province_admin):
    with pytest.raises(PermissionDenied):
        services.membership_add(actor=province_admin, user=province_admin, role=Role.DINSOS_VIEWER, region=region("63"))
    assert province_admin.memberships.count() == 1


def test_membership_add_out_of_scope_is_refused_and_nothing_written(province_admin, regency_board, kaltim):
    before = counts()
    with pytest.raises(PermissionDenied):
        services.membership_add(actor=province_admin, user=regency_board, role=Role.DINSOS_VIEWER, region=kaltim)
    assert counts() == before


# --- user_create_with_role (for loaders) ---------------------------------------------------------------------------


def test_user_create_with_role_is_idempotent(lks):
    first = services.user_create_with_role(
        username="demo.operator", role=Role.LKS_OPERATOR, organisation=lks, password=DEMO_PASSWORD, full_name="Demo"
    )
    again = services.user_create_with_role(
        username="demo.operator", role=Role.LKS_OPERATOR, organisation=lks, password=DEMO_PASSWORD, full_name="Demo"
    )
    assert first.pk == again.pk
    assert again.check_password(DEMO_PASSWORD) is True
    assert Membership.objects.filter(user=first).count() == 1
    assert actions() == ["accounts.user.created", "accounts.membership.added"]


def test_user_create_with_role_still_applies_the_binding_rules():
    with pytest.raises(ValidationError):
        services.user_create_with_role(username="demo.board", role=Role.REGENCY_BOARD, region_code="63")
    assert not User.objects.filter(username="demo.board").exists()


def test_user_create_with_role_checks_scope_when_given_an_actor(regency_board):
    with pytest.raises(PermissionDenied):
        services.user_create_with_role(username="x", role=Role.REGENCY_BOARD, region_code="63.71", actor=regency_board)
    assert not User.objects.filter(username="x").exists()


# --- two-factor ------------------------------------------------------------------------------------------------------


def test_totp_set_up_stores_the_device_only_after_a_right_code(lks_operator):
    key = TOTPDevice(user=lks_operator).key
    with pytest.raises(ValidationError):
        services.totp_device_confirm(
            user=lks_operator, key=key, token="000000" if totp_code(key) != "000000" else "111111"
        )
    assert TOTPDevice.objects.filter(user=lks_operator).count() == 0
    device = services.totp_device_confirm(user=lks_operator, key=key, token=totp_code(key))
    assert (device.confirmed, device.key) == (True, key)
    assert actions() == ["accounts.user.two_factor_enabled"]


@pytest.mark.parametrize("token", ["²²²²²²", "١٢٣٤٥٦"])
def test_a_code_of_digits_other_than_0_to_9_is_a_wrong_code_not_an_error(lks_operator, token):
    # "²" is a digit to str.isdigit and not to int: the set-up page answered with an error page
    key = TOTPDevice(user=lks_operator).key
    with pytest.raises(ValidationError) as refused:
        services.totp_device_confirm(user=lks_operator, key=key, token=token)
    assert refused.value.message_dict == {
        "token": ["Kode tidak cocok. Periksa jam ponsel Anda lalu masukkan kode terbaru."]
    }
    device = device_for(lks_operator)
    with pytest.raises(ValidationError):
        services.totp_verify(user=lks_operator, token=token)
    assert device.pk and actions()[-1] == "accounts.user.two_factor_failed"


def test_totp_verify_accepts_the_current_code_once(lks_operator):
    device = device_for(lks_operator)
    code = totp_code(device.key)
    assert services.totp_verify(user=lks_operator, token=code) == device
    # replaying the same code is refused (django-otp remembers the last time step used)
    with pytest.raises(ValidationError):
        services.totp_verify(user=lks_operator, token=code)
    assert actions() == ["accounts.user.two_factor_verified", "accounts.user.two_factor_failed"]


def test_totp_wrong_code_is_throttled(lks_operator):
    device = device_for(lks_operator)
    wrong = "123456" if totp_code(device.key) != "123456" else "654321"
    with pytest.raises(ValidationError):
        services.totp_verify(user=lks_operator, token=wrong)
    # right after a miss even the right code must wait (django-otp's back-off)
    with pytest.raises(ValidationError) as refused:
        services.totp_verify(user=lks_operator, token=totp_code(device.key))
    assert refused.value.message_dict == {"token": ["Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi."]}


def test_province_admin_may_not_turn_two_factor_off(province_admin):
    device = device_for(province_admin)
    with pytest.raises(PermissionDenied):
        services.totp_disable(user=province_admin, token=totp_code(device.key))
    assert TOTPDevice.objects.filter(user=province_admin).count() == 1


def test_optional_two_factor_can_be_turned_off_with_a_code(lks_operator):
    device = device_for(lks_operator)
    services.totp_disable(user=lks_operator, token=totp_code(device.key))
    assert TOTPDevice.objects.filter(user=lks_operator).count() == 0
    assert actions() == ["accounts.user.two_factor_verified", "accounts.user.two_factor_disabled"]


def test_admin_resets_a_lost_device(province_admin, regency_board):
    device_for(regency_board)
    services.user_two_factor_reset(actor=province_admin, user=regency_board)
    assert TOTPDevice.objects.filter(user=regency_board).count() == 0
    assert actions() == ["accounts.user.two_factor_reset"]


def test_two_factor_required_for_province_admins_and_superusers(province_admin, superuser, regency_board):
    assert services.two_factor_required(province_admin) is True
    assert services.two_factor_required(superuser) is True
    assert services.two_factor_required(regency_board) is False


# --- API tokens ------------------------------------------------------------------------------------------------------


def test_token_issue_is_stable_and_revoke_deletes_it(regency_board):
    first = services.api_token_issue(user=regency_board)
    second = services.api_token_issue(user=regency_board)
    assert first.key == second.key
    assert services.api_token_revoke(user=regency_board) is True
    assert services.api_token_revoke(user=regency_board) is False
    assert actions() == [
        "accounts.user.logged_in",
        "accounts.token.created",
        "accounts.user.logged_in",
        "accounts.token.revoked",
    ]


def test_invitation_can_be_resent(province_admin, regency_board):
    services.user_invitation_resend(actor=province_admin, user=regency_board)
    assert mail.outbox[0].to == [regency_board.email]
    assert actions() == ["accounts.user.invitation_sent"]


def test_plain_user_password_from_factory_still_works():
    user = UserFactory()
    assert user.check_password(DEMO_PASSWORD) is True
