"""Thirty-fourth review (security and privacy of the exchange): a header too wide to match column by column, uploads
refused as a whole kept for nothing, a user's upload volume, and sizes that say why a file is too large."""

import pytest

from sinergi.exchange import pipeline
from sinergi.exchange.files import FileRefused, inspect

from .conftest import HEADERS, csv_file, run, xlsx_file

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------------- F7: a header of many columns


@pytest.fixture
def no_hints(monkeypatch):
    """Fails the test if an unknown header is compared with the known ones (difflib, ~0.5 ms a column)."""

    def compared(*args, **kwargs):
        raise AssertionError("a header of too many columns was matched column by column")

    monkeypatch.setattr(pipeline, "_meant_column", compared)


@pytest.mark.parametrize("make", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_a_header_of_more_columns_than_the_cap_is_refused_before_any_matching(tmp_path, board_member, no_hints, make):
    header = HEADERS + [f"K{i}" for i in range(pipeline.HEADER_MAX_COLUMNS + 1 - len(HEADERS) + 1000)]
    path = make(tmp_path, [header, ["LKSA Baru", "anak", "63.71", "TD/1", 10]])

    result = run(path, board_member, dry_run=True)

    assert (result.status, result.message) == (
        "refused",
        "Baris 1 berisi 1.501 kolom, padahal file impor boleh memuat paling banyak 500 kolom (templat impor memuat "
        "sekitar 30). Hapus kolom yang tidak dipakai, atau salin datanya ke templat impor, lalu unggah lagi.",
    )
    assert result.problems == [] and not [n for n in result.notices if "tidak dikenal" in n]


def test_a_header_of_as_many_columns_as_the_cap_is_read(tmp_path, board_member):
    header = HEADERS + [f"Catatan {i}" for i in range(pipeline.HEADER_MAX_COLUMNS - len(HEADERS))]
    path = csv_file(tmp_path, [header, ["LKSA Baru", "anak", "63.71", "TD/1", 10]])

    result = run(path, board_member, dry_run=True)

    assert result.status == "checked"


def test_the_notice_of_unknown_columns_names_the_first_twenty_and_counts_the_others(tmp_path, board_member):
    header = HEADERS + ["Tangal berdiri"] + [f"Catatan {i}" for i in range(1, 31)]
    path = csv_file(tmp_path, [header, ["LKSA Baru", "anak", "63.71", "TD/1", 10]])

    result = run(path, board_member, dry_run=True)

    named = ", ".join(f"“Catatan {i}”" for i in range(1, 20))
    assert f"Kolom yang tidak dikenal diabaikan: “Tangal berdiri”, {named}, dan 11 kolom lain." in result.notices


# ------------------------------------------------------------------------------- F10: sizes that differ


@pytest.mark.parametrize(
    "over, message",
    [
        (1, "File terlalu besar (lebih dari 25 MB). Bagi data menjadi beberapa file."),
        (6000, "File terlalu besar (25,01 MB; paling besar 25 MB). Bagi data menjadi beberapa file."),
        (300 * 1024, "File terlalu besar (25,3 MB; paling besar 25 MB). Bagi data menjadi beberapa file."),
    ],
)
def test_a_file_over_the_size_limit_says_a_size_other_than_the_limit(tmp_path, over, message):
    path = tmp_path / "besar.csv"
    with path.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024 + over)  # sparse: refused by its size, never read

    with pytest.raises(FileRefused) as refused:
        inspect(path)

    assert str(refused.value) == message
