"""Windows-1252 (CRLF) and Mac Roman (CR) CSVs of realistic notes and addresses, each read in the encoding it was
saved in (the forty-third review: each line here was read in the other one before)."""

import pytest

from sinergi.exchange.files import CSV, read_all

from .test_mac_csv import mac_csv


# An en dash between a capital and a digit (a block or house number), or between two words; yen, a dagger (deceased),
# per mille, German quotes: Windows-1252 reads them as a mark scored against, Mac Roman as a letter scored for.
# A multiplication sign, a division sign and a middle dot, the only such characters of a file: text, as a room's
# size or an amount writes them (Mac Roman reads them as ◊, ˜ and ∑) — not a file of another code page, refused.
@pytest.mark.parametrize(
    "text", ["Kompleks Bumi Indah Blok C–4", "Rumah A–1", "Kasih–Sayang", "Uang saku ¥1000 dari keluarga angkat",
             "Ayah: Ahmad †", "Kadar 5‰", "Panti „Kasih Ibu“", "Kamar 3×4 m", "Dibagi 10 ÷ 2", "Rp 5.000·"],
)  # fmt: skip
def test_a_windows_csv_of_notes_stays_windows_1252(tmp_path, text):
    path = mac_csv(tmp_path, [["Nama lengkap", "Alamat"], ["Budi", text]], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, ["Budi", text])


# A genuine "CSV (Macintosh)" (CR only): Mac's – is Windows-1252's Ð (a capital among capitals), its º is ¼ (a
# number), its † a no-break space (nothing), its ¡ is Á.
@pytest.mark.parametrize(
    "text", ["Kompleks Bumi Indah Blok C–4", "RT 03–RW 02", "Nº 5", "Ayah: Ahmad †", "Kadar 5‰", "Panti „Kasih Ibu“"]
)
def test_a_mac_csv_of_notes_stays_mac_roman(tmp_path, text):
    path = mac_csv(tmp_path, [["Nama lengkap", "Alamat"], ["Budi", text]])
    assert read_all(path, CSV)[1] == (2, ["Budi", text])


# Two ordinary cells of one Windows row: the apostrophe of Nur’aini (+2) loses to Mac's reading of it ("í", +1) and
# of the dash of "C–4" ("ñ" in a word with a capital, +1) against the dash's −1.
def test_a_windows_row_with_an_apostrophe_name_and_a_block_number_stays_windows_1252(tmp_path):
    row = ["Nurul Pratama", "Kompleks Bumi Indah Blok C–4", "Dirujuk oleh Bu Nur’aini (RT 03)."]
    path = mac_csv(tmp_path, [["Nama", "Alamat", "Catatan"], row], encoding="cp1252", line_end="\r\n")
    assert read_all(path, CSV)[1] == (2, row)


# Work: _letter_plausibility once walked the whole word for each of up to NON_ASCII_JUDGED letters, so one long run of
# accented letters (a damaged cell, a pasted blob) cost words × length: 10,000 letters 23 s, 100,000 letters 252 s.
# Counted in lines run rather than timed, so that a busy machine cannot fail it and a slow walk cannot pass it.
def test_the_encoding_of_a_csv_with_one_long_word_of_accented_letters_is_told_with_bounded_work(tmp_path):
    import sys

    from sinergi.exchange.files import encodings

    path = tmp_path / "long.csv"
    path.write_bytes(("Nama;Catatan\r\nBudi;" + "é" * 20_000 + "\r\n").encode("cp1252"))
    judged = encodings._letter_plausibility.__code__
    # Each letter's word is looked at up to WORD_JUDGED letters on each side: two lines per step of its two walks,
    # and a few lines more for the verdict.
    most_per_letter = 4 * (encodings.WORD_JUDGED + 1) + 20
    calls, lines = 0, 0

    def count_lines(frame, event, arg):
        nonlocal lines
        lines += 1
        if lines > most_per_letter:
            raise AssertionError(f"one letter took more than {most_per_letter} lines")
        return count_lines

    def on_call(frame, event, arg):
        nonlocal calls, lines
        if frame.f_code is not judged:
            return None
        calls, lines = calls + 1, 0
        return count_lines

    sys.settrace(on_call)
    try:
        told = encodings._detect_encoding(path)
    finally:
        sys.settrace(None)

    assert told == "cp1252"
    assert 0 < calls <= 2 * encodings.NON_ASCII_JUDGED  # once in each reading weighed: Windows-1252, Mac Roman
