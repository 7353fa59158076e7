import time

from django.core.management.base import BaseCommand

from sinergi.demo.data import demo_is_loaded, load_demo


class Command(BaseCommand):
    help = "Loads the Kalimantan Selatan demo data (synthetic LKS, boards, users, official figures)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when the demo is already loaded.")

    def handle(self, *args, if_empty: bool = False, **options) -> None:
        if demo_is_loaded():
            if if_empty:
                return
            self.stderr.write("Demo data are already loaded; nothing changed.")
            return
        started = time.monotonic()
        counts = load_demo()
        self.stdout.write(
            f"Demo loaded in {time.monotonic() - started:.1f} s: {counts['lks']} active LKS, {counts['drafts']} drafts "
            f"awaiting verification, {counts['boards']} LKKKS boards, {counts['users']} users; "
            f"{counts.get('clients', 0)} clients, {counts.get('workers', 0)} workers."
        )
