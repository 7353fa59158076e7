"""Looks for possible duplicate clients among everyone stored (after an upgrade), for the boards to decide."""

from django.core.management.base import BaseCommand

from sinergi.people.services.duplicates import duplicates_sweep_all


class Command(BaseCommand):
    """`manage.py flag_possible_duplicates`: the same NIK or a close match, as the forms and imports flag them; a pair
    already flagged or decided is not flagged again, so it may be run any number of times."""

    help = (
        "Mencari kemungkinan data ganda penerima layanan di antara semua data tersimpan (NIK sama, atau nama, "
        "tanggal lahir dan nama ibu yang sama), untuk diputuskan pengurus LKKKS kabupaten/kota. Jalankan sesudah "
        "pembaruan; pasangan yang sudah tercatat atau diputuskan tidak dicatat lagi, dan pasangan yang dulu hanya "
        "ditautkan sebagai orang yang sama dibuka lagi untuk digabungkan."
    )

    def handle(self, *args, **options) -> None:
        from sinergi.core.actors import SystemActor  # (the exchange app comes after this one)

        created, reopened = duplicates_sweep_all(actor=SystemActor())
        self.stdout.write(f"Kandidat data ganda baru: {created}.")
        if reopened:
            self.stdout.write(
                f"Dibuka lagi untuk digabungkan: {reopened} pasangan yang dulu ditautkan sebagai orang yang sama."
            )
