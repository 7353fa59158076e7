import datetime

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.organisations import services
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import BoardMembership, Organisation
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, grade, lks_kind
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db


def new_lks_data(**overrides):
    data = {
        "kind": OrganisationKind.LKS,
        "name": "LKSA Baru Uji",
        "primary_service_kind": lks_kind("anak"),
        "region": Region.objects.get(pk="63.71.01.1002"),
        "capacity": 20,
    }
    return data | overrides


def test_board_member_registers_lks_in_own_kabupaten_as_draft_with_derived_codes(board_member):
    organisation = services.organisation_create(actor=board_member, data=new_lks_data())

    assert organisation.status == OrganisationStatus.DRAFT
    assert (organisation.province_code, organisation.regency_code) == ("63", "63.71")
    assert (organisation.district_code, organisation.village_code) == ("63.71.01", "63.71.01.1002")
    event = AuditEvent.objects.get(action="organisations.organisation.created")
    assert event.object_id == str(organisation.pk) and event.actor == board_member
    assert event.changes["name"] == [None, "LKSA Baru Uji"]


def test_board_member_cannot_register_lks_in_another_kabupaten(board_member):
    data = new_lks_data(region=Region.objects.get(pk="63.72.02.1003"))

    with pytest.raises(PermissionDenied):
        services.organisation_create(actor=board_member, data=data)

    assert not Organisation.objects.exists()
    assert not AuditEvent.objects.exists()


def test_lks_operator_cannot_register_organisations(operator):
    with pytest.raises(PermissionDenied):
        services.organisation_create(actor=operator, data=new_lks_data())
    assert Organisation.objects.count() == 1  # only the operator's own LKS


def test_create_lists_every_rule_broken_at_once_and_writes_nothing(province_admin):
    data = new_lks_data(
        name=" ",
        primary_service_kind=None,
        permit_issued_on=datetime.date(2024, 5, 1),
        permit_expires_on=datetime.date(2024, 4, 1),
        latitude=1,
        npwp="12.345",
    )

    with pytest.raises(ValidationError) as refused:
        services.organisation_create(actor=province_admin, data=data)

    assert set(refused.value.message_dict) == {"name", "primary_service_kind", "permit_expires_on", "latitude", "npwp"}
    assert not Organisation.objects.exists()


def test_accreditation_expiry_follows_the_grade_validity(province_admin):
    accredited = datetime.date(2024, 2, 29)
    organisation = services.organisation_create(
        actor=province_admin, data=new_lks_data(accreditation_grade=grade("A"), accredited_on=accredited)
    )
    assert organisation.accreditation_expires_on == datetime.date(2029, 2, 28)

    organisation = services.organisation_update(
        organisation=organisation,
        actor=province_admin,
        data={"accreditation_grade": grade("C")},
        expected_version=organisation.version,
    )
    assert organisation.accreditation_expires_on == datetime.date(2026, 2, 28)


def test_permit_expiry_defaults_to_the_configured_validity(province_admin, settings):
    settings.SINERGI = settings.SINERGI | {"PERMIT_VALIDITY_YEARS": 3}
    organisation = services.organisation_create(
        actor=province_admin, data=new_lks_data(permit_issued_on=datetime.date(2023, 1, 10))
    )
    assert organisation.permit_expires_on == datetime.date(2026, 1, 10)


def test_update_with_a_stale_version_is_refused_and_keeps_the_other_edit(board_member, banjarmasin_lks):
    read_version = banjarmasin_lks.version
    services.organisation_update(
        organisation=banjarmasin_lks, actor=board_member, data={"phone": "0511-111"}, expected_version=read_version
    )

    with pytest.raises(ConflictError):
        services.organisation_update(
            organisation=banjarmasin_lks, actor=board_member, data={"phone": "0511-999"}, expected_version=read_version
        )

    stored = Organisation.objects.get(pk=banjarmasin_lks.pk)
    assert stored.phone == "0511-111"
    assert stored.version == read_version + 1
    assert AuditEvent.objects.filter(action="organisations.organisation.updated").count() == 1


def test_update_records_before_and_after_in_the_history(operator, banjarmasin_lks):
    services.organisation_update(
        organisation=banjarmasin_lks,
        actor=operator,
        data={"capacity": 45, "head_name": "Kepala Baru"},
        expected_version=banjarmasin_lks.version,
    )

    event = AuditEvent.objects.get(action="organisations.organisation.updated")
    assert event.changes == {"capacity": [30, 45], "head_name": ["", "Kepala Baru"]}
    assert event.actor == operator


