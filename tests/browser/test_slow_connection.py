"""The import journey on a slow, flaky mobile connection (3G-like, throttled through the DevTools protocol):
the upload shows its progress and survives a dropped connection, and sent again after its answer was lost it makes
no second job; the progress page says when the connection is lost, recovers by itself (also from a poll that never
answers), does not poll while hidden, and polls less often as the job waits."""

import datetime
import random
import string

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sinergi.exchange import services
from sinergi.exchange.models import ImportJob
from sinergi.exchange.services import uploads as upload_services
from sinergi.exchange.tests.conftest import xlsx_file

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)"]
KB = 1024


@pytest.fixture
def media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }


def lks_file(tmp_path, rows: int, name: str = "lks.xlsx"):
    """An LKS sheet of `rows` rows with random names, so that it does not compress to nothing (~57 bytes a row)."""
    chance = random.Random(rows)
    data = [HEADERS]
    for _ in range(rows):
        word = "".join(chance.choices(string.ascii_letters, k=24))
        number = "".join(chance.choices(string.digits + string.ascii_uppercase, k=16))
        data.append([f"LKSA {word}", "anak", "63.71.01.1001", f"TD/{number}", chance.randint(5, 90)])
    return xlsx_file(tmp_path, data, name=name)


def throttle(page, *, offline=False, up_kb=40, down_kb=75, latency=300):
    cdp = getattr(page, "_sinergi_cdp", None)
    if cdp is None:
        cdp = page._sinergi_cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": offline, "latency": latency, "downloadThroughput": down_kb * KB, "uploadThroughput": up_kb * KB},
    )


def phone(page):
    page.set_viewport_size({"width": 390, "height": 844})


def test_upload_shows_its_progress_and_a_second_tap_sends_nothing(page, tmp_path, media, monkeypatch):
    monkeypatch.setattr(upload_services, "_enqueue", lambda job: None)
    path = lks_file(tmp_path, 4000)  # ~230 KB: about 6 s at 40 KB/s
    login(page, "pengurus.banjarmasin")
    phone(page)
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(path))
    throttle(page)
    page.evaluate(
        """() => {
            window.__seen = 0; window.__heard = 0;
            const count = (id, key) => new MutationObserver(() => { window[key] += 1; })
                .observe(document.getElementById(id), {childList: true, characterData: true, subtree: true});
            count('upload-status', '__seen'); count('upload-announce', '__heard');
        }"""
    )
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#upload-status")).to_contain_text("Mengunggah: ")
    expect(page.locator("#upload-status")).to_contain_text(" MB dari ")
    expect(page.locator("#upload-form button[type=submit]")).to_be_disabled()
    page.wait_for_function("() => document.querySelector('#upload-progress').value >= 20")
    assert page.locator("#upload-progress").evaluate("p => p.value") < 100
    # The words seen follow the bar; those a screen reader hears change every 10 % (the fifty-third review m3)
    page.wait_for_function("() => document.querySelector('#upload-progress').value >= 40")
    seen, heard = page.evaluate("() => [window.__seen, window.__heard]")
    assert heard <= 6 and seen > heard, (seen, heard)
    expect(page.locator("#upload-status")).to_be_in_viewport()
    page.evaluate("document.querySelector('#upload-form').requestSubmit()")  # a second tap, by any means
    page.wait_for_url("**/exchange/imports/*/", timeout=60_000)
    expect(page.locator("#job-state")).to_have_text("Menunggu giliran")
    assert ImportJob.objects.count() == 1


def large_file_chosen(page, tmp_path, monkeypatch) -> None:
    """A phone on the upload page with a file of 4,000 LKS chosen (slow to send once throttled); no job will run."""
    monkeypatch.setattr(upload_services, "_enqueue", lambda job: None)
    login(page, "pengurus.banjarmasin")
    phone(page)
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 4000)))


