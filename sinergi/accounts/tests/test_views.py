"""Pages: sign-in with lockout and audit, passwords, two-factor (with real TOTP codes), idle timeout, profile,
user management within scope."""

import io
import logging
import re
from binascii import unhexlify
from datetime import timedelta
from unittest import mock
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.accounts import services
from sinergi.accounts.models import Membership, Role, User
from sinergi.accounts.tests.conftest import device_for, totp_code
from sinergi.accounts.tests.factories import DEMO_PASSWORD, UserFactory, user_with_role
from sinergi.accounts.views.two_factor import PENDING_KEY_SESSION_KEY
from sinergi.audit.models import AuditEvent
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
TWO_FACTOR = reverse("accounts:two_factor")


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def sign_in(client, username: str, password: str = DEMO_PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def login_verified(client, user) -> TOTPDevice:
    """Signs in as `user` with the second factor already passed in this session."""
    device = device_for(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def two_factor_url(next_url: str) -> str:
    return f"{TWO_FACTOR}?{urlencode({'next': next_url})}"


# --- sign-in, failures, lockout, sign-out ------------------------------------------------------------------------


def test_login_page_is_in_indonesian(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Masuk ke Sinergi" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_successful_login_is_audited_and_sets_the_language(client, regency_board):
    regency_board.preferred_language = "en"
    regency_board.save()
    response = sign_in(client, "pengurus.bjm", next="/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert actions() == ["accounts.user.logged_in"]
    assert AuditEvent.objects.get().actor == regency_board


def test_failed_login_shows_a_clear_message_and_is_audited(client, regency_board):
    response = sign_in(client, "pengurus.bjm", "salah-sekali")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nama pengguna atau kata sandi salah" in body
    assert "dikunci sementara selama 15 menit" in body
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.object_id) == ("accounts.user.login_failed", None, str(regency_board.pk))
    assert event.data == {"username": "pengurus.bjm", "via": "web", "locked_out": False}


def test_a_failed_sign_in_under_an_unknown_name_keeps_no_trace_of_what_was_typed(client, regency_board, superuser):
    # Given someone who typed their password into the user name field (fifty-first review m8)
    sign_in(client, "Rahasia-Kopi-2025", "salah")
    # Then the audit records that the name was unknown, not the name itself
    event = AuditEvent.objects.get()
    assert (event.action, event.object_id) == ("accounts.user.login_failed", "")
    assert event.data == {"username_unknown": True, "via": "web", "locked_out": False}
    # And the audit log reads it in words, without the typed text
    login_verified(client, superuser)
    page = client.get(reverse("audit:log")).content.decode()
    assert "Rahasia-Kopi-2025" not in page
    assert "Nama pengguna tidak dikenal: Ya" in page
    assert "Melalui: halaman web" in page


def test_five_failures_lock_the_account_for_fifteen_minutes(client, regency_board):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "pengurus.bjm", "salah").status_code == 200
    # the fifth failure locks
    locked = sign_in(client, "pengurus.bjm", "salah")
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "Akun dikunci sementara" in body
    assert "Silakan coba lagi setelah 15 menit" in body
    # even the right password is refused while locked
    again = sign_in(client, "pengurus.bjm")
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    assert actions().count("accounts.user.login_failed") == 6
    assert actions().count("accounts.user.locked_out") == 1
    assert actions().count("accounts.user.logged_in") == 0


def test_lockout_ends_after_the_cool_off(client, regency_board):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "pengurus.bjm", "salah")
    # 16 minutes pass (the failures are moved back in time; axes reads its own clock)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = sign_in(client, "pengurus.bjm")
    assert response.status_code == 302
    assert "accounts.user.logged_in" in actions()


def test_logout_is_post_only_and_audited(client, regency_board):
    client.force_login(regency_board)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert actions() == ["accounts.user.logged_out"]


def test_a_sign_in_and_out_are_kept_in_the_audit_log_only_not_in_axes_own_log(client, regency_board):
    sign_in(client, "pengurus.bjm")
    client.post(reverse("accounts:logout"))

    assert actions() == ["accounts.user.logged_in", "accounts.user.logged_out"]
    assert AuditEvent.objects.filter(ip_address__isnull=False).count() == 2
    assert AccessLog.objects.count() == 0  # no second copy of who signed in from where, with their browser


def test_the_hourly_run_removes_expired_sessions_and_axes_sign_in_log_from_before(client, regency_board):
    # given a signed-in user, a session that expired long ago and axes' log of a sign-in from before the upgrade
    sign_in(client, "pengurus.bjm")
    live = client.session.session_key
    old = SessionStore()
    old["uji"] = "sesi lama"
    old.create()
    Session.objects.filter(session_key=old.session_key).update(expire_date=timezone.now() - timedelta(days=365))
    AccessLog.objects.create(username="pengurus.bjm", ip_address="10.0.0.7", user_agent="Uji", path_info="/masuk/")

    out = io.StringIO()
    call_command("send_reminders", stdout=out)

    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert AccessLog.objects.count() == 0
    assert "sessions_expired_clear: 1" in out.getvalue() and "sign_in_log_clear: 1" in out.getvalue()


# --- passwords ---------------------------------------------------------------------------------------------------


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """Asks for a password-reset link, running what the request leaves for after its commit (the mail task)."""

    def post(data: dict, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("accounts:password_reset"), data, **extra)

    return post


def test_password_reset_by_email_end_to_end(client, ask, regency_board):
    response = ask({"email": regency_board.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Atur ulang kata sandi Sinergi"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body)[1]
    set_password_page = client.get(link, follow=True)
    assert "Buat kata sandi baru" in set_password_page.content.decode()
    response = client.post(
        set_password_page.redirect_chain[-1][0],
        {"new_password1": "Kopi-Pagi-Banjarmasin-7", "new_password2": "Kopi-Pagi-Banjarmasin-7"},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    regency_board.refresh_from_db()
    assert regency_board.check_password("Kopi-Pagi-Banjarmasin-7") is True
    assert actions() == ["accounts.user.password_reset_requested", "accounts.user.password_reset"]


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, ask, regency_board):
    response = ask({"email": "tidak.ada@contoh.test"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_a_reset_request_is_audited_alike_for_a_known_and_an_unknown_address(client, ask, regency_board):
    # Given one request for a user's address and one for an address no account has (fifty-first review m1)
    known = ask({"email": regency_board.email}, REMOTE_ADDR="203.0.113.5")
    unknown = ask({"email": "Tidak.Ada@Contoh.test"}, REMOTE_ADDR="203.0.113.5")
    # Then the page answers the same, and each request is recorded without naming an account or the address whole
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password_reset_done")
    first, second = AuditEvent.objects.order_by("id")
    for event in (first, second):
        assert (event.action, event.actor, event.object_id, event.ip_address) == (
            "accounts.user.password_reset_requested",
            None,
            "",
            "203.0.113.5",
        )
        assert set(event.data) == {"email_masked", "email_key"}
    assert second.data["email_masked"] == "T***@Contoh.test"
    assert regency_board.email not in str(first.data)
    assert [m.to for m in mail.outbox] == [[regency_board.email]]


def test_the_audit_log_reads_a_reset_request_in_words_without_its_hash(client, ask, superuser):
    ask({"email": "siti.rahma@contoh.test"})
    key = AuditEvent.objects.get().data["email_key"]
    login_verified(client, superuser)
    page = client.get(reverse("audit:log")).content.decode()
    assert "Tautan kata sandi baru diminta" in page
    assert "Alamat surel (disamarkan): s***@contoh.test" in page
    assert key not in page and "siti.rahma" not in page


def test_reset_requests_are_limited_per_address_typed_whether_or_not_it_is_known(client, ask, regency_board, settings):
    settings.SINERGI = {**settings.SINERGI, "PASSWORD_RESET_PER_EMAIL_HOUR": 3}
    for email in (regency_board.email, "tidak.ada@contoh.test"):
        for _ in range(3):
            assert ask({"email": email.upper()}).status_code == 302
        refused = ask({"email": email})
        assert refused.status_code == 429
        assert "Terlalu banyak permintaan tautan kata sandi baru" in refused.content.decode()
    assert len(mail.outbox) == 3
    assert actions().count("accounts.user.password_reset_requested") == 6
    # An hour later the address may ask again
    AuditEvent.objects.update(occurred_at=F("occurred_at") - timedelta(minutes=61))
    assert ask({"email": regency_board.email}).status_code == 302
    assert len(mail.outbox) == 4


def test_reset_requests_are_limited_per_client_address(client, ask, regency_board, settings):
    settings.SINERGI = {**settings.SINERGI, "PASSWORD_RESET_PER_ADDRESS_HOUR": 4}
    for i in range(4):
        ask({"email": f"orang{i}@contoh.test"}, REMOTE_ADDR="198.51.100.7")
    refused = ask({"email": regency_board.email}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert mail.outbox == []
    # Another client is not held back by that one
    assert ask({"email": regency_board.email}, REMOTE_ADDR="198.51.100.8").status_code == 302
    assert len(mail.outbox) == 1


def test_the_reset_mail_is_in_the_users_language_and_says_how_long_the_link_works(client, ask, regency_board):
    # Given an English-reading user whose reset is asked for from a browser in Indonesian (fifty-first review m2)
    User.objects.filter(pk=regency_board.pk).update(preferred_language="en")
    ask({"email": regency_board.email})
    # Then the mail is in English and gives the link's validity
    message = mail.outbox[0]
    assert message.subject == "Reset your Sinergi password"
    assert "This link is valid for 3 days." in message.body
    # And an Indonesian-reading user asked for from an English browser gets Indonesian
    User.objects.filter(pk=regency_board.pk).update(preferred_language="id")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    ask({"email": regency_board.email})
    assert mail.outbox[1].subject == "Atur ulang kata sandi Sinergi"
    assert "Tautan ini berlaku 3 hari." in mail.outbox[1].body


def test_a_deactivated_users_unexpired_invitation_link_sets_no_password(client, province_admin, regency_board):
    # Given an invitation sent, then the user deactivated before they used it (fifty-first review m3)
    services.user_invitation_resend(actor=province_admin, user=regency_board)
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body)[1]
    services.user_deactivate(actor=province_admin, user=regency_board)
    before = actions()
    # When the link is opened and a password sent anyway
    page = client.get(link, follow=True)
    response = client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link,
        {"new_password1": "Kopi-Pagi-Banjarmasin-7", "new_password2": "Kopi-Pagi-Banjarmasin-7"},
    )
    # Then the page says the link is no longer valid and nothing was set
    assert "Tautan ini tidak berlaku lagi" in page.content.decode()
    assert "Tautan ini tidak berlaku lagi" in response.content.decode()
    regency_board.refresh_from_db()
    assert regency_board.check_password("Kopi-Pagi-Banjarmasin-7") is False
    assert actions() == before


def test_password_change(client, regency_board):
    client.force_login(regency_board)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "Teh-Sore-Martapura-9",
            "new_password2": "Teh-Sore-Martapura-9",
        },
    )
    assert response["Location"] == reverse("accounts:profile")
    regency_board.refresh_from_db()
    assert regency_board.check_password("Teh-Sore-Martapura-9") is True
    assert actions() == ["accounts.user.password_changed"]


def test_password_change_with_a_wrong_old_password_changes_nothing(client, regency_board):
    client.force_login(regency_board)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "salah", "new_password1": "Teh-Sore-Martapura-9", "new_password2": "Teh-Sore-Martapura-9"},
    )
    assert response.status_code == 200
    regency_board.refresh_from_db()
    assert regency_board.check_password(DEMO_PASSWORD) is True
    assert actions() == []


