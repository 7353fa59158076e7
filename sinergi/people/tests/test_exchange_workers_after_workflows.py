"""An LKS's staff list imported again after other workflows changed its workers (ended on the page, moved to another
LKS, the LKS moved): nobody registered twice, a different end date refused. From the eighteenth review (imports
after other workflows); names and NIKs are made up."""

import datetime

import pytest

from sinergi.exchange.tests.conftest import _job_locks_in_tmp, _media_in_tmp, problems_of, run, xlsx_file  # noqa: F401
from sinergi.organisations.services import organisation_update
from sinergi.people.models import Worker
from sinergi.people.nik import nik_compose
from sinergi.people.services.workers import worker_create, worker_end
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import people_world, psks
from sinergi.people.tests.test_summaries import summary_rows
from sinergi.regions.models import Region

pytestmark = pytest.mark.django_db

RINA = datetime.date(1985, 5, 17)
NIK_RINA = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=7)
HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Kategori PSKS", "Peran", "Mulai bertugas"]
SHORT = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Mulai bertugas"]  # no NIK, no birth date
ENDED = datetime.date.today() - datetime.timedelta(days=15)
STARTED = datetime.date(2020, 1, 6)


@pytest.fixture
def world():
    return people_world()


def row(headers=HEADERS, **changes):
    values = {
        "Nama lengkap": "Rina Contoh", "Jenis kelamin": "P", "Tanggal lahir": RINA, "NIK": NIK_RINA,
        "Kategori PSKS": "lks", "Peran": "Pengasuh", "Mulai bertugas": STARTED, "Berhenti bertugas": "", **changes,
    }  # fmt: skip
    return [values[h] for h in headers]


def import_workers(tmp_path, rows, actor, *, headers=HEADERS, **kwargs):
    path = xlsx_file(tmp_path, [headers, *rows], name="pekerja.xlsx", sheet="Data pekerja")
    return run(path, actor, entity="workers", **kwargs)


def twice(tmp_path, rows, actor, *, headers=HEADERS):
    trial = import_workers(tmp_path, rows, actor, headers=headers, dry_run=True)
    real = import_workers(tmp_path, rows, actor, headers=headers)
    assert (trial.created, trial.updated, trial.unchanged, len(trial.problems)) == (
        real.created, real.updated, real.unchanged, len(real.problems),
    ), (said(trial), said(real))  # fmt: skip
    return real


def said(result):
    return [w.message for w in result.warnings] + [p.message for p in result.problems] + list(result.notices)


def stored():
    return list(Worker.objects.order_by("pk").values())


def assert_summaries_rebuild():
    incremental = summary_rows()
    summaries_rebuild()
    assert summary_rows() == incremental


def registered(tmp_path, world, headers=HEADERS):
    result = import_workers(tmp_path, [row(headers)], world.operator, headers=headers)
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)


def test_a_worker_ended_on_the_page_then_the_list_with_nik_is_unchanged(tmp_path, world):
    registered(tmp_path, world)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)
    before, summaries = stored(), summary_rows()

    real = twice(tmp_path, [row()], world.operator)

    assert (real.status, real.created, real.updated) == ("succeeded", 0, 0), said(real)
    assert stored() == before and summary_rows() == summaries


def test_a_worker_ended_on_the_page_then_the_short_list_registers_nobody_twice(tmp_path, world):
    # The LKS's staff list has no NIK nor birth-date column; the worker was registered from it.
    registered(tmp_path, world, SHORT)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)
    before, summaries = stored(), summary_rows()

    real = twice(tmp_path, [row(SHORT)], world.operator, headers=SHORT)

    # expected: not a second, active Rina without a word (a mature product at least asks)
    assert real.created == 0 or any("berhenti" in m for m in said(real)), said(real)
    assert stored() == before and summary_rows() == summaries


def test_a_worker_ended_then_the_list_with_another_end_date_is_refused(tmp_path, world):
    registered(tmp_path, world)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)
    before = stored()
    headers = [*HEADERS, "Berhenti bertugas"]

    real = twice(tmp_path, [row(headers, **{"Berhenti bertugas": ENDED - datetime.timedelta(days=3)})],
                 world.operator, headers=headers)  # fmt: skip

    assert real.status == "refused", said(real)
    assert stored() == before


def test_a_worker_who_moved_to_another_lks_is_unchanged_in_the_old_list(tmp_path, world):
    registered(tmp_path, world)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)
    worker_create(
        actor=world.far_operator, organisation=world.lks_other_regency,
        data={"full_name": "Rina Contoh", "sex": "P", "birth_date": RINA, "nik": NIK_RINA,
              "psks_category": psks("lks"), "role": "pengasuh", "started_on": ENDED},
    )  # fmt: skip
    before = stored()

    real = twice(tmp_path, [row()], world.operator)

    assert (real.status, real.created, real.updated) == ("succeeded", 0, 0), said(real)
    assert stored() == before
    assert not any("Banjarbaru" in m for m in said(real))


def test_the_lks_moved_then_its_workers_list_with_a_newcomer(tmp_path, world):
    registered(tmp_path, world)
    world.lks.refresh_from_db()
    organisation_update(
        organisation=world.lks, actor=world.province_admin,
        data={"region": Region.objects.get(code="63.72.02.1003")}, expected_version=world.lks.version,
    )  # fmt: skip
    newcomer = row(**{"Nama lengkap": "Sari Contoh", "NIK": nik_compose(
        district_code="63.71.01", birth_date=datetime.date(1990, 1, 2), sex="P", serial=9),
        "Tanggal lahir": datetime.date(1990, 1, 2)})  # fmt: skip

    real = twice(tmp_path, [row(), newcomer], world.operator)

    assert (real.status, real.created, real.unchanged) == ("succeeded", 1, 1), said(real)
    assert set(Worker.objects.values_list("regency_code", flat=True)) == {"63.72"}
    assert_summaries_rebuild()


