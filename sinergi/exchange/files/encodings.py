"""A CSV's encoding, told from its bytes: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else
Windows-1252 or Mac Roman, whichever reads its characters beyond ASCII as the likelier text. Apart because judging
8-bit text is a craft of its own (_plausibility), used by the content check (UTF-16 without BOM) and the CSV reader."""

import codecs
import itertools
import re
import unicodedata
from pathlib import Path

from django.utils.translation import gettext as _

from ._common import FileRefused

# A well-formed UTF-8 sequence of two to four bytes (an accented letter, a dash, an emoji).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when `head` is UTF-16 text without a byte-order mark (some "Unicode text" exports):
    nearly every other byte is 0, always on the same side, which no 8-bit text and few binary files do."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even_zeros = head[0 : pairs * 2 : 2].count(0)
    odd_zeros = head[1 : pairs * 2 : 2].count(0)
    if odd_zeros >= pairs * 0.6 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= pairs * 0.6 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _detect_encoding(path: Path) -> str:
    """UTF-8 with or without BOM, UTF-16 with BOM (or recognisably without), else Windows-1252 (Excel's "CSV" on
    Indonesian Windows) or Mac Roman (Excel for Mac's "CSV (Macintosh)"), whichever reads the file as text."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        data = handle.read()  # at most the upload limit
    if without_bom := _utf16_without_bom(data[:4096]):
        return without_bom
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(data):
            # Mostly UTF-8 (accented letters read fine) with a few bytes that are not: read as Windows-1252, every
            # "é" would silently become "Ã©". Refused, pointing at the first bad byte.
            line = data.count(b"\n", 0, error.start) + 1
            raise FileRefused(
                _(
                    "File CSV ini bercampur: sebagian besar UTF-8, tetapi baris %(line)s berisi karakter dengan "
                    "pengodean lain. Simpan ulang file sebagai “CSV UTF-8” lalu unggah lagi."
                )
                % {"line": line}
            ) from error
        return _eight_bit_encoding(data)
    return "utf-8"


# Characters an Indonesian list holds beyond ASCII, whichever program wrote it: autocorrect's apostrophes, quotes and
# dashes, the ellipsis, the degree sign of a coordinate.
_TYPOGRAPHIC = frozenset("\u2019\u2018\u201c\u201d\u201e\u2013\u2014\u2026\u00b0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Symbols of ordinary text on Windows (guillemets, a bullet, ®, ©, §, ±, €, ™, ×, ÷, ·): text, in either encoding that
# reads them. (Without ×, ÷ and ·, a Windows file whose only such character was one read as no text in either, and
# was refused as of another code page.)
_TEXT_SYMBOLS = frozenset("\u00ab\u00bb\u2022\u00ae\u00a9\u00a7\u00b1\u2122\u2020\u2021\u2030\u00d7\u00f7\u00b7")
WORD_JUDGED = 30  # letters looked at on each side of a letter for its word: a name's, not a pasted blob's
NON_ASCII_JUDGED = 10_000  # characters beyond ASCII weighed per file: enough to tell, at any file size


def _eight_bit_encoding(data: bytes) -> str:
    """ "cp1252" or "mac_roman", for a file of 8-bit text: the one whose characters beyond ASCII read as the likelier
    text (a Mac file's Nur’aini is "NurÕaini" in Windows-1252, and its Café "CafŽ"). Windows-1252 when both read
    alike, unless every line ends in a carriage return alone, as only the Mac's own CSV writes them. Windows-1252
    lacks five byte values, Mac Roman none: a file holding one is Mac Roman (never a "�" stored without a word)."""
    readings = {}
    for encoding in ("cp1252", "mac_roman"):
        try:
            readings[encoding] = _plausibility(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    # A reading is text when nothing counts against it but symbols standing apart from words and numbers
    # (_plausibility's `stray`), as a "¦", "¬" or "¶" a Windows user typed for a separator or a mark: the other reading
    # of its byte is a symbol too (Mac Roman's "¶", "¨", "∂"), so it is no sign of another code page, and the rest of
    # the file, then the line ends, tell which. Refused is a file with a character inside or against a word or number
    # that neither reads as text: a letter of another code page. (MS-DOS's "¼" standing alone is the byte of "¬".)
    scores = {encoding: score for encoding, (score, stray) in readings.items() if score + stray >= 0}
    if not scores:
        # Neither reads it as text: another code page, as Excel's "CSV (MS-DOS)" (André is "Andr‚" in
        # Windows-1252 and "AndrÇ" in Mac Roman). Either would store names changed, under a notice of the encoding.
        raise FileRefused(_unreadable_letters_message(data, max(readings, key=lambda encoding: readings[encoding][0])))
    if "cp1252" not in scores:
        return "mac_roman"
    mac_lines = b"\r" in data and b"\n" not in data
    mac = scores.get("mac_roman")
    if mac is not None and (mac > scores["cp1252"] or (mac == scores["cp1252"] and mac_lines)):
        return "mac_roman"
    return "cp1252"


def _unreadable_letters_message(data: bytes, encoding: str) -> str:
    """The refusal of an 8-bit file neither encoding reads as text, naming the first line beyond ASCII and its word
    as read: the first such character in or against a word or number, the one that made it refused, rather than a
    symbol standing apart before it ("Diklat ¬ Bimtek")."""
    text = data.decode(encoding)
    starts = [match.start() for match in itertools.islice(_NON_ASCII.finditer(text), NON_ASCII_JUDGED)]
    # (a file without such characters scores 0)
    at = next((at for at in starts if text[at - 1 : at].isalnum() or text[at + 1 : at + 2].isalnum()), starts[0])
    start, end = at, at + 1
    while start and text[start - 1] not in " \t\r\n,;":
        start -= 1
    while end < len(text) and text[end] not in " \t\r\n,;":
        end += 1
    return _(
        "Huruf di luar A–Z di file CSV ini tidak terbaca sebagai teks, baik dalam pengodean Windows-1252 maupun Mac "
        "Roman (mis. baris %(line)s: “%(word)s”): file disimpan dengan pengodean lain, seperti “CSV (MS-DOS)”. "
        "Simpan ulang sebagai “CSV UTF-8” lalu unggah lagi."
    ) % {"line": text.count("\n", 0, at) + 1, "word": text[start:end][:40]}


def _plausibility(text: str) -> tuple[int, int]:
    """How much the characters beyond ASCII in `text` look like text, judged within their word (its run of letters).
    For it: a small letter in a word that has other small letters ("Café", "Héru"); a capital starting a word
    ("Ñoman", "Élodie") or in a word of capitals ("ANDRÉ", names are often written so); an acute accent typed for an
    apostrophe ("Nur´aini"); a typographic mark where text puts it (see _mark_plausibility). Against it: a capital
    inside a word that has small letters ("NurÕaini", "MŸller", "HÈru"); a small letter in a word of capitals
    ("ANDRƒ", "TOMçS"); a mark where text never puts it (Windows-1252's "ANDRÉ" read as Mac Roman is "ANDR…", its
    "Ñoman" "—oman"); any symbol inside a word ("Nur¥aini", "Stra§e"); a symbol ("◊", "¤", "√"). Judged by neighbours
    alone, a capital after a capital tied "MŸller" with "Müller" (the forty-first review).
    Also returned, `stray`: the part of the score against that is symbols standing apart from words and numbers
    ("Diklat ¦ Bimtek", "¶ Catatan"). They make a reading unlikelier than another, but are no sign of a letter
    misread, which stands inside or against a word or a number ("Andr‚", "Mar¡a", MS-DOS's 1ª read as "1¦")."""
    score = stray = 0
    for count, match in enumerate(_NON_ASCII.finditer(text)):
        if count == NON_ASCII_JUDGED:
            break
        char, at = match.group(), match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1 : at + 2] or " "
        category = unicodedata.category(char)
        if char in _TYPOGRAPHIC:
            points = _mark_plausibility(char, before, after, text, at)
        elif char == "\u00b4" and before.isalpha() and after.isalpha():
            points = 1  # an acute accent for an apostrophe, as typed on Windows ("Nur´aini"; Mac Roman's "Nur¥aini")
        elif before.isalpha() and after.isalpha() and category[0] not in "LZ":
            # a symbol inside a word: a letter of another code page, Windows-1252's reading of Mac's Ü, ß ("M†LLER",
            # "Stra§e"), Mac Roman's of an acute accent ("Nur¥aini"), of MS-DOS's ñ ("Pe¤as")
            points = -1
        elif char in _TEXT_SYMBOLS or char.isnumeric() or category == "Sc":
            # «Peduli», •, ®, ½, ¥, "Ahmad †" (deceased), 5‰ (Mac Roman reads Windows-1252's « as "´", • as "ï", ½ as
            # "Ω", † as "Ü", ‰ as "â")
            points = 1
        elif char in "ªº":
            # an ordinal ("1º", "Nº 5"); Mac Roman reads Windows-1252's » as "ª"
            points = 1 if before.isdigit() or before in "Nn" else -1
        elif category in ("Ll", "Lu", "Lt"):
            points = _letter_plausibility(text, at)
        elif char in "\u00a1\u00bf":
            # an inverted mark opening a word ("¡Penting!"); none ends one (MS-DOS's í read as Windows-1252: "Mart¡")
            points = 0 if after.isalpha() and not before.isalnum() else -1
        else:
            points = 0 if char.isspace() else -1
        score += points
        if points < 0 and (category[0] in "PS" or char in "ªº") and not (before.isalnum() or after.isalnum()):
            stray -= points
    return score, stray


def _letter_plausibility(text: str, at: int) -> int:
    """_plausibility of the letter at `at`, by the word it is in."""
    start = at
    while start and at - start < WORD_JUDGED and text[start - 1].isalpha():
        start -= 1
    end = at + 1
    while end < len(text) and end - at <= WORD_JUDGED and text[end].isalpha():
        end += 1
    others = text[start:at] + text[at + 1 : end]
    if not others:
        return 0  # a letter alone says nothing
    char = text[at]
    if char.isupper():
        if at == start or others.isupper():
            return 1
        return -2 if text[at - 1].islower() else -1
    if others.isupper() and len(others) > 1:
        return -1
    return 1


def _mark_plausibility(char: str, before: str, after: str, text: str, at: int) -> int:
    """_plausibility of a typographic mark between `before` and `after` (at `at` in `text`)."""
    if char == "\u2019" and before.isalpha() and after.isalpha():
        return 2 if before.islower() or after.islower() else 1  # Nur’aini, D’SOUZA
    if char == "\u2018" and before.isalpha() and after.islower():
        # the ayn of an Arabic name typed with a left quote (Ma‘ruf, Sa‘adah, Syafi‘i): as likely as Mac Roman's ë
        # that Windows-1252 reads so ("No‘l"), a tie the line ends decide (a Mac's own CSV ends them in CR alone)
        return 1
    if char in "\u201c\u2018" and not before.isalnum() and after.isalnum():
        # An opening quote, when its closing one follows on the line (Windows-1252's "Òscar" is Mac's "“scar")
        # (looked for in the next 200 characters of the line only: a file may hold many such marks)
        closing = "\u201d" if char == "\u201c" else "\u2019"
        following = text[at : at + 200].splitlines()[0]
        return 2 if closing in following else 0
    if char in "\u201d\u2019" and before.isalnum() and not after.isalnum():
        return 2  # a closing quote
    if char == "\u201e":  # „Kasih Ibu“, when it closes on the line (Windows-1252's reading of Mac's Ñ)
        return (
            (2 if any(mark in text[at : at + 200].splitlines()[0] for mark in "\u201c\u201d") else 0)
            if (after.isalnum())
            else -1
        )
    if char == "\u201c" and before.isalnum() and not after.isalnum():
        return 1  # „Kasih Ibu“ closes with it
    if char in "\u2013\u2014":
        # "Café – Kasih", "2020–2021", "Blok C–4", "RT 03–RW 02", "Kasih–Sayang"; never "—oman"
        if not (before.isalpha() or after.isalpha()):
            return 2
        # (between two words, "Kasih–Sayang"; not inside one: Windows-1252 reads Mac's ñ as "–", "Nu–ez")
        return 1 if before.isdigit() or after.isdigit() or (before.isalpha() and after.isupper()) else -1
    if char == "\u2026":
        return 2 if not after.isalnum() and (before.islower() or not before.isalnum()) else -1
    if char == "\u00b0":
        # after a number ("30°", "45 °", "38 °Celcius"), or before the C or F of a temperature ("38 °C", "Suhu (°C)";
        # not Mac Roman's reading of Windows-1252's "¡Cepat!"); Mac's ∞ is none of them
        spaced = before == " " and at > 1 and text[at - 2].isdigit() and (not after.isalpha() or after in "CF")
        after_number = before.isdigit() or spaced
        return 2 if after_number or (after in "CF" and not text[at + 2 : at + 3].isalpha()) else -1
    return -1  # (a left quote between letters: Mac's "Noël" read as Windows-1252 is "No‘l")
