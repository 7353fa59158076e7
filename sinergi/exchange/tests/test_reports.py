import datetime
import re

import pytest
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.downloads import csv_lines
from sinergi.core.testing import pdf_objects
from sinergi.exchange.pdf import (
    ExternalResourceRefused,
    _no_fetch,
    bar_chart_svg,
    lay_out,
    page_css,
    render_document,
    render_pdf,
)
from sinergi.organisations.models import BoardMembership
from sinergi.organisations.reports import Table, lks_profile, province_report, regency_summary
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, grade, lks_kind
from sinergi.people.choices import WorkerRole
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, ppks
from sinergi.statistics.models import OfficialFigure

pytestmark = pytest.mark.django_db


def test_the_profile_holds_the_detail_page_facts(board_member):
    lks = OrganisationFactory(
        name="LKSA Profil",
        region_id="63.71.01.1001",
        permit_number="IO/9",
        permit_issued_on=datetime.date(2022, 1, 1),
        permit_expires_on=datetime.date(2027, 1, 1),
    )
    context = lks_profile(actor=board_member, pk=lks.pk)
    facts = dict(fact for _title, section in context["sections"] for fact in section)
    assert facts["Nomor izin operasional"] == "IO/9"
    assert facts["Izin berlaku"] == "01-01-2022 – 01-01-2027"
    assert facts["Wilayah"] == "Mantuil (63.71.01.1001)"
    assert facts["Kabupaten/kota"] == "Kota Banjarmasin"
    assert facts["Akreditasi"] == "Belum terakreditasi"
    # Never recorded as a legal entity: not said to be none (an earlier review: "Berbadan hukum: Tidak")
    assert facts["Berbadan hukum"] == "Tidak tercatat"
    lks.has_legal_entity = True
    lks.save()
    facts = dict(fact for _title, section in lks_profile(actor=board_member, pk=lks.pk)["sections"] for fact in section)
    assert facts["Berbadan hukum"] == "Ya"


def test_an_accreditation_that_has_ended_is_marked_in_the_profile_and_the_regency_list(board_member, client):
    ended = datetime.date(2020, 1, 1)
    lks = OrganisationFactory(
        name="LKSA Lama",
        region_id="63.71.01.1001",
        accreditation_grade=grade("A"),
        accredited_on=datetime.date(2015, 1, 1),
        accreditation_expires_on=ended,
    )
    current = OrganisationFactory(
        name="LKSA Baru", region_id="63.71.01.1001", accreditation_grade=grade("B"),
        accredited_on=datetime.date(2024, 1, 1), accreditation_expires_on=datetime.date(2099, 1, 1),
    )  # fmt: skip

    profile = dict(
        fact for _title, section in lks_profile(actor=board_member, pk=lks.pk)["sections"] for fact in section
    )
    listing = regency_summary(actor=board_member, regency_code="63.71")["tables"][4]

    assert profile["Akreditasi"] == f"{grade('A').label} (kedaluwarsa)"
    assert [(row[0], row[4]) for row in listing.rows] == [("LKSA Baru", "B"), ("LKSA Lama", "A (kedaluwarsa)")]
    client.force_login(board_member)
    assert "accreditation-ended" in client.get(f"/organisations/{lks.pk}/").content.decode()
    assert "accreditation-ended" not in client.get(f"/organisations/{current.pk}/").content.decode()


def test_the_profile_of_an_lks_outside_scope_is_not_found(board_member):
    lks = OrganisationFactory(region_id="63.72.02.1003")
    with pytest.raises(Http404):
        lks_profile(actor=board_member, pk=lks.pk)


def test_the_regency_summary_counts_by_kecamatan_status_and_accreditation(board_member):
    today = timezone.localdate()
    OrganisationFactory(name="A", region_id="63.71.01.1001", accreditation_grade=grade("A"), accredited_on=today)
    OrganisationFactory(name="B", region_id="63.71.01.1001", status="draft")
    OrganisationFactory(name="C", region_id="63.72.02.1003")  # another kabupaten: not counted
    context = regency_summary(actor=board_member, regency_code="63.71")
    assert context["title"] == "Ringkasan LKS Kota Banjarmasin"
    assert context["kpis"] == [
        ("LKS aktif", 1),
        ("Menunggu verifikasi", 1),
        ("Terakreditasi", 1),
        ("Dokumen berakhir ≤ 90 hari", 0),
    ]
    by_district = context["tables"][0]
    assert by_district.rows == [["Banjarmasin Selatan", 1, 0, 0, 0, 0, 1]]
    assert by_district.footer == ["Jumlah", 1, 0, 0, 0, 0, 1]
    assert [row[0] for row in context["tables"][4].rows] == ["A", "B"]


