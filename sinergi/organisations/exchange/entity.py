"""LksEntity: the LKS registry as an entity of the exchange — its names, columns, help and instructions, who may
import and export it — combining mixins by concept, each in its own module: `matching` (which registered LKS a row is
about), `planning` (a new LKS or a change, with the services' checks), `writing` (saving a batch) and `export` (the
export of the LKS registry). It is registered by the package's __init__, not here.
"""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.exchange.columns import Entity, RowPlan

from ._common import DERIVED
from .columns import COLUMNS
from .export import _LksExport
from .matching import _LksRowMatching
from .planning import _LksRowPlan
from .writing import _LksWriting

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class LksEntity(_LksRowMatching, _LksRowPlan, _LksWriting, _LksExport, Entity):
    """LKS (and LKS asing) of the registry."""

    key = "lks"
    label = _lazy("LKS")
    created_notice = _lazy(
        "LKS baru tersimpan sebagai draf: LKS itu belum dihitung sebagai LKS aktif (di dasbor, peta dan laporan) "
        "sampai pengurus LKKKS membuka halaman LKS-nya, menekan Verifikasi, lalu Aktifkan."
    )
    record_url_name = "organisations:detail"
    sheet_name = _lazy("Data LKS")
    columns = COLUMNS
    natural_key_help = _lazy(
        "Baris dicocokkan dengan LKS yang sudah terdaftar melalui nomor tanda daftar; bila kosong, melalui nomor "
        "izin operasional; bila keduanya kosong, melalui nama LKS dan kode wilayah. Baris yang tidak cocok dengan "
        "LKS mana pun didaftarkan sebagai LKS baru berstatus draf, yang dihitung sebagai LKS aktif setelah pengurus "
        "LKKKS memverifikasi lalu mengaktifkannya di halaman LKS-nya."
    )
    instructions = (
        _lazy("Satu baris = satu LKS. Jangan mengubah judul kolom; urutan kolom boleh berubah."),
        _lazy("Kolom bertanda * wajib diisi. Wilayah: isi Kode wilayah, atau Kabupaten/Kota + Kecamatan + Desa."),
        _lazy("Sel kosong pada LKS yang sudah terdaftar tidak menghapus isian lama; gunakan formulir untuk itu."),
        _lazy("Tanggal boleh ditulis 17-08-2023, 17/08/2023, 2023-08-17 atau 17 Agustus 2023."),
        _lazy("Format kolom kode (Kode wilayah, NPWP, nomor) sebagai Teks agar angka nol tidak hilang."),
        _lazy(
            "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah. Kolom ID menunjuk LKS yang "
            "diperbaiki; kosongkan ID untuk mendaftarkan LKS baru."
        ),
    )

    # ------------------------------------------------------------------ permissions
    # A region problem in a file that names the region by its kabupaten/kota, kecamatan and desa (no "Kode wilayah"
    # column) is shown on the kabupaten/kota, not as a missing column: the names are as good as the code.
    reported_on_instead = {"region_code": "regency_name"}
    # After "Baris ini duplikat baris …" for two rows of the same name in one kabupaten/kota.
    duplicate_advice = {
        "name": _lazy(
            "Bila keduanya memang LKS yang berbeda (mis. cabang satu yayasan), isi nomor tanda daftar masing-masing."
        )
    }

    def derived_of_created(self, plan: RowPlan, values: dict[str, Any]) -> list[list[str]]:
        """The expiries the rules work out for a new LKS (a permit or a registration without its expiry written, an
        accreditation), after its cells as read: a trial shows the date the real import stores."""
        return [
            [_("%(column)s (dihitung)") % {"column": column.header}, column.display(value)]
            for column in self.columns
            if column.key in DERIVED and not values.get(column.key) and (value := getattr(plan.obj, column.key, None))
        ]

    def can_import(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.CHANGE] | ACTION_ROLES[Action.CREATE]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def can_export(self, actor: "User | SystemActor") -> bool:
        return bool(getattr(actor, "is_superuser", False)) or any(
            m.role in ACTION_ROLES[Action.EXPORT] for m in active_memberships(actor)
        )

    def missing_columns(self, present: set[str]) -> list[str]:
        missing = [str(c.header) for c in self.import_columns() if c.required and c.key not in present]
        if not present & {"region_code", "regency_name"}:
            missing.append(_("Kode wilayah (atau Kabupaten/Kota, Kecamatan, Desa/Kelurahan)"))
        return missing
