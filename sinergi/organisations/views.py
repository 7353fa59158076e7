"""Registry pages: thin translations between HTTP and the services/selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action, can, restrict
from sinergi.audit.display import audit_history
from sinergi.audit.selectors import audit_events_for
from sinergi.core.errors import ConflictError, TransitionError, ValidationError
from sinergi.core.pagination import paginate
from sinergi.core.params import posted_id
from sinergi.exchange.columns import get_entity
from sinergi.exchange.exports import export_url
from sinergi.exchange.list_filters import list_filter_problem
from sinergi.regions.models import Region, RegionLevel

from . import selectors, services
from .choices import LKS_KINDS, OfficerPosition, OrganisationKind
from .forms import BoardCreateForm, BoardMemberForm, BoardOfficerForm, BoardTermForm, OrganisationForm, TransitionForm
from .models import BoardMembership, BoardOfficer, BoardTerm, Organisation

# The one history key without a verbose_name on the model (the verifier is recorded by id).
HISTORY_LABELS = {
    "verified_by_id": _lazy("diverifikasi oleh"),
    # The LKS's intake rules (referrals) are recorded on the LKS: their fields, in the words of their form.
    "sex": _lazy("jenis kelamin yang diterima"),
    "min_age": _lazy("usia minimal"),
    "max_age": _lazy("usia maksimal"),
}
HISTORY_CHOICES = {"sex": [("L", _lazy("Hanya laki-laki")), ("P", _lazy("Hanya perempuan"))]}
# Derived from the region, which the history already names.
HISTORY_HIDDEN = ("province_code", "regency_code", "district_code", "village_code")


def _apply_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError onto the form, field by field where it names fields."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            for item in field_errors:
                form.add_error(field if field in form.fields else None, item.message % (item.params or {}))
    else:
        for message in error.messages:
            form.add_error(None, message)


def _form_data(form: OrganisationForm) -> tuple[dict, list]:
    data = {name: value for name, value in form.cleaned_data.items() if name not in {"service_kinds", "version"}}
    data = {name: value for name, value in data.items() if not form.fields[name].disabled}
    return data, list(form.cleaned_data.get("service_kinds") or [])


class OrganisationListView(LoginRequiredMixin, View):
    """The registry list with search, filters, pagination; HTMX requests get only the results."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.organisation_list(actor=request.user, filters=request.GET)
        problem = list_filter_problem(filterset=filterset, actor=request.user, action=Action.VIEW)
        queryset = Organisation.objects.none() if problem else filterset.qs
        page = paginate(request, queryset)
        can_export = get_entity("lks").can_export(request.user)
        context = {
            "filterset": filterset,
            "filter_problem": problem,
            "page": page,
            "regency_names": selectors.regency_names(o.regency_code for o in page.object_list),
            "regencies": Region.objects.filter(
                level=RegionLevel.REGENCY, code__in=selectors.organisation_regencies_visible(actor=request.user)
            ),
            "kind_choices": OrganisationKind.choices,
            "can_create": selectors.organisation_may_create_somewhere(actor=request.user),
            # Downloads go through the exchange's export of LKS, with this list's filters.
            "can_export": can_export,
            "export_no_lks": _filters_out_every_lks(request.GET.getlist("kind")),
        }
        if can_export and not problem:
            context.update(_download_counts(request, listed=page.paginator.count, queryset=queryset))
        template = "organisations/list.html#results" if request.htmx else "organisations/list.html"
        return render(request, template, context)


