"""Helpers shared by the test suites of several apps."""

import contextlib
import html
import re
import zlib
from urllib.parse import parse_qs, urlsplit

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def token_headers(user) -> dict[str, str]:
    """The headers of an API call signed with `user`'s token (made on first use); none for an anonymous call."""
    from rest_framework.authtoken.models import Token

    return {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"} if user else {}


def otp_login(client, user) -> None:
    """Signs `user` in with a second factor already passed, as the 2FA middleware requires of province admins."""
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def export_links(page: str) -> dict[str, str]:
    """The list's download buttons: format (and separator: "csv;") -> address (as a browser would follow it)."""
    links = [html.unescape(link) for link in re.findall(r'href="(/exchange/export/[^"]+)"', page)]
    separators = {"semicolon": ";"}
    found = {}
    for link in links:
        query = parse_qs(urlsplit(link).query)
        found[query["format"][0] + separators.get(query.get("sep", [""])[0], "")] = link
    return found


def export_link_labels(page: str) -> dict[str, str]:
    """The visible text of each download button or link (keyed as export_links keys them): what a phone shows,
    where a title= tooltip never appears."""
    separators = {"semicolon": ";"}
    found = {}
    for href, label in re.findall(r'<a [^>]*href="([^"]*format=[^"]+)"[^>]*>(.*?)</a>', page, re.S):
        query = parse_qs(urlsplit(html.unescape(href)).query)
        text = " ".join(re.sub(r"<[^>]+>", "", html.unescape(label)).split())
        found[query["format"][0] + separators.get(query.get("sep", [""])[0], "")] = text
    return found


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with its compressed streams (object streams among them) written out, to look into."""
    inflated = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):  # an image or another filter: no structure in it
            inflated.append(zlib.decompress(match.group(1)))
    return b"\n".join(inflated)
