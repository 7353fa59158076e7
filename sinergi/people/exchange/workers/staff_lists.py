"""What a staff list as an LKS keeps it lacks, and how the import makes up for it: a file with "Jabatan" but no
"Peran" takes each role from the job title; a file without "Bekerja dengan anak" is told that its new workers are
recorded as not working with children.
"""

from typing import Any, cast

from django.utils.translation import ngettext

from sinergi.exchange import values as v
from sinergi.exchange.columns import ChoiceColumn, ImportContext, RowPlan

from ...choices import WorkerRole
from ...services.rules import KIND_ELDERLY
from .columns import HEADERS
from .state import WorkersState

# A role's word that says too little with other words around it: "Pengurus rumah tangga" is a housekeeper, "Pengurus
# asrama" the one who keeps a dormitory, not the board; a "Ketua kamar" or "Ketua asrama putri" heads a room of
# children, and "Staf TU merangkap Bendahara" keeps the books. Only such a word alone, or as an alias of the role
# column writes it ("Pengurus yayasan", "Ketua yayasan"), reads as the board.
_ROLE_ALONE_ONLY = ("pengurus", "ketua", "wakil ketua", "sekretaris", "bendahara")
_ROLE = cast(ChoiceColumn, HEADERS["role"])


def _role_from_title(values: dict[str, Any], existing: dict | None, ctx: ImportContext, state: WorkersState) -> None:
    """The role of a row of a file that has "Jabatan" but no "Peran" (a staff list as the LKS keeps it), from the job
    title, said with the other cells read as an item (read_as: "Kepala Panti" → Pengurus), else "Lainnya" — for a
    new worker only: a stored worker keeps a role the title does not name.

    The title is read as the role list reads a cell, and further as a role with words that qualify it, the title
    being kept as written in its own column (v.Choices.match_qualified): "Pengasuh asrama putri" → Pengasuh,
    "Kepala panti asuhan" → Pengurus (by the alias "Kepala panti"), "Pekerja sosial anak" → Pekerja sosial
    profesional, "Pekerja sosial masyarakat desa" → PSM (the longer name). A title naming two roles ("Pengasuh
    (relawan)", "Relawan pengasuh"), none ("Juru masak", "Kepala asrama") or only a word too wide (_ROLE_ALONE_ONLY:
    "Pengurus rumah tangga") stays "Lainnya", listed in the notice that asks for a "Peran" column."""
    try:
        values["role"] = _ROLE.clean_qualified(values["job_title"], ctx, alone_only=_ROLE_ALONE_ONLY)
    except v.CellProblem:
        if existing is None:
            values["role"] = WorkerRole.OTHER
            state.titles_as_other[values["job_title"]] += 1


def not_with_children_notice(plans: list[RowPlan], present: set[str]) -> str:
    """A staff list without a "Bekerja dengan anak" column (no LKSA list has one) registers everyone as not working
    with children, so no caregiver's background check is asked for: said, with how to change it. "" otherwise."""
    if "works_with_children" in present:
        return ""
    # An elderly home takes no child (people.services.rules), so its caregivers work with none: nothing to ask.
    count = sum(
        1
        for plan in plans
        if plan.action == "create" and not plan.obj.data["works_with_children"] and plan.obj.lks.kinds != {KIND_ELDERLY}
    )
    if not count:
        return ""
    return ngettext(
        "File ini tidak memiliki kolom “%(column)s”, jadi %(count)s pekerja baru dicatat tidak bekerja dengan anak. "
        "Bila ada yang bekerja dengan anak (mis. pengasuh), tambahkan kolom itu dan isi “Ya” untuk mereka; aturan "
        "pemeriksaan latar belakang lalu berlaku.",
        "File ini tidak memiliki kolom “%(column)s”, jadi %(count)s pekerja baru dicatat tidak bekerja dengan anak. "
        "Bila ada yang bekerja dengan anak (mis. pengasuh), tambahkan kolom itu dan isi “Ya” untuk mereka; aturan "
        "pemeriksaan latar belakang lalu berlaku.",
        count,
    ) % {"column": HEADERS["works_with_children"].header, "count": count}
