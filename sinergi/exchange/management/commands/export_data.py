from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sinergi.audit.services import audit_record
from sinergi.core.bulk import cyclic_gc_paused
from sinergi.core.downloads import CSV, DOWNLOAD_FORMATS, table_write
from sinergi.exchange import services
from sinergi.exchange.columns import entities, get_entity
from sinergi.exchange.exports import csv_chunks


class Command(BaseCommand):
    help = (
        "Mengekspor sebuah jenis data (mis. lks) ke CSV atau XLSX (menurut akhiran file), dengan kolom templat impor."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help="Jenis data: " + ", ".join(e.key for e in entities()))
        parser.add_argument("file", help="File .csv atau .xlsx")
        parser.add_argument("--as", dest="username", help="Nama pengguna; hanya data dalam cakupannya yang diekspor.")
        parser.add_argument("--filter", action="append", default=[], help="Saringan daftar, mis. region=63.71")
        parser.add_argument(
            "--purpose",
            default="",
            help="Tujuan akses data pribadi (UU PDP), wajib untuk data yang memuatnya (penerima layanan): "
            + ", ".join(f"{code} ({label})" for code, label in _purposes()),
        )

    def handle(
        self, *args, entity: str, file: str, username: str | None, filter: list[str], purpose: str, **options
    ) -> None:
        try:
            spec = get_entity(entity)
        except LookupError as error:
            raise CommandError(str(error)) from None
        if spec.asks_access_purpose and purpose not in dict(_purposes()):
            raise CommandError(
                f"Data {spec.label} memuat data pribadi: sebutkan tujuan akses dengan --purpose, salah satu dari: "
                + ", ".join(code for code, _label in _purposes())
            )
        purpose = purpose if spec.asks_access_purpose else ""
        file_format = Path(file).suffix.lower().lstrip(".")
        if file_format not in DOWNLOAD_FORMATS:
            raise CommandError("Akhiran file harus .csv atau .xlsx.")
        actor = services.SystemActor()
        if username:
            try:
                actor = get_user_model().objects.get(username=username, is_active=True)
            except get_user_model().DoesNotExist:
                raise CommandError(f"Pengguna aktif “{username}” tidak ada.") from None
        filters = dict(item.split("=", 1) for item in filter if "=" in item)
        queryset = spec.export_queryset(actor=actor, filters=filters, purpose=purpose)
        count = queryset.count()
        with open(file, "wb") as handle, cyclic_gc_paused():
            if file_format == CSV:
                for chunk in csv_chunks(entity=spec, queryset=queryset, actor=actor, purpose=purpose):
                    handle.write(chunk)
            else:
                table_write(
                    handle=handle,
                    headers=[str(c.header) for c in spec.export_columns()],
                    rows=spec.export_rows(queryset.iterator(chunk_size=2000)),
                    file_format=file_format,
                    sheet_title=spec.sheet_name,
                )
        audit_record(
            actor=actor,
            action=f"exchange.{spec.key}.exported",
            data={"format": file_format, "rows": count, "filters": filters, "via": "command line"},
            purpose=purpose,
        )
        self.stdout.write(f"{count} baris {spec.label} diekspor ke {file}.")


def _purposes() -> list[tuple[str, str]]:
    from sinergi.people.choices import AccessPurpose

    return [(str(code), str(label)) for code, label in AccessPurpose.choices]
