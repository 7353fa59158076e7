import datetime
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sinergi.accounts.tests.factories import UserFactory
from sinergi.core.testing import otp_login
from sinergi.demo.partnerships import demo_pdf
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.partnerships.choices import AgreementStatus
from sinergi.partnerships.models import Agreement, AgreementDocument

from .factories import agreement_between

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PDF = demo_pdf(["Naskah uji"])


def signed_in(client, user):
    if user.memberships.filter(role="province_admin").exists():
        otp_login(client, user)
    else:
        client.force_login(user)
    return client


def text(response) -> str:
    return response.content.decode()


def create_post(lks, csr, **overrides) -> dict:
    return {
        "kind": "pks",
        "title": "Beasiswa anak asuh",
        "number": "001/PKS/UJI/2025",
        "scope": "Biaya sekolah.",
        "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY + datetime.timedelta(days=365)).isoformat(),
        "signed_on": TODAY.isoformat(),
        "party_organisation": [str(lks.pk), str(csr.pk)],
        "party_role": ["first", "second"],
        "party_signatory": ["Ketua", ""],
        **overrides,
    }


def test_anonymous_visitors_are_sent_to_login(client, agreement):
    for path in ("/partnerships/", f"/partnerships/{agreement.pk}/", "/partnerships/network/", "/partnerships/new/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_list_shows_agreements_in_scope_with_filters(client, users, agreement, other_lks, university):
    agreement_between(university, other_lks, title="Pendampingan psikologis")
    client.force_login(users["board"])

    page = text(client.get("/partnerships/"))
    filtered = text(client.get("/partnerships/", {"status": "draft"}, headers={"HX-Request": "true"}))

    assert "Beasiswa anak asuh" in page
    assert "Pendampingan psikologis" not in page
    assert "1 perjanjian" in page
    assert "<html" not in filtered and "0 perjanjian" in filtered


def test_the_list_runs_a_bounded_number_of_queries(client, users, lks, csr, django_assert_max_num_queries):
    for _ in range(15):
        agreement_between(csr, lks)
    client.force_login(users["board"])
    # session, user, memberships, count, page, parties, forms, pillars, regencies, ...: none per row
    with django_assert_max_num_queries(13):
        assert client.get("/partnerships/").status_code == 200


def test_a_board_member_records_an_agreement(client, users, lks, csr):
    client.force_login(users["board"])

    response = client.post("/partnerships/new/", create_post(lks, csr))

    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/partnerships/{agreement.pk}/"
    assert agreement.status == AgreementStatus.DRAFT
    assert sorted(agreement.parties.values_list("organisation__name", "role", "signatory")) == [
        ("LKSA Uji Banjarmasin", "first", "Ketua"),
        ("PT Uji Peduli (CSR)", "second", ""),
    ]


def test_a_form_with_one_party_comes_back_with_the_reason_and_nothing_is_saved(client, users, lks, csr):
    client.force_login(users["board"])

    response = client.post(
        "/partnerships/new/",
        create_post(lks, csr, party_organisation=[str(lks.pk)], party_role=["first"], party_signatory=[""]),
    )

    assert response.status_code == 400
    assert "Perjanjian memerlukan sekurang-kurangnya pihak pertama dan pihak kedua." in text(response)
    assert f'name="party_organisation" value="{lks.pk}"' in text(response)  # the chosen party is still on the form
    assert Agreement.objects.count() == 0


def test_an_organisation_out_of_reach_cannot_be_smuggled_into_the_form(client, users, lks):
    hidden = OrganisationFactory(name="LKSA Draf Tersembunyi", region_id="63.72", status="draft")
    client.force_login(users["board"])

    response = client.post("/partnerships/new/", create_post(lks, hidden))

    assert response.status_code == 400
    assert "Organisasi pihak tidak ditemukan atau tidak dapat Anda pilih." in text(response)
    assert "LKSA Draf Tersembunyi" not in text(response)
    assert Agreement.objects.count() == 0


def test_viewers_cannot_open_the_create_page_or_search_parties(client, users):
    client.force_login(users["dinsos"])
    assert client.get("/partnerships/new/").status_code == 403
    assert client.get("/partnerships/parties/search/", {"party_q": "PT"}).status_code == 403


def test_party_search_offers_organisations_of_any_kind(client, users, lks, csr, university):
    client.force_login(users["board"])

    found = text(client.get("/partnerships/parties/search/", {"party_q": "uji"}))
    companies = text(client.get("/partnerships/parties/search/", {"party_q": "", "party_kind": "business"}))

    assert {"LKSA Uji Banjarmasin", "PT Uji Peduli (CSR)", "Universitas Uji"} <= set(
        re.findall(r">([^<>]+?) <span", found)
    )
    assert "PT Uji Peduli (CSR)" in companies and "Universitas Uji" not in companies


def test_party_rows_first_then_second_and_no_duplicates(client, users, lks, csr):
    client.force_login(users["board"])

    first = text(client.get("/partnerships/parties/row/", {"organisation": lks.pk}))
    second = text(
        client.get(
            "/partnerships/parties/row/", {"organisation": csr.pk, "party_organisation": lks.pk, "party_role": "first"}
        )
    )
    again = client.get("/partnerships/parties/row/", {"organisation": lks.pk, "party_organisation": lks.pk})

    assert '<option value="first" selected>' in first
    assert '<option value="second" selected>' in second
    assert again.status_code == 200 and again.content == b""


@pytest.mark.parametrize("value", ["²", "99999999999999999999999"])
def test_an_organisation_named_by_a_value_that_is_no_id_is_not_an_error(client, users, lks, value):
    # "²" passes str.isdigit() and int() refuses it; a 23-digit id the database refuses: both were error pages
    client.force_login(users["board"])

    assert client.get("/partnerships/new/", {"organisation": value}).status_code == 200
    assert client.get("/partnerships/parties/row/", {"organisation": value}).status_code == 404
    refused = client.post(
        "/partnerships/new/", {"title": "Uji", "party_organisation": [value], "party_role": ["first"]}
    )
    assert refused.status_code in (200, 400)


def test_detail_is_404_outside_scope(client, users, agreement):
    client.force_login(users["board_tanah_laut"])
    assert client.get(f"/partnerships/{agreement.pk}/").status_code == 404


def test_detail_shows_parties_and_actions_only_to_those_who_may_change(client, users, agreement):
    client.force_login(users["dinsos"])
    as_viewer = text(client.get(f"/partnerships/{agreement.pk}/"))
    client.force_login(users["operator"])
    as_party = text(client.get(f"/partnerships/{agreement.pk}/"))

    assert (
        "PT Uji Peduli (CSR)" in as_viewer
        and "Unggah dokumen" not in as_viewer
        and "Akhiri perjanjian" not in as_viewer
    )
    assert "Unggah dokumen" in as_party and "Akhiri perjanjian" in as_party


def test_edit_keeps_optimistic_locking(client, users, agreement, lks, csr):
    client.force_login(users["board"])
    form = create_post(lks, csr, title="Judul baru", version="1")
    assert client.post(f"/partnerships/{agreement.pk}/edit/", form).status_code == 302
    stale = client.post(f"/partnerships/{agreement.pk}/edit/", {**form, "title": "Lagi"})
    agreement.refresh_from_db()
    assert stale.status_code == 409
    assert agreement.title == "Judul baru"


def test_activate_and_terminate_through_the_page(client, users, lks, csr):
    draft = agreement_between(lks, csr, status=AgreementStatus.DRAFT)
    client.force_login(users["board"])

    client.post(f"/partnerships/{draft.pk}/activate/")
    refused = client.post(f"/partnerships/{draft.pk}/terminate/", {"reason": ""})
    client.post(f"/partnerships/{draft.pk}/terminate/", {"reason": "Program dihentikan"})

    draft.refresh_from_db()
    assert refused.status_code == 400
    assert draft.status == AgreementStatus.TERMINATED
    assert draft.termination_reason == "Program dihentikan"


def test_a_viewer_posting_a_transition_changes_nothing(client, users, agreement):
    client.force_login(users["dinsos"])
    response = client.post(f"/partnerships/{agreement.pk}/terminate/", {"reason": "x"}, follow=True)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE
    assert "Anda tidak berwenang mengubah status perjanjian ini." in text(response)


def test_upload_and_download_within_scope_only(client, users, agreement):
    client.force_login(users["operator"])
    response = client.post(
        f"/partnerships/{agreement.pk}/documents/",
        {"title": "Naskah", "file": SimpleUploadedFile("naskah.pdf", PDF, content_type="application/pdf")},
    )
    document = AgreementDocument.objects.get()
    assert response.status_code == 302

    client.force_login(users["board_banjar"])
    download = client.get(f"/partnerships/documents/{document.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF

    client.force_login(users["board_tanah_laut"])
    assert client.get(f"/partnerships/documents/{document.pk}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/partnerships/documents/{document.pk}/").status_code == 404


def test_a_refused_upload_is_explained_on_the_page_and_nothing_is_stored(client, settings, users, agreement):
    client.force_login(users["board"])

    response = client.post(
        f"/partnerships/{agreement.pk}/documents/",
        {"file": SimpleUploadedFile("naskah.pdf", b"GIF89a bukan pdf", content_type="application/pdf")},
    )

    assert response.status_code == 400
    assert "Isi berkas bukan PDF atau gambar PNG/JPEG." in text(response)
    assert AgreementDocument.objects.count() == 0
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_the_organisation_page_shows_its_partnerships(client, users, agreement, lks):
    client.force_login(users["operator"])

    page = text(client.get(f"/organisations/{lks.pk}/"))

    assert 'id="partnerships"' in page
    assert "Beasiswa anak asuh" in page
    assert "PT Uji Peduli (CSR)" in page
    assert f"/partnerships/new/?organisation={lks.pk}" in page


def test_starting_from_an_organisation_page_names_it_first_party(client, users, lks):
    client.force_login(users["board"])
    page = text(client.get("/partnerships/new/", {"organisation": lks.pk}))
    assert f'name="party_organisation" value="{lks.pk}"' in page
    assert '<option value="first" selected>' in page


def test_the_network_page_has_a_table_and_a_drawing_without_inline_styles_or_scripts(
    client, users, agreement, other_lks, university
):
    agreement_between(university, other_lks)
    admin = users["admin"]
    signed_in(client, admin)

    page = text(client.get("/partnerships/network/"))
    only_business = text(client.get("/partnerships/network/", {"kind": "business"}))

    assert "Jejaring kerja sama" in page
    assert "2 pasangan kerja sama di antara 4 organisasi" in page
    assert page.count('<circle class="node"') == 4
    assert page.count('<line class="edge"') == 2
    assert " style=" not in page and "<script>" not in page
    assert re.search(r'cx="\d+(\.\d+)?"', page)  # numbers unlocalised (no decimal comma in SVG)
    assert "1 pasangan kerja sama di antara 2 organisasi" in only_business
    assert "Universitas Uji" not in only_business.split('id="network-table"')[1]


def test_the_history_reads_in_words(client, users, lks, csr):
    client.force_login(users["board"])
    client.post("/partnerships/new/", create_post(lks, csr))
    page = text(client.get(f"/partnerships/{Agreement.objects.get().pk}/"))
    assert "Pihak pertama: LKSA Uji Banjarmasin, Pihak kedua: PT Uji Peduli (CSR)" in page


ROLES = ["outsider", "operator", "other_operator", "board", "board_banjar", "board_tanah_laut", "dinsos", "admin"]
# page -> status per role, in ROLES order (404, not 403, for an agreement outside the caller's scope)
PAGES = {
    "/partnerships/": [200, 200, 200, 200, 200, 200, 200, 200],
    "/partnerships/network/": [200, 200, 200, 200, 200, 200, 200, 200],
    "/partnerships/new/": [403, 200, 200, 200, 200, 200, 403, 200],
    "/partnerships/{pk}/": [404, 200, 404, 200, 200, 404, 200, 200],
    "/partnerships/{pk}/edit/": [404, 200, 404, 200, 200, 404, 404, 200],
}


@pytest.mark.parametrize("url", PAGES)
def test_every_role_gets_the_right_answer_on_every_page(client, users, agreement, url):
    everyone = {**users, "outsider": UserFactory()}
    got = {}
    for role in ROLES:
        client.logout()
        signed_in(client, everyone[role])
        got[role] = client.get(url.format(pk=agreement.pk)).status_code
    assert got == dict(zip(ROLES, PAGES[url], strict=True))


def test_a_document_whose_file_is_gone_says_so_on_its_agreement_page(client, settings, users, agreement, caplog):
    client.force_login(users["operator"])
    client.post(
        f"/partnerships/{agreement.pk}/documents/",
        {"title": "Naskah", "file": SimpleUploadedFile("naskah.pdf", PDF, content_type="application/pdf")},
    )
    document = AgreementDocument.objects.get()
    (Path(settings.MEDIA_ROOT) / document.file.name).unlink()

    response = client.get(f"/partnerships/documents/{document.pk}/", follow=True)

    assert response.redirect_chain == [(f"/partnerships/{agreement.pk}/#documents", 302)]
    assert (
        "Berkas dokumen “Naskah” tidak ada lagi di server. Minta admin memulihkannya dari cadangan, "
        "atau unggah ulang dokumennya." in text(response)
    )
    assert f"Agreement document {document.pk} has no file" in caplog.text
    assert AgreementDocument.objects.count() == 1
