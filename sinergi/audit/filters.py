"""The audit log's filters: by kind of action, actor, day and type of object."""

import datetime

import django_filters
from django.apps import apps
from django.core.validators import RegexValidator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# Sign-in and the account's own security, as opposed to managing users and their roles.
_ACCOUNT_SECURITY = (
    Q(
        action__in=[
            "accounts.user.logged_in",
            "accounts.user.logged_out",
            "accounts.user.login_failed",
            "accounts.user.locked_out",
            "accounts.user.password_changed",
            "accounts.user.password_reset",
            "accounts.user.password_reset_requested",
        ]
    )
    | Q(action__startswith="accounts.user.two_factor_")
    | Q(action__startswith="accounts.token.")
)

# The kinds of action a reader looks for, each a condition on the action code; a code may belong to two (an LKS
# export is under "Ekspor" and under "LKS dan LKKKS"). Every app's codes start with the app's name.
ACTION_GROUPS: dict[str, tuple[object, Q]] = {
    "import": (_("Impor"), Q(action__startswith="exchange.import.")),
    "export": (
        _("Ekspor"),
        Q(action__endswith=".exported") | Q(action__endswith=".downloaded") | Q(action__startswith="exchange.export."),
    ),
    "sign_in": (_("Masuk dan keamanan akun"), _ACCOUNT_SECURITY),
    "users": (_("Pengguna dan peran"), Q(action__startswith="accounts.") & ~_ACCOUNT_SECURITY),
    "organisations": (_("LKS dan LKKKS"), Q(action__startswith="organisations.")),
    "people": (_("Penerima layanan dan pekerja sosial"), Q(action__startswith="people.")),
    "referrals": (_("Rujukan"), Q(action__startswith="referrals.")),
    "meetings": (_("Rapat"), Q(action__startswith="meetings.")),
    "partnerships": (_("Kerja sama"), Q(action__startswith="partnerships.")),
    "vocabularies": (_("Kosakata"), Q(action__startswith="vocabularies.")),
    "statistics": (_("Statistik dan laporan"), Q(action__startswith="statistics.")),
}


def object_type_choices() -> list[tuple[str, str]]:
    """Every model of Sinergi's own apps that has a name for people, by that name: from the app registry, so the
    form costs no query over a table of millions of events (a DISTINCT would read all of them)."""
    models = [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("sinergi.")
        for model in config.get_models()
        if model._meta.label_lower != "audit.auditevent"
        # Models named for people (an Indonesian verbose_name); the rest are internal tables (summaries, clocks)
        # that no event is about.
        and "verbose_name" in model._meta.original_attrs
    ]
    return sorted(
        ((model._meta.label_lower, capfirst(str(model._meta.verbose_name))) for model in models),
        key=lambda choice: choice[1].lower(),
    )


def _start_of(day: datetime.date) -> datetime.datetime:
    """Local midnight: the days of the filter are the reader's days, not UTC's."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class AuditEventFilterSet(django_filters.FilterSet):
    group = django_filters.ChoiceFilter(
        label=_("Jenis tindakan"),
        choices=[(key, label) for key, (label, _condition) in ACTION_GROUPS.items()],
        method="filter_group",
        empty_label=_("Semua"),
    )
    action = django_filters.CharFilter(label=_("Kode tindakan"), method="filter_action")
    actor = django_filters.CharFilter(label=_("Pelaku"), method="filter_actor")
    date_from = django_filters.DateFilter(label=_("Dari tanggal"), method="filter_date_from")
    date_to = django_filters.DateFilter(label=_("Sampai tanggal"), method="filter_date_to")
    object_type = django_filters.ChoiceFilter(
        label=_("Jenis objek"), choices=object_type_choices, empty_label=_("Semua"), method="filter_object_type"
    )
    # With the type: one object's trail ("penerima layanan #2999"); a client's also through the events of its
    # stays, consents, referrals and duplicates that name it in their data. "#2999" is read as 2999.
    object_id = django_filters.CharFilter(
        label=_("Nomor objek"),
        method="filter_object_id",
        validators=[RegexValidator(r"^\s*#?\s*\d{1,18}\s*$", _("Tulis nomor objek dengan angka saja, misalnya 2999."))],
    )

    class Meta:
        fields = ["group", "action", "actor", "date_from", "date_to", "object_type", "object_id"]

    def _client_trail(self) -> bool:
        return self.form.cleaned_data.get("object_type") == "people.person" and bool(
            self.form.cleaned_data.get("object_id")
        )

    def filter_object_type(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A client's trail takes in its other records' events too (filter_object_id).
        return queryset if self._client_trail() else queryset.filter(object_type=value)

    def filter_object_id(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        number = value.strip().lstrip("#").strip()
        if self._client_trail():
            # JSON lookups scan the events' data; the log's other filters (days, actor) narrow them first.
            named = Q(data__person=int(number)) | Q(data__kept=int(number)) | Q(data__retired=int(number))
            return queryset.filter(Q(object_type="people.person", object_id=number) | named)
        return queryset.filter(object_id=number)

    def filter_group(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(ACTION_GROUPS[value][1])

    def filter_action(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A prefix of the code: "exchange.lks" finds the LKS exports and their downloads.
        return queryset.filter(action__startswith=value.strip())

    def filter_actor(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The account name is kept on the event, so a removed user's actions are still found by it.
        value = value.strip()
        return queryset.filter(Q(actor_name__icontains=value) | Q(actor__full_name__icontains=value))

    def filter_date_from(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return queryset.filter(occurred_at__gte=_start_of(value))

    def filter_date_to(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        # Through the whole of that day; a range on the column itself keeps its index usable (__date would not).
        return queryset.filter(occurred_at__lt=_start_of(value + datetime.timedelta(days=1)))
