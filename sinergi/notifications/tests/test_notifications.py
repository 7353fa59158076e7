import pytest
from django.core import mail

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.notifications import selectors, services
from sinergi.notifications.models import Notification
from sinergi.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_notify_writes_one_row_per_active_recipient_and_mails_after_commit(django_capture_on_commit_callbacks):
    alice, bob, gone = UserFactory(), UserFactory(email=""), UserFactory(is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        rows = services.notify(recipients=[alice, bob, gone], kind="uji", title="Undangan Rakor", link="/x/")

    assert sorted(n.recipient_id for n in rows) == sorted([alice.pk, bob.pk])
    assert [m.to for m in mail.outbox] == [[alice.email]]  # bob has no address
    assert mail.outbox[0].subject == "[Sinergi] Undangan Rakor"
    assert Notification.objects.get(recipient=alice).emailed_at is not None


def test_nothing_is_mailed_when_the_change_is_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notify(recipients=[UserFactory()], kind="uji", title="x")
    assert len(callbacks) == 1 and mail.outbox == []


def test_a_dedup_key_sends_a_reminder_once():
    user = UserFactory()
    services.notify(recipients=[user], kind="uji", title="Jatuh tempo", dedup_key="aksi-1-2026-11-27", email=False)
    services.notify(recipients=[user], kind="uji", title="Jatuh tempo", dedup_key="aksi-1-2026-11-27", email=False)
    assert Notification.objects.filter(recipient=user).count() == 1


def test_users_holding_finds_the_boards_of_a_kabupaten_and_its_province():
    city = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    province = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    user_with_role(Role.REGENCY_BOARD, region_code="63.72")
    lks = OrganisationFactory()
    operator = user_with_role(Role.LKS_OPERATOR, organisation=lks)

    boards = services.users_holding(roles=[Role.REGENCY_BOARD, Role.PROVINCE_ADMIN], region_code="63.71.01.1001")
    operators = services.users_holding(roles=[Role.LKS_OPERATOR], organisation_id=lks.pk)

    assert set(boards) == {city, province}
    assert list(operators) == [operator]


def test_a_user_sees_and_reads_only_their_own_notifications(client):
    me, other = UserFactory(), UserFactory()
    services.notify(recipients=[me], kind="uji", title="Untuk saya", email=False)
    services.notify(recipients=[other], kind="uji", title="Bukan untuk saya", email=False)
    client.force_login(me)

    page = client.get("/notifications/").content.decode()
    client.post("/notifications/read/")

    assert "Untuk saya" in page and "Bukan untuk saya" not in page
    assert selectors.unread_count(user=me) == 0
    assert selectors.unread_count(user=other) == 1


@pytest.mark.parametrize("posted", ["²", "7\x00", "99999999999999999999999"])
def test_a_read_naming_no_notification_by_a_value_that_is_no_id_marks_nothing(client, posted):
    # "²" passes str.isdigit() and int() refuses it: an error page (500), or with a huge number the database's
    me = UserFactory()
    services.notify(recipients=[me], kind="uji", title="Untuk saya", email=False)
    client.force_login(me)

    response = client.post("/notifications/read/", {"id": posted})

    assert response.status_code == 302
    assert selectors.unread_count(user=me) == 1


def test_read_refuses_to_redirect_off_site(client):
    me = UserFactory()
    note = services.notify(recipients=[me], kind="uji", title="x", link="/x/", email=False)[0]
    client.force_login(me)
    response = client.post("/notifications/read/", {"id": note.pk, "next": "https://evil.example/"})
    assert response["Location"] == "/notifications/"


def test_send_reminders_runs_every_apps_reminders_and_sends_nothing_twice(django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    from sinergi.demo.data import load_demo

    load_demo()
    first, second = StringIO(), StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=first)
        call_command("send_reminders", stdout=second)

    assert "meetings_reminders" in first.getvalue() and "partnerships_reminders" in first.getvalue()
    assert "referrals_reminders" in first.getvalue()
    sent_first = int(first.getvalue().strip().splitlines()[-1].split()[0])
    assert sent_first > 0  # the demo has an overdue action item and agreements ending within 90 days
    assert second.getvalue().strip().splitlines()[-1].startswith("0 notifications")


def test_a_step_of_the_hourly_run_that_fails_is_said_and_the_others_still_run(monkeypatch):
    # On SQLite a step may wait out the lock timeout behind a large import; the purge and the settling of dead jobs
    # must not wait a whole hour for it.
    from io import StringIO

    from django.core.management import CommandError, call_command
    from django.db import OperationalError

    def locked(*, today):
        raise OperationalError("database is locked")

    monkeypatch.setattr("sinergi.referrals.services.referrals_reminders", locked)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="referrals_reminders"):
        call_command("send_reminders", stdout=out, stderr=err)

    assert "referrals_reminders: failed (OperationalError: database is locked)" in err.getvalue()
    for later in ("exchange_jobs_settle: 0", "exchange_files_purge: 0", "duplicates_recheck_recent: 0"):
        assert later in out.getvalue()


