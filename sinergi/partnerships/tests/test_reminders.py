import datetime

import pytest
from django.core import mail
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.notifications.models import Notification
from sinergi.partnerships import services
from sinergi.partnerships.choices import AgreementStatus

from .factories import agreement_between

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def recipients(kind: str = "partnerships.agreement_expiring") -> list[str]:
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def expiring(lks, csr):
    return agreement_between(csr, lks, title="Beasiswa anak asuh", ends_on=days(80))


def test_the_parties_users_and_their_boards_are_told_90_days_ahead(users, expiring):
    sent = services.partnerships_reminders(today=TODAY)

    # Operator of the LKS, the boards of Banjarmasin (LKS) and Banjar (company), the province admin; not the other
    # boards, the other operator or Dinas Sosial.
    expected = sorted(users[k].username for k in ("operator", "board", "board_banjar", "admin"))
    assert sent == 4
    assert recipients() == expected
    notification = Notification.objects.filter(kind="partnerships.agreement_expiring").first()
    assert notification.title == "Perjanjian kerja sama berakhir dalam 80 hari: Beasiswa anak asuh"
    assert notification.link == f"/partnerships/{expiring.pk}/"
    assert notification.dedup_key == f"partnerships.agreement.{expiring.pk}.ends.{days(80).isoformat()}.90"


def test_each_user_is_reminded_in_their_own_language(users, expiring):
    english = users["operator"]
    english.preferred_language = "en"
    english.save(update_fields=["preferred_language"])

    services.partnerships_reminders(today=TODAY)

    titles = dict(Notification.objects.values_list("recipient__username", "title"))
    assert titles[english.username] == "Cooperation agreement ends in 80 days: Beasiswa anak asuh"
    assert titles[users["board"].username] == "Perjanjian kerja sama berakhir dalam 80 hari: Beasiswa anak asuh"


def test_running_twice_sends_once_per_threshold(users, expiring):
    assert services.partnerships_reminders(today=TODAY) == 4
    assert services.partnerships_reminders(today=TODAY) == 0
    assert services.partnerships_reminders(today=days(5)) == 0  # 75 days left: still the 90-day reminder
    assert services.partnerships_reminders(today=days(55)) == 4  # 25 days left: the 30-day one
    assert services.partnerships_reminders(today=days(56)) == 0
    assert services.partnerships_reminders(today=days(75)) == 4  # 5 days left: the 7-day one
    assert services.partnerships_reminders(today=days(79)) == 0
    assert sorted({n.dedup_key.rsplit(".", 1)[1] for n in Notification.objects.all()}) == ["30", "7", "90"]


def test_a_first_run_close_to_the_end_sends_only_the_nearest_threshold(users, lks, csr):
    agreement_between(csr, lks, ends_on=days(3))
    assert services.partnerships_reminders(today=TODAY) == 4
    assert {n.dedup_key.rsplit(".", 1)[1] for n in Notification.objects.all()} == {"7"}


def test_an_addendum_that_moves_the_end_date_starts_the_reminders_again(users, expiring):
    services.partnerships_reminders(today=TODAY)
    services.agreement_update(agreement=expiring, actor=users["board"], data={"ends_on": days(85)}, expected_version=1)
    assert services.partnerships_reminders(today=TODAY) == 4


def test_drafts_and_ended_agreements_are_not_reminded(users, lks, csr):
    agreement_between(csr, lks, status=AgreementStatus.DRAFT, ends_on=days(10))
    agreement_between(csr, lks, status=AgreementStatus.TERMINATED, ends_on=days(10))
    agreement_between(csr, lks, ends_on=days(91))
    assert services.partnerships_reminders(today=TODAY) == 0
    assert Notification.objects.count() == 0


def test_past_the_end_date_the_run_expires_the_agreement_as_the_system(users, lks, csr):
    ended = agreement_between(csr, lks, title="Bantuan gizi", ends_on=days(-1))

    sent = services.partnerships_reminders(today=TODAY)

    ended.refresh_from_db()
    assert ended.status == AgreementStatus.EXPIRED
    event = AuditEvent.objects.get(action="partnerships.agreement.expired")
    assert (event.actor, event.actor_name, event.data, event.changes) == (
        None,
        "",
        {"by": "system"},
        {"status": ["active", "expired"]},
    )
    assert sent == 4
    assert recipients("partnerships.agreement_expired") == sorted(
        users[k].username for k in ("operator", "board", "board_banjar", "admin")
    )
    assert services.partnerships_reminders(today=TODAY) == 0
    assert AuditEvent.objects.filter(action="partnerships.agreement.expired").count() == 1


def test_the_reminder_is_also_emailed_after_commit(users, expiring, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.partnerships_reminders(today=TODAY)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        users[k].email for k in ("operator", "board", "board_banjar", "admin")
    )
    assert mail.outbox[0].subject == "[Sinergi] Perjanjian kerja sama berakhir dalam 80 hari: Beasiswa anak asuh"


def test_a_province_level_party_reaches_the_province_boards_only(lks, university):
    from sinergi.organisations.tests.factories import BoardFactory

    province_board = BoardFactory(name="LKKKS Provinsi", region_id="63")
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    banjarbaru_board = user_with_role(Role.REGENCY_BOARD, region_code="63.72")
    agreement_between(university, province_board, ends_on=days(30))

    services.partnerships_reminders(today=TODAY)

    assert recipients() == sorted([admin.username, banjarbaru_board.username])


def test_an_agreement_another_run_expired_meanwhile_is_skipped_not_a_failure(users, lks, csr, monkeypatch):
    ended = agreement_between(csr, lks, title="Bantuan gizi", ends_on=days(-1))
    later = agreement_between(csr, lks, title="Beasiswa anak asuh", ends_on=days(80))
    expire = services.agreement_expire

    def expired_first_by_another_run(*, agreement, today):
        # The other run of `send_reminders` expires it after this one listed it, before this one locks it.
        expire(agreement=agreement, today=today)
        return expire(agreement=agreement, today=today)

    monkeypatch.setattr(services.reminders, "agreement_expire", expired_first_by_another_run)  # where it is looked up

    sent = services.partnerships_reminders(today=TODAY)

    ended.refresh_from_db()
    assert ended.status == AgreementStatus.EXPIRED
    assert AuditEvent.objects.filter(action="partnerships.agreement.expired").count() == 1
    assert recipients("partnerships.agreement_expired") == []  # the other run's to send
    assert sent == 4  # the other agreement's reminders still go out
    assert Notification.objects.filter(link=f"/partnerships/{later.pk}/").count() == 4