# --- two-factor ----------------------------------------------------------------------------------------------------


def test_province_admin_sets_up_totp_at_first_login_and_lands_where_they_were_going(client, province_admin):
    # given a province admin without a device signs in, heading for the user list
    response = sign_in(client, "admin.kalsel", next="/accounts/users/?q=a&status=active")
    assert response["Location"] == two_factor_url("/accounts/users/?q=a&status=active")
    # when they open the set-up page
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "<script>" not in body and "style=" not in body
    key = client.session[PENDING_KEY_SESSION_KEY]
    secret = re.search(r'<p class="secret">([A-Z2-7 ]+)</p>', body)[1]
    import base64

    assert base64.b32decode(secret.replace(" ", "")) == unhexlify(key)
    # and confirm with the code their app shows
    done = client.post(page.request["PATH_INFO"] + "?" + page.request["QUERY_STRING"], {"token": totp_code(key)})
    # then the device is stored and they reach the page they asked for, without another detour
    assert done["Location"] == "/accounts/users/?q=a&status=active"
    assert TOTPDevice.objects.get(user=province_admin).confirmed is True
    assert client.get("/accounts/users/?q=a&status=active").status_code == 200
    assert actions() == ["accounts.user.logged_in", "accounts.user.two_factor_enabled"]


def test_middleware_sends_an_unverified_province_admin_to_two_factor_keeping_next(client, province_admin):
    client.force_login(province_admin)
    response = client.get("/accounts/users/?q=budi&page=2")
    assert response.status_code == 302
    assert response["Location"] == two_factor_url("/accounts/users/?q=budi&page=2")


