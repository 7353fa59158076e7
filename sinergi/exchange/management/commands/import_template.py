import contextlib
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.exchange.columns import get_entity
from sinergi.exchange.management.cli import (
    EXIT_USAGE,
    WRITING_EXIT_STATUSES_HELP,
    ExchangeCommand,
    entity_help,
    refuse_standard_streams,
    unwritable,
)
from sinergi.exchange.workbook import template_bytes


class Command(ExchangeCommand):
    # The template's sheets, headers, instructions and lists are written in the command's language (--language).
    help = format_lazy(
        "{} {}",
        _lazy("Menulis templat impor XLSX sebuah jenis data (mis. lks) ke file."),
        WRITING_EXIT_STATUSES_HELP,
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help=entity_help())
        parser.add_argument("file", help=_lazy("File .xlsx yang ditulis"))

    def handle(self, *args, entity: str, file: str, **options) -> None:
        try:
            spec = get_entity(entity)
        except LookupError as error:
            raise CommandError(str(error), returncode=EXIT_USAGE) from None
        refuse_standard_streams(file)
        path = Path(file)
        if path.suffix.lower() != ".xlsx":
            raise CommandError(_("Templat impor adalah file Excel: akhiran file harus .xlsx."), returncode=EXIT_USAGE)
        if path.is_dir():
            raise unwritable(path, IsADirectoryError(21, "Is a directory"))
        try:
            path.write_bytes(template_bytes(spec))
        except OSError as error:
            with contextlib.suppress(OSError):
                path.unlink()  # no empty or half-written template left on a full disk
            raise unwritable(path, error) from None
        self.stdout.write(_("Templat impor %(label)s ditulis ke %(file)s.") % {"label": spec.label, "file": file})
