"""/exchange/ lists the user's few newest imports (and any still under way), and links to all of them, a page at a
time, on their own list: a phone reaches the exports and reports below without scrolling past twenty imports."""

import re

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.exchange import selectors
from sinergi.exchange.models import ImportStatus
from sinergi.exchange.services import settling

from .factories import ImportJobFactory

pytestmark = pytest.mark.django_db


def imports(board_member, count: int, **kwargs) -> list:
    """`count` finished imports of the board member, oldest first (the n-th made n days before the newest)."""
    return [
        ImportJobFactory(created_by=board_member, original_name=f"impor-{n}.xlsx", age=count - n, **kwargs)
        for n in range(1, count + 1)
    ]


def listed(html: str) -> list[int]:
    """The imports a page lists, by their pages' links, top to bottom."""
    table = html[html.index('<table id="import-jobs"') :]
    table = table[: table.index("</table>")]
    return [int(pk) for pk in re.findall(r'<a href="/exchange/imports/(\d+)/">', table)]


def test_the_index_lists_the_five_newest_imports_and_links_to_all_of_them(client, board_member):
    # Given seven imports
    jobs = imports(board_member, 7)
    client.force_login(board_member)

    # When the board member opens /exchange/
    page = client.get("/exchange/").content.decode()

    # Then the five newest are listed, newest first, with a link to all seven
    assert listed(page) == [job.pk for job in reversed(jobs[2:])]
    assert '<a href="/exchange/imports/" id="import-jobs-all">Lihat semua impor (7)</a>' in page


def test_the_index_has_no_link_to_all_imports_when_it_lists_them_all(client, board_member):
    jobs = imports(board_member, 5)
    client.force_login(board_member)
    page = client.get("/exchange/").content.decode()
    assert listed(page) == [job.pk for job in reversed(jobs)]
    assert "import-jobs-all" not in page


def test_an_import_still_waiting_stays_on_the_index_behind_newer_finished_ones(client, board_member, monkeypatch):
    # Given an import still waiting for the worker (its task queued behind others), and six finished since
    monkeypatch.setattr(settling, "queue_lost", lambda job, task: False)
    waiting = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, finished_at=None, age=10)
    finished = imports(board_member, 6)
    client.force_login(board_member)

    # When the board member opens /exchange/
    page = client.get("/exchange/").content.decode()

    # Then it is listed after the five newest, with its state, and the link counts all seven
    assert listed(page) == [job.pk for job in reversed(finished[1:])] + [waiting.pk]
    assert "Menunggu giliran" in page
    assert "Lihat semua impor (7)" in page


def test_recent_imports_are_the_newest_and_those_under_way_and_only_the_actors(board_member):
    # Given a running and a waiting import behind six finished ones, and another user's imports
    running = ImportJobFactory(created_by=board_member, status=ImportStatus.RUNNING, finished_at=None, age=20)
    waiting = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, finished_at=None, age=19)
    finished = imports(board_member, 6)
    other = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.lain")
    ImportJobFactory(created_by=other, status=ImportStatus.QUEUED, finished_at=None)
    ImportJobFactory(created_by=other)

    recent = selectors.import_job_recent(actor=board_member)

    assert recent == [*reversed(finished[1:]), waiting, running]


def test_the_list_of_all_imports_is_paginated_newest_first(client, board_member):
    # Given thirty imports
    jobs = imports(board_member, 30)
    client.force_login(board_member)

    # When the board member opens the list, then its second page
    first = client.get("/exchange/imports/").content.decode()
    second = client.get("/exchange/imports/?page=2").content.decode()

    # Then the newest 25 are on the first page, the other 5 on the second, each row as on /exchange/
    newest_first = [job.pk for job in reversed(jobs)]
    assert listed(first) == newest_first[:25]
    assert listed(second) == newest_first[25:]
    assert "30 impor, yang terbaru di atas." in first
    assert "Halaman 1 dari 2" in first and 'href="?page=2"' in first
    assert "Halaman 2 dari 2" in second
    index = client.get("/exchange/").content.decode()
    row = re.search(
        rf"<tr>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*><a href=\"/exchange/imports/{jobs[-1].pk}/\">.*?</tr>", index, re.S
    )
    assert row and row.group(0) in first


def test_the_list_of_all_imports_shows_only_the_users_own(client, board_member):
    # Given imports of the board member and of another board member of the same kabupaten/kota
    mine = imports(board_member, 2)
    other = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.lain")
    theirs = ImportJobFactory(created_by=other, original_name="punya-orang-lain.xlsx")
    client.force_login(board_member)

    # When the board member opens the list of all imports, and the index
    page = client.get("/exchange/imports/").content.decode()
    index = client.get("/exchange/").content.decode()

    # Then only their own are listed and counted
    assert listed(page) == [job.pk for job in reversed(mine)]
    assert "punya-orang-lain.xlsx" not in page and "punya-orang-lain.xlsx" not in index
    assert "2 impor, yang terbaru di atas." in page
    client.force_login(other)
    assert listed(client.get("/exchange/imports/").content.decode()) == [theirs.pk]


def test_the_list_of_all_imports_says_when_there_are_none(client, operator):
    client.force_login(operator)
    page = client.get("/exchange/imports/").content.decode()
    assert "Belum ada impor." in page and "import-jobs" not in page


def test_the_list_of_all_imports_is_not_kept_by_the_browser_like_the_index(client, board_member):
    imports(board_member, 1)
    client.force_login(board_member)
    index, all_imports = client.get("/exchange/"), client.get("/exchange/imports/")
    assert all_imports.status_code == index.status_code == 200
    assert all_imports["Cache-Control"] == index["Cache-Control"] == "private, no-store"


def test_the_list_of_all_imports_needs_a_login(client):
    response = client.get("/exchange/imports/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_of_all_imports_ends_a_job_whose_worker_died_as_the_index_does(client, board_member):
    # Given an import left "running" by a worker that died (no process holds its lock)
    job = ImportJobFactory(created_by=board_member, status=ImportStatus.RUNNING, finished_at=None)
    client.force_login(board_member)

    page = client.get("/exchange/imports/").content.decode()

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and "Gagal" in page


def test_the_list_of_all_imports_reads_a_bounded_number_of_queries(client, board_member, django_assert_max_num_queries):
    imports(board_member, 30)
    client.force_login(board_member)
    with django_assert_max_num_queries(10):  # the session, user and roles, a count, one page, the notices badge
        assert client.get("/exchange/imports/").status_code == 200


def test_the_lists_of_imports_read_no_job_s_preview_problems_or_notices(client, board_member):
    # A year of monthly trials: each job's preview holds up to 200 records; the lists show none of it.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    imports(board_member, 30, preview={"create": [{"row": 2, "key": "Budi Contoh", "values": []}]})
    client.force_login(board_member)

    for url in ("/exchange/", "/exchange/imports/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        read = [q["sql"] for q in queries if 'FROM "exchange_importjob"' in q["sql"]]
        assert read and not any('"preview"' in sql or '"problems"' in sql for sql in read), url
