"""The change history as a reader sees it: actions in words, fields by their labels, values as the pages show them.

Audit events keep codes (action names, field names, choice values, ids, UTC timestamps) so that they stay exact and
independent of the language; this module translates them at display time, for whichever model the event is about.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.models import Role
from sinergi.accounts.scope import Action, restrict
from sinergi.core.downloads import FREE_TEXT_FILTERS

from .models import AuditEvent

EMPTY = "—"

# What each audit action means to a reader; codes not listed here are read through their last part (VERB_LABELS).
ACTION_LABELS: dict[str, Any] = {
    "organisations.organisation.created": _lazy("Didaftarkan"),
    "organisations.organisation.updated": _lazy("Diubah"),
    "organisations.organisation.verified": _lazy("Diverifikasi"),
    "organisations.organisation.activated": _lazy("Diaktifkan"),
    "organisations.organisation.deactivated": _lazy("Dinonaktifkan"),
    "organisations.organisation.exported": _lazy("Diekspor"),
    "organisations.board_term.created": _lazy("Masa bakti ditambahkan"),
    "organisations.board_officer.added": _lazy("Pengurus ditambahkan"),
    "organisations.board_officer.removed": _lazy("Pengurus dihapus"),
    "organisations.board_member.added": _lazy("Anggota ditambahkan"),
    "organisations.board_member.ended": _lazy("Keanggotaan diakhiri"),
    "people.worker.created": _lazy("Didaftarkan"),
    "people.worker.updated": _lazy("Diubah"),
    "people.worker.ended": _lazy("Berhenti bertugas"),
    "partnerships.agreement.created": _lazy("Dicatat"),
    "partnerships.agreement.updated": _lazy("Diubah"),
    "partnerships.agreement.activated": _lazy("Dinyatakan berlaku"),
    "partnerships.agreement.terminated": _lazy("Diakhiri"),
    "partnerships.agreement.expired": _lazy("Habis masa berlaku (otomatis)"),
    "partnerships.document.uploaded": _lazy("Dokumen diunggah"),
    "partnerships.document.deleted": _lazy("Dokumen dihapus"),
    "referrals.intake.changed": _lazy("Ketentuan penerimaan diubah"),
    # Read in the audit log, where the object alone does not say what was imported or exported.
    "exchange.import.checked": _lazy("Impor: uji coba"),
    "exchange.import.succeeded": _lazy("Impor: disimpan"),
    "exchange.import.refused": _lazy("Impor: ditolak"),
    "exchange.import.cancelled": _lazy("Impor: dibatalkan"),
    "exchange.import.failed": _lazy("Impor: gagal"),
    "exchange.import.interrupted": _lazy("Impor: terputus"),
    "exchange.import.report_downloaded": _lazy("Impor: laporan diunduh"),
    "exchange.import.upload_refused": _lazy("Impor: file ditolak saat diunggah"),
    "exchange.lks.exported": _lazy("Ekspor data LKS"),
    "exchange.clients.exported": _lazy("Ekspor data penerima layanan"),
    "exchange.workers.exported": _lazy("Ekspor data pekerja sosial"),
    "exchange.lks.downloaded": _lazy("Unduhan ekspor data LKS"),
    "exchange.clients.downloaded": _lazy("Unduhan ekspor data penerima layanan"),
    "exchange.workers.downloaded": _lazy("Unduhan ekspor data pekerja sosial"),
    "exchange.export.cancelled": _lazy("Ekspor dibatalkan"),
    "exchange.export.interrupted": _lazy("Ekspor terputus"),
    "core.database.backed_up": _lazy("Cadangan basis data dibuat"),
    # Asked for: handed over at once when short, queued for the task worker when long (then downloaded below).
    "statistics.report.exported": _lazy("Laporan PDF diminta"),
    "statistics.report.downloaded": _lazy("Unduhan laporan PDF"),
    "statistics.table.exported": _lazy("Tabel statistik diunduh"),
    "access.refused": _lazy("Akses ditolak"),
    "audit.log.exported": _lazy("Log audit diekspor"),
    "accounts.user.logged_in": _lazy("Masuk"),
    "accounts.user.logged_out": _lazy("Keluar"),
    "accounts.user.login_failed": _lazy("Gagal masuk"),
    "accounts.user.locked_out": _lazy("Akun dikunci sementara"),
    "accounts.user.password_changed": _lazy("Kata sandi diubah"),
    "accounts.user.password_reset": _lazy("Kata sandi diatur ulang"),
    "accounts.user.password_reset_requested": _lazy("Tautan kata sandi baru diminta"),
    "accounts.user.two_factor_enabled": _lazy("Verifikasi dua langkah diaktifkan"),
    "accounts.user.two_factor_verified": _lazy("Verifikasi dua langkah berhasil"),
    "accounts.user.two_factor_failed": _lazy("Verifikasi dua langkah gagal"),
    "accounts.user.two_factor_disabled": _lazy("Verifikasi dua langkah dimatikan"),
    "accounts.user.two_factor_reset": _lazy("Verifikasi dua langkah diatur ulang"),
    "accounts.user.invitation_sent": _lazy("Undangan akun dikirim"),
    "accounts.user.reactivated": _lazy("Diaktifkan kembali"),
    "accounts.token.revoked": _lazy("Token API dicabut"),
    "people.person.restricted": _lazy("Pemrosesan dibatasi"),
    "people.person.unrestricted": _lazy("Pembatasan pemrosesan dicabut"),
    "people.person.erased": _lazy("Data pribadi dihapus"),
    "people.person.subject_access_exported": _lazy("Salinan data untuk pemilik data diunduh"),
    "people.consent.recorded": _lazy("Persetujuan dicatat"),
    "people.consent.withdrawn": _lazy("Persetujuan ditarik"),
    "people.consent.withdrawal_corrected": _lazy("Tanggal penarikan persetujuan dikoreksi"),
    "people.duplicate.flagged": _lazy("Ditandai kemungkinan data ganda"),
    "people.duplicate.resolved": _lazy("Kemungkinan data ganda diputuskan"),
    "people.duplicate.merged": _lazy("Data ganda digabungkan"),
    "people.duplicate.reopened": _lazy("Kandidat data ganda dibuka lagi untuk digabungkan"),
    "people.incident.reported": _lazy("Insiden dilaporkan"),
    "people.placement.discharged": _lazy("Keluar dari LKS"),
    "people.placement.corrected": _lazy("Data penempatan diperbaiki"),
    "people.placement.reviewed": _lazy("Rencana pengasuhan ditinjau"),
    "people.placement.stage_changed": _lazy("Tahap kasus diubah"),
    "people.placement.transferred": _lazy("Dipindahkan ke LKS lain"),
    "referrals.referral.sent": _lazy("Rujukan dikirim"),
    "referrals.referral.accepted": _lazy("Rujukan diterima"),
    "referrals.referral.declined": _lazy("Rujukan ditolak"),
    "referrals.referral.completed": _lazy("Rujukan selesai"),
    "referrals.referral.cancelled": _lazy("Rujukan dibatalkan"),
    "referrals.referral.escalated": _lazy("Rujukan dinaikkan (melewati batas waktu)"),
    "meetings.meeting.status_changed": _lazy("Status rapat diubah"),
    "meetings.invitations.sent": _lazy("Undangan rapat dikirim"),
    "meetings.participant.organisations_invited": _lazy("Organisasi diundang"),
    "meetings.participant.rsvp": _lazy("Konfirmasi kehadiran"),
    "meetings.attendance.recorded": _lazy("Kehadiran dicatat"),
    "meetings.attendance.self_checked_in": _lazy("Hadir (pindai QR sendiri)"),
    "meetings.attendance.printed": _lazy("Daftar hadir dicetak"),
    "meetings.minutes.saved": _lazy("Notulen disimpan"),
    "meetings.minutes.approved": _lazy("Notulen disahkan"),
    "meetings.minutes.status_changed": _lazy("Status notulen diubah"),
    "meetings.action_item.status_changed": _lazy("Status tindak lanjut diubah"),
    "meetings.action_item.reviewed": _lazy("Tindak lanjut ditinjau"),
    # manage.py rotate_field_keys: the stored NIKs, KKs and corrections encrypted anew under the first field key.
    "core.field_keys.rotated": _lazy("Kunci enkripsi NIK diganti: data dienkripsi ulang"),
}
VERB_LABELS: dict[str, Any] = {
    "created": _lazy("Dibuat"),
    "updated": _lazy("Diubah"),
    "changed": _lazy("Diubah"),
    "deleted": _lazy("Dihapus"),
    "added": _lazy("Ditambahkan"),
    "removed": _lazy("Dihapus"),
    "exported": _lazy("Diekspor"),
    "downloaded": _lazy("Diunduh"),
    "activated": _lazy("Diaktifkan"),
    "deactivated": _lazy("Dinonaktifkan"),
    "verified": _lazy("Diverifikasi"),
    "ended": _lazy("Diakhiri"),
}

# Keys of an event's extra data (`data`) and the few coded values they carry.
DATA_LABELS: dict[str, Any] = {
    "format": _lazy("Format"),
    "report": _lazy("Laporan"),
    "via": _lazy("Melalui"),
    "import_job": _lazy("Melalui impor nomor"),
    "by": _lazy("Oleh"),
    "member": _lazy("Anggota"),
    "officer": _lazy("Pengurus"),
    "position": _lazy("Jabatan"),
    "term": _lazy("Masa bakti"),
    "decree_number": _lazy("Nomor SK"),
    "document": _lazy("Dokumen"),
    "kind": _lazy("Jenis"),
    # Sign-in events: the name typed is kept only when it is an account's (accounts.services.login_failure_record).
    "username": _lazy("Nama pengguna"),
    "username_unknown": _lazy("Nama pengguna tidak dikenal"),
    "locked_out": _lazy("Akun terkunci"),
    "failures": _lazy("Jumlah kegagalan"),
    # A password-reset request: the address as typed, masked; whether an account has it is not recorded.
    "email_masked": _lazy("Alamat surel (disamarkan)"),
    # Clients, their stays, consents, referrals and imports (ids are numbers: the log names people by number).
    "fields": _lazy("Yang diubah"),
    "person": _lazy("Data penerima layanan"),
    "other": _lazy("Data lain yang mirip"),
    "kept": _lazy("Data yang dipertahankan"),
    "retired": _lazy("Data yang digabungkan ke dalamnya"),
    "merged_records": _lazy("Data gabungan yang ikut dihapus"),
    "import_jobs_purged": _lazy("Impor yang file dan daftarnya ikut dihapus"),
    "export_jobs_purged": _lazy("Ekspor yang filenya ikut dihapus"),
    "placement": _lazy("Penempatan"),
    "new_placement": _lazy("Penempatan baru"),
    "from_placement": _lazy("Penempatan asal"),
    "stays_moved": _lazy("Penempatan dipindahkan"),
    "stays_removed": _lazy("Penempatan ganda dihapus"),
    "consent": _lazy("Persetujuan"),
    "review": _lazy("Tinjauan"),
    "organisation": _lazy("LKS"),
    "from": _lazy("Dari"),
    "to": _lazy("Ke"),
    "to_regency": _lazy("Kabupaten/kota tujuan"),
    "on": _lazy("Tanggal"),
    "admitted_on": _lazy("Tanggal masuk"),
    "discharged_on": _lazy("Tanggal keluar"),
    "reviewed_on": _lazy("Tanggal tinjauan"),
    "due_at": _lazy("Batas waktu"),
    "ppks_category": _lazy("Kategori PPKS"),
    "setting": _lazy("Bentuk layanan"),
    "child": _lazy("Anak"),
    "reason": _lazy("Alasan"),
    "subject_asked": _lazy("Atas permintaan yang bersangkutan atau walinya"),
    "shared": _lazy("Data yang dibagikan"),
    "urgency": _lazy("Tingkat kedaruratan"),
    "vital_interest": _lazy("Demi kepentingan vital"),
    "given_by": _lazy("Diberikan oleh"),
    "legal_basis": _lazy("Dasar pemrosesan"),
    "authorised_by": _lazy("Disetujui oleh"),
    # The rotation of the field keys (core.field_keys.rotated): how many stored values it found in each state.
    "reencrypted": _lazy("Dienkripsi ulang"),
    "current": _lazy("Sudah dengan kunci pertama"),
    "unreadable": _lazy("Tidak dapat dibuka"),
    "filled": _lazy("Isian yang dilengkapi"),
    "candidates_closed": _lazy("Kandidat lain yang ditutup"),
    "late": _lazy("Ditemukan kemudian"),
    "merged": _lazy("Digabungkan"),
    "note": _lazy("Catatan"),
    "recipients": _lazy("Diberi tahu"),
    "emailed": _lazy("Surel terkirim"),
    "os_user": _lazy("Akun sistem operasi server"),
    "sheet": _lazy("Lembar"),
    "saved": _lazy("Sudah disimpan"),
    "started": _lazy("Sudah dimulai"),
    # A role given or taken away.
    "membership_id": _lazy("Nomor peran"),
    "role": _lazy("Peran"),
    # Meetings, their agenda, attendance and follow-up.
    "meeting": _lazy("Rapat"),
    "title": _lazy("Judul"),
    "organiser": _lazy("Penyelenggara"),
    "days": _lazy("Hari rapat"),
    "day": _lazy("Hari rapat"),
    "carried_action_items": _lazy("Tindak lanjut yang dibawa"),
    "owner": _lazy("Penanggung jawab"),
    "due_on": _lazy("Tenggat"),
    "number": _lazy("Nomor"),
    "length": _lazy("Panjang teks (karakter)"),
    "added": _lazy("Ditambahkan"),
    "removed": _lazy("Dihapus"),
    "present": _lazy("Hadir"),
    "as": _lazy("Sebagai"),
}
DATA_VALUES: dict[tuple[str, str], Any] = {
    ("via", "import"): _lazy("impor berkas"),
    ("report", "profile"): _lazy("profil LKS"),
    ("by", "system"): _lazy("Sistem"),
    ("via", "web"): _lazy("halaman web"),
    ("via", "api"): _lazy("API"),
    # A meeting's RSVP or self check-in through the invitee's link, without signing in: whoever holds the link.
    ("via", "link"): _lazy("tautan undangan, tanpa masuk"),
    ("via", "token"): _lazy("tautan undangan, tanpa masuk"),
    ("via", "command line"): _lazy("baris perintah"),
    ("entity", "lks"): _lazy("LKS"),
    ("entity", "clients"): _lazy("penerima layanan"),
    ("entity", "workers"): _lazy("pekerja sosial"),
    # The subject-access page opened, or its JSON copy downloaded (people.person.subject_access_exported).
    ("format", "page"): _lazy("halaman web"),
    ("format", "json"): _lazy("berkas JSON"),
}
# Coded values of an event's data in words, registered by the apps that define the codes (people, referrals), by
# key, and by (action, key) where one key means different things ("reason": a discharge's, a duplicate's).
DATA_CHOICES: dict[str, dict[str, Any]] = {"role": dict(Role.choices)}
ACTION_DATA_CHOICES: dict[tuple[str, str], dict[str, Any]] = {
    ("meetings.action_item.status_changed", "as"): {
        "organiser": _lazy("penyelenggara rapat"),
        "owner": _lazy("penanggung jawab"),
    },
    ("accounts.token.revoked", "reason"): {
        "user": _lazy("dicabut oleh pemiliknya"),
        "two_factor_reset": _lazy("verifikasi dua langkah diatur ulang"),
        "two_factor_role": _lazy("peran baru mewajibkan verifikasi dua langkah"),
        "change": _lazy("kata sandi diubah"),
        "reset": _lazy("kata sandi diatur ulang"),
    },
}
# Keys whose value is the id of an LKS (named in the log with one query for the page), of a client, or of another
# record (written as its number).
ORGANISATION_KEYS = {"organisation", "from", "to"}
NUMBERED_KEYS = {
    "membership_id",
    "person",
    "other",
    "kept",
    "retired",
    "merged_records",
    "import_jobs_purged",
    "export_jobs_purged",
    "placement",
    "new_placement",
    "from_placement",
    "stays_moved",
    "stays_removed",
    "consent",
    "review",
    "import_job",
}
# Free text an administrator wrote as the lawful ground of a restriction or an erasure: shown in the log (the
# province admin's only), a 16-digit number in it masked; the form asks not to name the person.
REASON_SHOWN = {"people.person.restricted", "people.person.unrestricted", "people.person.erased"}


def register_action_labels(labels: Mapping[str, Any]) -> None:
    """Called from the owning app (the exchange's entities, as they register): the words of action codes it makes
    up per kind of data. A code ACTION_LABELS lists already keeps its words."""
    for action, label in labels.items():
        ACTION_LABELS.setdefault(action, label)


def register_data_choices(key: str, choices: Iterable[tuple[str, Any]], *, actions: Iterable[str] = ()) -> None:
    """Called once from the owning app's AppConfig.ready(): the words of `key`'s codes, for every event or only
    for `actions`."""
    actions = list(actions)
    for action in actions:
        ACTION_DATA_CHOICES.setdefault((action, key), {}).update(choices)
    if not actions:
        DATA_CHOICES.setdefault(key, {}).update(choices)


# Data keys that list field names ("fields": of the event's own model), and the model of those that name another's
# (a merge, recorded on its candidate, fills fields of the kept client).
_FIELD_LIST_KEYS = {"fields", "filled"}
_FIELD_LIST_MODELS = {"filled": "people.person"}
# Checksums and byte counts mean nothing to a reader of the page; they stay in the audit log itself.
HIDDEN_DATA = {"sha256", "size", "email_key"}

_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ChangeRow:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class DetailRow:
    label: str
    value: str


@dataclass(frozen=True)
class HistoryEntry:
    """One audit event ready for a template: every part already in words."""

    occurred_at: datetime.datetime
    actor: str
    action: str
    changes: list[ChangeRow] = field(default_factory=list)
    details: list[DetailRow] = field(default_factory=list)


# What the subject-access event says by how the data was handed over: the page read, or the JSON copy downloaded.
SUBJECT_ACCESS = "people.person.subject_access_exported"
SUBJECT_ACCESS_LABELS: dict[str, Any] = {
    "page": _lazy("Data untuk pemilik data dilihat (halaman permintaan akses)"),
    "json": _lazy("Salinan data untuk pemilik data diunduh (JSON)"),
    # Written before the two were told apart: the page's opening and the download were recorded alike.
    "": _lazy("Data untuk pemilik data dilihat atau diunduh"),
}


def action_label(action: str, data: Mapping[str, Any] | None = None) -> str:
    """`organisations.organisation.verified` → "Diverifikasi"; an unknown code reads as its last part. `data` tells
    apart what one code records in two ways (the subject-access page viewed, or its copy downloaded)."""
    if action == SUBJECT_ACCESS:
        return str(SUBJECT_ACCESS_LABELS.get(str((data or {}).get("format") or ""), SUBJECT_ACCESS_LABELS[""]))
    if action in ACTION_LABELS:
        return str(ACTION_LABELS[action])
    verb = action.rsplit(".", 1)[-1]
    if verb in VERB_LABELS:
        return str(VERB_LABELS[verb])
    return verb.replace("_", " ").capitalize() or action


def audit_history(
    events: Iterable[AuditEvent],
    *,
    labels: Mapping[str, Any] | None = None,
    choices: Mapping[str, Iterable[tuple[Any, Any]]] | None = None,
    formatters: Mapping[str, Callable[[Any], str]] | None = None,
    hidden: Iterable[str] = (),
) -> list[HistoryEntry]:
    """The events as display rows. `labels`, `choices` and `formatters` cover keys that are not fields of the
    event's model (an officer's position code in `data`, a list of parties); model fields need nothing. `hidden`
    keys are left out (codes derived from another field that the history already shows in words).

    Related objects are named with one query per related field for the whole list, not one per event.
    """
    events = list(events)
    hidden_keys = set(hidden)
    resolver = _Resolver(events, labels or {}, choices or {}, formatters or {})
    resolver.organisations = _organisation_names(events)
    resolver.terms = _ppks_labels(events)
    return [
        HistoryEntry(
            occurred_at=event.occurred_at,
            actor=_actor(event),
            action=action_label(event.action, event.data),
            changes=[
                resolver.change(event, key, values)
                for key, values in resolver.in_order(event, event.changes or {})
                if key not in hidden_keys
            ],
            details=[
                DetailRow(label=resolver.data_label(key), value=resolver.event_value(event, key, value))
                for key, value in sorted((event.data or {}).items(), key=_data_order)
                if key not in HIDDEN_DATA
                and key not in hidden_keys
                and value not in (None, "", [])
                # Fields whose values the changes show already, before and after.
                and not (key == "fields" and not _unrecorded(event, value))
            ],
        )
        for event in events
    ]


# The purposes of access by their codes, registered by the app that defines them (people, listed after audit).
PURPOSE_LABELS: dict[str, Any] = {}


def register_purpose_labels(choices: Iterable[tuple[str, Any]]) -> None:
    """Called once from the owning app's AppConfig.ready()."""
    PURPOSE_LABELS.update(choices)