def test_upload_cut_off_says_so_and_tries_again_with_the_same_file(page, tmp_path, media, monkeypatch):
    large_file_chosen(page, tmp_path, monkeypatch)
    # Chromium's emulated link slows the upload's progress, not its bytes, and going offline does not end a request
    # under way: the link is cut by failing the upload's request as its answer comes (through the DevTools protocol),
    # while the page still shows the file on its way. (The server has it by then; trying again makes no second job.)
    cdp = page.context.new_cdp_session(page)
    cut = []

    def cut_the_upload(paused):
        if paused["request"]["method"] == "POST" and not cut:
            cut.append(paused["requestId"])
            cdp.send("Fetch.failRequest", {"requestId": paused["requestId"], "errorReason": "InternetDisconnected"})
        else:
            cdp.send("Fetch.continueRequest", {"requestId": paused["requestId"]})

    cdp.on("Fetch.requestPaused", cut_the_upload)
    cdp.send("Fetch.enable", {"patterns": [{"urlPattern": "*/exchange/", "requestStage": "Response"}]})
    throttle(page)
    page.click("#upload-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('#upload-progress').value >= 10")
    throttle(page, offline=True)
    expect(page.locator("#upload-status")).to_contain_text("Koneksi terputus")
    expect(page.locator("#upload-retry")).to_be_visible()
    expect(page.locator("#upload-cancel")).to_be_hidden()
    expect(page.locator("#upload-form button[type=submit]")).to_be_enabled()
    assert page.url.endswith("/exchange/")  # still the form, with the file chosen: nothing is lost

    throttle(page)
    page.click("#upload-retry")
    page.wait_for_url("**/exchange/imports/*/", timeout=60_000)
    expect(page.locator("#job-state")).to_have_text("Menunggu giliran")
    assert ImportJob.objects.count() == 1


def test_upload_whose_answer_is_lost_is_not_made_twice_by_trying_again(page, tmp_path, media, monkeypatch):
    monkeypatch.setattr(upload_services, "_enqueue", lambda job: None)
    login(page, "pengurus.banjarmasin")
    phone(page)
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 3)))
    # The browser sends the whole file and the server answers; the answer is then dropped before the page gets it.
    # (Through the DevTools protocol at the response stage: Playwright's route.fetch() sends the form without
    # its file.)
    cdp = page.context.new_cdp_session(page)
    answers = []

    def lose_the_first_answer(paused):
        if paused["request"]["method"] == "POST" and not answers:
            answers.append(paused.get("responseStatusCode"))
            cdp.send("Fetch.failRequest", {"requestId": paused["requestId"], "errorReason": "ConnectionReset"})
        else:
            cdp.send("Fetch.continueRequest", {"requestId": paused["requestId"]})

    cdp.on("Fetch.requestPaused", lose_the_first_answer)
    cdp.send("Fetch.enable", {"patterns": [{"urlPattern": "*/exchange/", "requestStage": "Response"}]})
    uploads = []
    page.on("request", lambda request: uploads.append(request) if request.method == "POST" else None)
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#upload-status")).to_contain_text("Koneksi terputus")
    assert answers == [201] and ImportJob.objects.count() == 1

    page.click("#upload-retry")
    page.wait_for_url("**/exchange/imports/*/")
    job = ImportJob.objects.get()
    assert page.url.endswith(f"/exchange/imports/{job.pk}/")
    # The file was not sent a second time: asked first, the server said where its job is (the fifty-third review m2)
    assert len(uploads) == 1
    expect(page.locator("#job-state")).to_have_text("Menunggu giliran")


