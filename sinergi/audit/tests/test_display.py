"""The change history reads in words: action labels, field labels, choice labels, names, local time, Ya/Tidak."""

import pytest
from django.utils import translation

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory
from sinergi.audit.display import action_label, audit_history
from sinergi.audit.selectors import audit_events_for
from sinergi.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(username="admin.kalsel", full_name="Siti Admin")


@pytest.fixture
def membership():
    return MembershipFactory(role=Role.REGENCY_BOARD, region_id="63.71")


def _record_change(admin, membership):
    # as the services write it: a choice code, a region code, a user id, a boolean and a UTC timestamp string
    audit_record(
        actor=admin,
        action="accounts.membership.updated",
        obj=membership,
        changes={
            "role": [Role.DINSOS_VIEWER, Role.REGENCY_BOARD],
            "region": ["63.72", "63.71"],
            "user_id": [None, admin.pk],
            "is_active": [False, True],
            "created_at": [None, "2026-12-03 09:27:16.108202+00:00"],
        },
    )


def test_a_change_reads_in_words_not_in_codes(admin, membership):
    _record_change(admin, membership)

    [entry] = audit_history(audit_events_for(obj=membership))

    assert entry.action == "Diubah"
    assert entry.actor == "Siti Admin (admin.kalsel)"
    assert {row.label: (row.old, row.new) for row in entry.changes} == {
        "peran": ("Dinas Sosial (lihat)", "Pengurus LKKKS kabupaten/kota"),
        "wilayah": ("Kota Banjarbaru", "Kota Banjarmasin"),
        "user": ("—", "Siti Admin"),
        "aktif": ("Tidak", "Ya"),
        # 09:27 UTC is 17.27 WITA, written as the other dates of the pages
        "created at": ("—", "3 Desember 2026 17.27"),
    }


def test_the_same_change_reads_in_english_when_english_is_chosen(admin, membership):
    _record_change(admin, membership)

    with translation.override("en"):
        [entry] = audit_history(audit_events_for(obj=membership))

    assert {row.label: (row.old, row.new) for row in entry.changes} == {
        "role": ("Dinas Sosial (read-only)", "Regency/city LKKKS board member"),
        "region": ("Kota Banjarbaru", "Kota Banjarmasin"),
        "user": ("—", "Siti Admin"),
        "active": ("No", "Yes"),
        "created at": ("—", "3 December 2026 17:27"),
    }


def test_extra_data_reads_in_words_and_checksums_stay_out(admin, membership):
    audit_record(
        actor=admin,
        action="organisations.organisation.exported",
        obj=membership,
        data={"format": "pdf", "report": "profile", "via": "import", "sha256": "ab" * 32, "size": 690},
    )

    [entry] = audit_history(audit_events_for(obj=membership))

    assert entry.action == "Diekspor"
    assert [(row.label, row.value) for row in entry.details] == [
        ("Format", "PDF"),
        ("Laporan", "profil LKS"),
        ("Melalui", "impor berkas"),
    ]


def test_callers_name_the_codes_of_keys_that_are_not_fields(admin, membership):
    audit_record(actor=admin, action="organisations.board_officer.added", obj=membership, data={"position": "ketua"})

    [entry] = audit_history(audit_events_for(obj=membership), choices={"position": [("ketua", "Ketua")]})

    assert (entry.action, entry.details[0].label, entry.details[0].value) == (
        "Pengurus ditambahkan",
        "Jabatan",
        "Ketua",
    )


def test_an_event_without_an_actor_is_the_systems(membership):
    audit_record(actor=None, action="accounts.membership.updated", obj=membership)

    [entry] = audit_history(audit_events_for(obj=membership))

    assert entry.actor == "Sistem"


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("people.worker.created", "Didaftarkan"),
        ("organisations.organisation.verified", "Diverifikasi"),
        ("plugin.table.exported", "Diekspor"),  # an unlisted code: read through its verb
        ("meetings.minutes.status_changed", "Status notulen diubah"),
        ("plugin.thing.status_changed", "Status changed"),  # an unknown code and verb: its last part in plain words
    ],
)
def test_every_action_code_gets_a_readable_label(code, label):
    assert action_label(code) == label


def test_names_cost_one_query_per_related_field_not_per_event(admin, membership, django_assert_num_queries):
    for _ in range(20):
        _record_change(admin, membership)

    # the events themselves (with their actors), then the regions and the users named in the changes
    with django_assert_num_queries(3):
        entries = audit_history(audit_events_for(obj=membership))

    assert len(entries) == 20
