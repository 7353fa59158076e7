"""Forms of the meeting pages; they only shape input — the services check it again and decide."""

import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sinergi.core.phones import phone_widget
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation

from .choices import ActionStatus, MeetingKind, MeetingZone, ParticipantRole
from .models import Decision, Meeting
from .services import DaySpec

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MAX_DAYS = 14


def area_organisations(meeting: Meeting) -> QuerySet[Organisation]:
    """Organisations a meeting may invite or give action items to: those in the organiser's province that are not
    inactive (a kabupaten/kota board's meeting reaches the whole province too: partners cross borders)."""
    return (
        Organisation.objects.filter(province_code=meeting.province_code)
        .exclude(status=OrganisationStatus.INACTIVE)
        .order_by("kind", "regency_code", "name")
    )


class MeetingForm(forms.Form):
    """A meeting's particulars; its days are a run of consecutive dates with the same hours."""

    organiser = forms.ModelChoiceField(label=_("Penyelenggara"), queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label=_("Jenis rapat"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200)
    first_day = forms.DateField(label=_("Tanggal mulai"), widget=DATE_WIDGET)
    last_day = forms.DateField(
        label=_("Tanggal selesai"), widget=DATE_WIDGET, required=False, help_text=_("Kosongkan bila rapat satu hari.")
    )
    starts_at = forms.TimeField(
        label=_("Jam mulai"),
        widget=TIME_WIDGET,
        initial=datetime.time(9, 0),
        # MeetingDay.hours names this clock to every invitee, wherever they are.
        help_text=_("Jam menurut zona waktu di bawah; undangan menyebut zonanya (WIB, WITA, atau WIT)."),
    )
    ends_at = forms.TimeField(label=_("Jam selesai"), widget=TIME_WIDGET, initial=datetime.time(16, 0))
    time_zone = forms.ChoiceField(
        label=_("Zona waktu"),
        choices=[("", _("Zona provinsi penyelenggara"))] + MeetingZone.choices,
        required=False,
        help_text=_("Pilih zona lain bila rapat diadakan di provinsi dengan zona waktu lain."),
    )
    venue = forms.CharField(label=_("Tempat"), max_length=300, required=False)
    online_link = forms.URLField(label=_("Tautan rapat daring"), required=False, assume_scheme="https")
    description = forms.CharField(label=_("Keterangan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, organisers: QuerySet[Organisation] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organisers is None:
            del self.fields["organiser"]
        else:
            self.fields["organiser"].queryset = organisers

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day") or data.get("first_day")
        if first and last:
            if last < first:
                self.add_error("last_day", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
            elif (last - first).days >= MAX_DAYS:
                self.add_error("last_day", _("Rapat paling lama %(n)s hari.") % {"n": MAX_DAYS})
        return data

    def day_specs(self) -> list[DaySpec]:
        data = self.cleaned_data
        first, last = data["first_day"], data.get("last_day") or data["first_day"]
        return [
            DaySpec(date=first + datetime.timedelta(days=n), starts_at=data["starts_at"], ends_at=data["ends_at"])
            for n in range((last - first).days + 1)
        ]

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        days = list(meeting.days.all())
        return {
            "kind": meeting.kind,
            "title": meeting.title,
            "first_day": meeting.starts_on,
            "last_day": meeting.ends_on if meeting.ends_on != meeting.starts_on else None,
            "starts_at": days[0].starts_at if days else None,
            "ends_at": days[0].ends_at if days else None,
            "venue": meeting.venue,
            "time_zone": meeting.time_zone,
            "online_link": meeting.online_link,
            "description": meeting.description,
        }


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Acara"), max_length=300)
    presenter = forms.CharField(label=_("Penyaji"), max_length=200, required=False)


class ParticipantForm(forms.Form):
    """One invitee typed in by the organiser."""

    name = forms.CharField(label=_("Nama"), max_length=150)
    email = forms.EmailField(label=_("Surel"), required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=30, required=False, widget=phone_widget())
    organisation = forms.ModelChoiceField(
        label=_("Organisasi"), queryset=Organisation.objects.none(), required=False, empty_label=_("—")
    )
    role = forms.ChoiceField(label=_("Peran"), choices=ParticipantRole.choices, initial=ParticipantRole.PARTICIPANT)

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = area_organisations(meeting)


class InviteOrganisationsForm(forms.Form):
    """Whole organisations at once: the people acting for each become participants."""

    boards = forms.ModelMultipleChoiceField(
        label=_("LKKKS"), queryset=Organisation.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    others = forms.ModelMultipleChoiceField(
        label=_("LKS dan organisasi lain"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Tahan Ctrl (atau Cmd) untuk memilih beberapa."),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        area = area_organisations(meeting)
        self.fields["boards"].queryset = area.filter(kind=OrganisationKind.LKKKS).order_by("regency_code", "name")
        self.fields["others"].queryset = area.filter(~Q(kind=OrganisationKind.LKKKS))

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("boards") and not data.get("others"):
            raise forms.ValidationError(_("Pilih sedikitnya satu organisasi."))
        return data

    def organisations(self) -> list[Organisation]:
        return [*self.cleaned_data.get("boards", []), *self.cleaned_data.get("others", [])]


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Keputusan"), widget=forms.Textarea(attrs={"rows": 2}))


class ActionItemForm(forms.Form):
    description = forms.CharField(label=_("Tindak lanjut"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(label=_("Penanggung jawab"), queryset=Organisation.objects.none())
    due_on = forms.DateField(label=_("Batas waktu"), widget=DATE_WIDGET, required=False)
    decision = forms.ModelChoiceField(
        label=_("Berdasarkan keputusan"), queryset=Decision.objects.none(), required=False, empty_label=_("—")
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = area_organisations(meeting)
        self.fields["decision"].queryset = meeting.decisions.all()


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    note = forms.CharField(label=_("Catatan"), max_length=500, required=False)


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Catatan tinjauan"), widget=forms.Textarea(attrs={"rows": 2}))
    status = forms.ChoiceField(
        label=_("Status baru"), choices=[("", _("(tetap)")), *ActionStatus.choices], required=False
    )


class MinutesForm(forms.Form):
    text = forms.CharField(label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 16}))
