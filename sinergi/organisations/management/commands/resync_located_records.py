from django.core.management.base import BaseCommand
from django.db import transaction

from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation
from sinergi.organisations.services import organisation_moved_send


class Command(BaseCommand):
    help = (
        "Menyamakan kode provinsi dan kabupaten/kota pada data yang mengikuti LKS-nya (penerima layanan, "
        "penempatan, pekerja, insiden, kemungkinan data ganda, rujukan) dengan kode LKS itu sekarang, beserta "
        "tabel ringkasannya. Untuk data dari sebelum data ikut berpindah bersama LKS-nya; aman diulang."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--lks", type=int, action="append", default=[], help="Hanya LKS dengan ID ini (ulangi).")

    def handle(self, *args, lks: list[int], **options) -> None:
        organisations = Organisation.objects.filter(kind__in=LKS_KINDS).order_by("pk")
        if lks:
            organisations = organisations.filter(pk__in=lks)
        moved = touched = 0
        for organisation in organisations.iterator():
            # One transaction per LKS, each locked as a move through the form locks it.
            with transaction.atomic():
                locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
                count = sum(response or 0 for _receiver, response in organisation_moved_send(locked))
            if count:
                touched += 1
                moved += count
                self.stdout.write(f"LKS #{organisation.pk} {organisation.name}: {count} data disamakan.")
        self.stdout.write(f"Selesai: {moved} data di {touched} LKS disamakan dengan wilayah LKS-nya.")