def test_a_regency_outside_scope_is_not_found(board_member):
    with pytest.raises(Http404):
        regency_summary(actor=board_member, regency_code="63.72")


def test_the_province_report_has_the_dashboard_tables_within_scope():
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    OrganisationFactory(name="A", region_id="63.71.01.1001")
    OrganisationFactory(name="B", region_id="63.72.02.1003")
    context = province_report(actor=admin)
    assert context["title"] == "Laporan LKS Kalimantan Selatan"
    titles = [t.title for t in context["tables"]]
    assert titles[0] == "LKS aktif menurut jenis dan kabupaten/kota"
    assert len(titles) == 6
    assert context["tables"][0].footer[-1] == 2
    assert context["charts"][0]["labels"] == ["Kota Banjarmasin", "Kota Banjarbaru"]


def test_bar_charts_are_escaped_svg():
    svg = bar_chart_svg(labels=["<Kota>", "B"], series=[("anak", [3, 0]), ("lansia", [1, 2])], title="Uji & coba")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "&lt;Kota&gt;" in svg and "Uji &amp; coba" in svg and "<Kota>" not in svg
    assert svg.count("<rect") == 3 + 2  # three non-empty bar parts and two legend keys


def test_reports_never_fetch_anything_from_outside():
    with pytest.raises(ExternalResourceRefused):
        _no_fetch("http://example.com/logo.png")
    from django.template import engines

    engine = engines["django"]
    template = engine.from_string('<img src="http://example.com/x.png"><p>Halo</p>')
    import sinergi.exchange.pdf as pdf

    original = pdf.render_to_string
    pdf.render_to_string = lambda name, context: template.render(context)
    try:
        content = render_pdf("ignored.html", {})
    finally:
        pdf.render_to_string = original
    assert content.startswith(b"%PDF")


def test_csv_lines_stream_in_chunks_with_the_download_rules():
    rows = ([i, "=1+1", None, datetime.date(2023, 8, 17)] for i in range(1001))
    chunks = list(csv_lines(["ID", "Nilai", "Kosong", "Tanggal"], rows, chunk_rows=500))
    assert len(chunks) == 1 + 3  # header, 500, 500, 1
    text = b"".join(chunks).decode("utf-8")
    assert text.startswith("\ufeffID,Nilai,Kosong,Tanggal\r\n0,'=1+1,,2023-08-17\r\n")
    assert text.count("\r\n") == 1002


# ---------------------------------------------------------------------------------------------- print layout


def _text_past_the_right_margin(document) -> list[str]:
    """What the layout put to the right of the page's content area: cut off, or lost in the margin, when printed."""
    from weasyprint.formatting_structure import boxes

    past = []
    for page in document.pages:
        page_box = page._page_box
        right_edge = page_box.content_box_x() + page_box.width
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):
                continue  # the running header and footer live in the margin by design
            for box in child.descendants():
                if box.position_x + box.margin_width() > right_edge + 0.5:
                    past.append(getattr(box, "text", type(box).__name__))
    return past


def _footers(document) -> list[str]:
    from weasyprint.formatting_structure import boxes

    return [
        "".join(text.text for text in box.descendants() if isinstance(text, boxes.TextBox))
        for page in document.pages
        for box in page._page_box.children
        if isinstance(box, boxes.MarginBox) and box.at_keyword == "@bottom-right"
    ]


def _pages_with_rows_of(document, group: str) -> set[int]:
    """The pages on which some row of a <tbody> or <tfoot> (`group`) is printed."""
    from weasyprint.formatting_structure import boxes

    return {
        number
        for number, page in enumerate(document.pages)
        for box in page._page_box.descendants()
        if isinstance(box, boxes.TableRowGroupBox) and box.element_tag == group and box.children
    }


