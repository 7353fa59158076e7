"""The audit log reads in words of the interface, in Indonesian and in English: no data key, no code, no bare id of
an LKS is left for the reader to decode (review 54, minor 1, 3 and 10)."""

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from sinergi.audit.display import audit_log_entries
from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import located

pytestmark = pytest.mark.django_db

LOG = reverse("audit:log")
NIK = "6371045205140007"


@pytest.fixture
def other_lks():
    return OrganisationFactory(name="LKSA Penerima", region_id="63.71.01.1001")


def _event(actor, action: str, data: dict, *, object_type: str = "", object_id: str = "", changes=None) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username(),
        provinces=located(actor),  # as audit_record locates it: by its actor's roles
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=f"#{object_id}" if object_id else "",
        changes=changes or {},
        data=data,
    )


@pytest.fixture
def events(operator, lks, other_lks):
    """One of each kind of event about a client, as the services write them (the trail of the review's child)."""
    person = {"object_type": "people.person", "object_id": "2999"}
    return [
        _event(
            operator,
            "people.person.created",
            {
                "placement": 3000,
                "organisation": lks.pk,
                "setting": "residential",
                "admitted_on": "2026-10-01",
                "child": True,
                "consent": 2999,
                "duplicate_candidates": 1,
            },
            **person,
        ),
        _event(
            operator,
            "people.person.updated",
            {"fields": ["full_name", "disability_type"], "via": "import", "import_job": 5},
            changes={"disability_type": ["", "sensorik"]},
            **person,
        ),
        _event(
            operator,
            "people.consent.recorded",
            {"person": 2999, "given_by": "parent", "legal_basis": "legal_obligation"},
            object_type="people.consent",
            object_id="2999",
        ),
        _event(
            operator,
            "referrals.referral.sent",
            {
                "person": 2999,
                "from": lks.pk,
                "to": other_lks.pk,
                "urgency": "emergency",
                "shared": ["care_plan", "case_summary", "health"],
                "vital_interest": True,
            },
            object_type="referrals.referral",
            object_id="6",
        ),
        _event(
            operator,
            "referrals.referral.sent",
            {"person": 2999, "from": lks.pk, "to": "legal_aid", "urgency": "normal", "shared": ["identity"]},
            object_type="referrals.referral",
            object_id="7",
        ),
        _event(
            operator,
            "referrals.referral.accepted",
            {"from_placement": 3000, "new_placement": 3001},
            object_type="referrals.referral",
            object_id="6",
        ),
        _event(
            operator,
            "people.placement.transferred",
            {"from": lks.pk, "to": 987654, "new_placement": 3001, "on": "2026-10-05", "authorised_by": "pengurus.bjm"},
            object_type="people.placement",
            object_id="3000",
        ),
        _event(
            operator,
            "people.placement.discharged",
            {"discharged_on": "2026-12-01", "reason": "reunified"},
            object_type="people.placement",
            object_id="3001",
            changes={"status": ["active", "discharged"]},
        ),
        _event(
            operator,
            "people.duplicate.flagged",
            {"person": 2999, "other": 3003, "reason": "close_match"},
            object_type="people.duplicatecandidate",
            object_id="3",
        ),
        _event(
            operator,
            "people.duplicate.merged",
            {
                "kept": 2999,
                "retired": 3003,
                "stays_moved": [3004],
                "stays_removed": [],
                "filled": ["father_name"],
                "candidates_closed": 1,
            },
            object_type="people.duplicatecandidate",
            object_id="3",
        ),
        _event(
            operator,
            "exchange.import.succeeded",
            {
                "entity": "clients",
                "file": "klien.csv",
                "via": "command line",
                "os_user": "root",
                "rows": 2,
                "created": 1,
                "consents": 1,
                "corrected": 1,
                "discharged": 1,
                "duplicate_candidates": 1,
            },
            object_type="exchange.importjob",
            object_id="2",
        ),
        _event(
            operator,
            "people.person.erased",
            {"reason": f"Permintaan ayah, NIK {NIK}", "subject_asked": True},
            **person,
        ),
        _event(operator, "people.person.subject_access_exported", {"format": "page"}, **person),
        _event(operator, "access.refused", {"page": "GET /people/2999/", "refusal": ""}),
        _event(
            operator,
            "accounts.token.revoked",
            {"reason": "two_factor_role"},
            object_type="accounts.user",
            object_id="1",
        ),
        _event(
            operator,
            "accounts.membership.added",
            {"membership_id": 12, "role": "lks_operator", "organisation": lks.pk},
            object_type="accounts.user",
            object_id="1",
        ),
        _event(
            operator,
            "meetings.action_item.status_changed",
            {"note": "Surat sudah dikirim", "as": "organiser"},
            object_type="meetings.actionitem",
            object_id="4",
        ),
    ]


# What the log used to show: data keys read as English words ("Subject asked"), and codes.
RAW_KEYS = (
    "Fields:",
    "Subject asked",
    "Person:",
    "Other:",
    "Shared:",
    "Urgency:",
    "Legal basis:",
    "Authorised by:",
    "New placement:",
    "From placement:",
    "Vital interest:",
    "Consents:",
    "Corrected:",
    "Discharged:",
    "Duplicate candidates:",
    "Os user:",
    "Import job:",
    "Kept:",
    "Retired:",
    "Stays moved:",
    "Candidates closed:",
    "Filled:",
)
CODES = (
    "full_name",
    "disability_type",
    "father_name",
    "parent",
    "legal_obligation",
    "emergency",
    "care_plan",
    "case_summary",
    "legal_aid",
    "reunified",
    "close_match",
    "two_factor_role",
    "residential",
    "lks_operator",
    "membership_id",
)


