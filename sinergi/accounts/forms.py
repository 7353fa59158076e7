"""Forms for accounts: they only collect and clean input; the rules live in services/."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sinergi.core.phones import phone_widget
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region

from .models import Role, User
from .selectors import grantable_organisations, grantable_regions


class LoginForm(AuthenticationForm):
    """Username and password, with a failure message that explains the lockout rule."""

    error_messages = {
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah (huruf besar dan kecil dibedakan). Setelah %(limit)s kali gagal "
            "berturut-turut, akun dikunci sementara selama %(minutes)s menit."
        ),
        "inactive": _("Akun ini nonaktif. Hubungi admin provinsi."),
    }

    def __init__(self, request=None, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")

    def get_invalid_login_error(self) -> forms.ValidationError:
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"limit": settings.AXES_FAILURE_LIMIT, "minutes": int(settings.AXES_COOLOFF_TIME * 60)},
        )


class TokenForm(forms.Form):
    """A six-digit code from the authenticator app."""

    token = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class ProfileForm(forms.ModelForm):
    """The fields a user may change about themselves."""

    preferred_language = forms.ChoiceField(label=_("Bahasa"), choices=settings.LANGUAGES)

    class Meta:
        model = User
        fields = ["full_name", "email", "phone", "preferred_language"]
        labels = {"email": _("Alamat surel")}
        widgets = {"phone": phone_widget()}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def validate_unique(self) -> None:
        """Uniqueness is checked by the service, with its own message."""


class OwnProfileForm(ProfileForm):
    """One's own profile: a new e-mail address needs the current password (the address is where a forgotten
    password's link goes, so an unattended session must not be able to change it)."""

    password = forms.CharField(
        label=_("Kata sandi saat ini"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Diperlukan hanya bila Anda mengubah alamat surel."),
    )


class MembershipFieldsMixin(forms.Form):
    """Role plus the region or LKS it is bound to, limited to what the actor may grant."""

    role = forms.ChoiceField(label=_("Peran"), choices=Role.choices)
    region = forms.ModelChoiceField(
        label=_("Wilayah"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("Untuk admin provinsi, pengurus LKKKS kabupaten/kota, dan Dinas Sosial."),
    )
    organisation = forms.ModelChoiceField(
        label=_("LKS"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Untuk operator LKS."),
    )

    def set_actor(self, actor: "User") -> None:
        self.fields["region"].queryset = grantable_regions(actor=actor)
        self.fields["organisation"].queryset = grantable_organisations(actor=actor)
        self.fields["region"].label_from_instance = lambda r: f"{r.name} ({r.code})"


class MembershipForm(MembershipFieldsMixin):
    """Adds one role to an existing user."""

    def __init__(self, *args, actor: "User", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.set_actor(actor)


class UserCreateForm(MembershipFieldsMixin, forms.ModelForm):
    """A new user with their first role."""

    preferred_language = forms.ChoiceField(label=_("Bahasa"), choices=settings.LANGUAGES, initial="id")

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "phone", "preferred_language"]
        labels = {"username": _("Nama pengguna"), "email": _("Alamat surel")}
        widgets = {"phone": phone_widget()}
        help_texts = {"username": _("Huruf, angka, dan @ . + - _ saja; tanpa spasi.")}

    def __init__(self, *args, actor: "User", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.set_actor(actor)
        self.fields["email"].required = True

    def validate_unique(self) -> None:
        """Uniqueness is checked by the service, with its own message."""


class UserSearchForm(forms.Form):
    """Filters of the user list."""

    q = forms.CharField(label=_("Cari"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), ("active", _("Aktif")), ("inactive", _("Nonaktif"))],
    )
