import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import import_string

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
]


class Command(BaseCommand):
    help = (
        "Sends the day's reminders (care plans, action items, agreements, referrals) and removes expired import/"
        "export files. Run it hourly."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Pretend today is YYYY-MM-DD (for trying it out).")

    def handle(self, *args, date: str | None = None, **options) -> None:
        today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        total = 0
        for path in REMINDERS:
            sent = import_string(path)(today=today)
            total += sent
            self.stdout.write(f"{path.rsplit('.', 1)[1]}: {sent}")
        for path in HOUSEKEEPING:
            self.stdout.write(f"{path.rsplit('.', 1)[1]}: {len(import_string(path)())}")
        self.stdout.write(f"{total} notifications on {today.isoformat()}.")
