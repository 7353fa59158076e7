"""An LKKKS board's own records: its terms of office, their officers, and the organisations that are its members.
Apart because only boards have them, and only their region's boards (or admins) may change them.
"""

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, ValidationError

from ..choices import OrganisationKind
from ..models import BoardMembership, BoardOfficer, BoardTerm, Organisation

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _require_board_change(actor: "User", board: Organisation) -> None:
    if board.kind != OrganisationKind.LKKKS:
        raise ValidationError(_("Organisasi ini bukan LKKKS."))
    if not can(actor, Action.VERIFY, board):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kepengurusan LKKKS ini."))


@transaction.atomic
def board_term_create(
    *,
    board: Organisation,
    actor: "User",
    starts_on: datetime.date,
    ends_on: datetime.date,
    inaugurated_on: datetime.date | None = None,
    decree_number: str = "",
) -> BoardTerm:
    """Opens a term of office (masa bakti) of an LKKKS board."""
    _require_board_change(actor, board)
    if ends_on <= starts_on:
        raise ValidationError({"ends_on": [_("Akhir masa bakti harus sesudah awalnya.")]})
    overlapping = board.terms.filter(starts_on__lt=ends_on, ends_on__gt=starts_on)
    if overlapping.exists():
        raise ValidationError({"starts_on": [_("Masa bakti ini bertumpang tindih dengan masa bakti lain.")]})
    term = BoardTerm.objects.create(
        board=board, starts_on=starts_on, ends_on=ends_on, inaugurated_on=inaugurated_on, decree_number=decree_number
    )
    audit_record(
        actor=actor,
        action="organisations.board_term.created",
        obj=board,
        data={"term": str(term), "decree_number": decree_number},
    )
    return term


@transaction.atomic
def board_officer_add(
    *, term: BoardTerm, actor: "User", name: str, position: str, position_detail: str = ""
) -> BoardOfficer:
    """Adds an officer (ketua, sekretaris, ...) to a board's term."""
    _require_board_change(actor, term.board)
    if not name.strip():
        raise ValidationError({"name": [_("Nama pengurus wajib diisi.")]})
    officer = BoardOfficer.objects.create(
        term=term, name=name.strip(), position=position, position_detail=position_detail
    )
    audit_record(
        actor=actor,
        action="organisations.board_officer.added",
        obj=term.board,
        data={"officer": name.strip(), "position": position, "term": str(term)},
    )
    return officer


@transaction.atomic
def board_officer_remove(*, officer: BoardOfficer, actor: "User") -> None:
    _require_board_change(actor, officer.term.board)
    audit_record(
        actor=actor,
        action="organisations.board_officer.removed",
        obj=officer.term.board,
        data={"officer": officer.name, "position": officer.position, "term": str(officer.term)},
    )
    officer.delete()


@transaction.atomic
def board_member_add(
    *, board: Organisation, member: Organisation, actor: "User", joined_on: datetime.date | None = None
) -> BoardMembership:
    """Records that an organisation in the board's region has joined the LKKKS."""
    _require_board_change(actor, board)
    if member.kind == OrganisationKind.LKKKS:
        raise ValidationError(_("Sebuah LKKKS tidak dapat menjadi anggota LKKKS lain; tingkatannya otonom."))
    region_prefix = board.regency_code or board.province_code
    if not (member.regency_code or member.province_code).startswith(region_prefix):
        raise ValidationError(_("Anggota harus berkedudukan di wilayah LKKKS ini."))
    link, created = BoardMembership.objects.get_or_create(
        board=board, member=member, defaults={"joined_on": joined_on or timezone.localdate()}
    )
    if not created and link.ended_on:
        link.ended_on = None
        link.save(update_fields=["ended_on"])
    audit_record(actor=actor, action="organisations.board_member.added", obj=board, data={"member": member.name})
    return link


@transaction.atomic
def board_member_end(*, link: BoardMembership, actor: "User", ended_on: datetime.date | None = None) -> BoardMembership:
    _require_board_change(actor, link.board)
    link.ended_on = ended_on or timezone.localdate()
    link.save(update_fields=["ended_on"])
    audit_record(
        actor=actor, action="organisations.board_member.ended", obj=link.board, data={"member": str(link.member)}
    )
    return link