def test_middleware_also_guards_the_profile_but_not_the_sign_in_pages(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("accounts:profile"))["Location"] == two_factor_url("/accounts/profile/")
    assert client.get(TWO_FACTOR).status_code == 200
    assert client.get(reverse("accounts:password_reset")).status_code == 200


def test_province_admin_with_a_device_enters_a_code(client, province_admin):
    device = device_for(province_admin)
    response = sign_in(client, "admin.kalsel")
    page = client.get(response["Location"])
    assert "<svg" not in page.content.decode()
    wrong = "123456" if totp_code(device.key) != "123456" else "654321"
    refused = client.post(response["Location"], {"token": wrong})
    assert refused.status_code == 200
    assert "Kode salah atau sudah kedaluwarsa." in refused.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302
    # django-otp's back-off wants a pause after a miss; pretend it has passed
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    accepted = client.post(response["Location"], {"token": totp_code(device.key)})
    assert accepted.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert actions() == [
        "accounts.user.logged_in",
        "accounts.user.two_factor_failed",
        "accounts.user.two_factor_verified",
    ]


def test_next_pointing_elsewhere_is_ignored(client, regency_board):
    device = device_for(regency_board)
    client.force_login(regency_board)
    response = client.post(f"{TWO_FACTOR}?next=https://jahat.test/", {"token": totp_code(device.key)})
    assert response["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)


def test_regency_board_is_not_forced_into_two_factor(client, regency_board):
    client.force_login(regency_board)
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_optional_two_factor_from_the_profile_then_required_at_next_login(client, lks_operator):
    client.force_login(lks_operator)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Aktifkan verifikasi dua langkah" in profile
    client.get(TWO_FACTOR)
    key = client.session[PENDING_KEY_SESSION_KEY]
    client.post(TWO_FACTOR, {"token": totp_code(key)})
    assert TOTPDevice.objects.filter(user=lks_operator, confirmed=True).count() == 1
    client.post(reverse("accounts:logout"))
    # at the next sign-in the code is asked for, and nothing else opens until it is given
    response = sign_in(client, "operator.harapan")
    assert response["Location"].startswith(TWO_FACTOR)
    assert client.get(reverse("accounts:profile"))["Location"].startswith(TWO_FACTOR)
    client.post(response["Location"], {"token": totp_code(key, drift=1)})
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_optional_two_factor_can_be_turned_off_from_the_profile(client, lks_operator):
    device = login_verified(client, lks_operator)
    response = client.post(reverse("accounts:two_factor_disable"), {"token": totp_code(device.key)})
    assert response["Location"] == reverse("accounts:profile")
    assert TOTPDevice.objects.filter(user=lks_operator).count() == 0


def test_set_up_without_a_pending_secret_asks_to_scan_again(client, regency_board):
    client.force_login(regency_board)
    response = client.post(TWO_FACTOR, {"token": "123456"})
    assert "Sesi penyiapan berakhir" in response.content.decode()
    assert TOTPDevice.objects.count() == 0


# --- idle timeout ------------------------------------------------------------------------------------------------


def test_session_expires_after_the_idle_timeout_but_activity_keeps_it_alive(client, regency_board):
    profile = reverse("accounts:profile")
    sign_in(client, "pengurus.bjm")
    start = timezone.now()
    idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    # a request just inside the idle window works and, being activity, pushes the expiry forward
    with mock.patch("django.utils.timezone.now", return_value=start + idle - timedelta(minutes=1)):
        assert client.get(profile).status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=start + 2 * idle - timedelta(minutes=2)):
        assert client.get(profile).status_code == 200
    # a full idle period later the session is gone: back to the sign-in page
    with mock.patch("django.utils.timezone.now", return_value=start + 3 * idle):
        response = client.get(profile)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_requests_within_a_minute_do_not_write_the_session_again(client, regency_board):
    # A job page polls every second or two: saving the session on each poll held SQLite's one write lock.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profile = reverse("accounts:profile")
    sign_in(client, "pengurus.bjm")
    start = timezone.now()

    def session_writes(at) -> int:
        with mock.patch("django.utils.timezone.now", return_value=at), CaptureQueriesContext(connection) as seen:
            assert client.get(profile).status_code == 200
        return sum(1 for q in seen.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"])

    first = session_writes(start + timedelta(minutes=2))
    assert (first, session_writes(start + timedelta(minutes=2, seconds=30))) == (1, 0)
    assert session_writes(start + timedelta(minutes=3, seconds=1)) == 1


# --- profile -------------------------------------------------------------------------------------------------------


def test_profile_shows_roles_two_factor_and_the_password_link(client, lks_operator, lks):
    client.force_login(lks_operator)
    body = client.get(reverse("accounts:profile")).content.decode()
    assert "Operator LKS — LKSA Harapan Bangsa" in body
    assert "belum aktif" in body
    assert reverse("accounts:password_change") in body


def test_profile_update(client, regency_board, django_capture_on_commit_callbacks):
    client.force_login(regency_board)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:profile"),
            {
                "full_name": "Rahmat Hidayat",
                "email": "rahmat@contoh.test",
                "phone": "0812",
                "preferred_language": "en",
                "password": DEMO_PASSWORD,
            },
        )
    assert response["Location"] == reverse("accounts:profile")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    regency_board.refresh_from_db()
    assert (regency_board.full_name, regency_board.email, regency_board.preferred_language) == (
        "Rahmat Hidayat",
        "rahmat@contoh.test",
        "en",
    )


