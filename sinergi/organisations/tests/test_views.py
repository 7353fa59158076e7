import datetime
import re

import pytest
from django.utils import timezone

from sinergi.accounts.tests.factories import UserFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import ValidationError
from sinergi.core.testing import export_links
from sinergi.core.tests.xlsx import read_xlsx
from sinergi.exchange import exports
from sinergi.exchange.models import ExportJob
from sinergi.organisations import services
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import BoardOfficer, Organisation
from sinergi.organisations.services import organisation_update
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, lks_kind

pytestmark = pytest.mark.django_db


def edit_form_data(organisation: Organisation, **changes) -> dict:
    data = {
        "kind": organisation.kind,
        "name": organisation.name,
        "primary_service_kind": organisation.primary_service_kind_id,
        "care_setting": organisation.care_setting,
        "region": organisation.region_id,
        "address": organisation.address,
        "capacity": organisation.capacity,
        "version": organisation.version,
    }
    return {k: v for k, v in (data | changes).items() if v is not None}


def test_list_requires_login(client):
    response = client.get("/organisations/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_board_member_lists_only_their_kabupaten(client, board_member, banjarmasin_lks, banjarbaru_lks):
    client.force_login(board_member)
    page = client.get("/organisations/").content.decode()
    assert "LKSA Uji Banjarmasin" in page
    assert "LKSA Uji Banjarbaru" not in page


def test_htmx_filter_returns_only_the_results_fragment(client, board_member, banjarmasin_lks):
    client.force_login(board_member)
    response = client.get("/organisations/", {"q": "uji"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "LKSA Uji Banjarmasin" in body
    assert "<html" not in body


def test_the_filter_form_as_sent_with_every_select_on_semua_filters_nothing(client, board_member, banjarmasin_lks):
    # What the page's form sends when the user only presses "Terapkan": empty values for the "Semua" options.
    client.force_login(board_member)
    body = client.get(
        "/organisations/", {"q": "", "kind": "", "service_kind": "", "status": "", "accreditation": ""},
        headers={"HX-Request": "true"},
    ).content.decode()  # fmt: skip
    assert "LKSA Uji Banjarmasin" in body
    assert "errors-summary" not in body


def test_list_query_count_is_bounded(client, board_member, django_assert_max_num_queries):
    OrganisationFactory.create_batch(40)
    client.force_login(board_member)
    # 14 for the page, 2 for the download's counts (rows in the file, LKS among the rows listed), whatever the rows.
    with django_assert_max_num_queries(16):
        assert client.get("/organisations/").status_code == 200


def test_out_of_scope_detail_is_404(client, board_member, banjarbaru_lks):
    client.force_login(board_member)
    assert client.get(f"/organisations/{banjarbaru_lks.pk}/").status_code == 404


def test_operator_edits_their_lks_and_sees_the_change_in_the_history(client, operator, banjarmasin_lks):
    client.force_login(operator)

    response = client.post(f"/organisations/{banjarmasin_lks.pk}/edit/", edit_form_data(banjarmasin_lks, capacity=48))

    assert response.status_code == 302
    detail = client.get(f"/organisations/{banjarmasin_lks.pk}/").content.decode()
    assert "<strong>kapasitas (orang)</strong>: 30 → 48" in detail
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).capacity == 48


def test_stale_edit_is_refused_with_a_message_and_changes_nothing(client, operator, banjarmasin_lks):
    client.force_login(operator)
    stale = edit_form_data(banjarmasin_lks, capacity=11)
    client.post(f"/organisations/{banjarmasin_lks.pk}/edit/", edit_form_data(banjarmasin_lks, capacity=22))

    response = client.post(f"/organisations/{banjarmasin_lks.pk}/edit/", stale)

    assert response.status_code == 409
    assert "sudah diubah orang lain" in response.content.decode()
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).capacity == 22


def test_bad_input_shows_indonesian_messages_and_changes_nothing(client, operator, banjarmasin_lks):
    client.force_login(operator)
    response = client.post(
        f"/organisations/{banjarmasin_lks.pk}/edit/",
        edit_form_data(banjarmasin_lks, name="", capacity="banyak", latitude="1.5"),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Data belum tersimpan" in body
    assert "Bidang ini harus diisi." in body  # Django's own Indonesian messages
    assert "Masukkan keseluruhan angka bilangan." in body
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).name == "LKSA Uji Banjarmasin"
    assert not AuditEvent.objects.exists()


def test_board_member_verifies_a_draft_from_the_detail_page(client, board_member):
    draft = OrganisationFactory(status=OrganisationStatus.DRAFT)
    client.force_login(board_member)

    response = client.post(f"/organisations/{draft.pk}/verify/", follow=True)

    assert "Organisasi telah diverifikasi." in response.content.decode()
    assert Organisation.objects.get(pk=draft.pk).status == OrganisationStatus.VERIFIED


def test_operator_sees_no_verify_button_and_cannot_post_it(client, operator, banjarmasin_lks):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(status=OrganisationStatus.DRAFT)
    client.force_login(operator)
    assert "Verifikasi</button>" not in client.get(f"/organisations/{banjarmasin_lks.pk}/").content.decode()

    client.post(f"/organisations/{banjarmasin_lks.pk}/verify/")

    assert Organisation.objects.get(pk=banjarmasin_lks.pk).status == OrganisationStatus.DRAFT


def test_the_registry_downloads_through_the_exchange_export_of_lks_with_its_filters(
    client, board_member, banjarmasin_lks, banjarbaru_lks
):
    OrganisationFactory(name="LKSA Draf Banjarmasin", status=OrganisationStatus.DRAFT, region_id="63.71.01.1001")
    client.force_login(board_member)
    links = export_links(client.get("/organisations/", {"status": "active"}).content.decode())
    assert links == {
        "csv": "/exchange/export/lks/?status=active&format=csv",
        "csv;": "/exchange/export/lks/?status=active&format=csv&sep=semicolon",
        "xlsx": "/exchange/export/lks/?status=active&format=xlsx",
    }

    response = client.get(links["csv"])

    text = b"".join(response.streaming_content).decode("utf-8-sig")  # streamed, not built in memory
    assert [line.split(",")[1] for line in text.splitlines()[1:]] == ["LKSA Uji Banjarmasin"]
    event = AuditEvent.objects.get(action="exchange.lks.exported")
    assert (event.data["rows"], event.data["filters"]) == (1, {"status": "active"})


def test_the_registry_xlsx_is_scoped_and_formula_safe(client, board_member, banjarbaru_lks):
    OrganisationFactory(name='=HYPERLINK("http://x")')
    client.force_login(board_member)

    response = client.get(export_links(client.get("/organisations/").content.decode())["xlsx"])

    rows, styles = read_xlsx(response.content)
    # A text cell, quote-prefixed: never run, and kept as text when edited; with the apostrophe an import drops, so
    # that the file sent back does not read it as a formula never computed
    assert [(row[1][:2], styles[row[1][2]]["quote_prefix"]) for row in rows[1:]] == [
        (("inlineStr", '\'=HYPERLINK("http://x")'), True)
    ]


def test_a_large_registry_xlsx_is_made_in_the_background(client, board_member, banjarmasin_lks, settings, monkeypatch):
    monkeypatch.setattr(exports.asking, "_enqueue", lambda job: None)
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 0}
    client.force_login(board_member)

    response = client.get(export_links(client.get("/organisations/", {"q": "uji"}).content.decode())["xlsx"])

    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exchange/exports/{job.pk}/"
    assert (job.entity, job.filters) == ("lks", {"q": ["uji"]})