def test_operator_cannot_change_their_own_accreditation(operator, banjarmasin_lks):
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            organisation=banjarmasin_lks,
            actor=operator,
            data={"accreditation_grade": grade("A"), "accredited_on": datetime.date(2024, 1, 1)},
            expected_version=banjarmasin_lks.version,
        )
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).accreditation_grade is None


def test_operator_cannot_edit_another_lks(operator, banjarbaru_lks):
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            organisation=banjarbaru_lks, actor=operator, data={"name": "Diambil alih"}, expected_version=1
        )
    assert Organisation.objects.get(pk=banjarbaru_lks.pk).name == "LKSA Uji Banjarbaru"


def test_board_member_cannot_move_an_lks_out_of_their_kabupaten(board_member, banjarmasin_lks):
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            organisation=banjarmasin_lks,
            actor=board_member,
            data={"region": Region.objects.get(pk="63.72.02.1003")},
            expected_version=banjarmasin_lks.version,
        )
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).regency_code == "63.71"


def test_a_board_member_who_operates_an_lks_elsewhere_cannot_pull_it_into_their_kabupaten(board_member, banjarbaru_lks):
    # operating Banjarbaru's LKS and sitting on Banjarmasin's board: neither role is a say over Banjarbaru's region
    MembershipFactory(user=board_member, role=Role.LKS_OPERATOR, region_id=None, organisation=banjarbaru_lks)

    with pytest.raises(PermissionDenied) as refused:
        services.organisation_update(
            organisation=banjarbaru_lks,
            actor=board_member,
            data={"region": Region.objects.get(pk="63.71.01.1001")},
            expected_version=banjarbaru_lks.version,
        )

    assert str(refused.value) == (
        "Anda tidak berwenang memindahkan LKS ini keluar dari Kota Banjarbaru; hanya pengurus LKKKS atau admin "
        "provinsi wilayah itu yang dapat memindahkannya."
    )
    assert Organisation.objects.get(pk=banjarbaru_lks.pk).regency_code == "63.72"


def test_the_province_admin_still_moves_an_lks_between_its_kabupaten(province_admin, banjarbaru_lks):
    moved = services.organisation_update(
        organisation=banjarbaru_lks,
        actor=province_admin,
        data={"region": Region.objects.get(pk="63.71.01.1001")},
        expected_version=banjarbaru_lks.version,
    )

    assert moved.regency_code == "63.71"


def test_verification_is_an_explicit_step_along_the_allowed_transitions(board_member):
    draft = OrganisationFactory(status=OrganisationStatus.DRAFT)

    with pytest.raises(TransitionError):
        services.organisation_activate(organisation=draft, actor=board_member)
    verified = services.organisation_verify(organisation=draft, actor=board_member)
    active = services.organisation_activate(organisation=verified, actor=board_member)

    assert verified.status == OrganisationStatus.VERIFIED and verified.verified_by == board_member
    assert active.status == OrganisationStatus.ACTIVE
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["organisations.organisation.verified", "organisations.organisation.activated"]


def test_operator_cannot_verify_their_own_lks(operator, banjarmasin_lks):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(status=OrganisationStatus.DRAFT)
    with pytest.raises(PermissionDenied):
        services.organisation_verify(organisation=banjarmasin_lks, actor=operator)
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).status == OrganisationStatus.DRAFT


def test_deactivation_needs_a_reason(board_member, banjarmasin_lks):
    with pytest.raises(ValidationError):
        services.organisation_deactivate(organisation=banjarmasin_lks, actor=board_member, reason="  ")
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).status == OrganisationStatus.ACTIVE

    inactive = services.organisation_deactivate(organisation=banjarmasin_lks, actor=board_member, reason="Tutup")
    assert (inactive.status, inactive.inactive_reason) == (OrganisationStatus.INACTIVE, "Tutup")


def test_board_must_sit_at_province_or_kabupaten_level(province_admin):
    with pytest.raises(ValidationError):
        services.organisation_create(
            actor=province_admin,
            data={
                "kind": OrganisationKind.LKKKS,
                "name": "LKKKS Kecamatan",
                "region": Region.objects.get(pk="63.71.01"),
            },
        )


def test_board_terms_may_not_overlap(board_member):
    board = BoardFactory()
    services.board_term_create(
        board=board, actor=board_member, starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2028, 1, 1)
    )
    with pytest.raises(ValidationError):
        services.board_term_create(
            board=board, actor=board_member, starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2032, 1, 1)
        )
    assert board.terms.count() == 1


