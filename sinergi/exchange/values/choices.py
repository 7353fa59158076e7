"""Matching what a cell says against what is known: yes/no (parse_bool), an item of a list by its code, label, short
form, acronym, spelling variant or alias (Choices, with the suggestion for a typo), and whether two names may name
the same one (same_one_named, names_far_apart). Apart because they compare words, not read digits."""

import difflib
import re
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from .cells import DASHES, CellProblem, is_blank, norm, text

TRUE_WORDS = {"ya", "iya", "y", "yes", "true", "benar", "1", "ada", "sudah", "v", "x", "✓", "✔", "✔️", "√", "☑", "✅"}
FALSE_WORDS = {"tidak", "t", "tdk", "no", "n", "false", "salah", "0", "tidak ada", "belum", "-", "✗", "✘", "❌"}
# The variation selectors a phone's emoji keyboard sends after a mark it draws as an emoji ("☑️" is "☑" and U+FE0F):
# the same mark, whichever way it is drawn.
_EMOJI_STYLE = dict.fromkeys(map(ord, "\ufe0e\ufe0f"))


def parse_bool(raw: Any) -> bool | None:
    if isinstance(raw, str) and raw.strip().lstrip("'").strip() in DASHES:
        return False  # "-" in a yes/no column is the "no" of paper forms
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        return raw
    value = norm(raw) or text(raw).translate(_EMOJI_STYLE)
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise CellProblem(_("Isi “Ya” atau “Tidak”, bukan “%(value)s”.") % {"value": text(raw)})


# Spellings people use for a word the official labels spell otherwise (KBBI: "telantar"), compared word by word.
RESPELLINGS = {"terlantar": "telantar", "orangtua": "orang tua", "ortu": "orang tua", "lansia": "lanjut usia"}
# Words left out of an acronym: "Anak yang Berhadapan dengan Hukum" is "ABH".
_ACRONYM_SKIPS = {"yang", "dengan", "dan", "atau", "di", "ke", "dari", "untuk", "bagi", "oleh"}


def two_choices_message(value: str, first: str, second: str) -> str:
    """The problem of a cell of one item that names two ("Pengasuh - Relawan", "PSM, TKSK"), both named."""
    return _(
        "“%(value)s” berisi dua pilihan, “%(first)s” dan “%(second)s”, padahal kolom ini hanya menerima "
        "satu. Isi salah satu saja."
    ) % {"value": value, "first": first, "second": second}


def respell(key: str) -> str:
    """A normalised value with the commonest spelling variants written the official way."""
    return " ".join(RESPELLINGS.get(word, word) for word in key.split())


# Words that make a qualified item something it is not now: a former or a future one ("Mantan pengasuh", "Calon
# pekerja sosial", "Eks relawan").
_NOT_NOW = frozenset({"mantan", "calon", "eks", "ex", "bekas"})


