"""The audit log page: a province admin (or a superuser) finds who imported or exported what, when, from where and
why; nobody else may open it."""

import datetime
import html
import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory, user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import audit_record
from sinergi.core.testing import otp_login
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db

LOG = reverse("audit:log")
WITA = datetime.timezone(datetime.timedelta(hours=8))  # the project's TIME_ZONE, Asia/Makassar


@pytest.fixture
def board():
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")


def record(actor, action: str, *, at: datetime.datetime | None = None, ip: str = "10.1.2.3", **fields) -> AuditEvent:
    """An event as the services write it, from a browser at `ip`, at the moment `at` (default: now)."""
    event = audit_record(actor=actor, action=action, request=RequestFactory().get("/", REMOTE_ADDR=ip), **fields)
    if at is not None:
        AuditEvent.objects.filter(pk=event.pk).update(occurred_at=at)
    return event


def record_import(actor, **extra) -> AuditEvent:
    data = {
        "entity": "lks",
        "dry_run": False,
        "file": "lks-banjarmasin.xlsx",
        "sha256": "ab" * 32,
        "via": "web",
        "rows": 1250,
        "created": 1200,
        "updated": 30,
        "unchanged": 15,
        "refused_rows": 5,
        "problems": 0,
        "warnings": 0,
        "seconds": 4.2,
    }
    return record(actor, "exchange.import.succeeded", data=data, **extra)


def record_export(actor, **extra) -> AuditEvent:
    data = {"format": "xlsx", "rows": 154, "filters": {"kind": "lksa", "status": ["active", "verified"]}}
    return record(actor, "exchange.clients.exported", data=data, purpose="reporting", **extra)