def test_a_totals_row_is_never_printed_alone_on_the_page_after_the_rows_it_sums():
    # Tables of 25 to 54 rows: among them is one whose last row ends the first page exactly (37 rows with the
    # fonts of these machines), where the totals row would start the next page under a repeated header.
    for count in range(25, 55):
        table = Table(
            title="LKS per kabupaten/kota",
            headers=["Kabupaten/Kota", "LKS"],
            rows=[[f"Kabupaten {number}", number] for number in range(count)],
            footer=["Jumlah", sum(range(count))],
        )
        html = "<h1>Laporan</h1>" + render_to_string("exchange/pdf/_table.html", {"table": table})

        document = lay_out(html)

        assert _pages_with_rows_of(document, "tfoot") <= _pages_with_rows_of(document, "tbody"), count


LONG_URL = "https://diskominfomc.kalselprov.go.id/2022/08/24/dinas-sosial-kalsel-catat-135-lks-" + "x" * 110


def test_the_regency_summary_counts_an_ended_accreditation_as_expired_not_as_accredited(board_member):
    OrganisationFactory(
        name="Berlaku", region_id="63.71.01.1001", accreditation_grade=grade("A"),
        accredited_on=datetime.date(2024, 1, 1), accreditation_expires_on=datetime.date(2099, 1, 1),
    )  # fmt: skip
    OrganisationFactory(
        name="Berakhir", region_id="63.71.01.1001", accreditation_grade=grade("B"),
        accredited_on=datetime.date(2015, 1, 1), accreditation_expires_on=datetime.date(2020, 1, 1),
    )  # fmt: skip

    context = regency_summary(actor=board_member, regency_code="63.71")

    assert dict(context["kpis"])["Terakreditasi"] == 1
    accreditation = dict(context["tables"][2].rows)
    assert accreditation[grade("A").label] == 1
    assert accreditation[grade("B").label] == 0
    assert accreditation["Kedaluwarsa"] == 1


def test_the_province_report_with_a_long_source_link_fits_the_width_of_a4():
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    OrganisationFactory(name="A", region_id="63.71.01.1001")
    OfficialFigure.objects.create(
        region_id="63",
        as_of=datetime.date(2022, 8, 24),
        total=135,
        by_kind={"anak": 120, "lanjut_usia": 3, "disabilitas": 9, "napza": 3},
        source="Dinas Sosial Kalsel via diskominfomc.kalselprov.go.id, 24 Agustus 2022",
        source_url=LONG_URL,
    )

    document = render_document("exchange/pdf/summary.html", province_report(actor=admin))

    assert _text_past_the_right_margin(document) == []


def test_long_unbreakable_strings_stay_on_the_lks_profile_page(board_member):
    lks = OrganisationFactory(
        name="LKSA Panjang",
        region_id="63.71.01.1001",
        address="Jl. " + "Panjang" * 40,
        email="a" * 60 + "@contoh-domain-yang-sangat-panjang.test",
        website="https://contoh.test/" + "x" * 150,
    )

    document = render_document("exchange/pdf/lks_profile.html", lks_profile(actor=board_member, pk=lks.pk))

    assert _text_past_the_right_margin(document) == []


PPKS_CODES_OF_A_FULL_PROFILE = [
    "anak_balita_telantar", "anak_telantar", "anak_berhadapan_hukum", "anak_jalanan", "anak_dengan_kedisabilitasan",
    "anak_korban_kekerasan", "anak_perlindungan_khusus", "lansia_telantar", "penyandang_disabilitas", "korban_napza",
]  # fmt: skip


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_fully_filled_in_lks_profile_with_its_boards_fits_on_one_a4_page(board_member, language):
    with translation.override(language):  # (English labels are longer: "Accreditation certificate number")
        _a_fully_filled_in_lks_profile_with_its_boards_fits_on_one_a4_page(board_member)


