"""Guards for the shared stylesheet."""

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parent.parent / "sinergi" / "static" / "css" / "sinergi.css").read_text()


def _declarations(selector: str) -> dict[str, str]:
    body = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS).group(1)
    return dict(part.split(":", 1) for part in (p.strip() for p in body.split(";")) if ":" in part)


def _colour(value: str) -> str:
    """A colour as #rrggbb, a custom property (var(--err)) read from :root."""
    value = value.strip()
    if match := re.fullmatch(r"var\((--[\w-]+)\)", value):
        value = re.search(re.escape(match.group(1)) + r"\s*:\s*(#[0-9a-fA-F]{3,6})", CSS).group(1)
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(_colour(first)), _luminance(_colour(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_notification_count_is_readable_small_text():
    # The unread count is 0.7rem (about 11 px): WCAG 1.4.3 asks 4.5:1 for text that small.
    badge = _declarations(".bell .count")
    assert contrast(badge["color"], badge["background"]) >= 4.5


def test_a_password_box_is_as_wide_as_the_name_box_above_it():
    # The login form's "Kata sandi" was left at the browser's default width under a full-width "Nama pengguna".
    rule = re.search(r"([^{}]*\.form input\[type=text\][^{]*)\{([^}]*)\}", CSS)
    selectors = {part.strip() for part in rule.group(1).split(",")}
    assert {".form input[type=password]", ".form input[type=tel]"} <= selectors
    assert "width:100%" in rule.group(2).replace(" ", "")