def test_the_old_registry_download_address_sends_to_the_exchange_export_unchanged(client, board_member):
    client.force_login(board_member)

    response = client.get("/organisations/export/?status=active&status=draft&region=63.71&format=xlsx")

    assert response.status_code == 302
    assert response["Location"] == "/exchange/export/lks/?status=active&status=draft&region=63.71&format=xlsx"


def test_a_user_without_an_export_role_gets_no_download_buttons(client, banjarmasin_lks):
    client.force_login(UserFactory())
    page = client.get("/organisations/").content.decode()
    assert "LKSA Uji Banjarmasin" not in page and not export_links(page)
    assert client.get("/exchange/export/lks/?format=csv").status_code == 403


def test_boards_page_shows_kabupaten_without_a_board(client, board_member):
    BoardFactory(name="LKKKS Kota Banjarmasin Uji")
    client.force_login(board_member)
    body = client.get("/organisations/boards/").content.decode()
    assert "LKKKS Kota Banjarmasin Uji" in body
    assert "Belum ada" in body
    assert "13 wilayah belum mempunyai LKKKS." in body  # province + 13 kabupaten/kota, one has a board


def test_public_directory_shows_public_fields_only(client):
    OrganisationFactory(name="LKSA Publik", head_name="Kepala Rahasia", npwp="01.234.567.8-901.000", phone="0511-123")
    OrganisationFactory(name="LKSA Draf", status=OrganisationStatus.DRAFT)

    body = client.get("/directory/").content.decode()
    detail = client.get(f"/directory/{Organisation.objects.get(name='LKSA Publik').pk}/").content.decode()

    assert "LKSA Publik" in body and "0511-123" in body
    assert "LKSA Draf" not in body
    assert "Kepala Rahasia" not in detail and "01.234.567" not in detail


