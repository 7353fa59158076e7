"""WorkersEntity: workers (PSKS/TKSM) as an entity of the exchange — its names, columns, help and instructions, who
may import and export them, the notices on a whole file — combining mixins by concept, each in its own module:
`planning` (each row's plan: its stored worker, the registration or change it makes), `rules` (the rules of
worker_create/worker_update over the merged record), `writing` (the write in bulk) and `export` (the export of
workers with its access log).
"""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.exchange.columns import Entity, ImportContext, RowPlan

from ...choices import AccessPurpose
from ..common import MarkedNameRefusal, implied_lks_notice
from .columns import COLUMNS
from .export import _WorkersExport
from .planning import _WorkersRowPlan
from .rules import _WorkersRules
from .staff_lists import not_with_children_notice
from .state import _state
from .writing import _WorkersWriting

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class WorkersEntity(MarkedNameRefusal, _WorkersRowPlan, _WorkersRules, _WorkersWriting, _WorkersExport, Entity):
    """Workers (PSKS/TKSM) of an LKS."""

    key = "workers"
    record_url_name = "people:worker_detail"
    file_slug = _lazy("pekerja")  # in file names
    label = _lazy("pekerja sosial")
    sheet_name = _lazy("Data pekerja")
    columns = COLUMNS
    ignored_headers = ("NIK (disamarkan)",)
    # The export's masked NIK cannot find or register anyone: the export sent back is refused with one message.
    implied_columns = frozenset({"lks"})
    masked_headers = {"NIK (disamarkan)": "nik"}
    write_batch_size = 10_000
    asks_access_purpose = True
    import_purpose = AccessPurpose.SERVICE
    natural_key_help = _lazy(
        "Baris dicocokkan dengan pekerja yang sudah tercatat di LKS yang sama melalui NIK; bila NIK kosong, melalui "
        "nama lengkap dan tanggal lahir. Sel kosong tidak menghapus isian lama. Isi Berhenti bertugas untuk mencatat "
        "bahwa pekerja sudah berhenti."
    )
    instructions = (
        _lazy("Satu baris = satu pekerja (PSKS/TKSM) di satu LKS."),
        _lazy("Kolom bertanda * wajib diisi. NIK boleh kosong; bila diisi, format kolomnya sebagai Teks."),
        _lazy("Pekerja yang bekerja dengan anak perlu tanggal dan hasil pemeriksaan latar belakang."),
        _lazy("Tanggal boleh ditulis 17-08-2023, 17/08/2023, 2023-08-17 atau 17 Agustus 2023."),
        _lazy(
            "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah; kolom NIK (disamarkan) tidak dibaca. "
            "Kolom ID menunjuk pekerja yang diperbaiki; kosongkan ID untuk menambah pekerja baru."
        ),
    )

    def plans_notices(self, plans: list[RowPlan], present: set[str], ctx: ImportContext) -> list[str]:
        notices = [implied] if (implied := implied_lks_notice(present, _state(ctx).lks)) else []
        notices += [notice] if (notice := not_with_children_notice(plans, present)) else []
        if titles := _state(ctx).titles_as_other:
            notices.append(
                _(
                    "File ini tidak punya kolom “Peran”, jadi peran dibaca dari “Jabatan”. Jabatan yang tidak ada "
                    "dalam daftar peran dicatat dengan peran “Lainnya”, dan jabatannya disimpan apa adanya: "
                    "%(titles)s. Tambahkan kolom “Peran” bila salah satunya punya peran lain dalam daftar."
                )
                % {"titles": ", ".join(f"“{title}” ×{count}" for title, count in titles.most_common(8))}
            )
        return notices

    def missing_columns(self, present: set[str]) -> list[str]:
        # A staff list with "Jabatan" but no "Peran" takes each role from the job title (_role_from_title).
        return super().missing_columns(present | {"role"} if "job_title" in present else present)

    def can_import(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.PERSON_CREATE]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def can_export(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.PERSON_EXPORT]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def _keeps_stored_name(self, values: dict[str, Any], ctx: ImportContext) -> bool:
        """MarkedNameRefusal's question: whether the worker the row's ID names at its LKS, one the user may import
        into, is stored under the row's name as it is."""
        state = _state(ctx)
        lks = values.get("_lks")
        if lks is None or lks.pk not in state.lks.allowed:
            return False
        stored = state.stored.get(lks.pk, {}).get(("id", values["id"]), [])
        return bool(stored) and stored[0]["full_name"] == values.get("full_name")
