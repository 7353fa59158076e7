"""The longer words of a clients import: the refusals that depend on what a row found (several namesakes, no such
stay, another admission date), the warning on a partial match, the notice on clients a file leaves out, and row
numbers as a message lists them. Apart because they are text for the operator (gettext msgids), not rules."""

import datetime
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.core.dates import shown

from .columns import HEADERS

RESTRICTED_ROW = _lazy(
    "Baris ini tentang penerima layanan yang datanya hanya dapat diproses oleh admin provinsi saat ini. Hapus baris "
    "ini dari file, atau hubungi admin provinsi."
)
MISSING_CLIENTS_LKS_LIMIT = 10  # plans_notices: the LKS of a file whose absent clients are counted
CLASHING_ROWS_NAMED = 10  # _rows_and_count: rows a refused commit names before "…" (as exchange's GROUP_ROWS_OPEN)


def _ambiguous_message(values: dict[str, Any]) -> str:
    """The refusal of a row without NIK that fits several people stored at its LKS, with what tells them apart."""
    if values.get("_partial"):
        return _(
            "Lebih dari satu penerima layanan bernama “%(name)s” tercatat di LKS ini, dan tanggal lahir serta "
            "nama ibu di baris ini tidak membedakan mereka. Isi NIK, Tanggal lahir dan Nama ibu kandung, atau "
            "perbaiki lewat ekspor (baris dengan kolom ID)."
        ) % {"name": values.get("full_name") or ""}
    return _(
        "Lebih dari satu penerima layanan dengan nama, tanggal lahir, dan nama ibu ini tercatat di LKS ini; isi NIK."
    )


def _no_such_stay_message(record: int, admitted_on: datetime.date) -> str:
    """The refusal of a row whose export ID names a person with no stay at its LKS admitted on its date."""
    return _(
        "Penerima layanan dengan ID %(id)s tidak punya penempatan di LKS ini yang masuk pada %(date)s. "
        "Periksa Tanggal masuk, atau kosongkan ID untuk menambah penerima layanan baru."
    ) % {"id": record, "date": shown(admitted_on)}


def _other_admission_message(values: dict[str, Any], person: dict, placement: dict, active: bool) -> str:
    """The refusal of a row that found its person's stay at its LKS under another admission date, saying what to
    do about it."""
    if not active:
        # An ended stay whose time holds the row's admission date (_placement_at).
        return _(
            "Penerima layanan ini tercatat di LKS ini sejak %(stored)s sampai %(left)s; Tanggal masuk di file "
            "(%(given)s) jatuh di antaranya, jadi baris ini tentang penempatan itu. Samakan Tanggal masuk dengan "
            "yang tersimpan; bila yang tersimpan salah, perbaiki di halaman penerima layanan (Perbaiki data "
            "penempatan)."
        ) % {
            "stored": shown(placement["admitted_on"]),
            "left": shown(placement["discharged_on"]),
            "given": shown(values["admitted_on"]),
        }
    if values.get("id"):
        # The person named by the ID is active here since another date: that date is the stay's own record.
        return _(
            "Penerima layanan ini sudah terdaftar aktif di LKS ini dengan isian berbeda (%(columns)s). "
            "Ubah datanya di halaman penerima layanan; impor hanya menambah penerima layanan baru, "
            "memperbaiki data orangnya, atau mencatat tanggal keluar."
        ) % {"columns": str(HEADERS["admitted_on"].header)}
    # Found by NIK, or by name, birth date and mother (a row whose NIK completes a person stored without one).
    # The row is about that person; what differs is the admission date, so that is what the message names
    # (on its column), with what to do about it.
    by_nik = bool(values.get("_nik_hash")) and values["_nik_hash"] == person["nik_hash"]
    dates = {
        "stored": shown(placement["admitted_on"]),
        "given": shown(values["admitted_on"]),
    }
    if values.get("_partial") and not by_nik:
        template = _(
            "Penerima layanan bernama sama sudah terdaftar aktif di LKS ini dengan Tanggal masuk berbeda "
            "(tersimpan %(stored)s, di file %(given)s), dan tanggal lahir serta nama ibu di baris ini tidak "
            "berbeda darinya. Bila baris ini tentang penempatan yang sama, samakan Tanggal masuk dengan yang "
            "tersimpan. Bila tentang orang lain yang bernama sama, isi NIK-nya. Bila ia "
            "sudah keluar lalu masuk lagi, catat dulu Tanggal keluar penempatan yang tersimpan."
        )
    elif by_nik:
        template = _(
            "Penerima layanan dengan NIK ini sudah terdaftar aktif di LKS ini dengan Tanggal masuk berbeda "
            "(tersimpan %(stored)s, di file %(given)s). Bila baris ini tentang penempatan yang sama, samakan "
            "Tanggal masuk dengan yang tersimpan; bila yang tersimpan salah, ubah di halaman penerima "
            "layanan. Bila ia sudah keluar lalu masuk lagi, catat dulu Tanggal keluar penempatan yang "
            "tersimpan."
        )
    else:
        template = _(
            "Penerima layanan dengan nama, tanggal lahir, dan nama ibu ini sudah terdaftar aktif di LKS ini "
            "dengan Tanggal masuk berbeda (tersimpan %(stored)s, di file %(given)s). Bila baris ini tentang "
            "penempatan yang sama, samakan Tanggal masuk dengan yang tersimpan; bila yang tersimpan salah, "
            "ubah di halaman penerima layanan. Bila ia sudah keluar lalu masuk lagi, catat dulu Tanggal "
            "keluar penempatan yang tersimpan."
        )
    return template % dates


