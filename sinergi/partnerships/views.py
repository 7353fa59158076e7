"""Partnership pages: thin translations between HTTP and the services/selectors."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action, can
from sinergi.audit.display import audit_history
from sinergi.audit.selectors import audit_events_for
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.core.pagination import paginate
from sinergi.core.params import as_id
from sinergi.organisations.choices import OrganisationKind
from sinergi.organisations.models import Organisation
from sinergi.organisations.selectors import regency_names
from sinergi.regions.models import Region, RegionLevel

from . import selectors, services
from .choices import PartyRole
from .forms import AgreementForm, DocumentForm, NetworkFilterForm, TerminateForm, parties_from_post
from .models import Agreement
from .templatetags.partnerships import history_value

logger = logging.getLogger(__name__)

# "parties" is not a field of the agreement: the history records them as "first: name" lines.
HISTORY_LABELS = {"parties": _lazy("Para pihak")}
HISTORY_FORMATTERS = {"parties": history_value}


def _regencies(province_codes: set[str] | None):
    queryset = Region.objects.filter(level=RegionLevel.REGENCY).order_by("code")
    return queryset if province_codes is None else queryset.filter(parent_id__in=province_codes)


def _apply_errors(form, error: ValidationError, party_problems: list[str]) -> None:
    """Puts a service's ValidationError onto the form; problems with the parties go to the parties box."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            for item in field_errors:
                message = item.message % (item.params or {})
                if field == "parties":
                    party_problems.append(message)
                else:
                    form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


class AgreementListView(LoginRequiredMixin, View):
    """Agreements in scope with filters (kind, status, party kind, region, expiring soon); HTMX gets the results."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.agreement_list(actor=request.user, filters=request.GET)
        queryset = filterset.qs if filterset.is_valid() else Agreement.objects.none()
        page = paginate(request, queryset)
        context = {
            "filterset": filterset,
            "page": page,
            "regencies": _regencies(services.actor_provinces(request.user)),
            "party_kinds": OrganisationKind.choices,
            "can_create": services.may_create_agreements(request.user),
        }
        template = "partnerships/list.html#results" if request.htmx else "partnerships/list.html"
        return render(request, template, context)


class AgreementDetailView(LoginRequiredMixin, View):
    """One agreement: parties, scope, period, documents, status actions and history."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        agreement = selectors.agreement_get(actor=request.user, pk=pk)
        return render(request, "partnerships/detail.html", _detail_context(request, agreement))


def _detail_context(request: HttpRequest, agreement: Agreement, **extra) -> dict:
    parties = list(agreement.parties.all())
    return {
        "agreement": agreement,
        "parties": parties,
        "openable": selectors.visible_organisation_ids(actor=request.user, ids=[p.organisation_id for p in parties]),
        "documents": agreement.documents.select_related("uploaded_by"),
        "can_change": can(request.user, Action.CHANGE, agreement),
        "history": audit_history(
            audit_events_for(obj=agreement)[:100], labels=HISTORY_LABELS, formatters=HISTORY_FORMATTERS
        ),
        "document_form": extra.pop("document_form", None) or DocumentForm(),
        "terminate_form": extra.pop("terminate_form", None) or TerminateForm(),
        **extra,
    }


class _AgreementFormView(LoginRequiredMixin, View):
    """Shared by create and edit: the agreement's fields plus party rows added through an HTMX search."""

    def render_form(self, request, form, rows, problems, agreement=None, status=200, conflict=False) -> HttpResponse:
        context = {
            "form": form,
            "rows": rows,
            "party_problems": problems,
            "agreement": agreement,
            "roles": PartyRole.choices,
            "party_kinds": OrganisationKind.choices,
            "conflict": conflict,
        }
        return render(request, "partnerships/form.html", context, status=status)