def _rows(response) -> list[str]:
    page = response.content.decode()
    body = page[page.index('<table id="audit-log"') :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def _notes(row: str) -> str:
    # The action's code is shown under its words on purpose (for searching); the rest must be words.
    return re.sub(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b", "", row)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_log_of_a_clients_trail_leaves_no_key_and_no_code_to_decode(
    client, province_admin, events, language, lks, other_lks
):
    # Given the events of a client's trail, and a province admin reading the log in either language
    otp_login(client, province_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    # When they open the log
    rows = [_notes(row) for row in _rows(client.get(LOG))]
    text = "\n".join(rows)

    # Then no data key, no code and no bare LKS id is left, in either language
    assert len(rows) == len(events)
    assert [key for key in RAW_KEYS if key in text] == []
    assert [code for code in CODES if re.search(rf"\b{code}\b", text)] == []
    assert not re.search(r"\b(From|To|Dari|Ke): \d", text)
    # LKS by their names; one no longer stored by its number
    assert "LKSA Harapan" in text and "LKSA Penerima" in text and "LKS #987654" in text
    # The NIK typed into a reason stays masked
    assert NIK not in text and "6371********0007" in text


def test_the_log_says_in_indonesian_what_each_fact_means(client, province_admin, events):
    otp_login(client, province_admin)
    rows = dict(zip(reversed([event.action + str(event.pk) for event in events]), _rows(client.get(LOG)), strict=True))
    row = {
        key.rstrip("0123456789"): value for key, value in rows.items() if not key.startswith("referrals.referral.sent")
    }

    # The identifying fields are said by name, and that their values are not kept: the name did change.
    assert "Yang diubah: ragam disabilitas, nama lengkap (nilai tidak dicatat)" in row["people.person.updated"]
    assert "Melalui impor nomor: #5" in row["people.person.updated"]
    assert "Diberikan oleh: Orang tua" in row["people.consent.recorded"]
    assert "Dasar pemrosesan: Kewajiban hukum" in row["people.consent.recorded"]
    assert "Data penerima layanan: #2999" in row["people.consent.recorded"]
    assert "Penempatan asal: #3000" in row["referrals.referral.accepted"]
    assert "Penempatan baru: #3001" in row["referrals.referral.accepted"]
    assert "Disetujui oleh: pengurus.bjm" in row["people.placement.transferred"]
    assert "Dari: LKSA Harapan" in row["people.placement.transferred"]
    # A coded discharge reason is shown in words (minor 3)
    assert "Alasan: Kembali ke keluarga" in row["people.placement.discharged"]
    assert "Isian yang dilengkapi: nama ayah" in row["people.duplicate.merged"]
    assert "Persetujuan yang dicatat: 1" in row["exchange.import.succeeded"]
    assert "Akun sistem operasi server: root" in row["exchange.import.succeeded"]
    # The ground of an erasure, written by the province admin, is evidence: shown to them (M7)
    assert "Alasan: Permintaan ayah, NIK 6371********0007" in row["people.person.erased"]
    assert "Atas permintaan yang bersangkutan atau walinya: Ya" in row["people.person.erased"]
    # A refusal recorded without words says what it was (minor 10)
    assert "Alasan penolakan: halaman di luar peran pengguna" in row["access.refused"]
    assert "peran baru mewajibkan verifikasi dua langkah" in row["accounts.token.revoked"]
    assert "Peran: Operator LKS" in row["accounts.membership.added"]
    assert "Nomor peran: #12" in row["accounts.membership.added"]
    assert "Sebagai: penyelenggara rapat" in row["meetings.action_item.status_changed"]
    referrals = [value for key, value in rows.items() if key.startswith("referrals.referral.sent")]
    assert any("Ke: Bantuan hukum" in value and "Tingkat kedaruratan: Biasa" in value for value in referrals)
    assert any(
        "Data yang dibagikan: Rencana pengasuhan" in value and "Demi kepentingan vital: Ya" in value
        for value in referrals
    )


def test_free_text_other_than_a_restrictions_or_an_erasures_ground_stays_out_of_the_log(operator):
    # An upload refused: its reason is the system's message about the file, kept in the database only.
    event = _event(operator, "exchange.import.upload_refused", {"entity": "clients", "reason": "Berkas rusak: Budi"})
    [entry] = audit_log_entries([event])
    assert "Budi" not in " ".join(detail.value for detail in entry.details)


def test_every_data_label_of_the_log_has_an_english_word(events):
    from django.utils import translation

    with translation.override("id"):
        indonesian = [[d.label for d in entry.details] for entry in audit_log_entries(events)]
    with translation.override("en"):
        english = [[d.label for d in entry.details] for entry in audit_log_entries(events)]
    same = {
        label
        for id_row, en_row in zip(indonesian, english, strict=True)
        for label, en in zip(id_row, en_row, strict=True)
        if label == en
    }
    # Words the two languages share
    assert same <= {"LKS", "Format", "Data"}