def _a_fully_filled_in_lks_profile_with_its_boards_fits_on_one_a4_page(board_member):
    # Long values as real registers hold them (the forty-seventh review's: a 78-character name, a 135-character
    # address, a one-stop-service office as permit issuer, titles before and after a name), every kind of service,
    # clients of ten categories and workers of every role.
    day = datetime.date(2022, 3, 16)
    lks = OrganisationFactory(
        name="LKSA Panti Asuhan Yatim Piatu dan Dhuafa Darul Amal Sejahtera Kota Banjarmasin",
        region_id="63.71.01.1001",
        address="Jl. Pangeran Hidayatullah Komplek Banjar Indah Permai Blok C No. 109 RT 012 RW 003, "
        "Kelurahan Benua Anyar, Kecamatan Banjarmasin Timur",
        phone="0511-3252525 / 0812-5000-1234",
        email="sekretariat.lksa.darulamalsejahtera@contoh.test",
        website="https://darulamalsejahtera.contoh.test/profil-lembaga",
        head_name="Dr. Hj. Siti Fatimah Rahmawati Nur Aisyah, S.Pd., M.Pd.",
        head_phone="0811-0000-0001",
        latitude="-3.319444",
        longitude="114.590833",
        legal_form="yayasan",
        has_legal_entity=True,
        deed_number="98/YYS/XII/2021",
        deed_date=day,
        notary_name="Notaris H. Muhammad Ridwan Syahrani, S.H., M.Kn.",
        kemenkumham_number="AHU-0017902.AH.01.04.Tahun 2021",
        kemenkumham_date=day,
        npwp="01.234.567.8-731.000",
        permit_number="503/0123/IO-LKS/DPMPTSP/2022",
        permit_issuer="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Banjarmasin",
        permit_issued_on=day,
        permit_expires_on=day.replace(year=2027),
        registration_number="460/0456/TD-LKS/DINSOS-KALSEL/2022",
        registration_issuer="Dinas Sosial Provinsi Kalimantan Selatan",
        registration_issued_on=day,
        registration_expires_on=day.replace(year=2027),
        accreditation_grade=grade("B"),
        accredited_on=day,
        accreditation_expires_on=day.replace(year=2027),
        accreditation_certificate_number="AKR/001/LKS/KEMENSOS/2022",
    )
    lks.service_kinds.add(*(lks_kind(code) for code in ("anak", "lanjut_usia", "disabilitas", "napza", "lainnya")))
    boards = [BoardFactory(region_id="63.71"), BoardFactory(region_id="63", name="LKKKS Provinsi Kalimantan Selatan")]
    for board in boards:
        BoardMembership.objects.create(board=board, member=lks)
    # The longest line of figures (the forty-fifth review found most real profiles on two pages, the test's LKS then
    # serving no one).
    for number, code in enumerate(PPKS_CODES_OF_A_FULL_PROFILE):
        for _count in range(number + 1):
            PlacementFactory(person=PersonFactory(organisation=lks), organisation=lks, ppks_category=ppks(code))
    for role in WorkerRole:
        WorkerFactory(organisation=lks, role=role)

    document = render_document("exchange/pdf/lks_profile.html", lks_profile(actor=board_member, pk=lks.pk))

    assert len(document.pages) == 1
    assert "LKKKS Provinsi Kalimantan Selatan" in _page_texts(document)[0]


def test_only_cells_with_a_url_or_the_like_may_wrap_anywhere():
    table = Table(title="t", headers=["Per tanggal", "Jumlah", "Sumber", "Tautan"], rows=[])
    table.rows = [["24-08-2022", 135, "LKS Korban Penyalahgunaan NAPZA", LONG_URL]]

    assert [css for _cell, css in table.html_rows[0]] == ["", "num", "", "wrap-anywhere"]
    assert not table.wide


def test_chart_totals_are_formatted_like_the_table_numbers():
    series = [("anak", [1_000_000]), ("lansia", [234_567])]
    with translation.override("id"):
        indonesian = bar_chart_svg(labels=["Kota Banjarmasin"], series=series)
    with translation.override("en"):
        english = bar_chart_svg(labels=["Kota Banjarmasin"], series=series)

    assert ">1.234.567</text>" in indonesian
    assert ">1,234,567</text>" in english


