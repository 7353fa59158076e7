import time

from django.core.management.base import BaseCommand, CommandError

from sinergi.core.deployment import deployment_province, is_national_deployment
from sinergi.demo.data import PROVINCE, demo_is_loaded, load_demo
from sinergi.demo.guard import demo_commands_allowed


class Command(BaseCommand):
    help = "Loads the Kalimantan Selatan demo data (synthetic LKS, boards, users, official figures)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when the demo is already loaded.")

    def handle(self, *args, if_empty: bool = False, **options) -> None:
        demo_commands_allowed()
        if demo_is_loaded():
            if if_empty:
                return
            self.stderr.write("Demo data are already loaded; nothing changed.")
            return
        if not is_national_deployment() and deployment_province() != PROVINCE:
            # The demo is Kalimantan Selatan's: on a server set up for another province its LKS and users would show
            # in none of that province's reports. A national server reports on every province, Kalsel's too.
            raise CommandError(
                f"The demo data are of Kalimantan Selatan ({PROVINCE}), but SINERGI_PROVINCE is "
                f"{deployment_province()}. Run it with SINERGI_PROVINCE={PROVINCE} (or nasional), or leave the demo "
                "out on this server."
            )
        started = time.monotonic()
        counts = load_demo()
        self.stdout.write(
            f"Demo loaded in {time.monotonic() - started:.1f} s: {counts['lks']} active LKS, {counts['drafts']} drafts "
            f"awaiting verification, {counts['boards']} LKKKS boards, {counts['users']} users; "
            f"{counts.get('clients', 0)} clients, {counts.get('workers', 0)} workers."
        )