class Choices:
    """Allowed values of a column: each code with its label; a cell may hold the code, the label, “code — label”,
    a short form of the label (“Dalam panti” for “Dalam panti (residensial)”, “Luar panti” for “Luar panti /
    berbasis keluarga”), its acronym (“ABH”), a common spelling variant (“terlantar”), or one of `aliases`
    ((alias, code): words people use, like “Pria” for L). A short form or acronym that two items share is not used."""

    def __init__(
        self,
        items: list[tuple[str, str]],
        aliases: Sequence[tuple[str, str]] = (),
        other_labels: Sequence[tuple[str, str]] = (),
        suggest_labels: bool = False,
    ) -> None:
        """`other_labels`: (code, label) in the interface's other languages, read after the current ones (a
        sheet filled in Indonesian imports for a user working in English). `suggest_labels`: the template's
        dropdown offers the labels, so a suggestion names the label alone (not a code the user never saw)."""
        self.items = items
        self.suggest_labels = suggest_labels
        self._seen: dict[str, str] = {}  # raw cell text -> code: a column repeats few distinct values
        # Texts read by match_qualified alone, kept apart: match() still refuses them (a Peran cell "Pengasuh
        # asrama" would lose the words the column does not keep; a job title keeps them in its own column).
        self._qualified: dict[str, str] = {}
        self.by_norm: dict[str, str] = {}
        # Each item as written in full (its code or a label, in any language; case and spacing aside): a cell that
        # says otherwise was read as the item (read_as) and is told.
        self._as_listed: set[str] = set()
        # A label of the other languages as written ("Perempuan" for a user working in English): a typo of it is
        # suggested as the file writes it, with the label the user reads beside it.
        self._other_labels: dict[str, str] = {}
        for labels in (items, other_labels):
            for code, label in labels:
                if labels is other_labels and respell(norm(label)) not in self.by_norm:
                    self._other_labels[respell(norm(label))] = str(label)
                for key in (norm(code), norm(label), norm(f"{code} {label}")):
                    self.by_norm.setdefault(respell(key), code)
                    self._as_listed.add(key)
            derived: dict[str, set[str]] = {}
            for code, label in labels:
                for key in _short_forms(str(label)):
                    derived.setdefault(respell(key), set()).add(code)
            for key, codes in derived.items():
                if len(codes) == 1 and key and key not in self.by_norm:
                    self.by_norm[key] = next(iter(codes))
        for alias, code in aliases:
            self.by_norm.setdefault(respell(norm(alias)), code)

    def match(self, raw: Any) -> str:
        value = text(raw)
        if value in self._seen:
            return self._seen[value]
        code = self._match(value)
        self._seen[value] = code
        return code

    def _match(self, value: str) -> str:
        key = respell(norm(value))
        if key in self.by_norm:
            return self.by_norm[key]
        # "anak — LKS Anak" as picked from a list that shows both: the part after the dash or bracket must name the
        # same item. "Pengasuh - Relawan" names two, and "Pengasuh (tetap)" says more than the column keeps: kept
        # as the first, either would be stored as something else than written.
        parts = re.split(r"\s[-–—:]\s|\s\(", value, maxsplit=1)
        head = respell(norm(parts[0]))
        if head not in self.by_norm:
            raise CellProblem(self.unknown_message(value))
        code = self.by_norm[head]
        rest = respell(norm(parts[1].rstrip(") ")))
        if self.by_norm.get(rest) == code or set(rest.split()) & self._words_of(code):
            return code
        labels = dict(self.items)
        shown = labels[code] if self.suggest_labels else code
        if (other := self.by_norm.get(rest)) is not None:
            raise CellProblem(two_choices_message(value, shown, labels[other] if self.suggest_labels else other))
        raise CellProblem(
            _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(label)s” (tanpa keterangan tambahan)?")
            % {"value": value, "label": shown}
        )

    def match_qualified(self, raw: Any, *, alone_only: Sequence[str] = ()) -> str:
        """match(), or, for a free text that is no item as a whole (a job title), the item it names with words that
        qualify it: "Pengasuh asrama putri" → Pengasuh, "Kepala panti asuhan" → the item of "Kepala panti". Its runs
        of whole words that name an item, each as long as it goes ("Pekerja sosial masyarakat desa" names the PSM by
        "Pekerja sosial masyarakat", not the professional by "Pekerja sosial" within it), must all name that one
        item: "Pengasuh (relawan)" and "Relawan pengasuh" name two, and are refused as match() refuses them. An item
        written as one of `alone_only` is read so only when it is the whole text (a word too wide to say the item
        with others around it: "Pengurus rumah tangga" is a housekeeper, not the board). Told by read_as."""
        value = text(raw)
        if value in self._seen:
            return self._seen[value]
        try:
            return self.match(raw)
        except CellProblem:
            if (code := self._qualified.get(value)) is None:
                code = self._qualified_code(respell(norm(value)), {respell(norm(word)) for word in alone_only})
                if code is None:
                    raise
                self._qualified[value] = code
            return code

    def _qualified_code(self, key: str, alone_only: set[str]) -> str | None:
        words = key.split()
        if _NOT_NOW & set(words):
            return None  # "Mantan pengasuh", "Calon pengasuh": once or not yet the item, not the item
        runs = [
            (start, end, code)
            for start in range(len(words))
            for end in range(start + 1, len(words) + 1)
            if (part := " ".join(words[start:end])) not in alone_only and (code := self.by_norm.get(part)) is not None
        ]
        longest = {
            code
            for start, end, code in runs
            if not any(a <= start and end <= b and (a, b) != (start, end) for a, b, _code in runs)
        }
        return next(iter(longest)) if len(longest) == 1 else None

    def read_as(self) -> list[tuple[str, str]]:
        """(cell text, label) of the cells matched so far that do not write their item as listed: a spelling variant
        ("Anak Terlantar"), a short form ("Luar panti"), an acronym, an alias ("Pria")."""
        labels = dict(self.items)
        said: dict[str, tuple[str, str]] = {}  # one per way of writing, case and spacing aside ("LKSA", "lksa")
        for value, code in (*self._seen.items(), *self._qualified.items()):
            if (key := norm(value)) not in self._as_listed:
                said.setdefault(key, (value, labels.get(code, code)))
        return list(said.values())

    def _words_of(self, code: str) -> set[str]:
        """The words of every way an item may be written (its code, labels and short forms)."""
        return {word for key, found in self.by_norm.items() if found == code for word in key.split()}

    def unknown_message(self, value: str) -> str:
        typed = respell(norm(value))
        # A word that several items share ("Panti": "Dalam panti", "Luar panti"): name them all rather than guess
        # one, which may be the opposite.
        padded = f" {typed} "
        sharing = list(dict.fromkeys(code for key, code in self.by_norm.items() if typed and padded in f" {key} "))
        if 2 <= len(sharing) <= 4:
            labels = dict(self.items)
            shown = ", ".join(f"“{labels[code] if self.suggest_labels else code}”" for code in sharing)
            return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda salah satu dari: %(choices)s?") % {
                "value": value,
                "choices": shown,
            }
        # Only a near spelling is suggested (a typo): a loose match proposes unrelated or opposite items
        # ("Melarikan diri" → "Mandiri").
        closest = difflib.get_close_matches(typed, list(self.by_norm), n=1, cutoff=SUGGESTION_CUTOFF)
        if closest and _negated(typed) != _negated(closest[0]):
            closest = []  # "Tidak dalam panti" is close to "Dalam panti" in spelling, and its opposite
        if closest:
            code = self.by_norm[closest[0]]
            label = dict(self.items)[code]
            if self.suggest_labels and (written := self._other_labels.get(closest[0])):
                return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(code)s” (%(label)s)?") % {
                    "value": value,
                    "code": written,
                    "label": label,
                }
            if self.suggest_labels:
                return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(label)s”?") % {
                    "value": value,
                    "label": label,
                }
            return _("“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(code)s” (%(label)s)?") % {
                "value": value,
                "code": code,
                "label": label,
            }
        shown = ", ".join(label if self.suggest_labels else code for code, label in self.items[:12])
        if len(self.items) > 12:
            # The rest are in the template's instructions (and the dropdown): its list sheet is hidden.
            return _(
                "“%(value)s” tidak ada dalam daftar. Pilihan: %(choices)s, dan %(more)s lainnya (lihat lembar "
                "Petunjuk di templat impor)."
            ) % {"value": value, "choices": shown, "more": len(self.items) - 12}
        return _("“%(value)s” tidak ada dalam daftar. Pilihan: %(choices)s.") % {"value": value, "choices": shown}