def test_each_recipient_reads_a_notification_in_their_own_language(django_capture_on_commit_callbacks):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    # Messages of the referrals app (given through variables: the catalogue takes them from the app, not from here).
    completed, moved = "Rujukan #%(number)s selesai", "Penempatan klien telah dipindahkan ke LKS tujuan."
    english, indonesian = UserFactory(preferred_language="en"), UserFactory(preferred_language="id")
    unknown = UserFactory(preferred_language="xx")  # not offered: the site's language

    # Sent from a request in English: the Indonesian readers still get Indonesian.
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipients=[english, indonesian, unknown],
            kind="uji",
            title=services.translated(gettext_lazy(completed), number=7),
            body=gettext_lazy(moved),
        )

    with translation.override("en"):
        in_english = (translation.gettext(completed) % {"number": 7}, translation.gettext(moved))
    assert in_english[0] != "Rujukan #7 selesai"  # the catalogue has it
    stored = {n.recipient_id: (n.title, n.body) for n in Notification.objects.all()}
    assert stored[english.pk] == in_english
    assert stored[indonesian.pk] == stored[unknown.pk] == (
        "Rujukan #7 selesai", "Penempatan klien telah dipindahkan ke LKS tujuan."
    )  # fmt: skip
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[english.email] == f"[Sinergi] {in_english[0]}"
    assert subjects[indonesian.email] == "[Sinergi] Rujukan #7 selesai"


def test_a_plain_text_is_stored_as_it_was_written():
    user = UserFactory(preferred_language="en")
    note = services.notify(recipients=[user], kind="uji", title="Catatan", body="Selesai dengan baik", email=False)[0]
    assert (note.title, note.body) == ("Catatan", "Selesai dengan baik")


# --- The hourly run started twice at once (two cron lines, cron and the timer, a manual run during the hourly one) ---


def test_a_second_send_reminders_while_one_runs_does_nothing_and_says_so(monkeypatch):
    import threading
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    from sinergi.core.locks import single_run

    # given a run in progress (another process: here a thread, with a database session of its own)
    holding, release, got = threading.Event(), threading.Event(), []

    def other_run() -> None:
        try:
            with single_run("send_reminders") as alone:
                got.append(alone)
                holding.set()
                release.wait(30)
        finally:
            holding.set()
            connection.close()

    steps: list[str] = []
    monkeypatch.setattr("sinergi.people.services.people_reminders", lambda **kwargs: steps.append("people") or 0)
    thread = threading.Thread(target=other_run)
    thread.start()
    holding.wait(30)
    out = StringIO()
    try:
        # when a second run starts
        call_command("send_reminders", stdout=out)  # exits 0: not a failure cron should mail about
    finally:
        release.set()
        thread.join()

    # then it sends nothing and says why
    assert got == [True]
    assert out.getvalue().strip() == "Another send_reminders run is in progress; this one did nothing."
    assert steps == []
    # and once the first run has ended, the next one runs
    call_command("send_reminders", stdout=StringIO())
    assert steps == ["people"]


