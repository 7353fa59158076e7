import re

import pytest
from django.urls import reverse

from sinergi.audit.models import AuditEvent
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.vocabularies.models import Term

from .conftest import login_verified

pytestmark = pytest.mark.django_db


def term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("vocabularies:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "url",
    [
        reverse("vocabularies:list"),
        reverse("vocabularies:detail", args=["ppks"]),
        reverse("vocabularies:term_create", args=["ppks"]),
    ],
)
def test_a_signed_in_non_admin_gets_403(client, regency_board, url):
    client.force_login(regency_board)
    assert client.get(url).status_code == 403


def test_a_non_admin_cannot_post_changes(client, regency_board):
    # given
    client.force_login(regency_board)
    pengemis = term("ppks", "pengemis")

    # when
    edit = client.post(reverse("vocabularies:term_update", args=[pengemis.pk]), {"label_id": "X", "label_en": "X"})
    delete = client.post(reverse("vocabularies:term_delete", args=[pengemis.pk]))
    deactivate = client.post(reverse("vocabularies:term_deactivate", args=[pengemis.pk]))

    # then
    assert (edit.status_code, delete.status_code, deactivate.status_code) == (403, 403, 403)
    pengemis.refresh_from_db()
    assert (pengemis.label_id, pengemis.is_active) == ("Pengemis", True)
    # nothing changed is recorded; the three refusals are
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["access.refused"] * 3


def test_overview_lists_every_vocabulary_with_counts(admin_client):
    response = admin_client.get(reverse("vocabularies:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"Peringkat akreditasi</a></td>\s*<td class=\"num\">3</td>\s*<td class=\"num\">3</td>", html)
    assert html.count('href="/vocabularies/') >= 7


def test_detail_shows_code_labels_legal_source_status_and_usage(admin_client):
    # given
    OrganisationFactory(accreditation_grade=term("accreditation_grade", "A"))
    OrganisationFactory(accreditation_grade=term("accreditation_grade", "A"))
    Term.objects.filter(vocabulary="accreditation_grade", code="C").update(is_active=False)

    # when
    response = admin_client.get(reverse("vocabularies:detail", args=["accreditation_grade"]))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    grade_a = term("accreditation_grade", "A")
    row = re.search(rf'<tr id="term-{grade_a.pk}">(.*?)</tr>', html, re.S).group(1)
    assert "<code>A</code>" in row and "A (Sangat Baik)" in row and "A (Very good)" in row
    assert "Permensos 17/2012" in row
    assert "organisasi · peringkat akreditasi: 2" in row
    assert "/delete/" not in row  # a used item offers no delete
    row_c = re.search(rf'<tr id="term-{term("accreditation_grade", "C").pk}">(.*?)</tr>', html, re.S).group(1)
    assert "nonaktif" in row_c and "/activate/" in row_c and "/delete/" in row_c
    assert "<script>" not in html and "style=" not in html


def test_unknown_vocabulary_is_404(admin_client):
    assert admin_client.get("/vocabularies/tidak_ada/").status_code == 404


def test_edit_saves_and_audits(admin_client, province_admin):
    # given
    grade = term("accreditation_grade", "B")

    # when
    response = admin_client.post(
        reverse("vocabularies:term_update", args=[grade.pk]),
        {
            "label_id": "B (Baik)",
            "label_en": "B (Good)",
            "legal_source": "Permensos 17/2012",
            "sort_order": "7",
            "attributes": '{"validity_years": 3, "note": "uji"}',
        },
    )

    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("vocabularies:detail", args=["accreditation_grade"])
    grade.refresh_from_db()
    assert (grade.sort_order, grade.attributes) == (7, {"validity_years": 3, "note": "uji"})
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("vocabularies.term.updated", province_admin)
    assert event.changes == {
        "sort_order": [2, 7],
        "attributes": [{"validity_years": 3}, {"validity_years": 3, "note": "uji"}],
    }


def test_edit_with_bad_json_shows_the_error_and_changes_nothing(admin_client):
    grade = term("accreditation_grade", "B")
    response = admin_client.post(
        reverse("vocabularies:term_update", args=[grade.pk]),
        {"label_id": "B (Baik)", "label_en": "B (Good)", "legal_source": "", "sort_order": "2", "attributes": "[1]"},
    )
    assert response.status_code == 400
    assert "Atribut harus berupa objek JSON" in response.content.decode()
    grade.refresh_from_db()
    assert (grade.legal_source, grade.attributes) == ("Permensos 17/2012", {"validity_years": 3})
    assert not AuditEvent.objects.exists()


def test_add_an_item(admin_client):
    response = admin_client.post(
        reverse("vocabularies:term_create", args=["welfare_pillar"]),
        {"code": "pendampingan", "label_id": "Pendampingan", "label_en": "Assistance", "attributes": ""},
    )
    assert response.status_code == 302
    created = term("welfare_pillar", "pendampingan")
    assert (created.label_id, created.sort_order, created.attributes, created.is_active) == (
        "Pendampingan",
        5,
        {},
        True,
    )
    assert AuditEvent.objects.get().action == "vocabularies.term.created"


def test_add_a_duplicate_code_is_refused_on_the_form(admin_client):
    count = Term.objects.count()
    response = admin_client.post(
        reverse("vocabularies:term_create", args=["ppks"]),
        {"code": "pengemis", "label_id": "Pengemis lagi", "label_en": "Beggar again"},
    )
    assert response.status_code == 400
    assert "Kode “pengemis” sudah dipakai di kosakata ini." in response.content.decode()
    assert Term.objects.count() == count


def test_deactivate_and_activate(admin_client):
    pengemis = term("ppks", "pengemis")
    admin_client.post(reverse("vocabularies:term_deactivate", args=[pengemis.pk]))
    assert term("ppks", "pengemis").is_active is False
    admin_client.post(reverse("vocabularies:term_activate", args=[pengemis.pk]))
    assert term("ppks", "pengemis").is_active is True
    assert admin_client.get(reverse("vocabularies:term_deactivate", args=[pengemis.pk])).status_code == 405


def test_delete_an_unused_item_after_confirmation(admin_client):
    pengemis = term("ppks", "pengemis")
    confirm = admin_client.get(reverse("vocabularies:term_delete", args=[pengemis.pk]))
    assert "belum dipakai di data mana pun" in confirm.content.decode()
    response = admin_client.post(reverse("vocabularies:term_delete", args=[pengemis.pk]), follow=True)
    assert not Term.objects.filter(pk=pengemis.pk).exists()
    assert "“Pengemis” dihapus." in response.content.decode()


def test_delete_a_used_item_is_refused_with_a_clear_message_and_nothing_changes(admin_client):
    # given
    anak = term("lks_kind", "anak")
    OrganisationFactory()  # primary_service_kind "anak"
    count = Term.objects.count()

    # when
    confirm = admin_client.get(reverse("vocabularies:term_delete", args=[anak.pk]))
    response = admin_client.post(reverse("vocabularies:term_delete", args=[anak.pk]), follow=True)

    # then
    assert "masih dipakai dan tidak dapat dihapus" in confirm.content.decode()
    assert (
        "“LKS Anak (LKSA)” tidak dapat dihapus karena masih dipakai (organisasi · jenis layanan utama: 1)."
        in response.content.decode()
    )
    assert Term.objects.count() == count
    assert not AuditEvent.objects.exists()


def test_superuser_may_manage(client, superuser):
    login_verified(client, superuser)
    assert client.get(reverse("vocabularies:detail", args=["ppks"])).status_code == 200