def test_board_members_must_be_in_the_boards_region(board_member, banjarmasin_lks, banjarbaru_lks):
    board = BoardFactory()
    services.board_member_add(board=board, member=banjarmasin_lks, actor=board_member)
    with pytest.raises(ValidationError):
        services.board_member_add(board=board, member=banjarbaru_lks, actor=board_member)
    assert list(BoardMembership.objects.values_list("member__name", flat=True)) == ["LKSA Uji Banjarmasin"]


# --- one number, one LKS: spreadsheets find an LKS by its number --------------------------------------------------


def test_a_number_another_lks_holds_is_refused_however_it_is_written(board_member, banjarmasin_lks):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(registration_number="TD/128/DINSOS-KALSEL/2024")
    data = new_lks_data(registration_number="td/128/dinsos\u2013kalsel/ 2024")  # autocorrect's en dash, a space

    with pytest.raises(ValidationError) as refused:
        services.organisation_create(actor=board_member, data=data)

    [message] = refused.value.message_dict["registration_number"]
    assert banjarmasin_lks.name in message and f"ID {banjarmasin_lks.pk}" in message
    assert Organisation.objects.count() == 1


def test_a_number_changed_to_another_lks_number_is_refused_and_an_edit_keeping_it_is_not(board_member, banjarmasin_lks):
    other = OrganisationFactory(region_id="63.71.01.1002", permit_number="503/IO/77/2023")
    with pytest.raises(ValidationError) as refused:
        services.organisation_update(
            organisation=banjarmasin_lks,
            actor=board_member,
            data={"permit_number": "503 / io / 77 / 2023"},
            expected_version=banjarmasin_lks.version,
        )
    assert "permit_number" in refused.value.message_dict

    # A pair recorded before the rule: each can still be edited without its number being questioned
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(permit_number="503/IO/77/2023")
    banjarmasin_lks.refresh_from_db()
    version = banjarmasin_lks.version
    services.organisation_update(
        organisation=banjarmasin_lks, actor=board_member, data={"capacity": 35}, expected_version=version
    )
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).capacity == 35
    assert other.permit_number == "503/IO/77/2023"


def test_numbers_that_only_look_alike_are_not_refused(board_member, banjarmasin_lks):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(registration_number="TD/128/DINSOS-KALSEL/2024")

    created = services.organisation_create(
        actor=board_member, data=new_lks_data(registration_number="TD/128/DINSOS-KALSEL/2025")
    )

    assert created.registration_number == "TD/128/DINSOS-KALSEL/2025"


@pytest.mark.parametrize("placeholder", ["-", "belum ada", "0", "Dalam proses"])
def test_a_placeholder_is_no_number_and_may_stand_in_several_lks(board_member, banjarmasin_lks, placeholder):
    Organisation.objects.filter(pk=banjarmasin_lks.pk).update(permit_number=placeholder)

    created = services.organisation_create(actor=board_member, data=new_lks_data(permit_number=placeholder))

    assert created.permit_number == placeholder


def test_the_same_number_in_another_kabupaten_is_another_offices_number(province_admin, banjarbaru_lks):
    Organisation.objects.filter(pk=banjarbaru_lks.pk).update(permit_number="503/IO/77/2023")

    created = services.organisation_create(actor=province_admin, data=new_lks_data(permit_number="503/IO/77/2023"))

    assert created.regency_code == "63.71" and created.permit_number == "503/IO/77/2023"


def test_an_lks_moved_into_a_kabupaten_where_another_lks_holds_its_number_is_refused(province_admin, banjarbaru_lks):
    # The same tanda daftar in two kabupaten/kota: each office issues its own
    here = OrganisationFactory(name="LKSA Satu", region_id="63.71.01.1001", registration_number="TD/004/DINSOS/2023")
    Organisation.objects.filter(pk=banjarbaru_lks.pk).update(registration_number="TD/004/DINSOS/2023")
    banjarbaru_lks.refresh_from_db()
    # Moved to Kota Banjarmasin, it would be the second LKS of that number there: a file could not tell them apart
    with pytest.raises(ValidationError) as refused:
        services.organisation_update(
            organisation=banjarbaru_lks, actor=province_admin, data={"region_id": "63.71.01.1002"},
            expected_version=banjarbaru_lks.version,
        )  # fmt: skip
    assert "registration_number" in refused.value.message_dict
    assert f"LKSA Satu (ID {here.pk})" in refused.value.message_dict["registration_number"][0]
    # A move within its own kabupaten/kota keeps its number unquestioned
    version = Organisation.objects.get(pk=banjarbaru_lks.pk).version
    moved = services.organisation_update(
        organisation=banjarbaru_lks, actor=province_admin, data={"address": "Jl. Baru 1"}, expected_version=version
    )
    assert moved.registration_number == "TD/004/DINSOS/2023"
