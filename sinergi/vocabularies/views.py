"""Administration pages of the controlled vocabularies (province admins and superusers only)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from sinergi.core.errors import ValidationError

from .forms import TermCreateForm, TermForm
from .models import Term, Vocabulary
from .selectors import term_get, term_list, vocabulary_admin_allowed, vocabulary_overview
from .services import term_activate, term_create, term_deactivate, term_delete, term_update


class VocabularyAdminMixin(LoginRequiredMixin):
    """Anonymous users go to the login page; signed-in users who are not province admins get 403."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated and not vocabulary_admin_allowed(request.user):
            raise PermissionDenied(_("Hanya admin provinsi yang boleh mengelola kosakata."))
        return super().dispatch(request, *args, **kwargs)

    def get_term(self) -> Term:
        try:
            return term_get(actor=self.request.user, pk=self.kwargs["pk"])
        except Term.DoesNotExist as error:
            raise Http404(_("Istilah tidak ditemukan.")) from error


def _vocabulary_or_404(code: str) -> Vocabulary:
    if code not in Vocabulary.values:
        raise Http404(_("Kosakata tidak dikenal."))
    return Vocabulary(code)


def _apply_errors(form, error: ValidationError) -> None:
    """Puts a service's refusal on the form, per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


class VocabularyListView(VocabularyAdminMixin, View):
    """Every vocabulary with its number of items."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "vocabularies/list.html", {"vocabularies": vocabulary_overview(actor=request.user)})


class VocabularyDetailView(VocabularyAdminMixin, View):
    """The items of one vocabulary: code, labels, legal source, active flag and where each is used."""

    def get(self, request: HttpRequest, vocabulary: str) -> HttpResponse:
        vocab = _vocabulary_or_404(vocabulary)
        terms = term_list(actor=request.user, vocabulary=vocab)
        return render(request, "vocabularies/detail.html", {"vocabulary": vocab, "terms": terms})


class TermCreateView(VocabularyAdminMixin, View):
    """Adds an item to a vocabulary."""

    def get(self, request: HttpRequest, vocabulary: str) -> HttpResponse:
        vocab = _vocabulary_or_404(vocabulary)
        return self._render(request, vocab, TermCreateForm())

    def post(self, request: HttpRequest, vocabulary: str) -> HttpResponse:
        vocab = _vocabulary_or_404(vocabulary)
        form = TermCreateForm(request.POST)
        if form.is_valid():
            try:
                term = term_create(actor=request.user, vocabulary=vocab, request=request, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("“%(label)s” ditambahkan.") % {"label": term.label_id})
                return redirect("vocabularies:detail", vocabulary=vocab)
        return self._render(request, vocab, form, status=400)

    def _render(self, request, vocab, form, status: int = 200) -> HttpResponse:
        context = {"vocabulary": vocab, "form": form, "term": None}
        return render(request, "vocabularies/term_form.html", context, status=status)


class TermUpdateView(VocabularyAdminMixin, View):
    """Edits an item's labels, legal source, sort order and attributes."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        term = self.get_term()
        return self._render(request, term, TermForm(instance=term))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        term = self.get_term()
        # A copy for the form, so that a refused edit does not leave the new values on the term shown.
        form = TermForm(request.POST, instance=Term.objects.get(pk=term.pk))
        if form.is_valid():
            try:
                term_update(actor=request.user, term=term, request=request, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("“%(label)s” disimpan.") % {"label": term.label_id})
                return redirect("vocabularies:detail", vocabulary=term.vocabulary)
        return self._render(request, term, form, status=400)

    def _render(self, request, term, form, status: int = 200) -> HttpResponse:
        context = {"vocabulary": Vocabulary(term.vocabulary), "form": form, "term": term}
        return render(request, "vocabularies/term_form.html", context, status=status)


class TermDeactivateView(VocabularyAdminMixin, View):
    """Stops offering an item for new data (POST only)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        term = term_deactivate(actor=request.user, term=self.get_term(), request=request)
        messages.success(request, _("“%(label)s” dinonaktifkan.") % {"label": term.label_id})
        return redirect("vocabularies:detail", vocabulary=term.vocabulary)


class TermActivateView(VocabularyAdminMixin, View):
    """Offers a deactivated item again (POST only)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        term = term_activate(actor=request.user, term=self.get_term(), request=request)
        messages.success(request, _("“%(label)s” diaktifkan kembali.") % {"label": term.label_id})
        return redirect("vocabularies:detail", vocabulary=term.vocabulary)


class TermDeleteView(VocabularyAdminMixin, View):
    """Asks for confirmation, then deletes an unused item; a used one is refused with the places it is used."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        term = self.get_term()
        return render(
            request, "vocabularies/term_delete.html", {"term": term, "vocabulary": Vocabulary(term.vocabulary)}
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        term = self.get_term()
        try:
            term_delete(actor=request.user, term=term, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("“%(label)s” dihapus.") % {"label": term.label_id})
        return redirect("vocabularies:detail", vocabulary=term.vocabulary)
