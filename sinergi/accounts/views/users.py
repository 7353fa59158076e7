"""User management for administrators, within their scope (superusers: everyone; province admins: their province)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sinergi.core.pagination import paginate

from .. import services
from ..forms import MembershipForm, ProfileForm, UserCreateForm, UserSearchForm
from ..models import Membership, User
from ..scope import managed_provinces
from ..selectors import grantable_organisations, user_list
from ._helpers import form_errors_from
from .two_factor import two_factor_status


class UserManagerMixin(LoginRequiredMixin):
    """Only users who may manage someone get in; everyone else gets 403."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated and managed_provinces(request.user) == []:
            raise PermissionDenied(_("Anda tidak berwenang mengelola pengguna."))
        return super().dispatch(request, *args, **kwargs)

    def managed_user(self, pk: int) -> User:
        # Out of scope looks the same as missing, so the page does not reveal who exists elsewhere.
        return get_object_or_404(user_list(actor=self.request.user), pk=pk)


class UserListView(UserManagerMixin, View):
    """The users the administrator manages, searchable, with their roles."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = UserSearchForm(request.GET)
        filters = form.cleaned_data if form.is_valid() else {}
        users = user_list(actor=request.user, search=filters.get("q", ""), status=filters.get("status", ""))
        page = paginate(request, users)
        template = "accounts/users/list.html#results" if request.htmx else "accounts/users/list.html"
        return render(request, template, {"form": form, "page": page})


class UserCreateView(UserManagerMixin, View):
    """A new user with a first role; they receive an e-mail to set their own password."""

    template_name = "accounts/users/create.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": UserCreateForm(actor=request.user)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UserCreateForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                user = services.user_create(actor=request.user, request=request, **form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Pengguna %(user)s dibuat. Tautan untuk membuat kata sandi telah dikirim ke %(email)s.")
                    % {"user": user, "email": user.email},
                )
                return redirect("accounts:user_edit", pk=user.pk)
        return render(request, self.template_name, {"form": form})


class UserEditView(UserManagerMixin, View):
    """One managed user: profile fields, roles (add/remove), status, two-factor reset."""

    template_name = "accounts/users/edit.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = self.managed_user(pk)
        return self.render(user, ProfileForm(instance=user), MembershipForm(actor=request.user))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = self.managed_user(pk)
        form = ProfileForm(request.POST, instance=User.objects.get(pk=user.pk))
        if form.is_valid():
            try:
                services.user_update(actor=request.user, user=user, request=request, **form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Data pengguna telah disimpan."))
                return redirect("accounts:user_edit", pk=user.pk)
        return self.render(user, form, MembershipForm(actor=request.user))

    def render(
        self, user: User, form: ProfileForm, membership_form: MembershipForm, template: str = ""
    ) -> HttpResponse:
        context = {
            "managed": user,
            "form": form,
            "membership_form": membership_form,
            "memberships": user.memberships.select_related("region", "organisation").order_by("role", "id"),
            **two_factor_status(user),
        }
        return render(self.request, template or self.template_name, context)


class MembershipAddView(UserEditView):
    """Grants a role (POST); with HTMX only the roles section is redrawn."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return redirect("accounts:user_edit", pk=pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = self.managed_user(pk)
        membership_form = MembershipForm(request.POST, actor=request.user)
        if membership_form.is_valid():
            try:
                services.membership_add(actor=request.user, user=user, request=request, **membership_form.cleaned_data)
            except ValidationError as error:
                form_errors_from(membership_form, error)
            except PermissionDenied as error:
                membership_form.add_error(None, str(error))
            else:
                if not request.htmx:
                    messages.success(request, _("Peran telah ditambahkan."))
                    return redirect("accounts:user_edit", pk=user.pk)
                membership_form = MembershipForm(actor=request.user)
        partial = "accounts/users/edit.html#memberships" if request.htmx else ""
        return self.render(user, ProfileForm(instance=user), membership_form, template=partial)


class MembershipRemoveView(UserEditView):
    """Takes a role away (POST); with HTMX only the roles section is redrawn."""

    def get(self, request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
        return redirect("accounts:user_edit", pk=pk)

    def post(self, request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
        user = self.managed_user(pk)
        membership = get_object_or_404(Membership, pk=membership_pk, user=user)
        try:
            services.membership_remove(actor=request.user, membership=membership, request=request)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
        else:
            messages.success(request, _("Peran telah dicabut."))
        if request.htmx:
            return self.render(
                user,
                ProfileForm(instance=user),
                MembershipForm(actor=request.user),
                "accounts/users/edit.html#memberships",
            )
        return redirect("accounts:user_edit", pk=user.pk)


class UserActionView(UserManagerMixin, View):
    """A one-button action on a managed user (POST): deactivate, reactivate, reset two-factor, resend invitation."""

    action: str = ""
    success_messages = {
        "user_deactivate": gettext_lazy("Pengguna telah dinonaktifkan."),
        "user_reactivate": gettext_lazy("Pengguna telah diaktifkan kembali."),
        "user_two_factor_reset": gettext_lazy("Verifikasi dua langkah pengguna telah diatur ulang."),
        "user_invitation_resend": gettext_lazy("Undangan telah dikirim ulang."),
    }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return redirect("accounts:user_edit", pk=pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = self.managed_user(pk)
        service = getattr(services, self.action)
        try:
            service(actor=request.user, user=user, request=request)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
        else:
            messages.success(request, self.success_messages[self.action])
        return redirect("accounts:user_edit", pk=user.pk)


class OrganisationOptionsView(UserManagerMixin, View):
    """HTMX: the <option>s of the LKS select, narrowed by a search term."""

    def get(self, request: HttpRequest) -> HttpResponse:
        organisations = grantable_organisations(actor=request.user, search=request.GET.get("org_q", "").strip())[:50]
        return render(request, "accounts/users/_organisation_options.html", {"organisations": organisations})
