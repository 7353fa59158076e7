import datetime

import pytest
from django.utils import timezone

from sinergi.audit.models import AuditEvent
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.partnerships import services
from sinergi.partnerships.choices import ALLOWED_STATUS_TRANSITIONS, AgreementStatus, PartyRole
from sinergi.partnerships.models import Agreement, AgreementParty
from sinergi.partnerships.services import PartyInput
from sinergi.vocabularies.models import Term, Vocabulary

from .factories import agreement_between

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


def data(**overrides) -> dict:
    return {
        "kind": "pks",
        "title": "Beasiswa anak asuh",
        "number": "001/PKS/UJI/2025",
        "scope": "Biaya sekolah 20 anak.",
        "starts_on": TODAY - datetime.timedelta(days=10),
        "ends_on": TODAY + datetime.timedelta(days=355),
        "signed_on": TODAY - datetime.timedelta(days=11),
        **overrides,
    }


def parties(first, second, *witnesses) -> list[PartyInput]:
    return [
        PartyInput(organisation=first, role=PartyRole.FIRST, signatory="Direktur"),
        PartyInput(organisation=second, role=PartyRole.SECOND),
        *[PartyInput(organisation=w, role=PartyRole.WITNESS) for w in witnesses],
    ]


def test_regency_board_records_an_agreement_with_a_company_elsewhere(users, lks, csr):
    agreement = services.agreement_create(
        actor=users["board"],
        data=data(),
        parties=parties(lks, csr),
        participation_forms=[term(Vocabulary.PARTICIPATION_FORM, "dana")],
        welfare_pillars=[term(Vocabulary.WELFARE_PILLAR, "rehabilitasi_sosial")],
    )

    assert agreement.status == AgreementStatus.DRAFT
    assert agreement.created_by == users["board"]
    assert sorted(agreement.parties.values_list("organisation__name", "role", "signatory")) == [
        ("LKSA Uji Banjarmasin", "first", "Direktur"),
        ("PT Uji Peduli (CSR)", "second", ""),
    ]
    assert list(agreement.participation_forms.values_list("code", flat=True)) == ["dana"]
    event = AuditEvent.objects.get(action="partnerships.agreement.created")
    assert event.object_id == str(agreement.pk)
    assert event.changes["parties"] == [None, ["first: LKSA Uji Banjarmasin", "second: PT Uji Peduli (CSR)"]]
    assert event.changes["participation_forms"] == [None, ["dana"]]


def test_operator_of_a_party_may_record_it(users, lks, csr):
    agreement = services.agreement_create(actor=users["operator"], data=data(), parties=parties(csr, lks))
    assert agreement.parties.count() == 2


@pytest.mark.parametrize("who", ["board_tanah_laut", "other_operator", "dinsos"])
def test_someone_acting_for_no_party_is_refused_and_nothing_is_written(users, lks, csr, who):
    with pytest.raises(PermissionDenied):
        services.agreement_create(actor=users[who], data=data(), parties=parties(lks, csr))

    assert Agreement.objects.count() == 0
    assert AgreementParty.objects.count() == 0
    assert AuditEvent.objects.filter(action__startswith="partnerships.").count() == 0


def test_a_party_the_actor_may_not_choose_is_refused_by_id(users, lks):
    # A draft LKS in Banjarbaru: not active (so not public) and outside the Banjarmasin board's scope.
    hidden = OrganisationFactory(name="LKSA Draf Tersembunyi", region_id="63.72", status=OrganisationStatus.DRAFT)

    with pytest.raises(ValidationError) as error:
        services.agreement_create(actor=users["board"], data=data(), parties=parties(lks, hidden))

    assert error.value.message_dict["parties"] == [
        f"Organisasi dengan id {hidden.pk} tidak ada atau tidak dapat Anda pilih sebagai pihak."
    ]
    assert Agreement.objects.count() == 0


