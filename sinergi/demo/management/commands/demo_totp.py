import base64

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.demo.data import DEMO_USERS
from sinergi.demo.guard import demo_commands_allowed


class Command(BaseCommand):
    help = "Prints the current TOTP code (and the secret) of a demo user, so the demo can be tried without a phone."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        demo_commands_allowed()
        # Only the demo's own users: this must never become a way around a real account's second factor.
        if username not in {u.username for u in DEMO_USERS}:
            raise CommandError(f"{username} is not a demo user.")
        device = TOTPDevice.objects.filter(user__username=username, name="demo", confirmed=True).first()
        if device is None:
            raise CommandError(f"{username} has no demo TOTP device.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        secret = base64.b32encode(device.bin_key).decode()
        self.stdout.write(f"current code: {code:0{device.digits}d}   (secret for an authenticator app: {secret})")
