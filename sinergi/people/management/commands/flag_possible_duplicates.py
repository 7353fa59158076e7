"""Looks for possible duplicate clients among everyone stored (after an upgrade), for the boards to decide."""

from django.core.management.base import BaseCommand

from sinergi.exchange.services import SystemActor
from sinergi.people.services.duplicates import duplicates_sweep_all


class Command(BaseCommand):
    """`manage.py flag_possible_duplicates`: the same NIK or a close match, as the forms and imports flag them; a pair
    already flagged or decided is not flagged again, so it may be run any number of times."""

    help = (
        "Mencari kemungkinan data ganda penerima layanan di antara semua data tersimpan (NIK sama, atau nama, "
        "tanggal lahir dan nama ibu yang sama), untuk diputuskan pengurus LKKKS kabupaten/kota. Jalankan sesudah "
        "pembaruan; pasangan yang sudah tercatat atau diputuskan tidak dicatat lagi."
    )

    def handle(self, *args, **options) -> None:
        created = duplicates_sweep_all(actor=SystemActor())
        self.stdout.write(f"Kandidat data ganda baru: {created}.")
