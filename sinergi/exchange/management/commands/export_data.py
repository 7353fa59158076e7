import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.audit.services import audit_record
from sinergi.core.bulk import cyclic_gc_paused
from sinergi.core.downloads import CSV, CSV_DELIMITERS, DOWNLOAD_FORMATS, table_write
from sinergi.core.errors import ValidationError
from sinergi.exchange import services
from sinergi.exchange.columns import get_entity
from sinergi.exchange.exports import audit_filters, csv_chunks, export_filters
from sinergi.exchange.management.cli import (
    EXIT_STOPPED,
    EXIT_USAGE,
    WRITING_EXIT_STATUSES_HELP,
    ExchangeCommand,
    entity_help,
    refuse_standard_streams,
    stopped_by_signals_as_by_ctrl_c,
    unwritable,
)


class Command(ExchangeCommand):
    help = format_lazy(
        "{} {}",
        _lazy(
            "Mengekspor sebuah jenis data (mis. lks) ke CSV atau XLSX (menurut akhiran file), dengan kolom templat "
            "impor. File ditulis utuh atau tidak sama sekali."
        ),
        WRITING_EXIT_STATUSES_HELP,
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("entity", help=entity_help())
        parser.add_argument("file", help=_lazy("File .csv atau .xlsx"))
        parser.add_argument(
            "--as", dest="username", help=_lazy("Nama pengguna; hanya data dalam cakupannya yang diekspor.")
        )
        parser.add_argument(
            "--filter",
            action="append",
            default=[],
            help=_lazy(
                "Saringan daftar, mis. region=63.71; ulangi untuk saringan lain atau nilai lain (status=draft "
                "--filter status=active)."
            ),
        )
        parser.add_argument(
            "--sep",
            choices=sorted(CSV_DELIMITERS),
            default="comma",
            help=_lazy(
                "Pemisah kolom CSV: comma (koma, bawaan) atau semicolon (titik koma, untuk Excel berpengaturan "
                "Indonesia)."
            ),
        )
        parser.add_argument(
            "--purpose",
            default="",
            help=format_lazy(
                _lazy(
                    "Tujuan akses data pribadi (UU PDP), wajib untuk data yang memuatnya (penerima layanan, pekerja "
                    "sosial): {purposes}"
                ),
                # The labels in the language the help is written in, not in the one the parser was made in.
                purposes=_lazy_str(lambda: ", ".join(f"{code} ({label})" for code, label in _purposes())),
            ),
        )

    def handle(
        self,
        *args,
        entity: str,
        file: str,
        username: str | None,
        filter: list[str],
        purpose: str,
        sep: str = "comma",
        **options,
    ) -> None:
        try:
            spec = get_entity(entity)
        except LookupError as error:
            raise CommandError(str(error), returncode=EXIT_USAGE) from None
        if spec.asks_access_purpose and purpose not in dict(_purposes()):
            raise CommandError(
                _(
                    "Data %(label)s memuat data pribadi: sebutkan tujuan akses dengan --purpose, salah satu dari: "
                    "%(codes)s"
                )
                % {"label": spec.label, "codes": ", ".join(code for code, _label in _purposes())},
                returncode=EXIT_USAGE,
            )
        purpose = purpose if spec.asks_access_purpose else ""
        refuse_standard_streams(file)
        file_format = Path(file).suffix.lower().lstrip(".")
        if file_format not in DOWNLOAD_FORMATS:
            raise CommandError(_("Akhiran file harus .csv atau .xlsx."), returncode=EXIT_USAGE)
        actor = services.SystemActor()
        if username:
            try:
                actor = get_user_model().objects.get(username=username, is_active=True)
            except get_user_model().DoesNotExist:
                raise CommandError(
                    _("Pengguna aktif “%(name)s” tidak ada.") % {"name": username}, returncode=EXIT_USAGE
                ) from None
        # The same gate as the web export: the scope alone would give an empty file, or fail in the SQL.
        if not spec.can_export(actor):
            raise CommandError(
                _("Pengguna “%(name)s” tidak berwenang mengekspor data %(label)s.")
                % {"name": actor.get_username(), "label": spec.label},
                returncode=EXIT_USAGE,
            )
        filters = _parse_filters(filter)
        # A mistyped name would be ignored, as a web page ignores an address's stray parameter, and the export
        # would widen to the whole scope without a word (a province's people instead of a kabupaten's).
        if not_filters := sorted(set(filters) & {"format", "sep", "page"}):
            # A list page's address carries them beside its filters; here the file's suffix, --sep, and every row.
            raise CommandError(
                _(
                    "Bukan saringan: %(names)s. Format mengikuti akhiran file (.csv/.xlsx), pemisah CSV dengan --sep, "
                    "dan ekspor selalu memuat semua baris (tanpa halaman)."
                )
                % {"names": ", ".join(not_filters)},
                returncode=EXIT_USAGE,
            )
        filterset = spec.export_filterset(actor=actor, filters=export_filters(filters))
        if filterset is not None and (unknown := sorted(set(filters) - _filter_names(filterset))):
            raise CommandError(
                _("Saringan tidak dikenal: %(unknown)s. Saringan untuk data %(label)s: %(names)s")
                % {
                    "unknown": ", ".join(unknown),
                    "label": spec.label,
                    "names": ", ".join(sorted(_filter_names(filterset))),
                },
                returncode=EXIT_USAGE,
            )
        try:
            queryset = spec.export_queryset(actor=actor, filters=export_filters(filters), purpose=purpose)
            count = spec.export_count(queryset)
        except ValidationError as error:
            raise CommandError(
                _("Ekspor gagal: saringan daftar tidak berlaku. %(errors)s") % {"errors": " ".join(error.messages)},
                returncode=EXIT_USAGE,
            ) from None
        try:
            with stopped_by_signals_as_by_ctrl_c(), _whole_file(Path(file)) as handle, cyclic_gc_paused():
                if file_format == CSV:
                    chunks = csv_chunks(
                        entity=spec, queryset=queryset, actor=actor, purpose=purpose, delimiter=CSV_DELIMITERS[sep]
                    )
                    for chunk in chunks:
                        handle.write(chunk)
                else:
                    table_write(
                        handle=handle,
                        headers=[str(c.header) for c in spec.export_columns()],
                        rows=spec.export_rows(queryset.iterator(chunk_size=2000)),
                        file_format=file_format,
                        sheet_title=spec.sheet_name,
                    )
        except KeyboardInterrupt:
            raise CommandError(
                _("Ekspor dihentikan; %(file)s tidak ditulis (file lama bernama itu, bila ada, tetap utuh).")
                % {"file": file},
                returncode=EXIT_STOPPED,
            ) from None
        except OSError as error:
            raise unwritable(Path(file), error) from None
        audit_record(
            actor=actor,
            action=f"exchange.{spec.key}.exported",
            data={"format": file_format, "rows": count, "filters": audit_filters(filters), "via": "command line"},
            purpose=purpose,
        )
        self.stdout.write(
            ngettext(
                "%(count)s baris %(label)s diekspor ke %(file)s.",
                "%(count)s baris %(label)s diekspor ke %(file)s.",
                count,
            )
            % {"count": count, "label": spec.label, "file": file}
        )


def _lazy_str(function) -> str:
    return lazy(function, str)()


def _filter_names(filterset) -> set[str]:
    """The names a list's filter set reads (its filters and the fields of its form)."""
    return set(filterset.filters) | set(filterset.form.fields)


def _parse_filters(items: list[str]) -> dict[str, list[str]]:
    """`--filter name=value` options as a list's filters: a name given twice keeps both values (status, kind)."""
    filters: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CommandError(_("Saringan “%(item)s” harus berbentuk nama=nilai, mis. region=63.71.") % {"item": item})
        filters.setdefault(name.strip(), []).append(value)
    return filters


@contextmanager
def _whole_file(target: Path) -> Iterator[BinaryIO]:
    """A file to write the export into, put in place under `target` only once complete: an error (or Ctrl-C)
    halfway leaves no partial export behind, nor truncates an earlier file of that name. Readable by its owner only
    (0600)."""
    if target.is_dir():
        raise unwritable(target, IsADirectoryError(21, "Is a directory"))
    try:
        fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise unwritable(target, error) from None
    try:
        # mkstemp makes the file private (0600), and it stays so under its final name, also where it replaces an
        # older file: an export holds personal data (names, birth dates, disability), readable by its owner only.
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _purposes() -> list[tuple[str, str]]:
    from sinergi.people.choices import AccessPurpose

    return [(str(code), str(label)) for code, label in AccessPurpose.choices]
