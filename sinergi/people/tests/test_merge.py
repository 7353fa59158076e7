"""The board's "same person" merges the two records into the one it keeps (finding M1 of the earlier review): one
client counted once, nothing of either record lost, the retired record found by nobody. Names and NIKs are made up."""

import datetime

import pytest

from sinergi.audit.display import action_label
from sinergi.audit.models import AuditEvent
from sinergi.core.crypto import decrypt
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError
from sinergi.people import selectors, services
from sinergi.people.choices import DuplicateReason, DuplicateStatus, PlacementStatus
from sinergi.people.models import CarePlanReview, Consent, DuplicateCandidate, Person, PersonAccess, Placement
from sinergi.people.nik import nik_compose
from sinergi.people.selectors import person_list
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, people_world, pillar, ppks
from sinergi.people.tests.test_services import ADMITTED, CHILD_BIRTH, admit, person_data, placement_data, written
from sinergi.people.tests.test_summaries import summary_rows

pytestmark = pytest.mark.django_db

NO_NIK = {"nik": "", "nik_missing_reason": "unknown"}
OTHER_NIK = nik_compose(district_code="63.71.01", birth_date=CHILD_BIRTH, sex="L", serial=22)


@pytest.fixture
def world():
    return people_world()


def assert_summaries_rebuild():
    incremental = summary_rows()
    summaries_rebuild()
    assert summary_rows() == incremental


def active_nationally() -> int:
    return sum(row[-1] for row in summary_rows()["active"] if row[0] == 0)


def registered_twice_at_one_lks(world, *, second_admitted=ADMITTED + datetime.timedelta(days=2)):
    """The child admitted with a NIK, then again two days later by a colleague who did not find him (no NIK)."""
    with_nik = admit(world).obj
    without = admit(world, person=person_data(**NO_NIK), placement=placement_data(admitted_on=second_admitted)).obj
    return with_nik, without, DuplicateCandidate.objects.get()


def served_at_two_lks(world, *, far_left: bool = True):
    """The child at a Banjarbaru LKSA from ADMITTED (gone home two days later, unless `far_left` is False), and (same
    NIK, another name) at a Banjarmasin one since the day after."""
    far = admit(world, actor=world.far_operator, organisation=world.lks_other_regency).obj
    if far_left:
        services.placement_discharge(
            actor=world.far_operator,
            placement=far.placements.get(),
            discharged_on=ADMITTED + datetime.timedelta(days=2),
            reason="reunified",
        )
    near = admit(
        world,
        person=person_data(full_name="Nama Berbeda", mother_name="Ibu Berbeda"),
        placement=placement_data(admitted_on=ADMITTED + datetime.timedelta(days=3)),
    ).obj
    return far, near, DuplicateCandidate.objects.get()


# --- one LKS, one stay recorded twice -----------------------------------------------------------------------------


