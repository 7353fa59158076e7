import csv
from pathlib import Path

import pytest

from sinergi.regions.models import Region

CSV_FILES = {
    1: ("provinces.csv", None),
    2: ("regencies.csv", "province_code"),
    3: ("districts.csv", "regency_code"),
    4: ("villages.csv", "district_code"),
}


def snapshot() -> list[tuple]:
    """Every stored region's columns, to prove that something wrote nothing."""
    return list(Region.objects.order_by("code").values_list("code", "name", "kind", "postal_code", "is_current"))


def write_csv_tree(folder: Path, rows: list[tuple[str, str]]) -> Path:
    """Writes (code, name) rows in the idn-area-data layout: one file per level, parent code in its own column."""
    folder.mkdir(parents=True, exist_ok=True)
    for level, (file_name, parent_column) in CSV_FILES.items():
        with open(folder / file_name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["code", parent_column, "name"] if parent_column else ["code", "name"])
            for code, name in rows:
                if code.count(".") + 1 != level:
                    continue
                writer.writerow([code, code.rsplit(".", 1)[0], name] if parent_column else [code, name])
    return folder


@pytest.fixture
def kalsel_rows(db) -> list[tuple[str, str]]:
    """The Kalsel tree as stored in the test database (loaded once per session by the root conftest)."""
    return list(Region.objects.filter(code__startswith="63").order_by("code").values_list("code", "name"))