SUGGESTION_CUTOFF = 0.75  # difflib ratio: "lanjut usai"/"lanjut usia" 0.91, "netra"/"mental" 0.55
_NEGATIONS = {"tidak", "tdk", "bukan", "non", "tanpa", "belum"}


def _negated(key: str) -> bool:
    return key.split(" ", 1)[0] in _NEGATIONS


# Words that name what an LKS or a person is rather than which one: sharing them says nothing.
_COMMON_NAME_WORDS = {
    "lks", "lksa", "lksla", "lkspd", "panti", "asuhan", "sosial", "yayasan", "rumah", "pelayanan", "lembaga",
    "kesejahteraan", "anak", "lanjut", "usia", "werdha", "disabilitas", "binaan", "al", "an", "ar", "as", "nur",
    "muhammad", "siti", "binti", "bin",
}  # fmt: skip


def same_one_named(stored: str, given: str) -> bool:
    """Whether two names may name the same one, typo or spelling aside: close spellings ("Tanpa Nomr"/"Tanpa
    Nomor"), or a distinctive word in common ("Panti Asuhan Al-Falah"/"LKSA Al Falah"). Used where a row's ID must
    not be taken on its own word: a user's own running number in a column headed "ID" names someone else."""
    a, b = norm(stored), norm(given)
    if not a or not b:
        return True
    # Compared without the words every such name has ("Panti Asuhan Harapan"/"Panti Asuhan Sejahtera" differ).
    a_own = " ".join(word for word in a.split() if word not in _COMMON_NAME_WORDS) or a
    b_own = " ".join(word for word in b.split() if word not in _COMMON_NAME_WORDS) or b
    if difflib.SequenceMatcher(None, a_own, b_own).ratio() >= SUGGESTION_CUTOFF:
        return True
    distinctive = {word for word in a_own.split() if len(word) >= 3}
    return bool(distinctive & set(b_own.split()))


def _short_forms(label: str) -> set[str]:
    """What people write for a long label: the part before “(” and the part inside, each side of “ / ”, and the
    acronym of its words (three letters or more)."""
    forms = set()
    head, _sep, rest = label.partition("(")
    forms.add(norm(head))
    if rest:
        forms.add(norm(rest.rstrip(")")))
    if " / " in label:
        forms.update(norm(part) for part in label.split(" / "))
    words = [w for w in norm(label).split() if w not in _ACRONYM_SKIPS]
    if len(words) >= 3:
        forms.add("".join(w[0] for w in words))
    forms.discard(norm(label))
    return forms


def names_far_apart(stored: Any, given: Any) -> bool:
    """Whether a name in a file is hardly the stored one it would replace: fewer than half of the shorter name's
    words have a close word in the other. A corrected spelling ("Akhmad" for "Ahmad"), a word added or dropped, or an
    initial ("M." for "Muhammad") keeps the names close; "Siti Lain" for "Siti Aminah Rahman" does not."""
    if stored == given:  # a re-imported file: every row, so before any normalising
        return False
    a, b = norm(stored).split(), norm(given).split()
    if not a or not b or a == b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)

    def close(word: str) -> bool:
        return any(
            other.startswith(word)
            or word.startswith(other)
            or difflib.SequenceMatcher(None, word, other).ratio() >= 0.8
            for other in longer
        )

    return sum(1 for word in shorter if close(word)) * 2 < len(shorter)