def rows(response) -> list[str]:
    """The log's rows as their visible text, one string per row."""
    page = response.content.decode()
    body = page[page.index('<table id="audit-log"') :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_a_province_admin_reads_who_imported_and_exported_what_when_from_where_and_why(
    client, province_admin, operator
):
    # Given an import and an export by an LKS operator of the province, from two addresses
    record_import(operator, at=datetime.datetime(2026, 3, 2, 9, 15, tzinfo=WITA), ip="10.1.2.3")
    record_export(operator, at=datetime.datetime(2026, 3, 2, 10, 40, tzinfo=WITA), ip="10.9.8.7")

    # When the province admin opens the audit log
    otp_login(client, province_admin)
    response = client.get(LOG)

    # Then both are listed newest first, in local time, with their facts in words
    assert response.status_code == 200
    export, imported = rows(response)
    assert export.startswith("02-03-2026 10:40")
    assert "Ekspor data penerima layanan" in export
    assert "operator.harapan" in export
    assert "Pelaporan" in export  # the purpose of access, not its code
    assert "10.9.8.7" in export
    assert "Format: XLSX" in export
    assert "Jumlah baris: 154" in export
    assert "Saringan: kind: lksa; status: active, verified" in export

    assert imported.startswith("02-03-2026 09:15")
    assert "Impor: disimpan" in imported
    assert "10.1.2.3" in imported
    assert "Berkas: lks-banjarmasin.xlsx" in imported
    assert "Jumlah baris: 1.250" in imported
    assert "Dibuat: 1.200" in imported
    assert "Diubah: 30" in imported
    assert "Tidak berubah: 15" in imported
    assert "Baris ditolak: 5" in imported
    assert "ab" * 32 not in imported  # the checksum stays in the database


def test_the_admin_narrows_the_log_by_kind_of_action_actor_and_days(client, province_admin, operator, board):
    # Given an import by the operator on 1 March late in the evening (local time), an export by the operator on
    # 2 March just after midnight, and a sign-in by the board member on 3 March
    record_import(operator, at=datetime.datetime(2026, 3, 1, 23, 30, tzinfo=WITA))
    record_export(operator, at=datetime.datetime(2026, 3, 2, 0, 10, tzinfo=WITA))
    record(board, "accounts.user.logged_in", obj=board, at=datetime.datetime(2026, 3, 3, 8, 0, tzinfo=WITA))
    otp_login(client, province_admin)

    def actions(**filters) -> list[str]:
        return [row.split(" ", 2)[2] for row in rows(client.get(LOG, filters))]

    # When filtered by kind of action, then only that kind is listed
    assert ["operator.harapan" in a and "Impor: disimpan" in a for a in actions(group="import")] == [True]
    assert ["Ekspor data penerima layanan" in a for a in actions(group="export")] == [True]
    assert ["Masuk" in a for a in actions(group="sign_in")] == [True]
    # ... or by the start of its code
    assert ["Ekspor data penerima layanan" in a for a in actions(action="exchange.clients")] == [True]

    # When filtered by actor (part of the account name), then only their actions
    assert len(actions(actor="operator")) == 2
    assert ["pengurus.bjm" in a for a in actions(actor="BJM")] == [True]

    # When filtered by days, then the days are the reader's local days, not UTC's
    assert ["Impor: disimpan" in a for a in actions(date_to="2026-03-01")] == [True]
    assert len(actions(date_from="2026-03-02")) == 2
    assert ["Ekspor data penerima layanan" in a for a in actions(date_from="2026-03-02", date_to="2026-03-02")] == [
        True
    ]


def test_a_date_that_is_no_date_lists_nothing_and_says_why(client, province_admin, operator):
    # Given an event
    record_import(operator)
    otp_login(client, province_admin)

    # When the date filter is not a date
    response = client.get(LOG, {"date_from": "kemarin"})

    # Then the page says so instead of listing everything unfiltered
    assert response.status_code == 200
    assert "Dari tanggal: Masukkan tanggal yang valid." in response.content.decode()  # which filter, too
    assert 'id="audit-log"' not in response.content.decode()


@pytest.mark.parametrize("who", ["board", "operator"])
def test_a_board_member_or_an_lks_operator_may_not_open_the_log(client, request, who, operator):
    # Given an event, and a signed-in user whose role is not province admin
    record_import(operator)
    client.force_login(request.getfixturevalue(who))

    # When they open the audit log
    response = client.get(LOG)

    # Then they are refused, told why, and the menu does not offer it
    assert response.status_code == 403
    assert "Hanya admin provinsi yang boleh membaca log audit." in response.content.decode()
    assert LOG not in client.get(reverse("statistics:dashboard")).content.decode()


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(LOG)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_menu_offers_the_log_to_province_admins(client, province_admin):
    # Given a province admin signed in with their second factor
    otp_login(client, province_admin)

    # When they open any page
    page = client.get(reverse("statistics:dashboard")).content.decode()

    # Then the main menu links to the log
    assert f'<a href="{LOG}">Log audit</a>' in page


def test_a_province_admin_reads_the_events_of_their_province_only(client, province_admin, operator):
    # Given events by a user of the province, by a user of another province, by a superuser and by the system
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    elsewhere = user_with_role(Role.PROVINCE_ADMIN, region_code="64", username="admin.kaltim")
    superuser = UserFactory(username="super", is_superuser=True)
    record_import(operator)
    record_export(elsewhere)
    record(superuser, "vocabularies.term.created")
    record(None, "partnerships.agreement.expired")

    # When the province admin and a superuser open the log
    otp_login(client, province_admin)
    for_admin = rows(client.get(LOG))
    client.logout()
    otp_login(client, superuser)
    for_superuser = rows(client.get(LOG))

    # Then the admin sees only their province's user; the superuser sees everything, the system's events too
    assert [("operator.harapan" in row) for row in for_admin] == [True]
    assert len(for_superuser) == 4
    assert any("admin.kaltim" in row for row in for_superuser)
    assert any("Sistem" in row and "partnerships.agreement.expired" in row for row in for_superuser)


def test_a_role_that_ended_in_the_province_no_longer_shows_the_users_events_to_its_admin(client, province_admin):
    # The fiftieth review: a membership flagged inactive kept a user who moved to Kalimantan Timur in Kalsel's log
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    moved = user_with_role(Role.PROVINCE_ADMIN, region_code="64", username="admin.pindahan")
    MembershipFactory(user=moved, role=Role.REGENCY_BOARD, region_id="63.71", is_active=False)
    record_export(moved)

    otp_login(client, province_admin)

    assert rows(client.get(LOG)) == ["Tidak ada catatan yang cocok."]


def test_a_users_trail_stays_in_the_province_where_they_acted_after_their_role_there_ends(client, province_admin):
    # The fifty-fourth review S2: events were located by the actor's roles of today, so an operator who misused a
    # child's data and then left (or moved to Kalimantan Timur) took their whole trail out of Kalsel's log
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    admin_kaltim = user_with_role(Role.PROVINCE_ADMIN, region_code="64", username="admin.kaltim")
    leaver = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.lama")
    record_export(leaver)
    leaver.memberships.update(is_active=False)
    MembershipFactory(user=leaver, role=Role.REGENCY_BOARD, region_id="64")

    otp_login(client, province_admin)
    in_kalsel = rows(client.get(LOG))
    client.logout()
    otp_login(client, admin_kaltim)
    in_kaltim = rows(client.get(LOG))

    assert [("pengurus.lama" in row) for row in in_kalsel] == [True]
    assert in_kaltim == ["Tidak ada catatan yang cocok."]  # what they did in Kalsel is not Kaltim's to read


def test_what_the_system_or_a_superuser_does_to_a_provinces_client_is_in_that_provinces_log(client, province_admin):
    from sinergi.people.tests.factories import PersonFactory

    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    admin_kaltim = user_with_role(Role.PROVINCE_ADMIN, region_code="64", username="admin.kaltim")
    child = PersonFactory()  # at an LKSA in Kota Banjarmasin
    superuser = UserFactory(username="super", is_superuser=True)
    record(None, "people.person.updated", obj=child, object_repr=f"penerima #{child.pk}")
    record(superuser, "people.person.erased", obj=child, object_repr=f"penerima #{child.pk}")
    record(superuser, "vocabularies.term.created")  # located nowhere: for superusers only

    otp_login(client, province_admin)
    in_kalsel = rows(client.get(LOG))
    client.logout()
    otp_login(client, admin_kaltim)

    assert len(in_kalsel) == 2 and all(f"#{child.pk}" in row for row in in_kalsel)
    assert rows(client.get(LOG)) == ["Tidak ada catatan yang cocok."]


def test_the_migration_locates_earlier_events_as_the_log_did_and_by_their_object(operator):
    import importlib

    from django.apps import apps

    from sinergi.people.tests.factories import PersonFactory

    migration = importlib.import_module("sinergi.audit.migrations.0003_event_provinces_earlier")
    superuser = UserFactory(username="super", is_superuser=True)
    child = PersonFactory()
    by_operator = record_export(operator)
    by_superuser = record(superuser, "vocabularies.term.created")
    about_child = record(None, "people.person.updated", obj=child, object_repr="x")
    about_account = record(None, "accounts.user.created", obj=operator, object_repr="x")  # made by the system
    AuditEvent.objects.update(provinces="")  # as they were written before the field

    migration.provinces_of_earlier_events(apps, None)

    located = dict(AuditEvent.objects.values_list("pk", "provinces"))
    assert [located[event.pk] for event in (by_operator, by_superuser, about_child, about_account)] == [
        ",63,",
        "",
        ",63,",
        ",63,",
    ]


def test_the_log_shows_fifty_events_a_page_newest_first_in_bounded_queries(
    client, province_admin, operator, django_assert_max_num_queries
):
    # Given 51 exports, one a minute
    start = timezone.now() - datetime.timedelta(hours=2)
    for minute in range(51):
        record_export(operator, at=start + datetime.timedelta(minutes=minute), ip=f"10.0.0.{minute}")
    otp_login(client, province_admin)

    # When the admin opens the first and the second page
    with django_assert_max_num_queries(10):
        first = client.get(LOG)
    second = client.get(LOG, {"page": 2})

    # Then the first holds the 50 newest, the second the oldest one, and the page says how many there are
    assert len(rows(first)) == 50
    assert "10.0.0.50" in rows(first)[0]
    assert [("10.0.0.0" in row) for row in rows(second)] == [True]
    assert "51 catatan" in first.content.decode()
    assert "Halaman 1 dari 2" in first.content.decode()


def test_the_english_interface_shows_the_log_in_english(client, province_admin, operator):
    # Given an import, and an admin who chose English
    record_import(operator)
    otp_login(client, province_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    # When they open the log
    response = client.get(LOG)
    page = response.content.decode()

    # Then its title, columns, filters, actions and facts are in English
    assert "<h1>Audit log</h1>" in page
    for heading in ("Time", "Actor", "Action", "Object", "Purpose", "IP address", "Notes"):
        assert f"<th>{heading}</th>" in page
    assert "Kind of action" in page and ">Import</option>" in page
    [imported] = rows(response)
    assert "Import: saved" in imported
    assert "File: lks-banjarmasin.xlsx" in imported
    assert "Created: 1,200" in imported
    assert "Refused rows: 5" in imported


def test_a_filter_changed_in_the_page_redraws_only_the_results(client, province_admin, operator):
    # Given an import and an export
    record_import(operator)
    record_export(operator)
    otp_login(client, province_admin)

    # When the filter form asks through HTMX
    response = client.get(LOG, {"group": "export"}, headers={"HX-Request": "true"})

    # Then only the results come back, with the export alone
    page = response.content.decode()
    assert "<h1>" not in page and "<form" not in page
    assert ["Ekspor data penerima layanan" in row for row in rows(response)] == [True]


def test_the_object_types_offered_are_those_with_a_name_for_people():
    # Internal tables (summaries, the admission clock) are no event's object and have no Indonesian name.
    from sinergi.audit.filters import object_type_choices

    offered = dict(object_type_choices())
    assert offered["organisations.organisation"] == "Organisasi" and offered["exchange.importjob"] == "Impor"
    assert "people.placementactive" not in offered and "people.placementmonthly" not in offered


def test_the_log_names_no_one_searched_for_and_shows_a_restrictions_ground_with_its_numbers_masked(
    client, province_admin, operator
):
    # Given an export of a list searched by a name (an event written before searches were left out of the record)
    # and a restriction whose reason holds a NIK
    record(operator, "exchange.clients.exported", data={"rows": 1, "filters": {"q": "Zulaikha", "status": "active"}})
    record(operator, "people.person.restricted", data={"reason": "Permintaan wali, NIK 6371045205140007"})

    # When the province admin reads the log
    otp_login(client, province_admin)
    restricted, export = rows(client.get(LOG))

    # Then the search is said without its words; the restriction's ground, the evidence of its lawfulness written by
    # a province admin (the form asks for no name), is shown with its NIK masked; the action is in words
    assert "Saringan: q: (kata pencarian); status: active" in export
    assert "Zulaikha" not in export
    assert "Alasan: Permintaan wali, NIK 6371********0007" in restricted
    assert "Pemrosesan dibatasi" in restricted


def test_every_audited_action_has_words_in_the_interface_language():
    # An action without its own label would be shown by its code's last word, in English.
    from pathlib import Path

    from sinergi.audit.display import ACTION_LABELS, VERB_LABELS

    codes = {
        code
        for path in Path(settings.BASE_DIR, "sinergi").rglob("*.py")
        if "tests" not in path.parts
        for code in re.findall(r'action="([a-z_]+\.[a-z_]+\.[a-z_]+)"', path.read_text())
    }
    # ... and the outcomes an import's event is named after (exchange.import.{outcome})
    codes |= {f"exchange.import.{outcome}" for outcome in ("checked", "succeeded", "refused", "cancelled", "failed")}
    assert len(codes) > 50
    assert sorted(c for c in codes if c not in ACTION_LABELS and c.rsplit(".", 1)[1] not in VERB_LABELS) == []


def test_an_exports_audit_event_keeps_that_there_was_a_search_not_its_words():
    from sinergi.exchange.exports import audit_filters

    assert audit_filters({"q": ["Zulaikha"], "status": ["active", "draft"]}) == {
        "q": "*",
        "status": ["active", "draft"],
    }


def test_an_event_about_something_whose_owner_is_gone_is_still_written_and_placed_by_its_actor(operator):
    from sinergi.people.models import Consent
    from sinergi.people.tests.factories import PersonFactory

    consent = Consent(person_id=PersonFactory().pk + 1000, given_on=timezone.localdate())  # its client is gone

    event = record(operator, "people.consent.recorded", obj=consent, object_repr="persetujuan")

    assert event.provinces == ",63,"


def test_an_object_named_by_its_type_and_number_reads_in_the_readers_language(client, province_admin, operator):
    # The fifty-fourth review: "Client (PPKS): penerima layanan (PPKS) #2999" under English
    from sinergi.people.tests.factories import PersonFactory

    child = PersonFactory()
    record(operator, "people.person.updated", obj=child, object_repr=f"penerima layanan (PPKS) #{child.pk}")
    record(operator, "organisations.organisation.updated", obj=child.organisation)  # a name stays a name
    otp_login(client, province_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    lks, person = rows(client.get(LOG))

    assert f"Client (PPKS): #{child.pk}" in person and "penerima" not in person
    assert child.organisation.name in lks


def test_a_user_with_roles_in_two_provinces_leaves_each_provinces_clients_to_its_own_log(client, province_admin):
    # The fifty-fifth review M3: the actor's provinces were added to the object's, so Kaltim's admin read about a
    # Kalsel child handled by someone who also holds a role in Kaltim
    from sinergi.people.tests.factories import PersonFactory

    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    admin_kaltim = user_with_role(Role.PROVINCE_ADMIN, region_code="64", username="admin.kaltim")
    both = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.dua")
    MembershipFactory(user=both, role=Role.REGENCY_BOARD, region_id="64")
    child = PersonFactory()  # in Kota Banjarmasin
    about_child = record(both, "people.person.updated", obj=child, object_repr=f"#{child.pk}")
    signed_in = record(both, "accounts.user.logged_in")  # about nothing located: both provinces' business

    assert (about_child.provinces, signed_in.provinces) == (",63,", ",63,64,")
    otp_login(client, admin_kaltim)
    assert [("pengurus.dua" in row and f"#{child.pk}" not in row) for row in rows(client.get(LOG))] == [True]


def test_a_superuser_who_also_holds_a_role_stays_out_of_that_provinces_log(client, province_admin):
    superuser = UserFactory(username="super", is_superuser=True)
    MembershipFactory(user=superuser, role=Role.PROVINCE_ADMIN, region_id="63")

    assert record(superuser, "vocabularies.term.created").provinces == ""
