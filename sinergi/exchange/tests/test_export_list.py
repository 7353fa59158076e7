"""/exchange/ lists the user's ten newest background exports and reports (and any older one still being made), and
links to all of them, a page at a time, on their own list: a file made and not yet downloaded stays reachable."""

import re

import pytest

from sinergi.exchange.models import ExportStatus

from .factories import ExportJobFactory

pytestmark = pytest.mark.django_db


def listed(html: str) -> list[int]:
    table = html[html.index('<table id="export-jobs"') :]
    table = table[: table.index("</table>")]
    return [int(pk) for pk in re.findall(r'<a href="/exchange/exports/(\d+)/">', table)]


def test_the_index_lists_the_ten_newest_exports_and_any_still_being_made_and_links_to_all(client, board_member):
    # Given a report still being made, asked for before thirteen finished exports, and someone else's export
    running = ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING, age=20)
    finished = [ExportJobFactory(requested_by=board_member, content=b"PK", age=13 - n) for n in range(13)]
    ExportJobFactory(content=b"PK")
    client.force_login(board_member)

    page = client.get("/exchange/").content.decode()

    assert listed(page) == [job.pk for job in reversed(finished[3:])] + [running.pk]
    assert 'id="export-jobs-all"' in page and "Lihat semua ekspor (14)" in page

    everything = client.get("/exchange/exports/").content.decode()
    assert listed(everything) == [job.pk for job in reversed(finished)] + [running.pk]
    assert "14 ekspor latar dan laporan, yang terbaru di atas." in everything


def test_a_user_without_exports_is_told_so(client, board_member):
    client.force_login(board_member)

    page = client.get("/exchange/exports/").content.decode()

    assert "Belum ada ekspor latar." in page and 'id="export-jobs-all"' not in client.get("/exchange/").content.decode()
