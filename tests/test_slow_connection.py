"""What a phone on a slow link downloads: text responses are gzipped, files compressed already are left alone
(they keep their Content-Length for the download's progress). That the static files collect with the production
storage (cached for good, compressed ahead of time by WhiteNoise) is held by test_deploy_check."""

import gzip
from pathlib import Path

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from sinergi.core.compression import TextCompressionMiddleware

ROOT = Path(__file__).resolve().parent.parent
PAGE = "<!doctype html><html><body>" + "<p>Lembaga Kesejahteraan Sosial Anak</p>" * 200 + "</body></html>"


def _through(response, accept="gzip, deflate, br"):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    return TextCompressionMiddleware(lambda r: response)(request)


def test_pages_are_gzipped_for_browsers_that_accept_it():
    response = _through(HttpResponse(PAGE, content_type="text/html; charset=utf-8"))
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).decode() == PAGE
    assert int(response["Content-Length"]) < len(PAGE) / 5

    plain = _through(HttpResponse(PAGE, content_type="text/html"), accept="identity")
    assert not plain.has_header("Content-Encoding") and plain.content.decode() == PAGE


def test_csv_streams_are_gzipped():
    rows = ("id,nama\n", *(f"{n},LKSA Nomor {n}\n" for n in range(2000)))
    response = _through(StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8"))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)).decode() == "".join(rows)


@pytest.mark.parametrize(
    "content_type",
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", "image/png"],
)
def test_files_compressed_already_keep_their_length(content_type):
    body = bytes(range(256)) * 40
    response = _through(HttpResponse(body, content_type=content_type))
    assert not response.has_header("Content-Encoding")
    assert response.content == body


@pytest.mark.django_db
def test_a_real_page_and_a_real_download(client, django_user_model):
    user = django_user_model.objects.create_user(username="uji.gzip", password="x" * 12)
    client.force_login(user)
    page = client.get("/exchange/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    template = client.get("/exchange/templates/lks/", HTTP_ACCEPT_ENCODING="gzip")
    assert template.status_code == 200 and not template.has_header("Content-Encoding")
    assert int(template["Content-Length"]) == len(template.content)


@pytest.mark.django_db
def test_upload_page_offers_the_background_upload(client, django_user_model):
    from sinergi.accounts.models import Role
    from sinergi.accounts.tests.factories import user_with_role

    client.force_login(user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.gzip"))
    html = client.get("/exchange/").content.decode()
    assert 'id="upload-box"' in html and "exchange/upload.js" in html
    assert 'id="connection-status"' in html
