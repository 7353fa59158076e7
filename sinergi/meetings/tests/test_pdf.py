"""A meeting's printed documents fetch nothing from outside, and a reference to outside does not break the print
(the fifty-seventh review: the minutes' fetcher was a plain function, which WeasyPrint failed on at the first URL)."""

from sinergi.meetings import pdf


def test_a_document_naming_an_outside_image_prints_without_it(monkeypatch):
    fetched = []
    from sinergi.exchange.pdf import _fetcher as real_fetcher

    def watching_fetcher():
        fetcher = real_fetcher()
        original = fetcher.fetch

        def fetch(url, *args, **kwargs):
            fetched.append(url)
            return original(url, *args, **kwargs)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(pdf, "_fetcher", watching_fetcher, raising=False)
    monkeypatch.setattr(
        pdf, "render_to_string", lambda template, context: '<p>Notulen</p><img src="http://192.0.2.1/logo.png">'
    )

    content = pdf.render_pdf("meetings/minutes_pdf.html", {})

    assert content.startswith(b"%PDF")
    assert fetched == ["http://192.0.2.1/logo.png"]  # asked of ours, which refused it