def test_active_organisations_of_the_province_are_candidates_beyond_the_actors_scope(users, lks, csr, other_lks):
    inactive = OrganisationFactory(name="LKS Nonaktif", region_id="63.71", status=OrganisationStatus.INACTIVE)
    draft_elsewhere = OrganisationFactory(name="Draf Banjarbaru", region_id="63.72", status=OrganisationStatus.DRAFT)
    draft_own = OrganisationFactory(name="Draf Banjarmasin", region_id="63.71", status=OrganisationStatus.DRAFT)

    names = set(services.party_candidates(actor=users["board"]).values_list("name", flat=True))

    assert {lks.name, csr.name, other_lks.name, draft_own.name} <= names
    assert inactive.name not in names
    assert draft_elsewhere.name not in names
    assert services.party_candidates(actor=users["dinsos"]).count() == 0


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        (
            [PartyRole.FIRST, PartyRole.WITNESS],
            "Perjanjian memerlukan sekurang-kurangnya pihak pertama dan pihak kedua.",
        ),
        (
            [PartyRole.SECOND, PartyRole.SECOND],
            "Perjanjian memerlukan sekurang-kurangnya pihak pertama dan pihak kedua.",
        ),
        (["boss", PartyRole.SECOND], "Kedudukan pihak tidak dikenal."),
    ],
)
def test_parties_must_include_a_first_and_a_second(users, lks, csr, roles, message):
    given = [PartyInput(organisation=lks, role=roles[0]), PartyInput(organisation=csr, role=roles[1])]

    with pytest.raises(ValidationError) as error:
        services.agreement_create(actor=users["board"], data=data(), parties=given)

    assert message in error.value.message_dict["parties"]
    assert Agreement.objects.count() == 0


def test_the_same_organisation_twice_is_refused(users, lks, csr):
    given = [*parties(lks, csr), PartyInput(organisation=lks, role=PartyRole.WITNESS)]
    with pytest.raises(ValidationError) as error:
        services.agreement_create(actor=users["board"], data=data(), parties=given)
    assert error.value.message_dict["parties"] == ["Satu organisasi hanya dapat disebut sekali sebagai pihak."]


def test_dates_and_vocabularies_are_checked_together(users, lks, csr):
    with pytest.raises(ValidationError) as error:
        services.agreement_create(
            actor=users["board"],
            data=data(title=" ", ends_on=TODAY - datetime.timedelta(days=20), signed_on=TODAY + datetime.timedelta(1)),
            parties=parties(lks, csr),
            participation_forms=[term(Vocabulary.WELFARE_PILLAR, "jaminan_sosial")],
        )

    assert error.value.message_dict == {
        "title": ["Judul wajib diisi."],
        "ends_on": ["Tanggal berakhir harus sesudah tanggal mulai berlaku."],
        "signed_on": [
            "Tanggal penandatanganan tidak boleh di masa depan.",
            "Tanggal penandatanganan harus sebelum tanggal berakhir.",
        ],
        "participation_forms": ["Bentuk peran serta harus dari daftar PP 39/2012 Pasal 51."],
    }
    assert Agreement.objects.count() == 0


def test_update_records_what_changed(users, agreement, university):
    updated = services.agreement_update(
        agreement=agreement,
        actor=users["board"],
        data={"title": "Beasiswa anak asuh (addendum)", "ends_on": agreement.ends_on + datetime.timedelta(days=365)},
        expected_version=1,
        parties=[
            *parties(
                agreement.parties.get(role="first").organisation, agreement.parties.get(role="second").organisation
            ),
            PartyInput(organisation=university, role=PartyRole.WITNESS),
        ],
    )

    assert updated.version == 2
    assert updated.title == "Beasiswa anak asuh (addendum)"
    event = AuditEvent.objects.get(action="partnerships.agreement.updated")
    assert set(event.changes) == {"title", "ends_on", "parties"}
    assert "witness: Universitas Uji" in event.changes["parties"][1]


def test_a_stale_edit_is_refused_and_nothing_changes(users, agreement):
    with pytest.raises(ConflictError):
        services.agreement_update(agreement=agreement, actor=users["board"], data={"title": "Baru"}, expected_version=7)

    agreement.refresh_from_db()
    assert (agreement.title, agreement.version) == ("Beasiswa anak asuh", 1)
    assert not AuditEvent.objects.filter(action="partnerships.agreement.updated").exists()


def test_an_edit_may_not_leave_the_editor_without_a_party(users, agreement, lks, csr, university):
    # The operator of the LKS tries to hand the agreement over to the company and the university alone.
    with pytest.raises(PermissionDenied):
        services.agreement_update(
            agreement=agreement,
            actor=users["operator"],
            data={},
            expected_version=1,
            parties=parties(csr, university),
        )

    assert sorted(agreement.parties.values_list("organisation__name", flat=True)) == [lks.name, csr.name]


