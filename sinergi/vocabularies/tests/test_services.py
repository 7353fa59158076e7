import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.vocabularies.models import Term, Vocabulary
from sinergi.vocabularies.selectors import term_list, term_references, term_usage
from sinergi.vocabularies.services import term_activate, term_create, term_deactivate, term_delete, term_update

pytestmark = pytest.mark.django_db


def term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


def snapshot() -> list[tuple]:
    return list(
        Term.objects.order_by("pk").values_list(
            "pk", "vocabulary", "code", "label_id", "label_en", "legal_source", "sort_order", "is_active", "attributes"
        )
    )


def test_references_to_terms_are_found_through_django_relations():
    found = {(r.model._meta.label, r.field_name, r.many_to_many) for r in term_references()}
    assert {
        ("organisations.Organisation", "primary_service_kind", False),
        ("organisations.Organisation", "service_kinds", True),
        ("organisations.Organisation", "accreditation_grade", False),
    } <= found


def test_usage_counts_foreign_keys_many_to_many_and_attribute_mentions():
    # given: two LKSA with grade A, one of which also offers disability services
    anak, disabilitas, grade_a = (
        term("lks_kind", "anak"),
        term("lks_kind", "disabilitas"),
        term("accreditation_grade", "A"),
    )
    first = OrganisationFactory(accreditation_grade=grade_a)
    OrganisationFactory(accreditation_grade=grade_a)
    first.service_kinds.add(disabilitas)

    # when
    usage = term_usage(
        [anak.pk, disabilitas.pk, grade_a.pk, term("ppks", "anak_telantar").pk, term("ppks", "pengemis").pk]
    )

    # then
    assert usage[anak.pk] == {"organisasi · jenis layanan utama": 2}
    assert usage[disabilitas.pk] == {"organisasi · jenis layanan lain": 1}
    assert usage[grade_a.pk] == {"organisasi · peringkat akreditasi": 2}
    # The LKS kind "anak" lists anak_telantar among its PPKS (seed attributes); pengemis is listed by none.
    assert usage[term("ppks", "anak_telantar").pk] == {"istilah lain · atribut": 1}
    assert term("ppks", "pengemis").pk not in usage


def test_update_changes_only_editable_fields_and_audits_a_diff(province_admin):
    # given
    grade = term("accreditation_grade", "B")

    # when
    term_update(
        actor=province_admin,
        term=grade,
        label_id="B (Baik)",
        label_en="B (Good)",
        legal_source="Permensos 6/2024",
        sort_order=2,
        attributes={"validity_years": 4},
    )

    # then
    grade.refresh_from_db()
    assert (grade.legal_source, grade.attributes) == ("Permensos 6/2024", {"validity_years": 4})
    event = AuditEvent.objects.get(action="vocabularies.term.updated")
    assert event.actor == province_admin
    assert event.object_id == str(grade.pk)
    assert event.changes == {
        "legal_source": ["Permensos 17/2012", "Permensos 6/2024"],
        "attributes": [{"validity_years": 3}, {"validity_years": 4}],
    }


def test_update_without_changes_writes_nothing(province_admin):
    grade = term("accreditation_grade", "B")
    term_update(actor=province_admin, term=grade, label_id="  B   (Baik) ")
    assert not AuditEvent.objects.exists()


def test_update_refuses_empty_labels_and_non_object_attributes_and_changes_nothing(province_admin):
    # given
    before = snapshot()

    # when
    with pytest.raises(ValidationError) as refusal:
        term_update(actor=province_admin, term=term("ppks", "pengemis"), label_id=" ", attributes=[1, 2])

    # then
    assert refusal.value.message_dict == {
        "label_id": ["Label bahasa Indonesia wajib diisi."],
        "attributes": ['Atribut harus berupa objek JSON, mis. {"validity_years": 5}, atau {} bila tidak ada.'],
    }
    assert snapshot() == before
    assert not AuditEvent.objects.exists()


def test_a_label_with_a_semicolon_is_refused_as_a_spreadsheet_would_split_it(province_admin):
    # A review found "Gelandangan; Pengemis" exported in a PPKS cell and imported back as the two other items.
    before = snapshot()
    with pytest.raises(ValidationError) as refusal:
        term_create(actor=province_admin, vocabulary="ppks", code="gp", label_id="Gelandangan; Pengemis",
                    label_en="Homeless; beggars")  # fmt: skip
    message = "Label tidak boleh memuat “;”: tanda itu memisahkan beberapa pilihan dalam satu sel spreadsheet."
    assert refusal.value.message_dict == {"label_id": [message], "label_en": [message]}
    with pytest.raises(ValidationError):
        term_update(actor=province_admin, term=term("ppks", "pengemis"), label_id="Pengemis; peminta")
    assert snapshot() == before


def test_update_never_changes_the_code(province_admin):
    before = snapshot()
    with pytest.raises(ValidationError):
        term_update(actor=province_admin, term=term("ppks", "pengemis"), code="peminta")
    assert snapshot() == before