# The audit log's facts of an import or an export, first and in this order; other data follows by name.
LOG_DATA_LABELS: dict[str, Any] = {
    "file": _lazy("Berkas"),
    "file_type": _lazy("Jenis berkas"),
    "entity": _lazy("Data"),
    "format": _lazy("Format"),
    "dry_run": _lazy("Uji coba"),
    "rows": _lazy("Jumlah baris"),
    "created": _lazy("Dibuat"),
    "updated": _lazy("Diubah"),
    "unchanged": _lazy("Tidak berubah"),
    "refused_rows": _lazy("Baris ditolak"),
    "problems": _lazy("Jumlah masalah"),
    "warnings": _lazy("Peringatan"),
    "filters": _lazy("Saringan"),
    "report": _lazy("Laporan"),
    "region": _lazy("Wilayah"),
    "via": _lazy("Melalui"),
    "page": _lazy("Halaman"),
    "refusal": _lazy("Alasan penolakan"),
    "consents": _lazy("Persetujuan yang dicatat"),
    "corrected": _lazy("Penempatan diperbaiki"),
    "discharged": _lazy("Penempatan diakhiri"),
    "duplicate_candidates": _lazy("Kemungkinan data ganda"),
}
# The job is the event's object already; timings and checksums are for the people running the server.
# Free text ("reason" of a restriction or an erasure) may name a person: on the object's own page only, for those who
# may see it (the log names people by number).
# A "reason" is shown when it is a code (a discharge's, a duplicate's) or a restriction's or an erasure's ground
# (REASON_SHOWN); other free text stays out.
LOG_HIDDEN_DATA = HIDDEN_DATA | {"job", "seconds"}
_LOG_COUNTS = {
    "rows",
    "created",
    "updated",
    "unchanged",
    "refused_rows",
    "problems",
    "warnings",
    "consents",
    "corrected",
    "discharged",
    "duplicate_candidates",
}
# A refusal recorded without words: a bare PermissionDenied, which every view raises for a page outside the user's
# roles (records outside their area answer 404, unrecorded), and which the 403 page itself reads so.
REFUSAL_UNSAID = _lazy("halaman di luar peran pengguna")
UNRECORDED = _lazy("nilai tidak dicatat")


