import datetime
import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.module_loading import import_string

from sinergi.core.locks import single_run

# Each app that has something to remind people of offers one function `(*, today) -> int` (notifications sent).
# Every reminder carries a dedup key, so running this more than once a day sends nothing twice.
REMINDERS = [
    "sinergi.people.services.people_reminders",
    "sinergi.meetings.services.meetings_reminders",
    "sinergi.partnerships.services.partnerships_reminders",
    "sinergi.referrals.services.referrals_reminders",
]
# Housekeeping that rides on the same hourly run: `() -> list` of what was cleaned up.
HOUSEKEEPING = [
    "sinergi.exchange.services.exchange_jobs_settle",
    "sinergi.exchange.services.exchange_files_purge",
    "sinergi.people.services.duplicates.duplicates_recheck_recent",
    "sinergi.accounts.services.sessions_expired_clear",
    "sinergi.accounts.services.sign_in_log_clear",
]


logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Sends the day's reminders (care plans, action items, agreements, referrals), removes expired import/"
        "export files and sessions, and looks again for missed duplicates. Run it hourly; one run at a time."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--date",
            help="Pretend today is YYYY-MM-DD for the reminders (for trying them out); the purge and the "
            "settling of dead jobs keep the real clock.",
        )

    def handle(self, *args, date: str | None = None, **options) -> None:
        today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        # One run at a time: two at once (two cron lines, cron and the systemd timer, a manual run during the hourly
        # one) would each read that a reminder was not yet sent, and send it. The other run does the work, so this
        # one is not a failure: cron must not mail the administrator about it.
        with single_run("send_reminders") as alone:
            if not alone:
                self.stdout.write("Another send_reminders run is in progress; this one did nothing.")
                return
            self._run(today)

    def _run(self, today: datetime.date) -> None:
        total, failed = 0, []
        # Each step on its own: one that fails (the database busy behind a large import, a bug) is logged and the
        # others still run, the purge and the settling of dead jobs too; the command then ends with an error.
        for path in REMINDERS + HOUSEKEEPING:
            name = path.rsplit(".", 1)[1]
            try:
                done = import_string(path)(today=today) if path in REMINDERS else len(import_string(path)())
            except Exception as error:
                logger.exception("send_reminders: %s failed", name)
                failed.append(name)
                self.stderr.write(f"{name}: failed ({error.__class__.__name__}: {error})")
                continue
            if path in REMINDERS:
                total += done
            self.stdout.write(f"{name}: {done}")
        self.stdout.write(f"{total} notifications on {today.isoformat()}.")
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (the other steps ran).")
