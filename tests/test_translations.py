"""The English catalogue: complete, compiled, and actually used when the language cookie says "en"."""

import gettext
import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from sinergi.organisations.tests.factories import OrganisationFactory

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES"
TOOLS = ROOT / "locale" / "tools"


def _load_tool(name: str):
    """locale/tools is a folder of scripts, not a package: import its modules from there by name."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    return importlib.import_module(name)


pofile = _load_tool("pofile")
translate_en = _load_tool("translate_en")


def _messages(path: Path):
    return [entry for entry in pofile.load(path) if not entry.is_header and not entry.obsolete]


# --- the .po -----------------------------------------------------------------------------------------------


def test_every_message_has_an_english_translation_and_none_is_fuzzy():
    # given the committed catalogue
    entries = pofile.load(CATALOGUE / "django.po")
    messages = [e for e in entries if not e.is_header and not e.obsolete]

    # then every message is translated, nothing is fuzzy, nothing is obsolete
    assert len(messages) > 700
    assert [e.msgid for e in messages if not e.translated] == []
    assert [e.msgid for e in entries if e.fuzzy] == []
    assert [e.msgid for e in entries if e.obsolete] == []


def test_plural_messages_have_both_english_forms():
    plurals = [e for e in _messages(CATALOGUE / "django.po") if e.msgid_plural is not None]

    assert plurals
    assert [e.msgid for e in plurals if sorted(e.msgstr_plural) != [0, 1] or not all(e.msgstr_plural.values())] == []


def test_translations_keep_every_placeholder_and_html_tag():
    mismatched = []
    for entry in _messages(CATALOGUE / "django.po"):
        targets = [entry.msgstr] if entry.msgid_plural is None else list(entry.msgstr_plural.values())
        for target in targets:
            if translate_en.placeholders(entry.msgid) != translate_en.placeholders(target):
                mismatched.append((entry.msgid, target))

    assert mismatched == []


def test_header_declares_english_with_two_plural_forms():
    header = pofile.load(CATALOGUE / "django.po")[0]

    assert header.is_header
    assert "Language: en\n" in header.msgstr
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header.msgstr
    assert "Content-Type: text/plain; charset=UTF-8\n" in header.msgstr


def test_the_placeholder_check_catches_a_dropped_placeholder():
    # given a translation that lost its placeholder and one that lost a link
    entries = pofile.parse(
        'msgid ""\nmsgstr "Language: en\\n"\n\nmsgid "Masa bakti %(a)s–%(b)s"\nmsgstr ""\n\nmsgid "Bahasa"\nmsgstr ""\n'
    )
    dictionary = {"Masa bakti %(a)s–%(b)s": "Term %(a)s", "Bahasa": "Language"}

    # when the script fills them
    done, missing, problems = translate_en.translate(entries, dictionary)

    # then the lost placeholder is reported, the rest is filled
    assert done == 2
    assert missing == []
    assert len(problems) == 1 and "Masa bakti" in problems[0]
    assert entries[2].msgstr == "Language"


def test_the_script_leaves_unknown_messages_empty_and_drops_fuzzy_guesses():
    # given a message the dictionary does not know, with a fuzzy guess from msgmerge
    entries = pofile.parse(
        'msgid ""\nmsgstr "Language: \\n"\n\n'
        '#, fuzzy, python-format\n#| msgid "Kode %(code)s"\nmsgid "Kode baru %(code)s"\nmsgstr "Code %(code)s"\n'
    )

    # when the script fills the catalogue
    done, missing, problems = translate_en.translate(entries)

    # then the guess is gone and the message is listed as missing
    assert (done, [e.msgid for e in missing], problems) == (0, ["Kode baru %(code)s"], [])
    assert entries[1].msgstr == ""
    assert entries[1].flags == ["python-format"]
    assert entries[1].comments == []
    assert "Language: en\n" in entries[0].msgstr


def test_a_message_with_a_context_is_translated_from_its_own_entry():
    # given the same Indonesian word as a button and, with a context, as a table heading
    entries = pofile.parse(
        'msgid ""\nmsgstr "Language: en\\n"\n\nmsgid "Masuk"\nmsgstr ""\n\nmsgctxt "trend"\nmsgid "Masuk"\nmsgstr ""\n'
    )

    # when the script fills them from the real dictionary
    done, missing, problems = translate_en.translate(entries)

    # then each gets its own English
    assert (done, missing, problems) == (2, [], [])
    assert [(e.msgctxt, e.msgstr) for e in entries[1:]] == [(None, "Sign in"), ("trend", "Admissions")]
    assert 'msgctxt "trend"\nmsgid "Masuk"\nmsgstr "Admissions"' in pofile.render(entries)


def test_an_obsolete_entry_with_flags_is_dropped_not_read_as_a_second_header():
    # given a catalogue where msgmerge kept a removed message: its flag line carries no "#~" mark
    entries = pofile.parse(
        'msgid ""\nmsgstr "Language: en\\n"\n\nmsgid "Bahasa"\nmsgstr ""\n\n'
        '#, python-format\n#~ msgid ""\n#~ "nomor tanda daftar "\n#~ "%(n)s"\n#~ msgstr "registration number %(n)s"\n\n'
        '#~| msgid "Kode lama"\n#~ msgid "Kode"\n#~ msgstr "Code"\n'
    )

    # when the script fills the catalogue and writes it
    done, missing, problems = translate_en.translate(entries, {"Bahasa": "Language"})
    text = pofile.render(entries)

    # then both removed messages are read whole, marked obsolete and left out; one header remains
    assert [(e.msgid, e.obsolete) for e in entries[2:]] == [("nomor tanda daftar %(n)s", True), ("Kode", True)]
    assert entries[2].flags == ["python-format"]
    assert (done, missing, problems) == (1, [], [])
    assert text.count('msgid ""') == 1
    assert "nomor tanda daftar" not in text and "Kode" not in text


def test_po_reader_and_writer_round_trip_the_catalogue():
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")

    assert pofile.render(pofile.parse(text)) == text


# --- the .mo -----------------------------------------------------------------------------------------------


def test_compiled_catalogue_matches_the_po_exactly():
    # given the .po and the committed .mo
    with open(CATALOGUE / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    messages = _messages(CATALOGUE / "django.po")

    # then every pair of the .po is in the .mo ...
    stale = []
    for entry in messages:
        if entry.msgid_plural is None:
            found = (
                compiled.gettext(entry.msgid)
                if entry.msgctxt is None
                else compiled.pgettext(entry.msgctxt, entry.msgid)
            )
            if found != entry.msgstr:
                stale.append(entry.key)
        else:
            forms = [
                compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                if entry.msgctxt is None
                else compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
            if forms != [entry.msgstr_plural[0], entry.msgstr_plural[1]]:
                stale.append(entry.key)
    assert stale == []
    # ... and the .mo holds nothing the .po no longer has (the header is the empty msgid).
    # GNUTranslations keeps its table in _catalog: "context\x04msgid" keys, plural forms as (msgid, index).
    expected = {""} | {e.key for e in messages if e.msgid_plural is None}
    expected |= {(e.key, i) for e in messages if e.msgid_plural is not None for i in (0, 1)}
    assert set(compiled._catalog) == expected


def test_django_serves_the_committed_english_catalogue():
    from django.utils import translation

    with translation.override("en"):
        assert translation.gettext("Direktori LKS") == "LKS directory"
        assert translation.ngettext("%(n)s organisasi", "%(n)s organisasi", 1) % {"n": 1} == "1 organisation"
        assert translation.ngettext("%(n)s organisasi", "%(n)s organisasi", 3) % {"n": 3} == "3 organisations"
    with translation.override("id"):
        assert translation.gettext("Direktori LKS") == "Direktori LKS"


# --- pages -------------------------------------------------------------------------------------------------


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_directory_renders_in_english_with_the_cookie(english):
    # given two active LKS
    OrganisationFactory(name="Panti Asuhan Harapan")
    OrganisationFactory(name="Panti Asuhan Bunda")

    # when the directory is opened with the English cookie
    response = english.get("/directory/")

    # then it is in English, Indonesian chrome is gone, and the plural is English
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Directory of Social Welfare Institutions (LKS)" in html
    assert "2 LKS" in html
    assert "Panti Asuhan Harapan" in html
    for indonesian in ("Direktori", "Data publik", "Langsung ke isi", "Cari", "Kontak"):
        assert indonesian not in html, indonesian


@pytest.mark.django_db
def test_directory_renders_in_indonesian_without_a_cookie(client):
    OrganisationFactory(name="Panti Asuhan Harapan")

    response = client.get("/directory/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in html
    assert "Direktori Lembaga Kesejahteraan Sosial" in html
    assert "Directory" not in html
    assert "Open data" not in html


@pytest.mark.django_db
def test_public_statistics_render_in_english_with_the_cookie(english):
    OrganisationFactory(name="Panti Asuhan Harapan")

    response = english.get("/statistics/public/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "LKS open data" in html
    assert "Active LKS by type and regency/city" in html
    assert "Regency/city" in html
    for indonesian in ("Data publik", "Jumlah LKS", "kabupaten/kota yang memiliki LKKKS", "Unduh"):
        assert indonesian not in html, indonesian


@pytest.mark.django_db
def test_public_statistics_render_in_indonesian_without_a_cookie(client):
    OrganisationFactory(name="Panti Asuhan Harapan")

    response = client.get("/statistics/public/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Data publik LKS" in html
    assert "LKS aktif menurut jenis dan kabupaten/kota" in html
    assert "open data" not in html


@pytest.mark.django_db
def test_login_page_and_its_error_render_in_english_with_the_cookie(english):
    response = english.post("/accounts/login/", {"username": "nobody", "password": "wrong"})

    html = response.content.decode()
    assert "Sign in to Sinergi" in html
    assert "Incorrect username or password" in html
    assert "Kata sandi" not in html


# --- the catalogue against the source --------------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("xgettext") or not shutil.which("msgmerge"), reason="needs GNU gettext")
def test_makemessages_would_find_no_untranslated_string(tmp_path):
    """A string added to the code without an English entry fails here.

    Fix: add it to locale/tools/en_strings.py, then `make messages`.
    """
    # given a copy of the project (makemessages rewrites the catalogue in place)
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", "node_modules", ".git", "__pycache__", "*.pyc", "test-results"),
    )
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test", "SINERGI_VAR_DIR": str(tmp_path / "var")}

    # when makemessages runs exactly as `make messages` does
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--ignore=.venv", "--ignore=var", "--no-location"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    # then it found no message that the committed catalogue lacks
    refreshed = _messages(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    assert [e.msgid for e in refreshed if not e.translated or e.fuzzy] == []


@pytest.mark.django_db
def test_an_unaccredited_lks_reads_as_the_accreditation_filter_names_it(english):
    # given an active LKS without accreditation
    OrganisationFactory(name="Panti Asuhan Tanpa Akreditasi", accreditation_grade=None)

    # when the public directory is read in English
    html = english.get("/directory/").content.decode()

    # then its accreditation cell says "Not accredited", the filter's word, not "None"
    row = html[html.index("Panti Asuhan Tanpa Akreditasi") :]
    row = row[: row.index("</tr>")]
    assert "<td>Not accredited</td>" in row and "None" not in row


def test_the_english_words_of_the_exchange_read_naturally():
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    refusal = (
        "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; perbaiki lalu unggah lagi."
    )
    with translation.override("en"):
        chart = gettext("LKS aktif per kecamatan dan jenis layanan")
        reference = gettext("Hanya untuk dilihat: peran Anda tidak mengimpor data ini.")
        summary = ngettext(refusal, refusal, 2) % {"rows": 2, "problems": 3}

    assert chart == "Active LKS by district and main service type"  # as the table under it
    assert reference == "For reference only: your role does not import this data."
    assert summary.startswith("2 rows have problems (3 problems in all). Nothing was saved")
    # No English message leaves "kecamatan" untranslated (it is "district" throughout)
    english = {e.msgid: [e.msgstr, *e.msgstr_plural.values()] for e in _messages(CATALOGUE / "django.po")}
    untranslated = [msgid for msgid, texts in english.items() if any("kecamatan" in text for text in texts)]
    assert untranslated == []


def test_english_names_the_people_an_lks_serves_one_way():
    # Indonesian says "klien" and "penerima layanan"; English says "client(s)" for both (the sixtieth review found
    # "service recipient(s)" in some fifty messages beside "client(s)" on the pages)
    english = {e.msgid: [e.msgstr, *e.msgstr_plural.values()] for e in _messages(CATALOGUE / "django.po")}
    two_words = [msgid for msgid, texts in english.items() if any(re.search(r"(?i)recipient", t) for t in texts)]
    assert two_words == []
    for msgid in ("penerima layanan (PPKS)", "Data penerima layanan", "Penerima layanan", "Klien"):
        assert re.search(r"(?i)\bclients?\b", english[msgid][0]), (msgid, english[msgid])


@pytest.mark.django_db
def test_no_english_message_names_a_column_by_its_indonesian_header():
    """An English reader may hold an English template: a message sends them to a column by what it holds ("the
    discharge date"), or quotes the Indonesian header beside it, but never names a column only as "Tanggal keluar"."""
    from django.utils import translation

    from sinergi.exchange.columns import entities

    columns = [column for entity in entities() for column in entity.columns]
    with translation.override("id"):
        indonesian = [str(column.header) for column in columns]
    with translation.override("en"):
        english = [str(column.header) for column in columns]
    # A header the same in both languages ("NIK", "LKS regency/city" against "Kabupaten/Kota LKS" is not) is no fault
    headers = {id_header for id_header, en_header in zip(indonesian, english, strict=True) if id_header != en_header}
    bare = []
    for entry in _messages(CATALOGUE / "django.po"):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            for header in headers:
                for found in re.finditer(rf"(?<![\w“\"(']){re.escape(header)}(?!\w)", text):
                    bare.append((header, text[max(0, found.start() - 40) : found.end() + 40]))

    assert bare == []