SEARCHED = _lazy("(kata pencarian)")


@dataclass(frozen=True)
class LogEntry:
    """One line of the audit log, every part in words but the code of the action, kept for searching."""

    occurred_at: datetime.datetime
    actor: str
    action: str
    code: str
    object_type: str
    object_repr: str
    purpose: str
    ip_address: str
    details: list[DetailRow] = field(default_factory=list)
    # The object's own page, when it has one and the reader may open it; else empty.
    url: str = ""


# The types of object whose page a log row links to: the page's URL name and the action its reader needs.
OBJECT_PAGES: dict[str, tuple[str, str]] = {
    "people.person": ("people:detail", Action.PERSON_VIEW),
    "people.worker": ("people:worker_detail", Action.PERSON_VIEW),
    "organisations.organisation": ("organisations:detail", Action.VIEW),
    "referrals.referral": ("referrals:detail", Action.PERSON_VIEW),
    "partnerships.agreement": ("partnerships:detail", Action.VIEW),
    "meetings.meeting": ("meetings:detail", Action.VIEW),
}


def object_pages(events: Iterable[AuditEvent], reader: Any) -> dict[tuple[str, str], str]:
    """{(object type, id): URL} of the events' objects that have a page `reader` may open: still stored (a client
    not erased) and in the reader's scope. One query per type of object on the list."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.object_type in OBJECT_PAGES and event.object_id.isdigit():
            wanted[event.object_type].add(int(event.object_id))
    urls: dict[tuple[str, str], str] = {}
    for label, ids in wanted.items():
        url_name, action = OBJECT_PAGES[label]
        model = apps.get_model(label)
        rows = model._default_manager.filter(pk__in=ids)
        if _has_field(model, "erased_at"):
            rows = rows.filter(erased_at__isnull=True)
        try:
            rows = restrict(rows, actor=reader, action=action)
        except LookupError:  # a type without a registered scope: no link rather than a guess
            continue
        for pk in rows.values_list("pk", flat=True):
            urls[(label, str(pk))] = reverse(url_name, args=[pk])
    return urls


def audit_log_entries(events: Iterable[AuditEvent], *, reader: Any = None) -> list[LogEntry]:
    """The events as lines of the audit log: what was done and its key facts (an import's counts and file, an
    export's format, rows and filters), and the names of the fields a change touched, not their values: those
    are on the object's own page, for those who may see it. Costs no query beyond the events (with their actor) but
    one for the LKS and one for the PPKS categories their data names by id or code, for the whole page. With a
    `reader`, each line links to its object's page when the reader may open it (object_pages)."""
    events = list(events)
    pages = object_pages(events, reader) if reader is not None else {}
    resolver = _Resolver([], LOG_DATA_LABELS, {}, dict.fromkeys(_LOG_COUNTS, _count) | {"filters": _filters})
    resolver.organisations = _organisation_names(events)
    resolver.terms = _ppks_labels(events)
    # Changed fields go by their model's labels, not by the names of the data's keys.
    by_field = _Resolver([], {}, {}, {})
    entries = []
    for event in events:
        model = resolver._model(event)
        data = {
            key: value
            for key, value in (event.data or {}).items()
            if key not in LOG_HIDDEN_DATA
            and key != "fields"  # said with the changes below
            and not (key == "reason" and not _reason_shown(event.action))
            and value not in (None, "", [], {})
            and not (key == "dry_run" and not value)
        }
        if event.action == "access.refused" and not (event.data or {}).get("refusal"):
            data["refusal"] = REFUSAL_UNSAID
        details = [
            DetailRow(label=resolver.data_label(key), value=resolver.event_value(event, key, value))
            for key, value in sorted(data.items(), key=_log_order)
        ]
        changed = [
            by_field._label(key, by_field._field(model, key)[0])
            for key, _values in by_field.in_order(event, event.changes or {})
        ]
        # Identifying fields are recorded by name only (no old or new value): said, so that the list of the
        # others does not read as if they had not changed.
        changed += [f"{name} ({UNRECORDED})" for name in by_field.field_names(event, "fields", _unrecorded(event))]
        if changed:
            details.append(DetailRow(label=_("Yang diubah"), value=", ".join(changed)))
        entries.append(
            LogEntry(
                occurred_at=event.occurred_at,
                actor=_actor(event),
                action=action_label(event.action, event.data),
                code=event.action,
                object_type=capfirst(str(model._meta.verbose_name)) if model else "",
                object_repr=_object_words(event, model),
                purpose=str(PURPOSE_LABELS.get(event.purpose, event.purpose)),
                ip_address=event.ip_address or "",
                details=details,
                url=pages.get((event.object_type, event.object_id), ""),
            )
        )
    return entries


def _object_words(event: AuditEvent, model: type[models.Model] | None) -> str:
    """An event's object as the log shows it after its type. A label made of the type and the number
    ("penerima layanan (PPKS) #2999", as services name people) was written in its writer's language: the number alone
    follows the type, which is shown in the reader's. A name (an LKS's, a meeting's title) is kept."""
    if model is not None and event.object_id and event.object_repr.endswith(f"#{event.object_id}"):
        return f"#{event.object_id}"
    return event.object_repr


def _unrecorded(event: AuditEvent, value: Any = None) -> list[str]:
    """The names in `data.fields` that the changes do not hold (identifying fields, kept without values)."""
    names = (event.data or {}).get("fields") if value is None else value
    if not isinstance(names, list):
        return []
    return [str(name) for name in names if str(name) not in (event.changes or {})]


def _reason_shown(action: str) -> bool:
    return action in REASON_SHOWN or (action, "reason") in ACTION_DATA_CHOICES


_LONG_NUMBER = re.compile(r"\d{16}")


def _numbers_masked(text: str) -> str:
    """A 16-digit number (a NIK, a KK) written into free text, masked as the pages mask a NIK."""
    return _LONG_NUMBER.sub(lambda found: found[0][:4] + "*" * 8 + found[0][-4:], text)


def _organisation_names(events: list[AuditEvent]) -> dict[str, str]:
    """{id: name} of the LKS the events' data names by id (a referral's ends, a transfer's), in one query."""
    wanted = {
        str(value)
        for event in events
        for key, value in (event.data or {}).items()
        if key in ORGANISATION_KEYS and (isinstance(value, int) or (isinstance(value, str) and value.isdigit()))
    }
    if not wanted:
        return {}
    organisation = apps.get_model("organisations", "Organisation")
    return {str(pk): name for pk, name in organisation.objects.filter(pk__in=wanted).values_list("pk", "name")}


def _ppks_labels(events: list[AuditEvent]) -> dict[str, str]:
    """{code: label} of the PPKS categories the events' data names by code (an admission's), in one query."""
    wanted = {str(value) for event in events if (value := (event.data or {}).get("ppks_category"))}
    if not wanted:
        return {}
    term = apps.get_model("vocabularies", "Term")
    return {found.code: found.label for found in term.objects.filter(vocabulary="ppks", code__in=wanted)}


def _count(value: Any) -> str:
    return (
        number_format(value, force_grouping=True)
        if isinstance(value, int) and not isinstance(value, bool)
        else str(value)
    )


def _filters(value: Any) -> str:
    """An export's filters as its event records them ({"kind": "lksa", "status": ["active", "draft"]})."""
    if not isinstance(value, dict):
        return str(value)
    # Words searched for may be a person's name: that there was a search is said, not what it was (events written
    # before exports.audit_filters left the words out may still hold them).
    return "; ".join(
        f"{key}: {SEARCHED}" if key in FREE_TEXT_FILTERS else f"{key}: {_listed(item)}"
        for key, item in sorted(value.items())
    )


def _listed(item: Any) -> str:
    return ", ".join(map(str, item)) if isinstance(item, list) else str(item)


def _log_order(item: tuple[str, Any]) -> tuple[int, str]:
    order = list(LOG_DATA_LABELS)
    return (order.index(item[0]) if item[0] in order else len(order), item[0])


class _Resolver:
    """Field lookups and related-object names for one list of events."""

    def __init__(self, events: list[AuditEvent], labels, choices, formatters) -> None:
        self.labels = labels
        self.choices = {key: dict(pairs) for key, pairs in choices.items()}
        self.formatters = formatters
        self.names = self._related_names(events)
        self.organisations: dict[str, str] = {}
        self.terms: dict[str, str] = {}

    # -- fields ------------------------------------------------------------------------------------------------

    @staticmethod
    def _model(event: AuditEvent) -> type[models.Model] | None:
        try:
            return apps.get_model(event.object_type) if event.object_type else None
        except (LookupError, ValueError):
            return None

    @staticmethod
    def _field(model: type[models.Model] | None, key: str) -> tuple[models.Field | None, bool]:
        """The model field a change key names, and whether the key is its id (`verified_by_id`) not its code."""
        if model is None:
            return None, False
        try:
            found = model._meta.get_field(key)  # also finds a foreign key by its attname
        except FieldDoesNotExist:
            return None, False
        if not isinstance(found, models.Field):
            return None, False
        return found, found.is_relation and key != found.name

    def _related_names(self, events: list[AuditEvent]) -> dict[tuple[str, str, bool], dict[str, str]]:
        """{(model label, field name, by id): {value: name}}, one query per related field."""
        wanted: dict[tuple[type[models.Model], str, bool], set[str]] = defaultdict(set)
        for event in events:
            model = self._model(event)
            for key, values in (event.changes or {}).items():
                model_field, by_id = self._field(model, key)
                if model_field is None or not model_field.is_relation or model_field.related_model is None:
                    continue
                for value in values if isinstance(values, list) else [values]:
                    for item in value if isinstance(value, list) else [value]:
                        if item not in (None, ""):
                            wanted[(model, model_field.name, by_id)].add(str(item))
        names: dict[tuple[str, str, bool], dict[str, str]] = {}
        for (model, name, by_id), keys in wanted.items():
            model_field = model._meta.get_field(name)
            related = model_field.related_model
            # The services record vocabulary items and regions by their stable code, users by their id.
            column = "code" if not by_id and _has_field(related, "code") else "pk"
            queryset = related._default_manager.filter(**{f"{column}__in": keys})
            if column == "code" and (limit := model_field.get_limit_choices_to()):
                queryset = queryset.complex_filter(limit)
            names[(model._meta.label_lower, name, by_id)] = {
                str(getattr(obj, column)): _object_name(obj) for obj in queryset
            }
        return names

    def in_order(self, event: AuditEvent, changes: dict[str, Any]) -> list[tuple[str, Any]]:
        """The changes in the order of the model's fields (then the rest by name): PostgreSQL's jsonb keeps keys in
        its own order (shortest first), SQLite as written, and a history must read the same on both."""
        model = self._model(event)
        position = {f.attname: i for i, f in enumerate(model._meta.concrete_fields)} if model else {}
        position.update({f.name: i for i, f in enumerate(model._meta.concrete_fields)} if model else {})
        return sorted(changes.items(), key=lambda item: (position.get(item[0], len(position)), item[0]))

    def change(self, event: AuditEvent, key: str, values: Any) -> ChangeRow:
        model = self._model(event)
        model_field, by_id = self._field(model, key)
        old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
        return ChangeRow(
            label=self._label(key, model_field),
            old=self._value(event, key, model_field, by_id, old),
            new=self._value(event, key, model_field, by_id, new),
        )

    def _label(self, key: str, model_field: models.Field | None) -> str:
        if key in self.labels:
            return str(self.labels[key])
        if model_field is not None:
            return str(model_field.verbose_name)
        # Imports record changes under their column headings ("Nama LKS"), already words.
        return key.replace("_", " ")

    def _value(self, event: AuditEvent, key: str, model_field, by_id: bool, value: Any) -> str:
        if key in self.formatters:
            return self.formatters[key](value)
        if value is None or value == "" or value == []:
            return EMPTY
        if isinstance(value, list):
            return ", ".join(self._value(event, key, model_field, by_id, item) for item in value)
        if key in self.choices:
            return str(self.choices[key].get(value, value))
        if model_field is not None and model_field.is_relation:
            related = self.names.get((event.object_type, model_field.name, by_id), {})
            return related.get(str(value), str(value))
        if model_field is not None and model_field.flatchoices:
            return str(dict(model_field.flatchoices).get(value, value))
        return _plain(value, model_field)

    # -- extra data --------------------------------------------------------------------------------------------

    def data_label(self, key: str) -> str:
        label = self.labels.get(key) or DATA_LABELS.get(key)
        return str(label) if label else key.replace("_", " ").capitalize()

    def data_value(self, key: str, value: Any, action: str = "") -> str:
        if key in self.formatters:
            return self.formatters[key](value)
        if isinstance(value, list):
            return ", ".join(self.data_value(key, item, action) for item in value)
        if key in self.choices:
            return str(self.choices[key].get(value, value))
        if (key, str(value)) in DATA_VALUES:
            return str(DATA_VALUES[(key, str(value))])
        coded = ACTION_DATA_CHOICES.get((action, key)) or DATA_CHOICES.get(key)
        if coded is not None and str(value) in coded:
            return str(coded[str(value)])
        is_id = isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdigit())
        if key in ORGANISATION_KEYS and is_id:
            return self.organisations.get(str(value)) or f"LKS #{value}"
        if key == "ppks_category" and str(value) in self.terms:
            return self.terms[str(value)]
        if key in NUMBERED_KEYS and is_id:
            return f"#{value}"
        if key == "format":
            return str(value).upper()
        if key in ("reason", "note"):
            return _numbers_masked(str(value))
        return _plain(value, None)

    def event_value(self, event: AuditEvent, key: str, value: Any) -> str:
        """A data value of `event` in words: field names by their labels, codes by the action's words."""
        if key in _FIELD_LIST_KEYS and isinstance(value, list) and key not in self.formatters:
            names = self.field_names(event, key, _unrecorded(event, value) if key == "fields" else value)
            suffix = f" ({UNRECORDED})" if key == "fields" else ""
            return ", ".join(f"{name}{suffix}" for name in names)
        return self.data_value(key, value, event.action)

    def field_names(self, event: AuditEvent, key: str, names: Iterable[str]) -> list[str]:
        """Field names listed in the data, by the labels of their model (the event's, or the one the key is about)."""
        model = self._model(event)
        if key in _FIELD_LIST_MODELS:
            model = apps.get_model(_FIELD_LIST_MODELS[key])
        return [self._label(name, self._field(model, name)[0]) for name in names]


