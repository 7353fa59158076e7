"""Printed attendance lists and minutes: WeasyPrint, A4, the house report stylesheet, nothing fetched from outside."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

from sinergi.core.downloads import download_filename
from sinergi.exchange.pdf import _fetcher, page_css

# The shared report look (exchange/pdf.css) plus what only meeting documents need.
STYLESHEETS = ("exchange/pdf.css", "meetings/pdf.css")


def render_pdf(template: str, context: dict) -> bytes:
    import weasyprint

    html = render_to_string(template, context)
    stylesheets = [
        weasyprint.CSS(filename=str(Path(path))) for name in STYLESHEETS if (path := finders.find(name)) is not None
    ]
    stylesheets.append(weasyprint.CSS(string=page_css()))  # the page footer in the active language
    # The reports' fetcher, which refuses every URL (a plain function here crashed WeasyPrint on the first fetch)
    return weasyprint.HTML(string=html, url_fetcher=_fetcher(), base_url=None).write_pdf(
        stylesheets=stylesheets,
        pdf_tags=True,  # tagged: headings and tables reach a screen reader
    )


def pdf_response(content: bytes, *, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{download_filename(name, "pdf")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