def test_a_new_email_address_needs_the_current_password(client, regency_board, django_capture_on_commit_callbacks):
    # Given a session left open (fifty-first review m7)
    old_address = regency_board.email
    client.force_login(regency_board)
    form = {"full_name": "X", "email": "penyerang@contoh.test", "phone": "", "preferred_language": "id"}
    # When the address is changed without the password, or with a wrong one
    with django_capture_on_commit_callbacks(execute=True):
        missing = client.post(reverse("accounts:profile"), form)
        wrong = client.post(reverse("accounts:profile"), form | {"password": "tebakan"})
    # Then nothing changes and the form asks for the password
    for response in (missing, wrong):
        assert response.status_code == 200
        assert "Masukkan kata sandi Anda saat ini untuk mengubah alamat surel." in response.content.decode()
    regency_board.refresh_from_db()
    assert (regency_board.email, regency_board.full_name) == (old_address, regency_board.full_name)
    assert actions() == [] and mail.outbox == []
    # And the other fields need no password
    assert client.post(reverse("accounts:profile"), form | {"email": old_address}).status_code == 302


def test_the_old_address_is_told_of_a_new_one_in_the_users_language(
    client, regency_board, django_capture_on_commit_callbacks
):
    old_address = regency_board.email
    User.objects.filter(pk=regency_board.pk).update(preferred_language="en")
    regency_board.refresh_from_db()
    client.force_login(regency_board)
    form = {"full_name": "Rahmat", "email": "rahmat.baru@contoh.test", "phone": "", "preferred_language": "en"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:profile"), form | {"password": DEMO_PASSWORD})
    assert response.status_code == 302
    (notice,) = mail.outbox
    assert notice.to == [old_address]
    assert notice.subject == "The e-mail address of your Sinergi account was changed"
    assert "r***@contoh.test" in notice.body and "rahmat.baru" not in notice.body
    assert "contact your province administrator" in notice.body


def test_profile_update_with_a_taken_email_changes_nothing(client, regency_board, lks_operator):
    client.force_login(regency_board)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "X", "email": lks_operator.email, "phone": "", "preferred_language": "id"},
    )
    assert response.status_code == 200
    assert "Alamat surel ini sudah dipakai pengguna lain." in response.content.decode()
    regency_board.refresh_from_db()
    assert regency_board.full_name != "X"
    assert actions() == []