class OrganisationDetailView(LoginRequiredMixin, View):
    """One organisation with its standing, board links and change history."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.organisation_get(actor=request.user, pk=pk)
        user = request.user
        context = {
            "organisation": organisation,
            "history": (
                audit_history(
                    audit_events_for(obj=organisation)[:100],
                    labels=HISTORY_LABELS,
                    choices=HISTORY_CHOICES,
                    hidden=HISTORY_HIDDEN,
                )
                if can(user, Action.VIEW_AUDIT, organisation)
                else []
            ),
            "can_change": can(user, Action.CHANGE, organisation),
            "can_verify": can(user, Action.VERIFY, organisation),
            "can_deactivate": can(user, Action.DEACTIVATE, organisation),
            "boards": BoardMembership.objects.filter(member=organisation).select_related("board"),
            "regency_names": selectors.regency_names([organisation.regency_code]),
            "transition_form": TransitionForm(),
        }
        return render(request, "organisations/detail.html", context)


class OrganisationCreateView(LoginRequiredMixin, View):
    """Registers a new organisation (as a draft) for a board member or admin."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not selectors.organisation_may_create_somewhere(actor=request.user):
            raise PermissionDenied
        form = OrganisationForm(initial={"kind": OrganisationKind.LKS})
        return render(request, "organisations/form.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        if not selectors.organisation_may_create_somewhere(actor=request.user):
            raise PermissionDenied
        form = OrganisationForm(request.POST)
        if form.is_valid():
            data, kinds = _form_data(form)
            try:
                organisation = services.organisation_create(
                    actor=request.user, data=data, service_kinds=kinds, request=request
                )
            except ValidationError as error:
                _apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Organisasi “%(name)s” tersimpan sebagai draf.") % {"name": organisation})
                return redirect("organisations:detail", pk=organisation.pk)
        return render(request, "organisations/form.html", {"form": form}, status=400)


class OrganisationUpdateView(LoginRequiredMixin, View):
    """Edits an organisation; a stale version is refused so two editors never overwrite each other."""

    def _get(self, request: HttpRequest, pk: int) -> Organisation:
        return selectors.organisation_get(actor=request.user, pk=pk, action=Action.CHANGE)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = self._get(request, pk)
        form = OrganisationForm(instance=organisation, board_fields=can(request.user, Action.VERIFY, organisation))
        return render(request, "organisations/form.html", {"form": form, "organisation": organisation})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = self._get(request, pk)
        # Taken before the form writes the submitted values onto the instance.
        place_before = (organisation.regency_code, organisation.latitude, organisation.longitude)
        board_fields = can(request.user, Action.VERIFY, organisation)
        form = OrganisationForm(request.POST, instance=organisation, board_fields=board_fields)
        conflict = False
        if form.is_valid():
            data, kinds = _form_data(form)
            try:
                updated = services.organisation_update(
                    organisation=organisation,
                    actor=request.user,
                    data=data,
                    expected_version=form.cleaned_data.get("version") or 0,
                    service_kinds=kinds,
                    request=request,
                )
            except ValidationError as error:
                _apply_errors(form, error)
            except (PermissionDenied, ConflictError) as error:
                conflict = isinstance(error, ConflictError)
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Perubahan tersimpan."))
                if _moved_without_new_coordinates(place_before, updated):
                    messages.warning(
                        request,
                        _("Wilayah LKS ini berpindah, tetapi titik koordinatnya tetap. Periksa lintang dan bujurnya."),
                    )
                return redirect("organisations:detail", pk=updated.pk)
        # ModelForm validation wrote the submitted values onto the instance; show the stored record beside it.
        stored = Organisation.objects.get(pk=pk)
        context = {"form": form, "organisation": stored, "conflict": conflict}
        return render(request, "organisations/form.html", context, status=409 if conflict else 400)


@login_required
@require_POST
def organisation_transition(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    """verify / activate / deactivate, each an explicit step by someone with authority over the record."""
    organisation = selectors.organisation_get(actor=request.user, pk=pk)
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        if transition == "verify":
            services.organisation_verify(organisation=organisation, actor=request.user, request=request)
            messages.success(request, _("Organisasi telah diverifikasi."))
        elif transition == "activate":
            services.organisation_activate(organisation=organisation, actor=request.user, request=request)
            messages.success(request, _("Organisasi kini aktif."))
        elif transition == "deactivate":
            services.organisation_deactivate(
                organisation=organisation,
                actor=request.user,
                reason=form.cleaned_data.get("reason", ""),
                request=request,
            )
            messages.success(request, _("Organisasi dinonaktifkan."))
        else:
            return HttpResponse(status=404)
    except (TransitionError, PermissionDenied) as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisations:detail", pk=pk)


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


class DirectoryListView(View):
    """The public directory of active LKS: only public fields, no login."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.public_directory_list(filters=request.GET)
        queryset = filterset.qs if filterset.is_valid() else Organisation.objects.none()
        page = paginate(request, queryset)
        context = {
            "filterset": filterset,
            "page": page,
            "regency_names": selectors.regency_names(o.regency_code for o in page.object_list),
            "regencies": Region.objects.filter(level=RegionLevel.REGENCY, code__in=_directory_regencies()),
        }
        template = "organisations/directory.html#results" if request.htmx else "organisations/directory.html"
        return render(request, template, context)


def _directory_regencies() -> list[str]:
    return list(selectors.public_directory_list().qs.order_by().values_list("regency_code", flat=True).distinct())


class DirectoryDetailView(View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.public_directory_get(pk=pk)
        context = {"organisation": organisation, "regency_names": selectors.regency_names([organisation.regency_code])}
        return render(request, "organisations/directory_detail.html", context)


@login_required
def organisation_export(request: HttpRequest) -> HttpResponse:
    """The registry list's old download address (bookmarks, old links): the exchange's export of LKS now makes the
    file (streamed CSV, large XLSX in the background, the import template's columns, audited)."""
    # The query string goes through untouched: the list's filters are the export's.
    return redirect(export_url("lks", request.META.get("QUERY_STRING", "")))


def _download_counts(request: HttpRequest, *, listed: int, queryset) -> dict[str, int]:
    """How many rows the LKS download holds (counted by the export itself, so the button's number is the file's) and
    how many of the rows listed it leaves out: the organisations that are not LKS, and LKS outside the account's
    export scope. The list and the file must never differ without the page saying why."""
    entity = get_entity("lks")
    in_file = entity.export_count(entity.export_queryset(actor=request.user, filters=request.GET))
    lks_listed = queryset.filter(kind__in=LKS_KINDS).count()
    return {
        "export_rows": in_file,
        "export_not_lks": listed - lks_listed,
        "export_out_of_scope": max(lks_listed - in_file, 0),
    }


def _filters_out_every_lks(kinds: list[str]) -> bool:
    """Whether the list's kind filter leaves no LKS (only boards, NGOs, ...): the LKS download would be empty."""
    chosen = {kind for kind in kinds if kind}
    return bool(chosen) and not chosen & set(LKS_KINDS)


def _moved_without_new_coordinates(before: tuple, after: Organisation) -> bool:
    """A move to another kabupaten/kota that kept the map point (`before`: regency, latitude, longitude): the
    marker would stay in the old place."""
    regency, latitude, longitude = before
    moved = after.regency_code != regency
    return moved and after.latitude is not None and (after.latitude, after.longitude) == (latitude, longitude)