def test_an_ended_agreement_cannot_be_edited(users, lks, csr):
    ended = agreement_between(lks, csr, status=AgreementStatus.TERMINATED)
    with pytest.raises(TransitionError):
        services.agreement_update(agreement=ended, actor=users["board"], data={"title": "X"}, expected_version=1)
    ended.refresh_from_db()
    assert ended.title != "X"


def test_viewers_cannot_change(users, agreement):
    with pytest.raises(PermissionDenied):
        services.agreement_update(agreement=agreement, actor=users["dinsos"], data={"title": "X"}, expected_version=1)
    with pytest.raises(PermissionDenied):
        services.agreement_terminate(agreement=agreement, actor=users["dinsos"], reason="x")
    agreement.refresh_from_db()
    assert (agreement.title, agreement.status) == ("Beasiswa anak asuh", AgreementStatus.ACTIVE)


def test_activation_needs_the_signing_date(users, lks, csr):
    draft = agreement_between(lks, csr, status=AgreementStatus.DRAFT, signed_on=None)

    with pytest.raises(ValidationError) as error:
        services.agreement_activate(agreement=draft, actor=users["board"])

    assert error.value.messages == ["Isi tanggal penandatanganan sebelum menyatakan perjanjian berlaku."]
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.DRAFT


def test_activation_of_a_period_already_over_is_refused(users, lks, csr):
    draft = agreement_between(
        lks,
        csr,
        status=AgreementStatus.DRAFT,
        starts_on=TODAY - datetime.timedelta(days=400),
        ends_on=TODAY - datetime.timedelta(days=1),
        signed_on=TODAY - datetime.timedelta(days=401),
    )
    with pytest.raises(ValidationError) as error:
        services.agreement_activate(agreement=draft, actor=users["board"])
    assert error.value.messages == ["Masa berlaku perjanjian ini sudah lewat."]


def test_activation_and_termination_are_audited(users, lks, csr):
    draft = agreement_between(lks, csr, status=AgreementStatus.DRAFT)

    active = services.agreement_activate(agreement=draft, actor=users["board_banjar"])
    ended = services.agreement_terminate(agreement=active, actor=users["operator"], reason="  Program selesai  ")

    assert ended.status == AgreementStatus.TERMINATED
    assert ended.terminated_on == TODAY
    assert ended.termination_reason == "Program selesai"
    assert list(AuditEvent.objects.filter(object_id=str(draft.pk)).order_by("pk").values_list("action", "changes")) == [
        ("partnerships.agreement.activated", {"status": ["draft", "active"]}),
        (
            "partnerships.agreement.terminated",
            {
                "status": ["active", "terminated"],
                "terminated_on": [None, TODAY.isoformat()],
                "termination_reason": ["", "Program selesai"],
            },
        ),
    ]


def test_termination_needs_a_reason_and_a_day_not_in_the_future(users, agreement):
    with pytest.raises(ValidationError) as error:
        services.agreement_terminate(agreement=agreement, actor=users["board"], reason=" ")
    assert error.value.message_dict == {"reason": ["Alasan pengakhiran wajib diisi."]}
    with pytest.raises(ValidationError) as error:
        services.agreement_terminate(
            agreement=agreement, actor=users["board"], reason="x", on=TODAY + datetime.timedelta(days=1)
        )
    assert error.value.message_dict == {"on": ["Tanggal pengakhiran tidak boleh di masa depan."]}
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE


STEPS = {
    "activate": (AgreementStatus.ACTIVE, lambda a, actor: services.agreement_activate(agreement=a, actor=actor)),
    "terminate": (
        AgreementStatus.TERMINATED,
        lambda a, actor: services.agreement_terminate(agreement=a, actor=actor, reason="alasan"),
    ),
}


@pytest.mark.parametrize("start", list(AgreementStatus))
@pytest.mark.parametrize("step", list(STEPS))
def test_every_step_follows_the_allowed_transitions_table(users, lks, csr, start, step):
    agreement = agreement_between(lks, csr, status=start)
    target, run = STEPS[step]

    if target in ALLOWED_STATUS_TRANSITIONS[start]:
        assert run(agreement, users["board"]).status == target
    else:
        with pytest.raises(TransitionError):
            run(agreement, users["board"])
        agreement.refresh_from_db()
        assert agreement.status == start
        assert not AuditEvent.objects.filter(object_id=str(agreement.pk)).exists()


def test_expiry_is_refused_before_the_end_date(agreement):
    with pytest.raises(TransitionError):
        services.agreement_expire(agreement=agreement, today=agreement.ends_on)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE
