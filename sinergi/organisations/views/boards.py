"""LKKKS boards: the list with the kabupaten/kota still without one, registering a board, and a board's terms,
officers and members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action, can, restrict
from sinergi.audit.display import audit_history
from sinergi.audit.selectors import audit_events_for
from sinergi.core.errors import ValidationError
from sinergi.core.params import posted_id
from sinergi.regions.models import Region

from .. import selectors, services
from ..choices import LKS_KINDS, OfficerPosition, OrganisationKind
from ..forms import BoardCreateForm, BoardMemberForm, BoardOfficerForm, BoardTermForm
from ..models import BoardMembership, BoardOfficer, BoardTerm, Organisation
from ._common import HISTORY_HIDDEN, HISTORY_LABELS


class BoardListView(LoginRequiredMixin, View):
    """LKKKS boards in scope, and the kabupaten/kota of the province that have none yet."""

    def get(self, request: HttpRequest) -> HttpResponse:
        boards = list(selectors.board_list(actor=request.user))
        provinces = sorted(
            {b.province_code for b in boards if b.province_code} | selectors.scope_provinces(actor=request.user)
        )
        coverage = []
        for province_code in provinces:
            existing = selectors.boards_by_region(province_code=province_code)
            province = Region.objects.filter(code=province_code).first()
            rows = [(province, existing.get(province_code))] if province else []
            rows += [(r, existing.get(r.code)) for r in selectors.regencies_of_province(province_code)]
            coverage.append({"province": province, "rows": rows, "missing": sum(1 for _r, b in rows if b is None)})
        context = {
            "boards": boards,
            "coverage": coverage,
            # The coverage names every board of the province; only those in the user's scope open (the rest 404).
            "openable": {board.pk for board in boards},
            "create_form": _board_create_form(request.user),
        }
        return render(request, "organisations/boards.html", context)


def _board_create_form(user, data=None) -> BoardCreateForm | None:
    regions = selectors.board_regions(actor=user)
    return BoardCreateForm(data, regions=regions) if regions.exists() else None


@login_required
@require_POST
def board_create(request: HttpRequest) -> HttpResponse:
    form = _board_create_form(request.user, request.POST)
    if form is None:
        raise PermissionDenied
    if form.is_valid():
        try:
            board = services.organisation_create(
                actor=request.user,
                data={
                    "kind": OrganisationKind.LKKKS,
                    "name": form.cleaned_data["name"],
                    "region": form.cleaned_data["region"],
                    "address": form.cleaned_data["address"],
                },
                request=request,
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("LKKKS “%(name)s” terdaftar.") % {"name": board})
            return redirect("organisations:board_detail", pk=board.pk)
    else:
        messages.error(request, _("Periksa isian: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect("organisations:boards")


class BoardDetailView(LoginRequiredMixin, View):
    """A board's terms, officers and member organisations, with forms for those who may change them."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        board = get_object_or_404(selectors.board_list(actor=request.user), pk=pk)
        may_change = can(request.user, Action.VERIFY, board)
        members = selectors.board_members(board=board, actor=request.user)
        candidates = (
            restrict(Organisation.objects.filter(kind__in=LKS_KINDS), actor=request.user, action=Action.VIEW)
            .filter(**({"regency_code": board.regency_code} if board.regency_code else {}))
            .filter(province_code=board.province_code)
            .exclude(board_links__board=board, board_links__ended_on__isnull=True)
            .order_by("name")
        )
        context = {
            "board": board,
            "terms": board.terms.all(),
            "members": members,
            "may_change": may_change,
            "term_form": BoardTermForm(),
            "officer_form": BoardOfficerForm(),
            "member_form": BoardMemberForm(candidates=candidates),
            # Officer events carry the position's code in their data, not in a field of the board.
            "history": audit_history(
                audit_events_for(obj=board)[:50],
                labels=HISTORY_LABELS,
                choices={"position": OfficerPosition.choices},
                hidden=HISTORY_HIDDEN,
            ),
        }
        return render(request, "organisations/board_detail.html", context)


@login_required
@require_POST
def board_change(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    """Adds a term, an officer or a member, or removes an officer / ends a membership."""
    board = get_object_or_404(selectors.board_list(actor=request.user), pk=pk)
    try:
        if what == "term":
            form = BoardTermForm(request.POST)
            if not form.is_valid():
                raise ValidationError(form.errors.as_text())
            services.board_term_create(board=board, actor=request.user, **form.cleaned_data)
        elif what == "officer":
            form = BoardOfficerForm(request.POST)
            term = get_object_or_404(BoardTerm, pk=posted_id(request, "term"), board=board)
            if not form.is_valid():
                raise ValidationError(form.errors.as_text())
            services.board_officer_add(term=term, actor=request.user, **form.cleaned_data)
        elif what == "officer-remove":
            officer = get_object_or_404(BoardOfficer, pk=posted_id(request, "officer"), term__board=board)
            services.board_officer_remove(officer=officer, actor=request.user)
        elif what == "member":
            candidates = restrict(Organisation.objects.all(), actor=request.user, action=Action.VIEW)
            form = BoardMemberForm(request.POST, candidates=candidates)
            if not form.is_valid():
                raise ValidationError(form.errors.as_text())
            services.board_member_add(board=board, member=form.cleaned_data["member"], actor=request.user)
        elif what == "member-end":
            link = get_object_or_404(BoardMembership, board=board, member_id=posted_id(request, "member"))
            services.board_member_end(link=link, actor=request.user)
        else:
            return HttpResponse(status=404)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Perubahan kepengurusan tersimpan."))
    return redirect("organisations:board_detail", pk=pk)