def test_a_child_registered_twice_at_one_lks_becomes_one_client_with_one_stay(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    assert (candidate.reason, active_nationally()) == (DuplicateReason.CLOSE_MATCH, 2)
    double = retired.placements.get()
    review = CarePlanReview.objects.create(
        placement=double, reviewed_on=ADMITTED, next_review_on=ADMITTED + datetime.timedelta(days=180)
    )
    double.services.add(ppks_service := pillar("rehabilitasi_sosial"))
    kept_stay = kept.placements.get()

    result = services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    assert result == kept
    assert list(Placement.objects.values_list("pk", "person_id", "status")) == [
        (kept_stay.pk, kept.pk, PlacementStatus.ACTIVE)
    ]
    review.refresh_from_db()
    assert review.placement_id == kept_stay.pk
    assert list(kept_stay.services.all()) == [ppks_service]
    assert Consent.objects.filter(person=retired).count() == 0
    assert Consent.objects.filter(person=kept).count() == 2
    # counted once, as though the second stay had never been recorded
    assert active_nationally() == 1
    assert_summaries_rebuild()
    retired.refresh_from_db()
    assert (retired.merged_into, retired.nik_hash, retired.match_key) == (kept, "", "")
    assert retired.merged_at is not None
    candidate.refresh_from_db()
    assert (candidate.status, candidate.resolved_by) == (DuplicateStatus.LINKED, world.regency_board)
    assert list(person_list(actor=world.operator).qs) == [kept]


def test_a_later_stay_at_the_same_lks_is_not_a_double_and_moves(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    kept_stay = kept.placements.get()
    services.placement_discharge(
        actor=world.operator,
        placement=kept_stay,
        discharged_on=ADMITTED + datetime.timedelta(days=1),
        reason="reunified",
    )
    later = retired.placements.get()  # admitted the day after the discharge: a second stay, not the same one
    before = summary_rows()

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    assert set(kept.placements.values_list("pk", flat=True)) == {kept_stay.pk, later.pk}
    assert summary_rows() == before


# --- two LKS ---------------------------------------------------------------------------------------------------------


def test_stays_at_two_lks_both_move_to_the_kept_record_and_the_counts_do_not_change(world):
    far, near, candidate = served_at_two_lks(world)
    before = summary_rows()

    kept = services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=far)

    assert kept == far
    assert set(Placement.objects.values_list("person_id", "organisation_id")) == {
        (far.pk, world.lks_other_regency.pk),
        (far.pk, world.lks.pk),
    }
    assert summary_rows() == before
    assert_summaries_rebuild()
    # located where the latest active stay is (as a transfer would locate it)
    assert (kept.organisation, kept.province_code, kept.regency_code) == (world.lks, "63", "63.71")
    assert kept.full_name == "Anak Uji Satu"  # the kept record's own values win


# --- refusals --------------------------------------------------------------------------------------------------------


def _candidate(one, other):
    return DuplicateCandidate.objects.create(
        person=one, other=other, reason=DuplicateReason.CLOSE_MATCH, province_code="63", regency_code="63.71"
    )


def test_a_child_in_care_at_two_lks_is_not_merged_until_one_of_them_ends_the_stay(world):
    # A review found the LKS where the kept record was not located losing sight of the child it still served, and
    # its list refused for ever: a client is located at one LKS.
    far, near, candidate = served_at_two_lks(world, far_left=False)
    before = summary_rows()

    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=far)

    (message,) = excinfo.value.messages
    assert message.startswith("Kedua data masih dilayani aktif di LKS yang berbeda (")
    assert "LKSA Harapan Contoh" in message and "LKSA Banjarbaru Contoh" in message
    assert summary_rows() == before and Person.objects.current().count() == 2


def test_a_stay_still_served_over_days_the_other_record_ended_there_is_not_merged(world):
    # A review found the active stay removed as a "double" of a stay the other record ended: served nowhere after.
    kept, retired, candidate = registered_twice_at_one_lks(world)
    services.placement_discharge(
        actor=world.operator,
        placement=kept.placements.get(),
        discharged_on=ADMITTED + datetime.timedelta(days=5),
        reason="reunified",
    )

    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    (message,) = excinfo.value.messages
    assert "satu data masih dilayani sejak" in message and "sudah keluar" in message
    assert Placement.objects.filter(status=PlacementStatus.ACTIVE).count() == 1


def test_two_different_niks_are_refused_and_nothing_changes(world):
    kept = admit(world).obj
    retired = admit(world, person=person_data(nik=OTHER_NIK)).obj
    candidate = DuplicateCandidate.objects.get()
    before, summaries = written(), summary_rows()
    people = list(Person.objects.order_by("pk").values())

    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    (message,) = excinfo.value.messages
    assert message.startswith("Kedua data memiliki NIK berbeda (")
    assert "perbaiki NIK yang salah dulu" in message
    assert decrypt(retired.nik_encrypted) not in message
    assert (written(), summary_rows()) == (before, summaries)
    assert list(Person.objects.order_by("pk").values()) == people
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.OPEN


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"birth_date": CHILD_BIRTH - datetime.timedelta(days=1)}, "Kedua data memiliki tanggal lahir berbeda"),
        ({"sex": "P"}, "Kedua data memiliki jenis kelamin berbeda"),
        ({"erased_at": datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)}, "data yang dihapus tidak dapat"),
    ],
)
def test_records_that_disagree_or_an_erased_one_are_refused(world, change, expected):
    kept = PersonFactory(organisation=world.lks, birth_date=CHILD_BIRTH, nik="", nik_missing_reason="unknown")
    retired = PersonFactory(organisation=world.lks, nik="", **{"birth_date": CHILD_BIRTH, **change})
    PlacementFactory(person=kept)
    PlacementFactory(person=retired, organisation=world.lks_same_regency)
    candidate = _candidate(retired, kept)
    before = written()

    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    assert expected in " ".join(excinfo.value.messages)
    assert written() == before
    assert Person.objects.filter(merged_into__isnull=False).count() == 0


