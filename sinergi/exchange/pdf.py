"""PDF rendering with WeasyPrint (A4, our own stylesheet, nothing fetched from outside) and small server-side SVG
bar charts, so that a printed report needs no JavaScript and no network."""

import re
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sinergi.core.downloads import download_filename

if TYPE_CHECKING:
    import weasyprint

PDF_CSS = "exchange/pdf.css"
# One colour per series, the dashboard's palette (static/js/charts.js) in its order, so that a kind of LKS has the
# same colour on paper as on screen; repeated when there are more series.
PALETTE = ("#0b6e4f", "#1b4f9c", "#c77d00", "#a4161a", "#6b4c9a", "#3d8b99", "#7a7a7a")


class ExternalResourceRefused(Exception):
    """A report tried to load something from outside (reports must be self-contained)."""


def _no_fetch(url: str, *args, **kwargs):
    raise ExternalResourceRefused(url)


def _fetcher():
    """A WeasyPrint URL fetcher that refuses every URL: a report is self-contained (inline SVG, our CSS)."""
    from weasyprint.urls import URLFetcher

    class NoFetch(URLFetcher):
        def fetch(self, url, headers=None):
            return _no_fetch(url)

    return NoFetch()


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string (a translation may hold quotes or backslashes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_css() -> str:
    """The page footer ("Halaman 1 dari 5") in the active language: CSS cannot call gettext, so pdf.css holds only
    an Indonesian fallback and this rule, handed over after it, replaces it. The words come from the catalogue as one
    sentence with placeholders, so that a translation may order them as its language needs."""
    sentence = _("Halaman %(n)s dari %(total)s")
    counters = {"%(n)s": "counter(page)", "%(total)s": "counter(pages)"}
    parts = [counters.get(part) or _css_string(part) for part in re.split(r"(%\(n\)s|%\(total\)s)", sentence) if part]
    return f"@page {{ @bottom-right {{ content: {' '.join(parts)}; }} }}"


def render_document(template: str, context: dict) -> "weasyprint.Document":
    """The template laid out on A4 pages with the report stylesheet; no external resource is ever fetched."""
    return lay_out(render_to_string(template, context))


def lay_out(html: str) -> "weasyprint.Document":
    """HTML laid out on A4 pages with the report stylesheet; no external resource is ever fetched."""
    import weasyprint

    css_path = finders.find(PDF_CSS)
    fetcher = _fetcher()
    # The stylesheets are handed over as text, so that not even our own files go through a fetcher.
    sources = ([Path(css_path).read_text()] if css_path else []) + [page_css()]
    stylesheets = [weasyprint.CSS(string=source, url_fetcher=fetcher) for source in sources]
    return weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=None).render(stylesheets=stylesheets)


def render_pdf(template: str, context: dict) -> bytes:
    """The template rendered to PDF bytes (see render_document), tagged: a screen reader then finds its headings,
    its tables' headers and the charts' titles as their alternative text, not only the words in reading order."""
    return render_document(template, context).write_pdf(pdf_tags=True)


def pdf_response(content: bytes, *, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{download_filename(name, "pdf")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# A region's kind written short, as the dashboard's charts do, so that the cut falls after the name's own words.
_KIND_SHORT = (
    ("Kabupaten Administrasi ", "Kab. Adm. "),
    ("Kota Administrasi ", "Kota Adm. "),
    ("Kabupaten ", "Kab. "),
)
LABEL_LENGTH = 32


def _short_label(label: str) -> str:
    """A bar's label within LABEL_LENGTH characters: the kind word shortened first ("Kota Adm. Jakarta Selatan",
    not "Kota Administrasi Jakarta Selat…"), then cut."""
    if len(label) <= LABEL_LENGTH:
        return label
    for long, short in _KIND_SHORT:
        if label.startswith(long):
            label = short + label[len(long) :]
            break
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…"


def bar_chart_svg(
    *,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    title: str = "",
    width: int = 640,
    bar_height: int = 16,
) -> SafeString:
    """A horizontal stacked bar chart (one bar per label, one colour per series) with a legend, as inline SVG."""
    label_width = 170
    value_width = 48  # room for "1.234.567" after the longest bar
    gap = 6
    legend_rows = (len(series) + 2) // 3
    top = 24 if title else 4
    plot_width = width - label_width - value_width
    totals = [sum(values[i] for _name, values in series) for i in range(len(labels))]
    scale = plot_width / max(max(totals, default=0), 1)
    height = top + len(labels) * (bar_height + gap) + 10 + legend_rows * 18
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" class="chart" role="img" aria-label="{escape(title)}">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")  # the chart's alternative text in a tagged PDF
    if title:
        parts.append(f'<text x="0" y="14" font-size="10" font-weight="bold" fill="#12405f">{escape(title)}</text>')
    for row, label in enumerate(labels):
        y = top + row * (bar_height + gap)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar_height - 4}" text-anchor="end" font-size="8" fill="#333">'
            f"{escape(_short_label(label))}</text>"
        )
        x = float(label_width)
        for index, (_name, values) in enumerate(series):
            size = values[row] * scale
            if size > 0:
                colour = PALETTE[index % len(PALETTE)]
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{size:.1f}" height="{bar_height}" fill="{colour}"></rect>'
                )
                x += size
        # Formatted as the tables beside the chart format numbers (1.234.567 in Indonesian, 1,234,567 in English).
        total = escape(localize(totals[row]))
        parts.append(f'<text x="{x + 4:.1f}" y="{y + bar_height - 4}" font-size="8" fill="#333">{total}</text>')
    legend_top = top + len(labels) * (bar_height + gap) + 10
    for index, (name, _values) in enumerate(series):
        x = (index % 3) * (width // 3)
        y = legend_top + (index // 3) * 18
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{colour}"></rect>')
        parts.append(f'<text x="{x + 14}" y="{y + 9}" font-size="8" fill="#333">{escape(name[:40])}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text inside was escaped above