def test_the_headers_language_switch_is_kept_as_the_users_language_for_the_next_sign_in(client, regency_board):
    # Given a board member reading in Indonesian (their profile's language)
    client.force_login(regency_board)

    # When they press "EN" in the header
    response = client.post(reverse("set_language"), {"language": "en", "next": "/exchange/"})

    # Then the page comes back in English, and the choice is their language, recorded as a profile change is
    assert response["Location"] == "/exchange/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    regency_board.refresh_from_db()
    assert regency_board.preferred_language == "en"
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("accounts.user.updated", regency_board)
    assert event.changes == {"preferred_language": ["id", "en"]}

    # And after signing out, and in again in a browser that forgot the cookie, the interface is English
    client.post(reverse("accounts:logout"))
    client.cookies.clear()
    assert sign_in(client, "pengurus.bjm").cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert '<html lang="en">' in profile
    # And the profile offers the language in use, so that saving it does not switch back
    assert re.search(r'<option value="en"[^>]* selected>', profile)


def test_the_language_switch_of_a_visitor_sets_only_the_cookie(client, regency_board):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/directory/"})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    regency_board.refresh_from_db()
    assert regency_board.preferred_language == "id"
    assert actions() == []


def test_a_language_chosen_on_the_sign_in_page_is_kept_by_the_sign_in(client, regency_board):
    # A review: English chosen on the sign-in page was undone by signing in (the profile's language won)
    client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})

    response = sign_in(client, "pengurus.bjm")

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    regency_board.refresh_from_db()
    assert regency_board.preferred_language == "en"
    # Once: the next sign-in of this browser, in whatever language, is the profile's
    client.post(reverse("accounts:logout"))
    assert sign_in(client, "pengurus.bjm").cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert AuditEvent.objects.filter(action="accounts.user.updated").count() == 1