class AgreementCreateView(_AgreementFormView):
    """Records a new agreement (as a draft) between organisations of any kind."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not services.may_create_agreements(request.user):
            raise PermissionDenied
        rows = []
        # Started from an organisation's page: that organisation is the first party.
        if start := as_id(request.GET.get("organisation", "")):
            organisation = services.party_candidates(actor=request.user).filter(pk=start).first()
            if organisation is not None:
                rows.append({"organisation": organisation, "role": PartyRole.FIRST, "signatory": ""})
        return self.render_form(request, AgreementForm(), rows, [])

    def post(self, request: HttpRequest) -> HttpResponse:
        if not services.may_create_agreements(request.user):
            raise PermissionDenied
        form = AgreementForm(request.POST)
        parties, rows, problems = parties_from_post(
            request.POST, candidates=services.party_candidates(actor=request.user)
        )
        if form.is_valid() and not problems:
            data = {k: v for k, v in form.cleaned_data.items() if k in services.EDITABLE_FIELDS}
            try:
                agreement = services.agreement_create(
                    actor=request.user,
                    data=data,
                    parties=parties,
                    participation_forms=list(form.cleaned_data["participation_forms"]),
                    welfare_pillars=list(form.cleaned_data["welfare_pillars"]),
                    request=request,
                )
            except ValidationError as error:
                _apply_errors(form, error, problems)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Perjanjian “%(title)s” tercatat sebagai draf.") % {"title": agreement.title}
                )
                return redirect("partnerships:detail", pk=agreement.pk)
        return self.render_form(request, form, rows, problems, status=400)


class AgreementUpdateView(_AgreementFormView):
    """Edits a draft or active agreement; a stale version is refused so two editors never overwrite each other."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        agreement = selectors.agreement_get(actor=request.user, pk=pk, action=Action.CHANGE)
        rows = [
            {"organisation": p.organisation, "role": p.role, "signatory": p.signatory} for p in agreement.parties.all()
        ]
        form = AgreementForm(instance=agreement)
        return self.render_form(request, form, rows, [], agreement=agreement)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        agreement = selectors.agreement_get(actor=request.user, pk=pk, action=Action.CHANGE)
        existing = agreement.parties.values("organisation_id")
        candidates = Organisation.objects.filter(
            Q(pk__in=services.party_candidates(actor=request.user).values("pk")) | Q(pk__in=existing)
        )
        form = AgreementForm(request.POST, instance=agreement)
        parties, rows, problems = parties_from_post(request.POST, candidates=candidates)
        conflict = False
        if form.is_valid() and not problems:
            data = {k: v for k, v in form.cleaned_data.items() if k in services.EDITABLE_FIELDS}
            try:
                updated = services.agreement_update(
                    agreement=agreement,
                    actor=request.user,
                    data=data,
                    expected_version=form.cleaned_data.get("version") or 0,
                    parties=parties,
                    participation_forms=list(form.cleaned_data["participation_forms"]),
                    welfare_pillars=list(form.cleaned_data["welfare_pillars"]),
                    request=request,
                )
            except ValidationError as error:
                _apply_errors(form, error, problems)
            except (PermissionDenied, ConflictError, TransitionError) as error:
                conflict = isinstance(error, ConflictError)
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Perubahan tersimpan."))
                return redirect("partnerships:detail", pk=updated.pk)
        stored = Agreement.objects.get(pk=pk)
        return self.render_form(
            request, form, rows, problems, agreement=stored, status=409 if conflict else 400, conflict=conflict
        )


@login_required
def party_search(request: HttpRequest) -> HttpResponse:
    """HTMX: organisations (any kind) the user may name as a party, matching the typed words."""
    if not services.may_create_agreements(request.user):
        raise PermissionDenied
    words = request.GET.get("party_q", "").split()[:6]
    queryset = services.party_candidates(actor=request.user)
    for word in words:
        queryset = queryset.filter(name__icontains=word)
    kind = request.GET.get("party_kind", "")
    if kind in OrganisationKind.values:
        queryset = queryset.filter(kind=kind)
    organisations = list(queryset.order_by("name", "pk")[:20]) if words or kind else []
    context = {
        "organisations": organisations,
        "searched": bool(words or kind),
        "regency_names": regency_names(o.regency_code for o in organisations),
    }
    return render(request, "partnerships/_party_options.html", context)


