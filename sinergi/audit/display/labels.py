"""The words of the codes audit events keep: actions, the keys of their data and the coded values in it, and the
purposes of access; the registries the owning apps add their own codes' words to, and `action_label`.

Apart because every other module of the package reads them, and the apps register into them at start-up.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy

from sinergi.accounts.models import Role

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
    "people.indicators.exported": _lazy("Tabel indikator diunduh"),
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
    # A downloaded table or report (statistics, indicators, PDF): which, of where, and the reader's reach then. Named
    # here so that neither interface shows the keys themselves ("Public", "Scope" on an Indonesian page).
    "table": _lazy("Tabel"),
    "area": _lazy("Wilayah"),
    "public": _lazy("Versi publik"),
    "scope": _lazy("Cakupan"),
    "aggregates": _lazy("Wilayah angka penerima layanan dan pekerja"),
    "lks_count": _lazy("Jumlah LKS"),  # the LKS a PDF report covers (not an LKS's id, as "lks" is in a merge)
    # The page an event happened on (a table downloaded from it, a refusal): not the list's pagination.
    "page": pgettext_lazy("audit: the page of an event", "Halaman"),
    "province": _lazy("Provinsi"),
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
# Keys an action recorded under another name before, read under today's: a PDF report's events kept the number of LKS
# they cover as "lks" until the seventy-seventh review; "lks" elsewhere (a merge's removed stays) is an LKS's id.
RENAMED_DATA_KEYS: dict[tuple[str, str], str] = {
    ("statistics.report.exported", "lks"): "lks_count",
    ("statistics.report.downloaded", "lks"): "lks_count",
}


def data_renamed(action: str, data: Mapping[str, Any] | None) -> dict[str, Any]:
    """An event's data with its keys under today's names (RENAMED_DATA_KEYS)."""
    return {RENAMED_DATA_KEYS.get((action, key), key): value for key, value in (data or {}).items()}


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


# The purposes of access by their codes, registered by the app that defines them (people, listed after audit).
PURPOSE_LABELS: dict[str, Any] = {}


def register_purpose_labels(choices: Iterable[tuple[str, Any]]) -> None:
    """Called once from the owning app's AppConfig.ready()."""
    PURPOSE_LABELS.update(choices)