def test_draft_is_not_in_the_public_directory_detail(client):
    draft = OrganisationFactory(status=OrganisationStatus.DRAFT)
    assert client.get(f"/directory/{draft.pk}/").status_code == 404


def export_what(page: str) -> str:
    """The visible words before the download buttons, and the note under them."""
    what = re.search(r'class="export-what">(.*?)</span>', page, re.S)
    note = re.search(r'class="small export-note">(.*?)</p>', page, re.S)
    return " ".join(part.group(1) for part in (what, note) if part)


def test_the_registry_download_says_how_many_lks_it_holds_and_which_listed_organisations_it_leaves_out(
    client, board_member, banjarmasin_lks
):
    OrganisationFactory(name="LKSA Kedua Banjarmasin", region_id="63.71.01.1001")
    OrganisationFactory(name="LKKKS Kota Banjarmasin", kind=OrganisationKind.LKKKS, region_id="63.71.01.1001")
    OrganisationFactory(name="Universitas Uji", kind=OrganisationKind.UNIVERSITY, region_id="63.71.01.1001")
    client.force_login(board_member)

    page = client.get("/organisations/").content.decode()
    rows = b"".join(client.get(export_links(page)["csv"]).streaming_content).decode("utf-8-sig").splitlines()[1:]

    assert "4 organisasi" in page and len(rows) == 2
    assert export_what(page) == (
        "Unduh 2 LKS: 2 organisasi bukan LKS di daftar ini tidak termasuk: berkas ini memuat LKS saja (bisa diimpor "
        "kembali). Pilih Jenis organisasi “LKS” agar daftar sama dengan berkas."
    )


def test_with_the_kind_filter_on_lks_the_registry_list_and_its_download_hold_the_same_rows(
    client, board_member, banjarmasin_lks
):
    OrganisationFactory(name="LKKKS Kota Banjarmasin", kind=OrganisationKind.LKKKS, region_id="63.71.01.1001")
    client.force_login(board_member)

    fragment = client.get("/organisations/", {"kind": "lks"}, headers={"HX-Request": "true"}).content.decode()
    response = client.get(export_links(fragment)["csv"])

    assert "1 organisasi" in fragment and export_what(fragment) == "Unduh 1 LKS:"
    assert len(b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[1:]) == 1


def test_the_registry_offers_no_download_when_the_kind_filter_leaves_no_lks(client, board_member):
    client.force_login(board_member)
    boards = client.get("/organisations/", {"kind": "lkkks"}, headers={"HX-Request": "true"}).content.decode()
    # The fragment's out-of-band copy replaces the buttons with the reason, rather than leave a button to an empty file
    assert export_links(boards) == {}
    assert "Unduhan hanya memuat LKS; jenis organisasi yang dipilih bukan LKS." in boards


def test_the_download_buttons_follow_the_filters_applied_through_htmx(client, board_member, banjarmasin_lks):
    client.force_login(board_member)
    full_page = client.get("/organisations/").content.decode()
    assert 'id="export-links"' in full_page and "hx-swap-oob" not in full_page
    fragment = client.get("/organisations/", {"q": "uji", "page": "2"}, headers={"HX-Request": "true"}).content.decode()
    # The fragment carries the buttons out of band, with the filter and without the page number.
    assert 'id="export-links" hx-swap-oob="true"' in fragment
    assert "/exchange/export/lks/?q=uji&amp;format=csv" in fragment
    assert "/exchange/export/lks/?q=uji&amp;format=xlsx" in fragment


def test_a_move_to_another_kabupaten_kota_that_keeps_the_map_point_is_warned_about(client, province_admin):
    from decimal import Decimal

    from sinergi.core.testing import otp_login

    lks = OrganisationFactory(name="LKSA Pindah", region_id="63.71.01.1001", latitude=Decimal("-3.33"),
                              longitude=Decimal("114.59"))  # fmt: skip
    otp_login(client, province_admin)
    moved = edit_form_data(lks, region="63.72.02.1003", latitude="-3.33", longitude="114.59")
    response = client.post(f"/organisations/{lks.pk}/edit/", moved, follow=True)
    assert "titik koordinatnya tetap" in response.content.decode()
    relocated = edit_form_data(
        Organisation.objects.get(pk=lks.pk), region="63.71.01.1001", latitude="-3.32", longitude="114.59"
    )
    response = client.post(f"/organisations/{lks.pk}/edit/", relocated, follow=True)
    assert "titik koordinatnya tetap" not in response.content.decode()