def test_create_adds_an_item_last_and_audits_it(superuser):
    # when
    created = term_create(
        actor=superuser,
        vocabulary=Vocabulary.WELFARE_PILLAR,
        code="pendampingan",
        label_id="Pendampingan sosial",
        label_en="Social assistance",
        legal_source="Uji",
    )

    # then
    assert (created.sort_order, created.is_active, created.attributes) == (5, True, {})
    event = AuditEvent.objects.get(action="vocabularies.term.created")
    assert event.object_id == str(created.pk)
    assert event.data["code"] == "pendampingan"


def test_create_refuses_a_duplicate_or_malformed_code(province_admin):
    before = snapshot()
    with pytest.raises(ValidationError) as duplicate:
        term_create(actor=province_admin, vocabulary="ppks", code="pengemis", label_id="X", label_en="X")
    with pytest.raises(ValidationError) as malformed:
        term_create(actor=province_admin, vocabulary="ppks", code="dua kata", label_id="", label_en="X")
    assert duplicate.value.message_dict == {"code": ["Kode “pengemis” sudah dipakai di kosakata ini."]}
    assert malformed.value.message_dict == {
        "code": ["Kode hanya boleh huruf, angka, garis bawah dan tanda hubung (paling banyak 64)."],
        "label_id": ["Label bahasa Indonesia wajib diisi."],
    }
    assert snapshot() == before
    assert not AuditEvent.objects.exists()


def test_deactivate_and_activate_are_audited(province_admin):
    pengemis = term("ppks", "pengemis")
    term_deactivate(actor=province_admin, term=pengemis)
    assert term("ppks", "pengemis").is_active is False
    term_activate(actor=province_admin, term=pengemis)
    assert term("ppks", "pengemis").is_active is True
    assert list(AuditEvent.objects.order_by("pk").values_list("action", "changes")) == [
        ("vocabularies.term.deactivated", {"is_active": [True, False]}),
        ("vocabularies.term.activated", {"is_active": [False, True]}),
    ]


def test_delete_of_an_unused_item_removes_it_and_audits_a_snapshot(province_admin):
    pengemis = term("ppks", "pengemis")
    term_delete(actor=province_admin, term=pengemis)
    assert not Term.objects.filter(pk=pengemis.pk).exists()
    event = AuditEvent.objects.get(action="vocabularies.term.deleted")
    assert (event.object_id, event.data["code"], event.data["label_id"]) == (str(pengemis.pk), "pengemis", "Pengemis")


def test_delete_of_a_used_item_is_refused_and_nothing_changes(province_admin):
    # given: an LKS offers disability services as a secondary kind (many-to-many: a delete would cascade silently)
    disabilitas = term("lks_kind", "disabilitas")
    organisation = OrganisationFactory()
    organisation.service_kinds.add(disabilitas)
    before = snapshot()

    # when
    with pytest.raises(ValidationError) as refusal:
        term_delete(actor=province_admin, term=disabilitas)

    # then
    assert refusal.value.messages == [
        "“LKS Penyandang Disabilitas” tidak dapat dihapus karena masih dipakai (organisasi · jenis layanan lain: 1). "
        "Nonaktifkan saja agar tidak ditawarkan lagi untuk data baru."
    ]
    assert snapshot() == before
    assert list(organisation.service_kinds.all()) == [disabilitas]
    assert not AuditEvent.objects.exists()


def test_delete_of_an_item_mentioned_in_another_items_attributes_is_refused(province_admin):
    before = snapshot()
    with pytest.raises(ValidationError, match="istilah lain · atribut: 1"):
        term_delete(actor=province_admin, term=term("ppks", "lansia_telantar"))
    assert snapshot() == before


@pytest.mark.parametrize("role", [Role.REGENCY_BOARD, Role.DINSOS_VIEWER])
def test_only_province_admins_and_superusers_may_change_vocabularies(role):
    # given
    outsider = user_with_role(role, region_code="63")
    pengemis = term("ppks", "pengemis")
    before = snapshot()

    # when / then
    with pytest.raises(PermissionDenied):
        term_update(actor=outsider, term=pengemis, label_id="Peminta-minta")
    with pytest.raises(PermissionDenied):
        term_delete(actor=outsider, term=pengemis)
    with pytest.raises(PermissionDenied):
        term_deactivate(actor=outsider, term=pengemis)
    with pytest.raises(PermissionDenied):
        term_create(actor=outsider, vocabulary="ppks", code="baru", label_id="Baru", label_en="New")
    with pytest.raises(PermissionDenied):
        term_list(actor=outsider, vocabulary="ppks")
    assert snapshot() == before
    assert not AuditEvent.objects.exists()


def test_list_gives_each_item_its_usage_in_display_order(province_admin):
    OrganisationFactory(accreditation_grade=term("accreditation_grade", "A"))
    grades = term_list(actor=province_admin, vocabulary="accreditation_grade")
    assert [(t.code, t.usage_total) for t in grades] == [("A", 1), ("B", 0), ("C", 0)]