def test_an_english_report_says_page_of_in_its_footer_and_is_marked_english(board_member):
    lks = OrganisationFactory(name="LKSA Inggris", region_id="63.71.01.1001")
    with translation.override("en"):
        context = lks_profile(actor=board_member, pk=lks.pk)
        html = render_to_string("exchange/pdf/lks_profile.html", context)
        document = render_document("exchange/pdf/lks_profile.html", context)

    pages = len(document.pages)
    assert '<html lang="en">' in html
    assert _footers(document) == [f"Page {n} of {pages}" for n in range(1, pages + 1)]


def test_an_indonesian_report_keeps_halaman_dari_in_its_footer(board_member):
    lks = OrganisationFactory(name="LKSA Indonesia", region_id="63.71.01.1001")
    with translation.override("id"):
        document = render_document("exchange/pdf/lks_profile.html", lks_profile(actor=board_member, pk=lks.pk))

    pages = len(document.pages)
    assert _footers(document) == [f"Halaman {n} dari {pages}" for n in range(1, pages + 1)]


def test_a_translated_footer_is_quoted_safely_in_the_page_css(monkeypatch):
    import sinergi.exchange.pdf as pdf

    monkeypatch.setattr(pdf, "_", lambda text: '%(n)s von "%(total)s" \\')

    assert page_css() == r'@page { @bottom-right { content: counter(page) " von \"" counter(pages) "\" \\"; } }'


def test_the_printing_time_names_the_configured_time_zone_not_a_fixed_wita(board_member):
    lks = OrganisationFactory(name="LKSA Waktu", region_id="63.71.01.1001")
    with timezone.override("Asia/Makassar"):
        makassar = render_to_string("exchange/pdf/lks_profile.html", lks_profile(actor=board_member, pk=lks.pk))
    with timezone.override("Asia/Jakarta"):
        jakarta = render_to_string("exchange/pdf/lks_profile.html", lks_profile(actor=board_member, pk=lks.pk))

    assert " WITA." in makassar
    assert " WIB." in jakarta and "WITA" not in jakarta


# ---------------------------------------------------------------------------------------------- scope of a report


def _page_texts(document) -> list[str]:
    """The words laid out on each page (the running header and footer left out), as a reader of the PDF sees them."""
    from weasyprint.formatting_structure import boxes

    return [
        " ".join(
            box.text
            for child in page._page_box.children
            if not isinstance(child, boxes.MarginBox)
            for box in child.descendants()
            if isinstance(box, boxes.TextBox)
        )
        for page in document.pages
    ]


