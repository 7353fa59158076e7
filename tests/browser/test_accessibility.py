"""The spreadsheet exchange journey measured with axe-core (tests/browser/vendor): no critical or serious WCAG 2.1
A/AA violation on its pages, in each state a user meets them, for the roles that use them, on a computer and a phone,
in Indonesian and English. The pages are set up in the database first, then each is loaded once."""

import functools
from pathlib import Path

import pytest
from django.core.files import File
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from sinergi.accounts.models import User
from sinergi.exchange import exports, runners, services
from sinergi.exchange.models import ImportJob
from sinergi.exchange.services import uploads
from sinergi.exchange.tests.conftest import xlsx_file
from sinergi.exchange.tests.factories import ExportJobFactory, ImportJobFactory
from sinergi.exchange.tests.test_job_page import HEADERS as CLIENT_HEADERS
from sinergi.exchange.tests.test_job_page import SHEET, client_rows
from sinergi.regions.models import Region

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)"]
PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 900}
# Each violation's rule, impact, element and help, for the failure's message.
RUN = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then((result) => result.violations.flatMap((rule) => rule.nodes.map((node) => ({
    rule: rule.id, impact: node.impact || rule.impact, target: node.target.join(" "), help: rule.help,
  }))))"""


@functools.cache
def axe_source() -> str:
    return AXE.read_text()


def axe_violations(page, where: str) -> list[str]:
    """The critical and serious violations on the page as it is now, one line each, `where` naming the page.

    The script is evaluated rather than added as a <script> tag: the pages' CSP (script-src 'self') refuses an inline
    tag, and a context bypassing the CSP would measure the pages without the policy they are served with."""
    page.evaluate(axe_source())
    found = page.evaluate(RUN, WCAG_21_AA)
    return [
        f"{where}: {item['rule']} ({item['impact']}) at {item['target']}: {item['help']}"
        for item in found
        if item["impact"] in ("critical", "serious")
    ]


def run_import(tmp_path, user, entity: str, rows: list[list], name: str, run: bool = True, **sheet) -> ImportJob:
    path = xlsx_file(tmp_path, rows, name=name, **sheet)
    with translation.override("id"), path.open("rb") as handle:
        job = services.import_job_create(actor=user, entity_key=entity, file=File(handle), original_name=name)
    if run:
        services.import_job_run(job_id=job.pk)
    return ImportJob.objects.get(pk=job.pk)


def switch_language(page, code: str) -> None:
    page.locator(f"form.lang button[value={code}]").click()
    page.wait_for_load_state()


def test_the_exchange_journey_has_no_critical_or_serious_violations(page, tmp_path, monkeypatch, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    # Jobs wait in the queue until run here, and one counts as running (its worker holding the job's lock).
    monkeypatch.setattr(uploads, "_enqueue", lambda job: None)
    monkeypatch.setattr(exports.asking, "_enqueue", lambda job: None)
    monkeypatch.setattr(runners, "runner_alive", lambda kind, pk: True)
    board, operator = User.objects.get(username="pengurus.banjarmasin"), User.objects.get(username="operator.lks")

    # A board member's imports in each state: refused with problems, a trial to confirm (a record to create, one to
    # correct), imported, waiting (its file refused once the worker runs it), running, cancelled, failed; and exports
    # waiting, written, cancelled, failed, and a PDF report being laid out.
    lks = [HEADERS, ["LKSA Aksesibel Satu", "anak", "63.71.01.1001", "TD/AKSES/1", 20]]
    bad = [*lks, ["LKSA Aksesibel Dua", "lanjut usai", *lks[1][2:]]]
    refused = run_import(tmp_path, board, "lks", bad, "a.xlsx")
    imported = services.import_job_confirm(job=run_import(tmp_path, board, "lks", lks, "b.xlsx"), actor=board)
    services.import_job_run(job_id=imported.pk)
    changed, third = [*lks[1][:4], 25], ["LKSA Aksesibel Tiga", *lks[1][1:3], "TD/AKSES/3", 9]
    trial = run_import(tmp_path, board, "lks", [HEADERS, changed, third], "c.xlsx")
    queued = run_import(tmp_path, board, "lks", bad, "d.xlsx", run=False)
    running = ImportJobFactory(
        created_by=board, status="running", finished_at=None, rows_done=4000, rows_total=10000, original_name="e.xlsx"
    )
    cancelled = ImportJobFactory(created_by=board, status="cancelled", original_name="f.xlsx")
    failed = ImportJobFactory(created_by=board, status="failed", original_name="g.xlsx", message="Basis data terputus.")
    export_queued = ExportJobFactory(requested_by=board)
    export_done = ExportJobFactory(requested_by=board, content=b"PK")
    export_cancelled = ExportJobFactory(requested_by=board, status="cancelled")
    export_failed = ExportJobFactory(requested_by=board, status="failed", message="Disk penuh.")
    regency = Region.objects.get(code="63.71")
    report = ExportJobFactory(requested_by=board, file_format="pdf", report="regency", region=regency, rows_total=40)
    # An LKS operator's clients: one error and 39 warnings (a consent not recorded), folded on the page.
    clients = run_import(
        tmp_path, operator, "clients", [CLIENT_HEADERS, *client_rows(40, bad_date_at=4)], "k.xlsx", sheet=SHEET
    )
    job, export = "/exchange/imports/{}/", "/exchange/exports/{}/"
    found = []

    def visit(where: str, path: str = "", shows: str = "") -> None:
        """Measures the page at `path` (or the page as it is), once it `shows` what its state is measured for."""
        if path:
            page.goto(page.base_url + path)
        if shows:
            expect(page.locator(shows)).to_be_visible()
        found.extend(axe_violations(page, f"{where} {page.viewport_size['width']}px"))

    # The board member on a computer in Indonesian, then on a phone in English
    login(page, "pengurus.banjarmasin")
    visit("exchange page (id)", "/exchange/")
    visit("import running (id)", job.format(running.pk), shows="#job-cancel")
    visit("import refused (id)", job.format(refused.pk), shows="#job-report")
    visit("trial to confirm (id)", job.format(trial.pk), shows="#job-updates")
    visit("export written (id)", export.format(export_done.pk), shows="#export-download")
    visit("PDF report waiting (id)", export.format(report.pk))
    visit("imports list (id)", "/exchange/imports/")
    switch_language(page, "en")
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + "/exchange/")
    page.locator("label.menu-button").click()
    visit("exchange page, menu open (en)")
    visit("import waiting (en)", job.format(queued.pk), shows="#job-cancel")
    # The worker runs it: the card the poll brings in is measured too.
    services.import_job_run(job_id=queued.pk)
    expect(page.locator("#job-problems")).to_be_visible(timeout=10_000)
    visit("import refused, after the poll (en)")
    visit("import imported (en)", job.format(imported.pk))
    visit("import cancelled (en)", job.format(cancelled.pk))
    visit("import failed (en)", job.format(failed.pk))
    visit("export waiting (en)", export.format(export_queued.pk), shows="#export-cancel")
    visit("export cancelled (en)", export.format(export_cancelled.pk))
    visit("export failed (en)", export.format(export_failed.pk))
    visit("exports list (en)", "/exchange/exports/")
    switch_language(page, "id")

    # The LKS operator on a phone: the result with its problems as cards and the warnings' rows unfolded
    page.context.clear_cookies()
    login(page, "operator.lks")
    page.goto(page.base_url + job.format(clients.pk))
    page.locator("#job-warning-groups details summary").first.click()
    visit("clients refused, rows unfolded (id)")
    visit("exchange page (id)", "/exchange/")

    # The province admin on a computer in English: the queue of every user's jobs
    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)
    login(page, "admin.provinsi")
    device = TOTPDevice.objects.get(user__username="admin.provinsi", name="demo")
    page.fill("input[name=token]", f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
    page.click("#main form button[type=submit]")
    switch_language(page, "en")
    visit("job queue (en)", "/exchange/queue/", shows="#queue-running")
    switch_language(page, "id")

    assert not found, f"{len(found)} critical or serious accessibility violations:\n" + "\n".join(found)