# --- a worker who left and came back (twenty-seventh review) ------------------------------------------------------

RETURNED = datetime.date.today() - datetime.timedelta(days=3)


@pytest.mark.parametrize("headers", [HEADERS, [h for h in HEADERS if h != "NIK"]], ids=["with-nik", "birth-date-only"])
def test_a_worker_who_left_and_came_back_is_registered_anew_by_the_list_and_its_reimport_changes_nothing(
    tmp_path, world, headers
):
    registered(tmp_path, world)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)

    real = twice(tmp_path, [row(headers, **{"Mulai bertugas": RETURNED})], world.operator, headers=headers)

    assert (real.status, real.created, real.updated) == ("succeeded", 1, 0), said(real)
    old, new = Worker.objects.order_by("pk")
    assert (old.started_on, old.ended_on) == (STARTED, ENDED)
    assert (new.started_on, new.ended_on, new.full_name) == (RETURNED, None, "Rina Contoh")
    assert_summaries_rebuild()
    again = import_workers(tmp_path, [row(headers, **{"Mulai bertugas": RETURNED})], world.operator, headers=headers)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1), said(again)


def test_the_id_of_an_ended_stint_with_a_later_start_says_how_to_record_the_return(tmp_path, world):
    registered(tmp_path, world)
    worker = Worker.objects.get()
    worker_end(actor=world.operator, worker=worker, ended_on=ENDED)
    headers = ["ID", *HEADERS]

    real = import_workers(
        tmp_path, [[worker.pk, *row(**{"Mulai bertugas": RETURNED})]], world.operator, headers=headers
    )

    [problem] = real.problems
    assert problem.message == (
        f"Pekerja ini tercatat berhenti bertugas pada {ENDED:%d-%m-%Y}. Untuk mencatat ia bertugas lagi, tambahkan "
        "baris tanpa ID dengan tanggal mulai bertugas yang baru."
    )
    assert Worker.objects.count() == 1


# --- one number held by two LKS, recorded before the forms refused it (twenty-seventh review) ---------------------

SHARED = "TD/002/DINSOS-KALSEL/2024"
WITH_LKS = ["LKS", *HEADERS]


def test_an_lks_number_two_lks_hold_is_read_as_the_one_the_user_may_import_into(tmp_path, world):
    from sinergi.organisations.models import Organisation

    Organisation.objects.filter(pk__in=[world.lks.pk, world.lks_same_regency.pk]).update(registration_number=SHARED)

    mine = import_workers(tmp_path, [[SHARED, *row()]], world.operator, headers=WITH_LKS)
    board = import_workers(tmp_path, [[SHARED, *row()]], world.regency_board, headers=WITH_LKS, dry_run=True)

    assert (mine.status, mine.created) == ("succeeded", 1), said(mine)
    assert Worker.objects.get().organisation_id == world.lks.pk
    [problem] = board.problems  # the board may import into both: which one is meant is asked, naming them
    assert problem.message == (
        f"Nomor tanda daftar “{SHARED}” tercatat untuk 2 LKS: “LKSA Harapan Contoh”, “LKSA Tetangga Contoh”. Tulis "
        "nama LKS yang dimaksud, dan minta pengurus LKKKS membetulkan nomor yang keliru."
    )


def test_a_former_workers_nik_on_a_row_of_another_name_is_still_refused_not_registered_as_a_new_stint(tmp_path, world):
    # Thirtieth review: a NIK typed wrong, or copied from a former worker, must not make a second record of that NIK.
    registered(tmp_path, world)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)

    result = import_workers(
        tmp_path, [row(**{"Nama lengkap": "Budi Santoso", "Mulai bertugas": RETURNED})], world.operator, dry_run=True
    )

    assert result.created == 0, said(result)
    assert any("jauh berbeda dari nama yang tercatat untuk NIK ini" in message for message in said(result))


def test_after_a_return_a_list_without_start_dates_is_about_the_stint_still_serving(tmp_path, world):
    registered(tmp_path, world)
    worker_end(actor=world.operator, worker=Worker.objects.get(), ended_on=ENDED)
    import_workers(tmp_path, [row(**{"Mulai bertugas": RETURNED})], world.operator)
    no_start = [h for h in HEADERS if h != "Mulai bertugas"]

    result = import_workers(tmp_path, [row(no_start)], world.operator, headers=no_start, dry_run=True)

    assert (result.status, result.unchanged, result.created) == ("checked", 1, 0), said(result)


def test_a_number_two_kabupaten_kota_issued_asks_for_the_kabupaten_kota_and_is_read_with_it(tmp_path, world):
    from sinergi.organisations.models import Organisation

    Organisation.objects.filter(pk__in=[world.lks.pk, world.lks_other_regency.pk]).update(registration_number=SHARED)

    asked = import_workers(tmp_path, [[SHARED, *row()]], world.province_admin, headers=WITH_LKS, dry_run=True)
    with_regency = import_workers(
        tmp_path, [[SHARED, "Kota Banjarbaru", *row()]], world.province_admin,
        headers=["LKS", "Kabupaten/Kota LKS", *HEADERS], dry_run=True,
    )  # fmt: skip

    [problem] = asked.problems
    assert problem.message.startswith(f"Nomor tanda daftar “{SHARED}” tercatat untuk 2 LKS di kabupaten/kota yang")
    assert problem.message.endswith("Isi kolom Kabupaten/Kota LKS.")
    assert (with_regency.status, with_regency.created) == ("checked", 1), said(with_regency)