def test_the_database_keeps_one_notification_per_recipient_and_dedup_key():
    from django.db import IntegrityError, transaction

    user = UserFactory()
    Notification.objects.create(recipient=user, kind="uji", title="Uji", dedup_key="people.reviews:1:2027-W13")

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(recipient=user, kind="uji", title="Uji", dedup_key="people.reviews:1:2027-W13")
    # without a dedup key, as many as are sent
    Notification.objects.create(recipient=user, kind="uji", title="Uji")
    Notification.objects.create(recipient=user, kind="uji", title="Uji")
    assert Notification.objects.filter(recipient=user).count() == 3


def test_a_reminder_another_run_wrote_meanwhile_is_neither_written_nor_mailed_again(django_capture_on_commit_callbacks):
    alice, bob = UserFactory(), UserFactory()
    key = "meetings.action_overdue:2:2023-06-30:191"

    def title(user):
        # The other run writes alice's reminder after this one has looked for it, before this one writes.
        if user == alice:
            Notification.objects.create(recipient=alice, kind="uji", title="Tindak lanjut terlambat", dedup_key=key)
        return "Tindak lanjut terlambat"

    with django_capture_on_commit_callbacks(execute=True):
        rows = services.notify(recipients=[alice, bob], kind="uji", title=title, dedup_key=key)

    assert [n.recipient_id for n in rows] == [bob.pk]
    assert Notification.objects.filter(recipient=alice, dedup_key=key).count() == 1
    assert [m.to for m in mail.outbox] == [[bob.email]]  # alice's mail is the other run's to send


def test_the_migration_keeps_the_first_of_notifications_sent_twice():
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("sinergi.notifications.migrations.0002_notification_duplicates_removed")
    alice, bob = UserFactory(), UserFactory()
    # given a database from before the constraint (its index dropped here; the test's rollback brings it back)
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX notification_once_per_dedup_key")
    first = Notification.objects.create(recipient=alice, kind="uji", title="1", dedup_key="k:1")
    Notification.objects.create(recipient=alice, kind="uji", title="2", dedup_key="k:1")
    Notification.objects.create(recipient=alice, kind="uji", title="3", dedup_key="k:1")
    other = Notification.objects.create(recipient=bob, kind="uji", title="1", dedup_key="k:1")
    plain = [Notification.objects.create(recipient=alice, kind="uji", title="x").pk for _ in range(2)]

    migration.remove_later_duplicates(apps, None)

    assert sorted(Notification.objects.values_list("pk", flat=True)) == sorted([first.pk, other.pk, *plain])


def test_dates_in_a_notification_and_on_the_list_read_in_the_recipients_language(client):
    # "07-12-2026" is 12 July to many English readers: English reads 2026-12-07, Indonesian as it always has
    import datetime

    from django.conf import settings

    english, indonesian = UserFactory(preferred_language="en"), UserFactory(preferred_language="id")
    moment = datetime.datetime(2026, 12, 7, 4, 50, tzinfo=datetime.UTC)  # 12:50 WITA
    services.notify(
        recipients=[english, indonesian],
        kind="uji",
        title=services.translated("%(day)s", day=services.local_date(datetime.date(2026, 12, 8))),
        body=services.translated("%(when)s", when=services.local_time(moment)),
        email=False,
    )
    Notification.objects.update(created_at=moment)

    stored = {n.recipient_id: (n.title, n.body) for n in Notification.objects.all()}
    assert stored[english.pk] == ("2026-12-08", "2026-12-07 12:50 WITA")
    assert stored[indonesian.pk] == ("08-12-2026", "07-12-2026 12:50 WITA")
    for user, shown in ((english, "2026-12-07 12:50 WITA"), (indonesian, "07-12-2026 12:50 WITA")):
        client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = user.preferred_language
        listed = client.get("/notifications/").content.decode()
        assert f'<span class="small muted">{shown}</span>' in listed
