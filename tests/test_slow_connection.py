"""What a phone on a slow link downloads: text responses are gzipped, files compressed already are left alone
(they keep their Content-Length for the download's progress), and the static files can be collected with the
production storage (hashed names, cached for good, pre-compressed by WhiteNoise)."""

import gzip
import os
import subprocess
import sys
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


def test_static_files_collect_with_the_production_storage(tmp_path):
    """collectstatic of the deployment (ManifestStaticFilesStorage) fails on a reference to a missing file, such as
    the source maps that vendored libraries point to."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SINERGI_SECRET_KEY": "uji-" + "k" * 60,
        "SINERGI_FIELD_KEYS": "a" * 43 + "=",
        "SINERGI_HASH_KEY": "uji-hash-key",
        "SINERGI_ALLOWED_HOSTS": "sinergi.example.org",
        "SINERGI_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "vendor/chartjs/chart.umd.min.js" in manifest and "exchange/upload.js" in manifest
    assert list((tmp_path / "static" / "vendor" / "htmx").glob("htmx.min.*.js.gz"))