@login_required
def party_row(request: HttpRequest) -> HttpResponse:
    """HTMX: one party row for the chosen organisation, appended to the form."""
    if not services.may_create_agreements(request.user):
        raise PermissionDenied
    chosen = as_id(request.GET.get("organisation", ""))
    organisation = services.party_candidates(actor=request.user).filter(pk=chosen).first() if chosen else None
    if organisation is None:
        raise Http404
    # The rows already on the form come along (hx-include): a second pick of the same organisation adds nothing,
    # and the first organisation chosen becomes the first party, the next ones second parties.
    if str(organisation.pk) in request.GET.getlist("party_organisation"):
        return HttpResponse("")
    role = PartyRole.SECOND if PartyRole.FIRST in request.GET.getlist("party_role") else PartyRole.FIRST
    row = {"organisation": organisation, "role": role, "signatory": ""}
    return render(request, "partnerships/_party_row.html", {"row": row, "roles": PartyRole.choices})


@login_required
@require_POST
def agreement_transition(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    """activate / terminate, each an explicit step by someone acting for a party."""
    agreement = selectors.agreement_get(actor=request.user, pk=pk)
    try:
        if transition == "activate":
            services.agreement_activate(agreement=agreement, actor=request.user, request=request)
            messages.success(request, _("Perjanjian dinyatakan berlaku."))
        elif transition == "terminate":
            form = TerminateForm(request.POST)
            if not form.is_valid():
                context = _detail_context(request, agreement, terminate_form=form)
                return render(request, "partnerships/detail.html", context, status=400)
            services.agreement_terminate(
                agreement=agreement,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data.get("on"),
                request=request,
            )
            messages.success(request, _("Perjanjian diakhiri."))
        else:
            raise Http404
    except (TransitionError, PermissionDenied) as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("partnerships:detail", pk=pk)


@login_required
@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Adds a PDF or image to an agreement; refusals show on the agreement page and store nothing."""
    agreement = selectors.agreement_get(actor=request.user, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document = services.document_upload(
                agreement=agreement,
                actor=request.user,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Dokumen “%(title)s” tersimpan.") % {"title": document.title})
            return redirect("partnerships:detail", pk=pk)
    context = _detail_context(request, agreement, document_form=form)
    return render(request, "partnerships/detail.html", context, status=400)


@login_required
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Serves a document to someone who may see its agreement; there is no public URL for these files."""
    document = selectors.document_get(actor=request.user, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        # The row is there but its file is not (a restore without the media folder, a disk fault): a "page not
        # found, or outside your region" would send the user looking for the wrong cause, and an admin must know.
        logger.error("Agreement document %s has no file at %s", document.pk, document.file.name)
        messages.error(
            request,
            _(
                "Berkas dokumen “%(title)s” tidak ada lagi di server. Minta admin memulihkannya dari cadangan, "
                "atau unggah ulang dokumennya."
            )
            % {"title": document.title},
        )
        return redirect(f"{reverse('partnerships:detail', args=[document.agreement_id])}#documents")
    # Images and PDFs open in the browser; the type is the checked one, never the uploader's claim.
    response = FileResponse(
        handle, content_type=document.mime_type, as_attachment=False, filename=document.download_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get(actor=request.user, pk=pk)
    try:
        services.document_delete(document=document, actor=request.user, request=request)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Dokumen dihapus."))
    return redirect("partnerships:detail", pk=document.agreement_id)


class NetworkView(LoginRequiredMixin, View):
    """ "Jejaring kerja sama": organisation pairs with their number of agreements, and the same as an SVG circle."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = NetworkFilterForm(request.GET)
        filters = form.cleaned_data if form.is_valid() else {}
        network = selectors.agreement_network(
            actor=request.user,
            kind=filters.get("kind", ""),
            region=(filters.get("region") or "").strip(),
            include_ended=bool(filters.get("include_ended")),
        )
        organisations = [o for pair in network.pairs for o in (pair.first, pair.second)]
        ids = {o.pk for o in organisations}
        context = {
            "regency_names": regency_names(o.regency_code for o in organisations),
            "form": form,
            "network": network,
            "openable": selectors.visible_organisation_ids(actor=request.user, ids=ids),
            "regencies": _regencies(services.actor_provinces(request.user)),
            "kinds": OrganisationKind.choices,
        }
        return render(request, "partnerships/network.html", context)