@pytest.mark.parametrize("who", ["operator", "other_board", "dinsos_viewer", "outsider"])
def test_only_the_board_of_the_candidate_may_merge(world, who):
    kept, _retired, candidate = registered_twice_at_one_lks(world)
    before, summaries = written(), summary_rows()

    with pytest.raises(PermissionDenied):
        services.duplicate_merge(actor=getattr(world, who), candidate=candidate, keep=kept)

    assert (written(), summary_rows()) == (before, summaries)
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.OPEN


def test_a_decided_candidate_is_not_merged_and_keep_must_be_one_of_the_two(world):
    kept, _retired, candidate = registered_twice_at_one_lks(world)
    stranger = PersonFactory(organisation=world.lks)
    with pytest.raises(ValidationError):
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=stranger)
    services.duplicate_resolve(actor=world.regency_board, candidate=candidate, same_person=False)
    with pytest.raises(TransitionError):
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)
    assert Placement.objects.count() == 2


# --- what the kept record takes --------------------------------------------------------------------------------------


def test_the_kept_records_empty_fields_are_filled_and_its_own_values_win(world):
    # the board keeps the record without a NIK (registered first, say): it takes the NIK and the guardian as a whole
    kept, retired, candidate = registered_twice_at_one_lks(world)
    Person.objects.filter(pk=kept.pk).update(
        nik_encrypted="", nik_hash="", nik_masked="", nik_missing_reason="unknown", birth_place="", notes="Catatan A"
    )
    Person.objects.filter(pk=retired.pk).update(
        nik_encrypted=kept.nik_encrypted, nik_hash=kept.nik_hash, nik_masked=kept.nik_masked, nik_missing_reason="",
        birth_place="Martapura", guardian_name="Paman Contoh", guardian_relation="Paman", guardian_phone="081234567890",
        notes="Catatan B", father_name="Ayah Contoh",
    )  # fmt: skip
    Person.objects.filter(pk=kept.pk).update(father_name="Ayah Sendiri")
    retired.ppks_categories.add(ppks("anak_jalanan"))
    kept.refresh_from_db()
    retired.refresh_from_db()

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    kept.refresh_from_db()
    assert (decrypt(kept.nik_encrypted), kept.nik_hash, kept.nik_masked, kept.nik_missing_reason) == (
        decrypt(retired.nik_encrypted), retired.nik_hash, retired.nik_masked, "",
    )  # fmt: skip
    assert (kept.birth_place, kept.father_name) == ("Martapura", "Ayah Sendiri")
    assert (kept.guardian_name, kept.guardian_relation, kept.guardian_phone) == (
        "Paman Contoh",
        "Paman",
        "081234567890",
    )
    assert kept.notes == "Catatan A\n\nCatatan B"
    assert set(kept.ppks_categories.values_list("code", flat=True)) == {"anak_telantar", "anak_jalanan"}
    assert kept.match_key == services.person_match_key(
        full_name=kept.full_name, birth_date=kept.birth_date, mother_name=kept.mother_name
    )
    assert kept.version == 2
    event = AuditEvent.objects.get(action="people.duplicate.merged")
    assert event.data["filled"] == ["nik", "birth_place", "guardian", "notes", "ppks_categories"]