def test_a_region_outside_the_work_area_is_said_on_the_list_as_its_download_says_it(
    client, board_member, banjarbaru_lks
):
    client.force_login(board_member)

    page = client.get("/organisations/", {"region": "63.72"}).content.decode()
    refusal = client.get("/exchange/export/lks/", {"region": "63.72", "format": "csv"})

    message = "Saringan “Kode wilayah”: Kota Banjarbaru (63.72) di luar wilayah kerja Anda"
    assert refusal.status_code == 400 and message in refusal.content.decode()
    assert message in page and "0 organisasi" not in page and not export_links(page)


def test_registry_downloads_with_different_filters_on_one_day_get_different_file_names(client, board_member):
    client.force_login(board_member)
    today = timezone.localdate()

    active = client.get("/exchange/export/lks/", {"status": "active", "region": "63.71", "format": "csv"})
    searched = client.get("/exchange/export/lks/", {"q": "Budi", "format": "xlsx"})

    assert active["Content-Disposition"] == f'attachment; filename="sinergi-lks-status-active-region-6371-{today}.csv"'
    # A search says only that there was one: the words searched for stay out of download folders.
    assert searched["Content-Disposition"] == f'attachment; filename="sinergi-lks-q-{today}.xlsx"'


def test_the_detail_page_writes_coordinates_as_maps_do(client, board_member, banjarmasin_lks):
    from decimal import Decimal

    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(
        latitude=Decimal("-3.334500"), longitude=Decimal("114.590100")
    )
    client.force_login(board_member)

    page = client.get(f"/organisations/{banjarmasin_lks.pk}/").content.decode()

    assert "-3.334500, 114.590100" in page  # not "-3,334500, 114,590100": two numbers, each with a decimal comma


def test_a_board_member_edits_their_boards_address_and_the_board_stays_a_board(client, board_member):
    board = BoardFactory(name="LKKKS Kota Banjarmasin", region_id="63.71")
    client.force_login(board_member)
    form = client.get(f"/organisations/{board.pk}/edit/").content.decode()
    assert 'value="lkkks"' in form and 'value="lks"' not in form  # its kind offered as it is, and only that

    # As a browser sends the form: a disabled field is not sent, and nothing else a board has not is asked for
    data = edit_form_data(board, address="Jl. Lambung Mangkurat No. 1")
    del data["kind"]
    response = client.post(f"/organisations/{board.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    board.refresh_from_db()
    assert (board.kind, board.address) == (OrganisationKind.LKKKS, "Jl. Lambung Mangkurat No. 1")
    # ... and no edit turns it into an LKS (the API's PATCH included: the service refuses)
    with pytest.raises(ValidationError):
        organisation_update(
            organisation=board, actor=board_member, expected_version=board.version,
            data={"kind": OrganisationKind.LKS, "primary_service_kind": lks_kind("anak")},
        )  # fmt: skip
    assert Organisation.objects.get(pk=board.pk).kind == OrganisationKind.LKKKS


def test_a_new_boards_page_leads_to_where_it_is_verified_activated_and_edited(client, board_member, dinsos_viewer):
    board = BoardFactory(name="LKKKS Kota Baru", region_id="63.71", status=OrganisationStatus.DRAFT)
    client.force_login(board_member)

    page = client.get(f"/organisations/boards/{board.pk}/").content.decode()

    assert f'href="/organisations/{board.pk}/" id="board-record">Verifikasi, aktifkan, atau ubah data LKKKS ini' in page
    client.force_login(dinsos_viewer)  # who may only look is not sent there
    assert 'id="board-record"' not in client.get(f"/organisations/boards/{board.pk}/").content.decode()


@pytest.mark.parametrize("posted", ["33\x00'\"<>", "abc", "²", "-1", "99999999999999999999999"])
def test_a_board_change_naming_its_row_by_a_value_that_is_no_id_is_not_found_and_changes_nothing(
    client, board_member, posted
):
    # A hidden field tampered with or mangled on the way: the lookup raised (an error page, 500)
    board = BoardFactory()
    term = services.board_term_create(
        board=board, actor=board_member, starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2030, 1, 1)
    )
    officer = services.board_officer_add(term=term, actor=board_member, name="Budi Contoh", position="ketua")
    client.force_login(board_member)
    base = f"/organisations/boards/{board.pk}"

    answers = [
        client.post(f"{base}/officer-remove/", {"officer": posted}).status_code,
        client.post(f"{base}/officer/", {"term": posted, "name": "Siti Contoh", "position": "sekretaris"}).status_code,
        client.post(f"{base}/member-end/", {"member": posted}).status_code,
    ]

    assert answers == [404, 404, 404]
    assert list(BoardOfficer.objects.values_list("pk", flat=True)) == [officer.pk]