# --- user management -----------------------------------------------------------------------------------------------


def test_kabupaten_board_member_gets_403_on_user_management(client, regency_board, lks_operator):
    client.force_login(regency_board)
    assert client.get(reverse("accounts:user_list")).status_code == 403
    assert client.get(reverse("accounts:user_create")).status_code == 403
    assert client.get(reverse("accounts:user_edit", args=[lks_operator.pk])).status_code == 403
    users_before = User.objects.count()
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "baru",
            "email": "baru@x.test",
            "role": "regency_board",
            "region": "63.71",
            "preferred_language": "id",
        },
    )
    assert response.status_code == 403
    assert client.post(reverse("accounts:user_deactivate", args=[lks_operator.pk])).status_code == 403
    assert User.objects.count() == users_before
    assert lks_operator.is_active is True
    # nothing done is recorded; the five refusals are
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["access.refused"] * 5


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("accounts:user_list"))
    assert response["Location"].startswith(LOGIN)


def test_user_list_shows_only_users_in_scope_with_bounded_queries(
    client, province_admin, regency_board, lks_operator, django_assert_max_num_queries
):
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    user_with_role(Role.PROVINCE_ADMIN, region_code="64", username="admin.kaltim")
    for i in range(10):
        user_with_role(Role.REGENCY_BOARD, region_code="63.03", username=f"banjar{i}")
    login_verified(client, province_admin)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("accounts:user_list")).content.decode()
    assert "pengurus.bjm" in body and "operator.harapan" in body and "banjar9" in body
    assert "admin.kaltim" not in body


def test_user_list_search_with_htmx_returns_only_the_results(client, province_admin, regency_board, lks_operator):
    login_verified(client, province_admin)
    response = client.get(reverse("accounts:user_list"), {"q": "operator"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert "operator.harapan" in body and "pengurus.bjm" not in body


def test_province_admin_creates_a_user_from_the_form(client, province_admin, lks, django_capture_on_commit_callbacks):
    login_verified(client, province_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:user_create"),
            {
                "username": "operator.baru",
                "full_name": "Nur Aisyah",
                "email": "nur@contoh.test",
                "phone": "",
                "preferred_language": "id",
                "role": "lks_operator",
                "organisation": lks.pk,
            },
        )
    user = User.objects.get(username="operator.baru")
    assert response["Location"] == reverse("accounts:user_edit", args=[user.pk])
    assert list(user.memberships.values_list("role", "organisation_id")) == [("lks_operator", lks.pk)]
    assert mail.outbox[0].to == ["nur@contoh.test"]


def test_create_form_refuses_a_region_outside_the_province(client, province_admin):
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    login_verified(client, province_admin)
    users_before = User.objects.count()
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "luar",
            "email": "luar@x.test",
            "role": "dinsos_viewer",
            "region": "64",
            "preferred_language": "id",
        },
    )
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid." in response.content.decode()
    assert User.objects.count() == users_before
    assert mail.outbox == []


def test_create_form_shows_the_binding_rule(client, province_admin):
    login_verified(client, province_admin)
    response = client.post(
        reverse("accounts:user_create"),
        {"username": "x", "email": "x@x.test", "role": "regency_board", "region": "63", "preferred_language": "id"},
    )
    assert "Pengurus LKKKS kabupaten/kota harus dikaitkan dengan kabupaten/kota." in response.content.decode()
    assert not User.objects.filter(username="x").exists()


