"""A small reader/writer for gettext .po files, enough for the catalogues makemessages writes.

polib is not a dependency of Sinergi; the format we need (contexts, plurals, flags, obsolete
entries) is small enough to handle here, and tests/test_translations.py reuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def unquote(literal: str) -> str:
    """Turn a quoted PO string literal ("a\\"b") into its text."""
    body = literal.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(f"Not a PO string literal: {literal!r}")
    out: list[str] = []
    chars = iter(body[1:-1])
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            if nxt not in _ESCAPES:
                raise ValueError(f"Unknown escape \\{nxt} in {literal!r}")
            out.append(_ESCAPES[nxt])
        else:
            out.append(char)
    return "".join(out)


def quote(text: str, prefix: str = "", width: int = 79) -> str:
    """Write text as PO string literal line(s), wrapped like msgmerge does (after spaces and newlines)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    escaped = escaped.replace("\n", "\\n")
    if "\\n" not in escaped[:-2] and len(prefix) + len(escaped) + 2 <= width:
        return f'{prefix}"{escaped}"'
    lines: list[str] = []
    for part in re.split(r"(?<=\\n)", escaped):
        if not part:
            continue
        while len(part) + 2 > width:
            # Break after the last space that keeps the line within width; never inside an escape.
            cut = max((m.end() for m in re.finditer(r" ", part[: width - 2])), default=0)
            if cut == 0:
                break
            lines.append(part[:cut])
            part = part[cut:]
        lines.append(part)
    return f'{prefix}""\n' + "\n".join(f'"{line}"' for line in lines)


@dataclass
class Entry:
    """One message of a catalogue: its comments, flags, source text(s) and translation(s)."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # "#." / "#:" / "# " lines, kept verbatim
    flags: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def key(self) -> str:
        """The catalogue key, as gettext stores it: "context\\x04msgid" when there is a context."""
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)


def _unmark_obsolete(line: str) -> str:
    """An obsolete entry's line without its "#~" mark; its previous-msgid notes ("#~|") stay comments."""
    if line.startswith("#~|"):
        return "#|" + line[3:]
    return line[2:].lstrip() if line.startswith("#~") else line


def parse(text: str) -> list[Entry]:
    """Read every entry of a .po file; obsolete (#~) entries are read but marked."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        entry = Entry()
        # msgmerge writes an obsolete entry's flags ("#, python-format") without the "#~" mark, so the entry is
        # obsolete when its keywords are all marked, not only when every line is.
        if any(line.startswith("#~") for line in lines) and not any(line.startswith(("msg", '"')) for line in lines):
            entry.obsolete = True
            lines = [_unmark_obsolete(line) for line in lines]
        current: tuple[str, int | None] | None = None
        values: dict[tuple[str, int | None], list[str]] = {}
        for line in lines:
            if line.startswith("#,"):
                entry.flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
            elif line.startswith("#"):
                entry.comments.append(line)
            elif line.startswith('"'):
                if current is None:
                    raise ValueError(f"Continuation line without a keyword: {line!r}")
                values[current].append(unquote(line))
            else:
                match = _KEYWORD.match(line)
                if not match:
                    raise ValueError(f"Cannot read PO line: {line!r}")
                keyword, index = match[1], match[2]
                current = ("msgstr[]", int(index)) if index is not None else (keyword, None)
                values[current] = [unquote(match[3])]
        for (keyword, index), chunks in values.items():
            joined = "".join(chunks)
            if keyword == "msgstr[]":
                entry.msgstr_plural[index] = joined  # type: ignore[index]
            else:
                setattr(entry, keyword, joined)
        entries.append(entry)
    return entries


def render(entries: list[Entry]) -> str:
    """Write entries back in the layout makemessages uses (obsolete entries are dropped)."""
    blocks: list[str] = []
    for entry in entries:
        if entry.obsolete:
            continue
        lines = list(entry.comments)
        if entry.flags:
            lines.append("#, " + ", ".join(entry.flags))
        if entry.msgctxt is not None:
            lines.append(quote(entry.msgctxt, "msgctxt "))
        lines.append(quote(entry.msgid, "msgid "))
        if entry.msgid_plural is not None:
            lines.append(quote(entry.msgid_plural, "msgid_plural "))
            for index in sorted(entry.msgstr_plural):
                lines.append(quote(entry.msgstr_plural[index], f"msgstr[{index}] "))
        else:
            lines.append(quote(entry.msgstr, "msgstr "))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def load(path: Path) -> list[Entry]:
    return parse(path.read_text(encoding="utf-8"))