def test_a_restriction_of_either_record_stays_on_the_kept_one(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    services.person_restrict(actor=world.province_admin, person=retired, restricted=True, reason="Permintaan")

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    kept.refresh_from_db()
    assert kept.is_restricted is True
    assert list(person_list(actor=world.operator).qs) == []


def test_the_access_log_and_other_open_candidates_follow_the_kept_record(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    third = PersonFactory(organisation=world.lks_same_regency)
    PlacementFactory(person=third)
    repointed = _candidate(third, retired)
    closed = _candidate(kept, retired)  # the same pair the other way round: decided by this merge
    accesses = PersonAccess.objects.filter(person=retired).count()

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    repointed.refresh_from_db()
    assert (repointed.person, repointed.other, repointed.status) == (third, kept, DuplicateStatus.OPEN)
    assert DuplicateCandidate.objects.get(pk=closed.pk).status == DuplicateStatus.CLOSED
    # every line of the retired record's history, and the merge itself, is now the kept record's
    assert PersonAccess.objects.filter(person=retired).count() == 1
    assert PersonAccess.objects.filter(person=kept, what="changed", purpose="duplicate").count() == 1
    assert PersonAccess.objects.filter(person=kept).count() >= accesses


def test_a_decision_about_the_retired_record_holds_for_the_kept_one(world):
    # A review found "Orang berbeda" decided against the retired record left behind: asked again of the kept one.
    kept, retired, candidate = registered_twice_at_one_lks(world)
    someone_else = PersonFactory(organisation=world.lks_same_regency)
    different = _candidate(someone_else, retired)
    services.duplicate_resolve(actor=world.regency_board, candidate=different, same_person=False)

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    different.refresh_from_db()
    assert (different.person, different.other, different.status) == (someone_else, kept, DuplicateStatus.DISMISSED)


def test_the_merge_is_audited_by_ids_without_names_and_labelled(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    double = retired.placements.get()

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    event = AuditEvent.objects.get(action="people.duplicate.merged")
    assert (event.object_id, event.purpose) == (str(candidate.pk), "duplicate")
    assert event.data == {
        "kept": kept.pk,
        "retired": retired.pk,
        "stays_moved": [],
        "stays_removed": [
            {
                "id": double.pk,
                "lks": world.lks.pk,
                "admitted_on": double.admitted_on.isoformat(),
                "discharged_on": None,
                "ppks_category": "anak_telantar",
                "setting": "residential",
                "same_as": kept.placements.get().pk,
            }
        ],
        "filled": [],
        "candidates_closed": [],
    }
    assert "Anak Uji" not in str(event.data) and "Anak Uji" not in event.object_repr
    assert action_label("people.duplicate.merged") == "Data ganda digabungkan"
    # the decision as every decision is recorded
    assert AuditEvent.objects.get(action="people.duplicate.resolved").changes == {"status": ["open", "linked"]}


@pytest.mark.parametrize("case", ["one_lks", "two_lks"])
def test_the_preview_is_what_the_merge_does(world, case):
    kept, retired, candidate = registered_twice_at_one_lks(world) if case == "one_lks" else served_at_two_lks(world)
    plan = selectors.duplicate_merge_plans(actor=world.regency_board, candidate=candidate)[kept.pk]

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    data = AuditEvent.objects.get(action="people.duplicate.merged").data
    assert data["stays_moved"] == [stay.pk for stay in plan.moved]
    assert [stay["id"] for stay in data["stays_removed"]] == [double.pk for double, _kept in plan.doubles]
    assert data["filled"][: len(plan.filled)] == plan.filled
    assert (len(plan.moved), len(plan.doubles)) == ((0, 1) if case == "one_lks" else (1, 0))


def test_the_preview_needs_the_boards_scope(world):
    _kept, _retired, candidate = registered_twice_at_one_lks(world)
    with pytest.raises(PermissionDenied):
        selectors.duplicate_merge_plans(actor=world.other_board, candidate=candidate)


def test_the_retired_record_is_never_flagged_again(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)
    services.placement_discharge(
        actor=world.operator, placement=kept.placements.get(), discharged_on=ADMITTED, reason="reunified"
    )

    # the same child admitted again elsewhere under the same name: one candidate, with the kept record only
    admit(world, actor=world.other_operator, organisation=world.lks_same_regency, person=person_data(**NO_NIK))

    assert list(DuplicateCandidate.objects.filter(status=DuplicateStatus.OPEN).values_list("other_id", flat=True)) == [
        kept.pk
    ]


def test_a_merged_record_cannot_be_changed_and_is_erased_with_the_kept_one(world):
    kept, retired, candidate = registered_twice_at_one_lks(world)
    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)
    retired.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.person_update(
            actor=world.operator, person=retired, data={"birth_place": "Martapura"}, expected_version=retired.version
        )
    services.placement_discharge(
        actor=world.operator, placement=kept.placements.get(), discharged_on=ADMITTED, reason="reunified"
    )

    services.person_erase(actor=world.province_admin, person=kept, reason="Permintaan", subject_asked=True)

    retired.refresh_from_db()
    assert retired.erased_at is not None
    assert (retired.full_name, retired.mother_name, retired.nik_encrypted) == ("", "", "")
    assert DuplicateCandidate.objects.count() == 0
    event = AuditEvent.objects.get(action="people.person.erased")
    assert event.data["merged_records"] == [retired.pk]


def test_an_access_request_about_the_kept_record_shows_what_the_merged_one_still_says(world):
    # A review found the retired record's name, parents and notes (kept, privacy.md) missing from an access request.
    from sinergi.people.services.rights import person_subject_access_export

    kept, retired, candidate = registered_twice_at_one_lks(world)
    Person.objects.filter(pk=retired.pk).update(father_name="Ayah Lain Contoh", notes="Catatan lama")
    kept.refresh_from_db()
    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    export = person_subject_access_export(actor=world.province_admin, person=kept)

    [merged] = export["merged_records"]
    assert (merged["id"], merged["father_name"], merged["notes"]) == (retired.pk, "Ayah Lain Contoh", "Catatan lama")


@pytest.mark.parametrize("keep", ["first", "second"])
def test_after_a_merge_each_lks_list_sent_again_changes_nothing(tmp_path, world, keep):
    # A child at one LKS, gone home, then registered anew at another without being found: the board merges the two.
    # Each LKS's list, sent again as it was, must neither register the child again nor change anything.
    from .test_exchange_review_findings import HEADERS, client_row, import_clients, stored_rows

    first_in, first_out, second_in = datetime.date(2024, 5, 1), datetime.date(2024, 5, 20), datetime.date(2024, 6, 1)
    headers = [*HEADERS, "Tanggal keluar", "Alasan keluar"]
    first_row = client_row(
        headers, **{"Tanggal masuk": first_in, "Tanggal keluar": first_out, "Alasan keluar": "Kembali ke keluarga"}
    )
    second_row = client_row(headers, **{"Tanggal masuk": second_in, "Tanggal keluar": "", "Alasan keluar": ""})
    assert import_clients(tmp_path, [first_row], world.operator, headers=headers).created == 1
    assert import_clients(tmp_path, [second_row], world.other_operator, headers=headers).created == 1
    first, second = Person.objects.order_by("pk")
    services.duplicate_merge(
        actor=world.regency_board, candidate=DuplicateCandidate.objects.get(), keep=first if keep == "first" else second
    )
    assert_summaries_rebuild()
    before = stored_rows()

    for actor, row in ((world.operator, first_row), (world.other_operator, second_row)):
        result = import_clients(tmp_path, [row], actor, headers=headers)
        assert (result.status, result.created, result.updated) == ("succeeded", 0, 0), [
            p.message for p in [*result.problems, *result.warnings]
        ]

    assert stored_rows() == before
    assert Person.objects.current().count() == 1


def test_a_merge_that_would_serve_one_nik_twice_at_an_lks_is_refused(world):
    # The thirty-seventh review (random sequences): Budi, registered with his NIK at Harapan, and from a province
    # file at Tetangga, where he left. A colleague at Harapan registers him again without NIK; the board merges that
    # record with the Tetangga one, keeping the form's: it took the NIK, now served twice at Harapan.
    from sinergi.core.crypto import keyed_hash
    from sinergi.vocabularies.models import Term

    nik = nik_compose(district_code="63.71.01", birth_date=CHILD_BIRTH, sex="L", serial=1)
    at_harapan = PersonFactory(organisation=world.lks, full_name="Budi Contoh", birth_date=CHILD_BIRTH, sex="L",
                               mother_name="", nik=nik)  # fmt: skip
    PlacementFactory(person=at_harapan, admitted_on=ADMITTED - datetime.timedelta(days=300))
    left_tetangga = PersonFactory(organisation=world.lks_same_regency, full_name="Budi Contoh", sex="L",
                                  birth_date=CHILD_BIRTH, mother_name="Siti Contoh", nik=nik)  # fmt: skip
    PlacementFactory(person=left_tetangga, admitted_on=ADMITTED - datetime.timedelta(days=900),
                     status=PlacementStatus.DISCHARGED, discharged_on=ADMITTED - datetime.timedelta(days=400),
                     discharge_reason="reunified")  # fmt: skip
    services.person_admit(
        actor=world.operator, organisation=world.lks,
        person_data={**person_data(**NO_NIK), "full_name": "Budi Contoh", "mother_name": "Siti Contoh"},
        placement_data={**placement_data(admitted_on=ADMITTED),
                        "ppks_category": Term.objects.get(code="anak_telantar")},
        consent_data=None,
    )  # fmt: skip
    form = Person.objects.latest("pk")
    candidate = DuplicateCandidate.objects.get(person=form, other=left_tetangga)

    with pytest.raises(ValidationError) as excinfo:
        services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=form)

    (message,) = excinfo.value.messages
    assert message.startswith("Setelah digabungkan, data ini memakai NIK 6371********")
    assert "sudah terdaftar aktif di LKSA Harapan Contoh pada data lain" in message
    served = Placement.objects.filter(organisation=world.lks, status=PlacementStatus.ACTIVE,
                                      person__nik_hash=keyed_hash(nik))  # fmt: skip
    assert list(served.values_list("person_id", flat=True)) == [at_harapan.pk]