def test_upload_refused_by_the_server_shows_the_form_errors(page, tmp_path, media):
    bogus = tmp_path / "bukan.xlsx"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)  # a picture, not a spreadsheet
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(bogus))
    page.click("#upload-form button[type=submit]")
    expect(page.locator(".upload-errors")).to_be_visible()
    assert page.url.endswith("/exchange/")
    assert not ImportJob.objects.exists()
    # the refreshed form still uploads in the background
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 3)))
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/exchange/imports/*/")


def queued_upload(page, tmp_path, monkeypatch, *, on_phone: bool = False) -> None:
    """A small file uploaded, its job left waiting in the queue: the progress page polls."""
    monkeypatch.setattr(upload_services, "_enqueue", lambda job: None)
    login(page, "pengurus.banjarmasin")
    if on_phone:
        phone(page)
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 3)))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#job-state")).to_have_text("Menunggu giliran")


def test_progress_page_says_the_connection_is_lost_and_recovers_by_itself(page, tmp_path, media, monkeypatch):
    queued_upload(page, tmp_path, monkeypatch, on_phone=True)
    notice = page.locator("#connection-status")
    expect(notice).to_be_hidden()

    throttle(page, offline=True)
    expect(notice).to_be_visible(timeout=5_000)
    expect(notice).to_contain_text("mencoba lagi sendiri")
    throttle(page)
    expect(notice).to_be_hidden(timeout=10_000)
    services.import_job_run(job_id=ImportJob.objects.get().pk)
    expect(page.locator("#job-state")).to_have_text("Uji coba selesai", timeout=10_000)


def test_a_poll_that_never_answers_does_not_stop_the_progress_page(page, tmp_path, media, monkeypatch):
    queued_upload(page, tmp_path, monkeypatch)

    held = []

    def black_hole(route):
        if not held:
            held.append(route)  # never answered, as on a dead cell link
        else:
            route.continue_()

    page.route("**/exchange/imports/*/", black_hole)
    page.wait_for_timeout(1_500)
    assert held
    services.import_job_run(job_id=ImportJob.objects.get().pk)
    # the hanging poll is given up after 10 s and the next one brings the result
    expect(page.locator("#job-state")).to_have_text("Uji coba selesai", timeout=20_000)


def test_progress_page_does_not_poll_while_hidden(page, tmp_path, media, monkeypatch):
    queued_upload(page, tmp_path, monkeypatch)
    polls = []
    page.on("request", lambda request: polls.append(request.url) if "/exchange/imports/" in request.url else None)
    page.evaluate(
        """() => {
        Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "hidden"});
        document.dispatchEvent(new Event("visibilitychange"));
    }"""
    )
    page.wait_for_timeout(500)
    polls.clear()
    page.wait_for_timeout(3_500)
    assert polls == []
    page.evaluate(
        """() => {
        Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "visible"});
        document.dispatchEvent(new Event("visibilitychange"));
    }"""
    )
    services.import_job_run(job_id=ImportJob.objects.get().pk)
    expect(page.locator("#job-state")).to_have_text("Uji coba selesai", timeout=10_000)


def test_a_job_waiting_long_in_the_queue_is_polled_slowly_and_still_seen_to_end(page, tmp_path, media, monkeypatch):
    queued_upload(page, tmp_path, monkeypatch)
    status = page.locator("#job-status")
    expect(status).to_have_attribute("hx-trigger", "every 1s")
    ImportJob.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=3))
    # the next poll's answer sets the slow interval
    expect(status).to_have_attribute("hx-trigger", "every 15s", timeout=5_000)
    expect(page.locator("#job-waiting")).to_be_visible()
    polls = []
    page.on("request", lambda request: polls.append(request.url) if "/exchange/imports/" in request.url else None)
    page.wait_for_timeout(5_000)
    assert len(polls) <= 1
    services.import_job_run(job_id=ImportJob.objects.get().pk)
    expect(page.locator("#job-state")).to_have_text("Uji coba selesai", timeout=20_000)


def test_a_file_over_the_size_limit_is_refused_before_it_is_sent(page, tmp_path, media, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_BYTES": 100 * KB}
    path = lks_file(tmp_path, 4000)  # ~230 KB
    login(page, "pengurus.banjarmasin")
    phone(page)
    page.goto(f"{page.base_url}/exchange/")
    expect(page.locator("#id_file_helptext")).to_contain_text("Paling besar 0,1 MB")
    sent = []
    page.on("request", lambda request: sent.append(request) if request.method == "POST" else None)
    page.set_input_files("input[name=file]", str(path))

    page.click("#upload-form button[type=submit]")

    expect(page.locator("#upload-status")).to_contain_text("melebihi batas")
    expect(page.locator("#upload-status")).to_contain_text("tidak dikirim")
    expect(page.locator("#upload-status")).not_to_contain_text("CSV")
    assert not sent and not ImportJob.objects.exists()


def test_a_file_just_over_the_size_limit_says_a_size_other_than_the_limit(page, tmp_path, media, settings):
    # A review: "File ini 25,0 MB, melebihi batas 25,0 MB" for a file a byte over the limit.
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_BYTES": 1024 * KB}
    path = tmp_path / "pas.csv"
    path.write_bytes(b"Nama LKS\n" + b"x" * (1024 * KB + 1 - len(b"Nama LKS\n")))
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(path))

    page.click("#upload-form button[type=submit]")

    expect(page.locator("#upload-status")).to_contain_text("File CSV ini 1,000001 MB, melebihi batas 1 MB")
    # and, being a CSV, that the same rows saved as XLSX are several times smaller (an earlier note: a national
    # export of workers is 28 MB as CSV, under the limit as XLSX)
    expect(page.locator("#upload-status")).to_contain_text("CSV tidak dipadatkan: simpan sebagai XLSX")


def test_the_jobs_end_is_announced_once_and_focus_on_cancel_goes_to_its_state(page, tmp_path, media, monkeypatch):
    queued_upload(page, tmp_path, monkeypatch)
    page.focus("#job-cancel")  # a keyboard user waiting on "Batalkan"
    page.wait_for_timeout(1_500)  # polls that change nothing keep the focus and say nothing
    assert page.evaluate("document.activeElement.id") == "job-cancel"
    expect(page.locator("#job-announce")).to_have_text("")

    services.import_job_run(job_id=ImportJob.objects.get().pk)

    expect(page.locator("#job-state")).to_have_text("Uji coba selesai", timeout=10_000)
    expect(page.locator("#job-announce")).to_have_text("Uji coba selesai")  # a live region that was not replaced
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'job-state'")
    assert page.locator("#job-progress").get_attribute("aria-labelledby") == "job-state"


def _job_requests(page) -> list:
    """Every request the page makes to an import's page from now on (the upload itself is sent to /exchange/)."""
    seen: list = []
    page.on("request", lambda request: seen.append(request) if "/exchange/imports/" in request.url else None)
    return seen


def test_after_an_upload_the_jobs_page_is_fetched_once(page, tmp_path, media, monkeypatch):
    # Given a job checked as soon as it is uploaded (a finished job's page does not poll)
    monkeypatch.setattr(upload_services, "_enqueue", lambda job: services.import_job_run(job_id=job.pk))
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 3)))
    fetched = _job_requests(page)

    # When the file is uploaded
    page.click("#upload-form button[type=submit]")

    # Then the browser goes to the job's page, fetched once: not also by the upload's request following a redirect
    expect(page.locator("#job-state")).to_have_text("Uji coba selesai")
    page.wait_for_timeout(1_500)
    job = ImportJob.objects.get()
    assert [(r.method, r.url, r.resource_type) for r in fetched] == [
        ("GET", f"{page.base_url}/exchange/imports/{job.pk}/", "document")
    ]


def test_after_an_upload_the_waiting_jobs_page_is_fetched_once_then_polled(page, tmp_path, media, monkeypatch):
    # Given a job that waits in the queue (its page polls its status part)
    monkeypatch.setattr(upload_services, "_enqueue", lambda job: None)
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 3)))
    fetched = _job_requests(page)

    # When the file is uploaded and the page has waited long enough to poll (every second while young)
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#job-state")).to_have_text("Menunggu giliran")
    page.wait_for_timeout(2_500)

    # Then the whole page was fetched once, first, and every request after it was a poll of its status part
    assert fetched[0].resource_type == "document"
    assert [r.headers.get("hx-request") for r in fetched[1:]] == ["true"] * (len(fetched) - 1)
    assert len(fetched) >= 2


def test_an_upload_after_the_session_ended_goes_to_the_login_page_fetched_once(page, tmp_path, media):
    # Given an operator whose session ends while the import page is open
    login(page, "pengurus.banjarmasin")
    page.goto(f"{page.base_url}/exchange/")
    page.set_input_files("input[name=file]", str(lks_file(tmp_path, 3)))
    kept = [cookie for cookie in page.context.cookies() if cookie["name"] != "sessionid"]  # the CSRF cookie stays
    page.context.clear_cookies()
    page.context.add_cookies(kept)
    fetched: list = []
    page.on("request", lambda request: fetched.append(request) if "/accounts/login/" in request.url else None)

    # When the file is uploaded
    page.click("#upload-form button[type=submit]")

    # Then the browser goes to the login page, fetched once: not also by the upload's request following a redirect
    page.wait_for_url("**/accounts/login/**")
    page.wait_for_timeout(1_000)
    assert [(r.method, r.resource_type) for r in fetched] == [("GET", "document")]
    assert ImportJob.objects.count() == 0


def test_a_cancelled_upload_leaves_the_focus_on_try_again_not_on_the_hidden_cancel(page, tmp_path, media, monkeypatch):
    # Given a keyboard user whose upload is on its way over a slow link
    large_file_chosen(page, tmp_path, monkeypatch)
    throttle(page, up_kb=3)
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#upload-cancel")).to_be_visible()

    # When they press Enter on "Batalkan unggahan"
    page.focus("#upload-cancel")
    page.keyboard.press("Enter")

    # Then the button they pressed is gone and the focus is on "Coba lagi", which the next Enter presses
    expect(page.locator("#upload-status")).to_contain_text("Unggahan dibatalkan")
    expect(page.locator("#upload-cancel")).to_be_hidden()
    expect(page.locator("#upload-retry")).to_be_focused()
    assert ImportJob.objects.count() == 0