def test_out_of_scope_user_is_not_found(client, province_admin):
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    other = user_with_role(Role.PROVINCE_ADMIN, region_code="64")
    login_verified(client, province_admin)
    assert client.get(reverse("accounts:user_edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("accounts:user_deactivate", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.is_active is True


def test_edit_user_and_manage_memberships_with_htmx(client, province_admin, regency_board, lks):
    login_verified(client, province_admin)
    edit = reverse("accounts:user_edit", args=[regency_board.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"full_name": "Nama Baru", "email": regency_board.email, "phone": "", "preferred_language": "id"}
    )
    assert response["Location"] == edit
    added = client.post(
        reverse("accounts:membership_add", args=[regency_board.pk]),
        {"role": "lks_operator", "organisation": lks.pk},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in added.content.decode()
    assert "Operator LKS — LKSA Harapan Bangsa" in added.content.decode()
    membership = Membership.objects.get(user=regency_board, role=Role.LKS_OPERATOR)
    removed = client.post(
        reverse("accounts:membership_remove", args=[regency_board.pk, membership.pk]), headers={"HX-Request": "true"}
    )
    assert "Operator LKS — LKSA Harapan Bangsa" not in removed.content.decode()
    assert list(regency_board.memberships.values_list("role", flat=True)) == ["regency_board"]
    assert actions() == ["accounts.user.updated", "accounts.membership.added", "accounts.membership.removed"]


def test_membership_add_with_a_broken_binding_shows_the_rule(client, province_admin, regency_board):
    login_verified(client, province_admin)
    response = client.post(
        reverse("accounts:membership_add", args=[regency_board.pk]), {"role": "province_admin", "region": "63.71"}
    )
    assert "Admin provinsi harus dikaitkan dengan provinsi." in response.content.decode()
    assert regency_board.memberships.count() == 1


def test_deactivate_and_reactivate_buttons(client, province_admin, regency_board):
    login_verified(client, province_admin)
    client.post(reverse("accounts:user_deactivate", args=[regency_board.pk]))
    regency_board.refresh_from_db()
    assert regency_board.is_active is False
    client.post(reverse("accounts:user_reactivate", args=[regency_board.pk]))
    regency_board.refresh_from_db()
    assert regency_board.is_active is True


def test_deactivated_user_is_signed_out_at_once(client, province_admin, regency_board):
    from django.test import Client

    their_browser = Client()
    their_browser.force_login(regency_board)
    login_verified(client, province_admin)
    client.post(reverse("accounts:user_deactivate", args=[regency_board.pk]))
    assert their_browser.get(reverse("accounts:profile"))["Location"].startswith(LOGIN)


def test_organisation_search_offers_only_lks_in_scope(client, province_admin, lks):
    OrganisationFactory(
        name="LKS Harapan Samarinda",
        region_id=None,
        province_code="64",
        regency_code="64.72",
        district_code="",
        village_code="",
    )
    login_verified(client, province_admin)
    body = client.get(reverse("accounts:organisation_options"), {"org_q": "harapan"}).content.decode()
    assert f'<option value="{lks.pk}">LKSA Harapan Bangsa</option>' in body
    assert "Samarinda" not in body


def test_superuser_sees_and_manages_everyone(client, superuser, province_admin):
    login_verified(client, superuser)
    body = client.get(reverse("accounts:user_list")).content.decode()
    assert "admin.kalsel" in body
    client.post(reverse("accounts:user_deactivate", args=[province_admin.pk]))
    province_admin.refresh_from_db()
    assert province_admin.is_active is False


def test_factory_user_default(db):
    assert UserFactory().is_active is True


def test_the_admin_site_tells_a_signed_in_user_who_is_not_staff_no_instead_of_sending_them_round(
    client, regency_board, caplog
):
    # The admin sends a user it does not serve to its login, which was ours, which sent a signed-in user back to the
    # admin: the browser gave up with "too many redirects".
    client.force_login(regency_board)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/admin/", follow=True)
    assert response.status_code == 403 and "Peran Anda tidak mencakup halaman ini" in response.content.decode()
    assert [url for url, _status in response.redirect_chain] == ["/admin/login/?next=/admin/"]
    # an expected refusal: one line in the log, no traceback
    assert [record.exc_info for record in caplog.records if record.name == "django.request"] == [None]


def test_the_admin_sites_sign_in_is_ours_for_a_visitor(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
