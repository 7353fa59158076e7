"""Recomputes the people summary tables (active placements, monthly admissions/discharges, workers)."""

import time

from django.core.management.base import BaseCommand

from sinergi.people.summaries import summaries_rebuild


class Command(BaseCommand):
    """`manage.py rebuild_people_summaries`: from scratch, with plain GROUP BYs; prints the rows written."""

    help = "Menghitung ulang tabel ringkasan penerima layanan dan pekerja sosial dari awal."

    def add_arguments(self, parser):
        parser.add_argument("--timing", action="store_true", help="Tampilkan lama proses.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = summaries_rebuild()
        self.stdout.write("Ringkasan dibangun ulang:")
        for name, count in counts.items():
            self.stdout.write(f"  {name}: {count}")
        if options["timing"]:
            self.stdout.write(f"  waktu: {time.perf_counter() - started:.1f} dtk")
