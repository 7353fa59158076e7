from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sinergi.exchange.columns import entities, get_entity
from sinergi.exchange.workbook import template_bytes


class Command(BaseCommand):
    help = "Menulis templat impor XLSX sebuah jenis data (mis. lks) ke file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help="Jenis data: " + ", ".join(e.key for e in entities()))
        parser.add_argument("file", help="File .xlsx yang ditulis")

    def handle(self, *args, entity: str, file: str, **options) -> None:
        try:
            spec = get_entity(entity)
        except LookupError as error:
            raise CommandError(str(error)) from None
        Path(file).write_bytes(template_bytes(spec))
        self.stdout.write(f"Templat impor {spec.label} ditulis ke {file}.")