def _actor(event: AuditEvent) -> str:
    """The person's name with the account it was done from ("Siti Rahma (operator.lks)")."""
    if not event.actor_name:
        # Without an actor the event came from the system itself (a scheduled task, a command).
        return _("Sistem")
    # select_related("actor") in audit_events_for: the name costs no query.
    name = str(event.actor) if event.actor_id and event.actor else ""
    return f"{name} ({event.actor_name})" if name and name != event.actor_name else event.actor_name


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _object_name(obj: models.Model) -> str:
    # A region's str() leads with its code; its name is what people read.
    name = getattr(obj, "name", None)
    return name if isinstance(name, str) and name else str(obj)


def _plain(value: Any, model_field: models.Field | None) -> str:
    """Booleans as Ya/Tidak, timestamps in local time and dates as the rest of the pages write them."""
    if isinstance(model_field, models.BooleanField) and value in ("True", "False"):
        value = value == "True"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, str):
        is_datetime_field = isinstance(model_field, models.DateTimeField)
        if (is_datetime_field or model_field is None) and _ISO_DATETIME.match(value):
            moment = parse_datetime(value.replace(" ", "T", 1))
            if moment is not None:
                if timezone.is_naive(moment):
                    moment = timezone.make_aware(moment, datetime.UTC)
                return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        is_date_field = isinstance(model_field, models.DateField) and not is_datetime_field
        if (is_date_field or model_field is None) and _ISO_DATE.match(value):
            day = parse_date(value)
            if day is not None:
                return date_format(day, "DATE_FORMAT")
    return str(value)


def _data_order(item: tuple[str, Any]) -> tuple[int, str]:
    # Known keys in DATA_LABELS' order, then the rest by name: jsonb does not keep the order they were written in.
    order = list(DATA_LABELS)
    return (order.index(item[0]) if item[0] in order else len(order), item[0])
