import io

import pytest
from python_calamine import CalamineWorkbook

from sinergi.audit.models import AuditEvent
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory

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
    assert "Saringan tidak valid" not in body


def test_list_query_count_is_bounded(client, board_member, django_assert_max_num_queries):
    OrganisationFactory.create_batch(40)
    client.force_login(board_member)
    with django_assert_max_num_queries(14):
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


def test_export_xlsx_is_scoped_audited_and_formula_safe(client, board_member, banjarbaru_lks):
    OrganisationFactory(name='=HYPERLINK("http://x")')
    client.force_login(board_member)

    response = client.get("/organisations/export/", {"format": "xlsx"})

    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    names = [row[1] for row in rows[1:]]
    assert names == ['\'=HYPERLINK("http://x")']
    assert AuditEvent.objects.get(action="organisations.organisation.exported").data["rows"] == 1


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


def test_the_download_buttons_follow_the_filters_applied_through_htmx(client, board_member, banjarmasin_lks):
    client.force_login(board_member)
    full_page = client.get("/organisations/").content.decode()
    assert 'id="export-links"' in full_page and "hx-swap-oob" not in full_page
    fragment = client.get("/organisations/", {"q": "uji", "page": "2"}, headers={"HX-Request": "true"}).content.decode()
    # The fragment carries the buttons out of band, with the filter and without the page number.
    assert 'id="export-links" hx-swap-oob="true"' in fragment
    assert "/organisations/export/?q=uji&amp;format=csv" in fragment
    assert "/organisations/export/?q=uji&amp;format=xlsx" in fragment