def test_the_province_report_of_an_lks_operator_is_titled_with_its_lks_and_sets_the_province_figures_apart():
    own = OrganisationFactory(name="LKSA Milik Operator", region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Lain", region_id="63.72.02.1003")
    operator = user_with_role(Role.LKS_OPERATOR, organisation=own)

    context = province_report(actor=operator)

    assert context["title"] == "Laporan LKS dalam cakupan LKSA Milik Operator"
    assert context["kpis"] == [("LKS aktif", 1), ("Menunggu verifikasi", 0)]
    assert [t.title for t in context["tables"]] == [
        "LKS aktif menurut jenis dan kabupaten/kota",
        "Akreditasi LKS aktif per kabupaten/kota",
        "Status LKS per kabupaten/kota",
        "Izin operasional dan tanda daftar yang berakhir dalam 90 hari",
    ]
    assert context["tables"][0].footer[-1] == 1
    province_part = context["province_part"]
    assert province_part["title"] == "Angka se-provinsi Kalimantan Selatan"
    assert [t.title for t in province_part["tables"]] == [
        "Cakupan LKKKS",
        "Angka resmi Kalimantan Selatan dan hitungan registri",
    ]
    registry_row = province_part["tables"][1].rows[-1]
    assert registry_row[1] == 2  # the province-wide count, shown only under the province-wide heading
    assert context["scope_note"] == (
        "Angka hanya mencakup LKSA Milik Operator (cakupan akun pencetak), kecuali bagian terakhir, "
        "“Angka se-provinsi Kalimantan Selatan”. Bagian “Penerima layanan dan pekerja sosial: Kota Banjarmasin” "
        "memuat angka gabungan seluruh wilayah yang disebut judulnya."
    )


def test_the_printed_province_report_of_a_board_member_shows_province_wide_counts_only_under_their_heading(
    board_member,
):
    OrganisationFactory(name="LKSA Banjarmasin", region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003")

    context = province_report(actor=board_member)
    pages = _page_texts(render_document("exchange/pdf/summary.html", context))

    assert context["title"] == "Laporan LKS dalam cakupan Kota Banjarmasin"
    # Below the note that names both scopes, the first page holds only the board's own figures.
    assert "Kalimantan Selatan" not in pages[0].split("jenis layanan utamanya.", 1)[1]
    registry_pages = [text for text in pages if "Registri Sinergi" in text]
    assert len(registry_pages) == 1
    assert "Angka se-provinsi Kalimantan Selatan" in registry_pages[0]
    assert "Kabupaten/kota ber-LKKKS" not in pages[0]


def test_the_province_report_of_a_province_admin_is_one_province_wide_report():
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    OrganisationFactory(name="A", region_id="63.71.01.1001")

    context = province_report(actor=admin)

    assert context["title"] == "Laporan LKS Kalimantan Selatan"
    assert context["scope_note"] == "Semua angka mencakup seluruh Kalimantan Selatan."
    assert [label for label, _value in context["kpis"]] == [
        "LKS aktif",
        "Menunggu verifikasi",
        "Kabupaten/kota ber-LKKKS",
    ]
    assert context["province_part"] is None


def test_the_regency_summary_of_an_lks_operator_names_its_lks_not_only_the_kabupaten(board_member):
    own = OrganisationFactory(name="LKSA Milik Operator", region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Tetangga", region_id="63.71.01.1001")
    operator = user_with_role(Role.LKS_OPERATOR, organisation=own)

    mine = regency_summary(actor=operator, regency_code="63.71")
    boards = regency_summary(actor=board_member, regency_code="63.71")

    assert mine["title"] == "Ringkasan LKS Kota Banjarmasin dalam cakupan LKSA Milik Operator"
    assert dict(mine["kpis"])["LKS aktif"] == 1
    assert mine["scope_note"] == (
        "Angka hanya mencakup LKSA Milik Operator (cakupan akun pencetak), bukan seluruh Kota Banjarmasin. "
        "Bagian “Penerima layanan dan pekerja sosial: Kota Banjarmasin” memuat angka gabungan seluruh wilayah "
        "yang disebut judulnya."
    )
    assert boards["title"] == "Ringkasan LKS Kota Banjarmasin"
    assert dict(boards["kpis"])["LKS aktif"] == 2
    assert boards["scope_note"] == "Semua angka mencakup seluruh Kota Banjarmasin."


def test_the_note_on_a_part_of_its_own_area_is_in_the_singular_in_english_for_one_part():
    from django.utils import translation

    from sinergi.organisations.reports.parts import ReportPart, _parts_note

    one = ReportPart(title="Clients and social workers: Kota Banjarmasin", note="", kpis=[], tables=[])
    two = ReportPart(title="Referrals", note="", kpis=[], tables=[])
    with translation.override("en"):
        assert _parts_note([one]) == (
            " The part “Clients and social workers: Kota Banjarmasin” holds the combined figures of the whole area "
            "its title names."
        )
        assert _parts_note([one, two]).startswith(" The parts “Clients and social workers: Kota Banjarmasin”, ")


# ---------------------------------------------------------------------------------------------- totals rows


def test_a_totals_row_is_printed_once_after_the_last_row_when_a_table_spans_pages():
    rows = [[f"Baris {n:03d}", 1] for n in range(1, 151)]
    table = Table(title="Tabel panjang", headers=["Nama", "Jumlah"], rows=rows, footer=["Jumlah semua", 150])
    context = {"title": "Uji", "generated_at": timezone.localtime(), "kpis": [], "tables": [table]}

    pages = _page_texts(render_document("exchange/pdf/summary.html", context))

    assert len(pages) >= 2
    assert sum(text.count("Jumlah semua") for text in pages) == 1
    last = pages[-1]
    assert "Jumlah semua" in last and last.index("Baris 150") < last.index("Jumlah semua")
    assert all("Nama" in text for text in pages)  # the header row still repeats on every page


# ---------------------------------------------------------------------------------------------- legal documents


def test_the_profile_prints_deed_and_kemenkumham_decree_with_number_and_date(board_member):
    lks = OrganisationFactory(
        name="LKSA Berbadan Hukum",
        region_id="63.71.01.1001",
        deed_number="12/2015",
        deed_date=datetime.date(2015, 8, 17),
        kemenkumham_number="AHU-0012.AH.01.04.Tahun 2016",
        kemenkumham_date=datetime.date(2016, 2, 5),
    )
    number_only = OrganisationFactory(region_id="63.71.01.1001", deed_number="7", kemenkumham_date=None)
    date_only = OrganisationFactory(region_id="63.71.01.1001", kemenkumham_date=datetime.date(2016, 2, 5))

    def facts(o):
        sections = lks_profile(actor=board_member, pk=o.pk)["sections"]
        return dict(fact for _title, section in sections for fact in section)

    assert facts(lks)["Akta notaris"] == "No. 12/2015, tanggal 17-08-2015"
    assert facts(lks)["SK Kemenkumham"] == "No. AHU-0012.AH.01.04.Tahun 2016, tanggal 05-02-2016"
    assert facts(number_only)["Akta notaris"] == "No. 7"
    assert facts(number_only)["SK Kemenkumham"] == "—"
    assert facts(date_only)["SK Kemenkumham"] == "Tanggal 05-02-2016"
    html = render_to_string("exchange/pdf/lks_profile.html", lks_profile(actor=board_member, pk=lks.pk))
    assert "No. AHU-0012.AH.01.04.Tahun 2016, tanggal 05-02-2016" in html


def test_a_superusers_province_report_keeps_to_the_province_though_the_database_holds_others():
    from sinergi.accounts.tests.factories import UserFactory
    from sinergi.regions.models import Region

    parent = None
    for code, name, level, kind in (
        ("64", "Kalimantan Timur", 1, "provinsi"),
        ("64.72", "Kota Samarinda", 2, "kota"),
        ("64.72.01", "Palaran", 3, "kecamatan"),
        ("64.72.01.1001", "Rawa Makmur", 4, "kelurahan"),
    ):
        parent = Region.objects.create(code=code, name=name, level=level, kind=kind, parent=parent)
    OrganisationFactory(name="LKSA Kalsel", region_id="63.71.01.1001")
    OrganisationFactory(name="LKSA Kaltim", region_id="64.72.01.1001")

    context = province_report(actor=UserFactory(is_superuser=True))

    assert context["title"] == "Laporan LKS Kalimantan Selatan"
    assert context["tables"][0].footer[-1] == 1
    assert "Kota Samarinda" not in str([table.rows for table in context["tables"]])
    assert context["charts"][0]["labels"] == ["Kota Banjarmasin"]


def test_the_profile_of_an_lkkks_board_leaves_out_what_only_an_lks_has(board_member):
    board = OrganisationFactory(name="LKKKS Kota Banjarmasin", kind="lkkks", region_id="63.71.01.1001")
    context = lks_profile(actor=board_member, pk=board.pk)
    labels = {label for _title, section in context["sections"] for label, _value in section}
    assert not labels & {"Jenis layanan utama", "Jenis layanan lain", "Bentuk layanan", "Kapasitas"}
    assert "Alamat" in labels and context["is_lks"] is False
    html = render_to_string("exchange/pdf/lks_profile.html", context)
    assert "Keanggotaan LKKKS" not in html and "Belum tercatat sebagai anggota LKKKS" not in html


def test_the_pdf_charts_colour_each_series_as_the_dashboard_does():
    # A kind of LKS keeps its colour from the screen to the paper: the PDF's palette is the dashboard's, in order.
    from pathlib import Path

    from django.conf import settings

    from sinergi.exchange.pdf import PALETTE

    script = (Path(settings.BASE_DIR) / "sinergi" / "static" / "js" / "charts.js").read_text()
    dashboard = re.search(r"var PALETTE = \[([^\]]*)\]", script).group(1)
    assert list(PALETTE) == re.findall(r'"(#[0-9a-fA-F]{6})"', dashboard)


# ---------------------------------------------------------------------------------------------- review of the PDFs


def test_the_regency_summary_counts_expiring_documents_over_the_dashboards_window_and_marks_an_expired_permit(
    board_member, settings
):
    today = timezone.localdate()
    settings.SINERGI = {**settings.SINERGI, "PERMIT_EXPIRY_WARNING_DAYS": 30}
    OrganisationFactory(name="Segera", region_id="63.71.01.1001", permit_expires_on=today + datetime.timedelta(20))
    OrganisationFactory(name="Nanti", region_id="63.71.01.1001", permit_expires_on=today + datetime.timedelta(60))
    OrganisationFactory(name="Lewat", region_id="63.71.01.1001", permit_expires_on=today - datetime.timedelta(3))

    context = regency_summary(actor=board_member, regency_code="63.71")

    assert ("Dokumen berakhir ≤ 30 hari", 2) in context["kpis"]  # Segera, and Lewat (ended): not Nanti
    permits = {row[0]: row[-1] for row in context["tables"][4].rows}
    assert permits["Lewat"] == f"{(today - datetime.timedelta(3)).strftime('%d-%m-%Y')} (kedaluwarsa)"
    assert permits["Segera"] == (today + datetime.timedelta(20)).strftime("%d-%m-%Y")


def test_a_pdf_that_fails_to_render_is_not_audited_as_handed_over(board_member, client, monkeypatch):
    from sinergi.audit.models import AuditEvent
    from sinergi.exchange.views import reports as report_views

    def broken(*args, **kwargs):
        raise RuntimeError("WeasyPrint stopped")

    monkeypatch.setattr(report_views, "render_pdf", broken)
    client.force_login(board_member)
    client.raise_request_exception = False

    response = client.get("/exchange/reports/regency/63.71.pdf")

    assert response.status_code == 500
    assert not AuditEvent.objects.filter(action="statistics.report.exported").exists()


def test_a_chart_label_shortens_the_regions_kind_before_it_cuts_the_name():
    svg = bar_chart_svg(
        labels=["Kota Administrasi Jakarta Selatan", "Kabupaten Administrasi Kepulauan Seribu", "Kota Banjarmasin"],
        series=[("LKSA", [1, 2, 3])],
    )
    assert ">Kota Adm. Jakarta Selatan<" in svg
    assert ">Kab. Adm. Kepulauan Seribu<" in svg
    assert ">Kota Banjarmasin<" in svg


def _margin_texts(document) -> list[str]:
    """The running header and footer of each page."""
    from weasyprint.formatting_structure import boxes

    return [
        " ".join(
            box.text
            for child in page._page_box.children
            if isinstance(child, boxes.MarginBox)
            for box in child.descendants()
            if isinstance(box, boxes.TextBox)
        )
        for page in document.pages
    ]


def test_every_page_says_when_it_was_printed_and_a_long_title_is_cut_in_the_page_header():
    rows = [[f"Baris {n:03d}", 1] for n in range(1, 151)]
    title = "Laporan LKS dalam cakupan " + ", ".join(f"LKSA Harapan Bangsa Cabang {n}" for n in range(8))
    when = timezone.localtime()
    context = {"title": title, "generated_at": when, "kpis": [], "tables": [Table(title="T", headers=["Nama", "J"],
                                                                                   rows=rows)]}  # fmt: skip

    margins = _margin_texts(render_document("exchange/pdf/summary.html", context))

    assert len(margins) >= 2
    printed = f"Dicetak dari Sinergi pada {when:%d-%m-%Y %H:%M}"
    assert all(printed in text for text in margins)
    assert all("Cabang 1" in text and "Cabang 7" not in text and "…" in text for text in margins)


def test_a_report_pdf_is_tagged_and_its_chart_has_its_title_as_alternative_text(client, board_member):
    # Given a kabupaten/kota with an active LKS (the summary draws its chart)
    OrganisationFactory(name="LKSA Bertanda", region_id="63.71.01.1001")
    client.force_login(board_member)

    # When its summary is downloaded
    pdf = client.get("/exchange/reports/regency/63.71.pdf").content

    # Then the PDF is tagged (a structure tree a screen reader follows: headings, tables) and the chart is a figure
    # named by its title
    objects = pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects and b"/Marked true" in objects
    assert b"/Alt (LKS aktif per kecamatan dan jenis layanan)" in objects
