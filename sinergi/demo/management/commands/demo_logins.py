from django.core.management.base import BaseCommand

from sinergi.demo.data import DEMO_PASSWORD, DEMO_USERS, demo_is_loaded


class Command(BaseCommand):
    help = "Prints the demo logins (only when the demo data are loaded)."

    def handle(self, *args, **options) -> None:
        if not demo_is_loaded():
            self.stdout.write("No demo data loaded.")
            return
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<22} {user.note}")
        self.stdout.write(f"  {'operator.penerima':<22} operator LKSA penerima rujukan demo")
        self.stdout.write(
            "  admin.provinsi needs a second factor: on first login scan the QR code with an authenticator app,\n"
            "  or print the current code with: .venv/bin/python manage.py demo_totp admin.provinsi"
        )
        self.stdout.write("")
