"""Guards for the templates as a whole."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# With Indonesian number formatting, {{ obj.pk }} renders 1062 as "1.062": broken links and form values.
BARE_ID = re.compile(r"\{\{\s*[A-Za-z_][\w.]*(?:\.pk|\.id|_id)\s*\}\}")


def test_no_template_prints_a_database_id_with_thousand_separators():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "sinergi").rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if BARE_ID.search(line)
    ]
    assert offenders == [], "use |unlocalize for ids: " + ", ".join(offenders)


def test_an_id_past_a_thousand_renders_plain(settings):
    from django.template import Context, Template

    settings.LANGUAGE_CODE = "id"
    rendered = Template("{% load l10n %}{{ o.pk|unlocalize }} {{ n }}").render(Context({"o": {"pk": 1062}, "n": 1062}))
    assert rendered == "1062 1.062"


def test_no_template_comment_of_one_brace_spans_lines():
    # {# … #} ends on its own line: one left open is printed on the page, words and all ({% comment %} spans lines).
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "sinergi").rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]
    assert offenders == [], "use {% comment %} for comments over several lines: " + ", ".join(offenders)


def test_the_language_switch_names_each_language_in_its_own_words(client, db, settings):
    # When any page is opened (here the public directory, in English)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/directory/").content.decode()

    # Then the switch is a group named as such, and its buttons say the code they show (a voice command says what is
    # seen) and the language's name, marked with its language
    assert re.search(r'class="lang">.*?<span role="group" aria-label="Language">', page, re.DOTALL)
    assert re.search(r'<button [^>]*value="id" lang="id" aria-label="ID, Bahasa Indonesia"[^>]*>ID</button>', page)
    assert re.search(r'<button [^>]*value="en" lang="en" aria-label="EN, English" aria-current="true">EN</', page)
