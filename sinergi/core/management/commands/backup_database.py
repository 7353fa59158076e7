from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.audit.services import audit_record
from sinergi.core.actors import SystemActor
from sinergi.core.backup import BackupRefused, database_backup
from sinergi.core.management.base import TranslatedHelpCommand
from sinergi.exchange.management.cli import refuse_another_account


class Command(TranslatedHelpCommand):
    help = _lazy(
        "Menulis salinan utuh basis data ke FILE selagi layanan berjalan (SQLite: online backup, PostgreSQL: pg_dump "
        "--format=custom). Jangan menyalin file SQLite dengan cp selagi layanan berjalan. Jalankan sebagai akun "
        "layanan. Folder data (media) dan kunci enkripsi dicadangkan terpisah: lihat docs/deployment.md."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help=_lazy("File cadangan baru (tidak menimpa file yang sudah ada)."))

    def handle(self, *args, file: str, **options) -> None:
        # SQLite: a database opened by another account may leave it its WAL files, which the service then cannot write
        refuse_another_account()
        try:
            backup = database_backup(Path(file))
        except BackupRefused as refused:
            raise CommandError(str(refused)) from None
        # A copy of everyone's personal data left the live database: said in the audit log, as an export is
        audit_record(
            actor=SystemActor(),
            action="core.database.backed_up",
            data={"file": backup.path.name, "bytes": backup.size, "database": backup.vendor},
        )
        self.stdout.write(
            _("Cadangan ditulis: %(path)s (%(size)s MB, %(seconds)s detik).")
            % {"path": backup.path, "size": f"{backup.size / 1e6:.1f}", "seconds": f"{backup.seconds:.1f}"}
        )
        self.stdout.write(
            _("Cadangkan juga, terpisah dari file ini: %(media)s dan file lingkungan dengan kunci enkripsi "
              "(SINERGI_FIELD_KEYS, SINERGI_HASH_KEY; tanpa keduanya NIK di cadangan tidak dapat dibaca).")
            % {"media": settings.MEDIA_ROOT}
        )  # fmt: skip
