"""Re-encrypts every stored NIK, KK and correction value under the first key of SINERGI_FIELD_KEYS, so that the keys
after it can be removed (docs/deployment.md, "Rotating the field keys")."""

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.audit.services import audit_record
from sinergi.core.actors import SystemActor
from sinergi.core.crypto import clear_key_cache, column_rotate, encrypted_columns
from sinergi.core.management.base import TranslatedHelpCommand


class Command(TranslatedHelpCommand):
    help = _lazy(
        "Mengenkripsi ulang semua NIK, nomor KK, dan riwayat koreksi yang tersimpan dengan kunci pertama "
        "SINERGI_FIELD_KEYS, per kelompok yang masing-masing langsung disimpan (aman dihentikan dan diulang). "
        "Sesudahnya kunci lama boleh dihapus dari daftar. Status keluar 1 bila ada nilai yang tidak dapat dibuka."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_lazy("Hanya hitung nilai yang masih memerlukan kunci lama; tidak ada yang diubah."),
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help=_lazy("Jumlah baris per kelompok yang disimpan (500).")
        )

    def handle(self, *args, dry_run: bool = False, batch_size: int = 500, **options) -> None:
        if batch_size < 1:
            raise CommandError(_("--batch-size harus 1 atau lebih."))
        clear_key_cache()  # the keys of this process's settings, not those of a test or shell run before
        results = []
        for model, field in encrypted_columns():
            result = column_rotate(model, field, batch_size=batch_size, dry_run=dry_run)
            results.append(result)
            line = _(
                "%(column)s: %(reencrypted)s %(verb)s, %(current)s sudah dengan kunci pertama, %(unreadable)s "
                "tidak dapat dibuka."
            )
            self.stdout.write(
                line
                % {
                    "column": result.column,
                    "reencrypted": result.reencrypted,
                    "verb": _("perlu dienkripsi ulang") if dry_run else _("dienkripsi ulang"),
                    "current": result.current,
                    "unreadable": result.unreadable,
                }
            )
        totals = {
            key: sum(getattr(result, key) for result in results) for key in ("reencrypted", "current", "unreadable")
        }
        if not dry_run:
            with transaction.atomic():
                audit_record(actor=SystemActor(), action="core.field_keys.rotated", data=totals)
        remaining = totals["unreadable"] + (totals["reencrypted"] if dry_run else 0)
        if not remaining:
            self.stdout.write(
                _(
                    "Semua nilai terenkripsi dengan kunci pertama: kunci setelahnya boleh dihapus dari "
                    "SINERGI_FIELD_KEYS, lalu aplikasi dijalankan ulang."
                )
            )
        elif dry_run and not totals["unreadable"]:
            self.stdout.write(
                _(
                    "%(count)s nilai masih memerlukan kunci lama: jalankan perintah ini tanpa --dry-run sebelum "
                    "menghapusnya."
                )
                % {"count": totals["reencrypted"]}
            )
        if totals["unreadable"]:
            raise CommandError(
                _(
                    "%(count)s nilai tidak dapat dibuka dengan kunci mana pun di SINERGI_FIELD_KEYS: pasang kembali "
                    "kunci lama di belakang kunci baru, lalu ulangi. Jangan hapus kunci apa pun."
                )
                % {"count": totals["unreadable"]}
            )
