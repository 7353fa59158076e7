import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("regions:search")


def picks(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-region-pick data-code="([^"]+)" data-label="([^"]+)"', html)


def test_search_fragment_lists_matches_with_kind_and_path(client):
    # when
    response = client.get(URL, {"q": "Mantuil", "level": "4", "within": "63"}, HTTP_HX_REQUEST="true")

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert picks(html) == [
        ("63.09.08.2006", "Mantuil, Muara Harus, Kabupaten Tabalong (63.09.08.2006)"),
        ("63.71.01.1001", "Mantuil, Banjarmasin Selatan, Kota Banjarmasin (63.71.01.1001)"),
    ]
    assert "<strong>Mantuil</strong>" in html
    assert "Kelurahan · Banjarmasin Selatan, Kota Banjarmasin · 63.71.01.1001" in html
    assert "Desa · Muara Harus, Kabupaten Tabalong · 63.09.08.2006" in html
    # Strict CSP: the fragment carries no script and no inline style.
    assert "<script" not in html
    assert "style=" not in html


def test_search_fragment_stops_at_twenty_and_says_so(client):
    response = client.get(URL, {"q": "63.71", "level": "4"})
    html = response.content.decode()
    assert len(picks(html)) == 20
    assert "Hanya 20 hasil pertama; ketik lebih lengkap." in html


def test_search_fragment_without_province_shows_the_province_in_the_path(client):
    response = client.get(URL, {"q": "63.71.01.1001"})
    assert picks(response.content.decode()) == [
        ("63.71.01.1001", "Mantuil, Banjarmasin Selatan, Kota Banjarmasin, Kalimantan Selatan (63.71.01.1001)")
    ]


def test_search_fragment_says_when_nothing_matches(client):
    response = client.get(URL, {"q": "Atlantis", "level": "4"})
    html = response.content.decode()
    assert picks(html) == []
    assert "Tidak ada wilayah yang cocok dengan “Atlantis”." in html


def test_search_without_text_returns_an_empty_fragment(client):
    response = client.get(URL, {"level": "4"})
    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_search_ignores_an_unknown_level(client):
    response = client.get(URL, {"q": "Kota Banjarmasin", "level": "9"})
    assert [code for code, _ in picks(response.content.decode())] == ["63.71"]