def _partial_match_warning(name: str) -> str:
    """The warning on a correction by a row without NIK matched on its name and one of birth date and mother."""
    return _(
        "Baris tanpa NIK ini dicocokkan dengan penerima layanan tersimpan “%(name)s” melalui nama dan "
        "tanggal lahir atau nama ibunya saja (yang lain kosong di salah satunya). Bila ini orang lain "
        "yang bernama sama, isi NIK-nya."
    ) % {"name": name}


def _missing_notice(count: int, lks_name: str, *, where: str) -> str:
    """The clients active at an LKS whom no row of the file names. `where`: "file"; "sheet" when the user chose one
    sheet of several, and those clients may well be on the sheets left for later; "every sheet" when the others were
    checked or imported before it, and those clients are on none of them."""
    values = {"count": number_format(count, force_grouping=True), "lks": lks_name}
    if where == "every sheet":
        return (
            ngettext(
                "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di lembar mana pun file ini (lembar ini "
                "dan lembar lain yang sudah diperiksa), dan tetap tercatat aktif. Bila sudah keluar, catat "
                "keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau lewat halamannya.",
                "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di lembar mana pun file ini (lembar ini "
                "dan lembar lain yang sudah diperiksa), dan tetap tercatat aktif. Bila ada yang sudah keluar, "
                "catat keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau lewat halamannya.",
                count,
            )
            % values
        )
    if where == "sheet":
        return (
            ngettext(
                "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di lembar ini, dan tetap tercatat aktif; "
                "mungkin ada di lembar lain file ini.",
                "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di lembar ini, dan tetap tercatat aktif; "
                "mungkin mereka ada di lembar lain file ini.",
                count,
            )
            % values
        )
    return (
        ngettext(
            "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di file ini, dan tetap tercatat aktif. "
            "Bila sudah keluar, catat keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau lewat "
            "halamannya.",
            "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di file ini, dan tetap tercatat aktif. "
            "Bila ada yang sudah keluar, catat keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau "
            "lewat halamannya.",
            count,
        )
        % values
    )


def _rows_and_count(rows: list[int]) -> dict[str, str]:
    """Row numbers as a message names them (the first ten, then "…"), and how many."""
    ordered = sorted(set(rows))
    listed = ", ".join(str(row) for row in ordered[:CLASHING_ROWS_NAMED])
    listed += ", …" if len(ordered) > CLASHING_ROWS_NAMED else ""
    return {"rows": listed, "count": number_format(len(ordered), force_grouping=True)}
