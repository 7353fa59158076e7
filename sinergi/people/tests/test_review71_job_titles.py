"""The seventy-first review: a staff list without "Peran" read the job title "Pengasuh asrama" as the role "Lainnya",
though it names the role Pengasuh with words that say which one. A title that is a role with qualifying words is now
read as that role, told in the notice of cells read as an item; one that names two roles, none, or only a word too wide
to say a role ("Pengurus rumah tangga") stays "Lainnya". Every name here is made up."""

import pytest

from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.models import Worker

from .factories import people_world

pytestmark = pytest.mark.django_db

STAFF = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Jabatan"]
OTHER_NOTICE = "Jabatan yang tidak ada dalam daftar peran dicatat dengan peran “Lainnya”"


@pytest.fixture
def world():
    return people_world()


def imported_roles(tmp_path, world, titles, headers=STAFF):
    rows = [[f"Pekerja Contoh {i}", "P", "lks", title] for i, title in enumerate(titles)]
    result = run(xlsx_file(tmp_path, [headers, *rows], sheet="Data pekerja"), world.operator, entity="workers")
    assert (result.status, result.created) == ("succeeded", len(titles)), problems_of(result) or result.message
    return result, dict(Worker.objects.values_list("job_title", "role"))


def test_a_job_title_that_is_a_role_with_qualifying_words_is_read_as_that_role_and_said(tmp_path, world):
    titles = [
        "Pengasuh asrama",
        "Pengasuh asrama putri",
        "Pengasuh (tetap)",
        "Kepala panti asuhan",
        "Ketua pengurus",
        "Pekerja sosial anak",
        "Pekerja sosial masyarakat desa",
        "Pekerja sosial profesional",
        "Relawan pengajar",
        "Pengurus yayasan",
    ]

    result, roles = imported_roles(tmp_path, world, titles)

    assert roles == {
        "Pengasuh asrama": "pengasuh",
        "Pengasuh asrama putri": "pengasuh",
        "Pengasuh (tetap)": "pengasuh",
        "Kepala panti asuhan": "pengurus",  # the head of the home, as "Kepala panti" is read
        "Ketua pengurus": "pengurus",
        "Pekerja sosial anak": "peksos",
        "Pekerja sosial masyarakat desa": "psm",  # the longer name, not "Pekerja sosial" within it
        "Pekerja sosial profesional": "peksos",  # the label itself
        "Relawan pengajar": "relawan",
        "Pengurus yayasan": "pengurus",
    }
    [read_as] = [notice for notice in result.notices if notice.startswith("Isian ini dibaca sebagai pilihan")]
    assert "“Pengasuh asrama” → “Pengasuh”" in read_as and "“Kepala panti asuhan” → “Pengurus”" in read_as
    assert not any(OTHER_NOTICE in notice for notice in result.notices)


def test_a_job_title_naming_two_roles_none_or_only_a_word_too_wide_stays_other_and_is_listed(tmp_path, world):
    titles = [
        "Pengasuh (relawan)",
        "Relawan pengasuh",
        "Pengasuh / Pekerja sosial",
        "Pengurus rumah tangga",  # a housekeeper, not the board
        "Pengurus asrama",
        "Kepala asrama",
        "Juru masak",
    ]

    result, roles = imported_roles(tmp_path, world, titles)

    assert roles == dict.fromkeys(titles, "lainnya")
    [notice] = [notice for notice in result.notices if OTHER_NOTICE in notice]
    assert all(f"“{title}” ×1" in notice for title in titles)


def test_in_a_role_column_a_role_with_qualifying_words_is_still_refused(tmp_path, world):
    rows = [["Rina Contoh", "P", "lks", "Pengasuh asrama"]]
    path = xlsx_file(tmp_path, [[*STAFF[:3], "Peran"], *rows], sheet="Data pekerja")

    result = run(path, world.operator, entity="workers")

    # The column keeps the role alone: the words would be lost (a "Jabatan" column keeps them).
    assert result.status == "refused"
    assert [(p.column, p.value) for p in result.problems] == [("Peran", "Pengasuh asrama")]


def test_an_office_of_the_board_with_other_words_and_a_former_or_future_role_stay_other(tmp_path, world):
    # The seventy-third review: "Ketua kamar" heads a room of children and "Staf TU merangkap Bendahara" keeps the
    # books; neither is the board. "Mantan pengasuh" and "Calon pengasuh" are not caregivers now.
    titles = [
        "Ketua Asrama Putri",
        "Ketua Kamar",
        "Staf TU merangkap Bendahara",
        "Sekretaris kantor",
        "Mantan Pengasuh",
        "Calon Pengasuh",
        "Eks relawan",
        "Bendahara yayasan",
        "Wakil ketua pengurus",
        "Ketua",
    ]

    result, roles = imported_roles(tmp_path, world, titles)

    assert roles == {
        "Ketua Asrama Putri": "lainnya",
        "Ketua Kamar": "lainnya",
        "Staf TU merangkap Bendahara": "lainnya",
        "Sekretaris kantor": "lainnya",
        "Mantan Pengasuh": "lainnya",
        "Calon Pengasuh": "lainnya",
        "Eks relawan": "lainnya",
        "Bendahara yayasan": "pengurus",
        "Wakil ketua pengurus": "pengurus",
        "Ketua": "pengurus",
    }
    assert any(OTHER_NOTICE in notice for notice in result.notices)
