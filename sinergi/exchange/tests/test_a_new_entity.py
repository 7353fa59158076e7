"""A new kind of data in the spreadsheet exchange, declared in this module alone and driven through the generic
machinery as a user and the command line drive it: template, trial, import, the same file again, a file with
problems and its report, exports in CSV and XLSX, in the request and in the background, and the audit log. The worked
example of docs/exchange-entities.md.

The entity covers the items of the controlled vocabularies (vocabularies.Term): a simple model without personal data
and without an exchange of its own, whose rules live in the vocabularies' services. It is registered for these tests
only (the `terms` fixture), so nothing else sees it. Its words are plain strings: test code is not translated.
"""

import csv
import io
import threading
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Q
from python_calamine import CalamineWorkbook

from sinergi.audit.display import audit_log_entries
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import ConflictError, ValidationError
from sinergi.core.testing import otp_login
from sinergi.exchange.columns import (
    ChoiceColumn,
    Entity,
    ImportContext,
    IntegerColumn,
    RowPlan,
    RowProblems,
    TextColumn,
    UnchangedRecord,
    choose_one,
    entities,
    get_entity,
    kept_blank,
    register,
    unregister,
)
from sinergi.exchange.models import ExportJob, ExportStatus, ImportJob, ImportStatus
from sinergi.vocabularies.models import Term, Vocabulary
from sinergi.vocabularies.selectors import vocabulary_admin_allowed
from sinergi.vocabularies.services import term_code_problems, term_create, term_update, term_values_clean

from .conftest import run, xlsx_file

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------------------------------------- the entity

EDITABLE = ("label_id", "label_en", "legal_source", "sort_order")
COLUMNS = [
    ChoiceColumn("vocabulary", "Kosakata", required=True, options=Vocabulary.choices, width=30),
    TextColumn("code", "Kode", required=True, max_length=64, help="Huruf kecil, angka dan garis bawah."),
    TextColumn("label_id", "Label (Indonesia)", required=True, max_length=200, width=30),
    TextColumn("label_en", "Label (Inggris)", required=True, max_length=200, width=30),
    TextColumn("legal_source", "Dasar hukum", max_length=200),
    IntegerColumn("sort_order", "Urutan", min_value=0, max_value=32767, width=8),
]
HEADER_OF = {column.key: str(column.header) for column in COLUMNS}


class TermsEntity(Entity):
    """Items of the controlled vocabularies, matched by vocabulary and code; written through term_create and
    term_update, which check and audit each one as the vocabulary pages do."""

    key = "terms"
    label = "istilah kosakata"
    sheet_name = "Data istilah"
    file_slug = "istilah"
    columns = COLUMNS
    natural_key_help = (
        "Baris dicocokkan dengan istilah yang sudah ada melalui kosakata dan kode; yang tidak cocok ditambahkan."
    )
    instructions = ("Satu baris = satu istilah. Sel kosong tidak menghapus isian lama.",)

    def can_import(self, actor) -> bool:
        return vocabulary_admin_allowed(actor)

    def can_export(self, actor) -> bool:
        return vocabulary_admin_allowed(actor)

    def prepare_batch(self, rows: list[dict[str, Any]], ctx: ImportContext) -> None:
        # The stored items the batch names, in one query (plan() runs per row).
        stored: dict[tuple[str, str], Term] = ctx.cached("stored", dict)
        wanted = {(row["vocabulary"], row["code"]) for row in rows if row.get("vocabulary") and row.get("code")}
        wanted -= set(stored)
        if wanted:
            query = Q()
            for vocabulary, code in wanted:
                query |= Q(vocabulary=vocabulary, code=code)
            stored.update(((t.vocabulary, t.code), t) for t in Term.objects.filter(query))

    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        vocabulary, code = values.get("vocabulary"), values.get("code")
        if not (vocabulary and code):
            return []
        return [(("term", vocabulary, code), lambda: f"kosakata {vocabulary} dan kode {code}")]

    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        vocabulary, code = values.get("vocabulary") or "", values.get("code") or ""
        stored = ctx.cached("stored", dict).get((vocabulary, code))
        problems: list[tuple[str, str]] = []
        if not vocabulary:
            problems.append(("vocabulary", choose_one(HEADER_OF["vocabulary"])))
        if stored is None:
            problems += [("code", message) for message in term_code_problems(code)]
        before = {name: getattr(stored, name) for name in EDITABLE} if stored is not None else {}
        # An empty cell never erases what is stored (a form does that).
        given = {name: values[name] for name in EDITABLE if values.get(name) not in (None, "")}
        try:
            after = term_values_clean({**before, **given})  # the services' own rules
        except ValidationError as error:
            problems += [(field, message) for field, messages in error.message_dict.items() for message in messages]
        if problems:
            raise RowProblems(problems)
        key = f"{vocabulary} / {code}"
        if stored is None:
            values_to_store = {name: after[name] for name in EDITABLE}
            term = Term(vocabulary=vocabulary, code=code, **values_to_store)
            return RowPlan(row=row, action="create", obj=term, key=key, extra={"values": values_to_store})
        changed = {name: after[name] for name in EDITABLE if after[name] != before[name]}
        kept = kept_blank(values, before)
        if not changed:
            return RowPlan(row=row, action="unchanged", obj=UnchangedRecord(stored.pk), key=key, kept=kept)
        changes = {HEADER_OF[name]: [str(before[name]), str(after)] for name, after in changed.items()}
        return RowPlan(
            row=row,
            action="update",
            obj=stored,
            key=key,
            changes=changes,
            kept=kept,
            extra={"before": before, "values": changed},
        )

    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        updates = {plan.obj.pk: plan for plan in plans if plan.action == "update"}
        # Locked, then compared with what the check read: a change made meanwhile on the vocabulary's page is not
        # undone by the file (the import is refused and nothing is saved).
        for term in Term.objects.select_for_update().filter(pk__in=updates).order_by("pk"):
            plan = updates[term.pk]
            if any(getattr(term, name) != value for name, value in plan.extra["before"].items()):
                raise ConflictError(f"Istilah {plan.key} diubah orang lain selama impor berjalan.")
            term_update(actor=ctx.actor, term=term, **plan.extra["values"])
        for plan in plans:
            if plan.action == "create":
                try:
                    plan.obj = term_create(
                        actor=ctx.actor, vocabulary=plan.obj.vocabulary, code=plan.obj.code, **plan.extra["values"]
                    )
                except ValidationError as error:  # the same code added meanwhile
                    raise ConflictError(" ".join(error.messages)) from None

    def export_queryset(self, *, actor, filters=None, purpose: str = ""):
        return Term.objects.order_by("vocabulary", "sort_order", "code")


@pytest.fixture
def terms():
    entity = register(TermsEntity())
    yield entity
    unregister(entity.key)


@pytest.fixture
def admin(province_admin):
    return province_admin  # admin.uji: vocabularies are managed by province admins


# ---------------------------------------------------------------------------------------------- helpers


def sheets(data: bytes) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def filled(tmp_path, headers: list[str], rows: list[list[Any]], *, name: str = "istilah.xlsx"):
    """The template's header as the user keeps it (marks of required columns too), with rows typed under it."""
    return xlsx_file(tmp_path, [headers, *rows], name=name, sheet="Data istilah")


def upload(client, path):
    return client.post("/exchange/", {"entity": "terms", "file": SimpleUploadedFile(path.name, path.read_bytes())})


def call(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


ROWS = [
    ["PPKS (Pemerlu Pelayanan Kesejahteraan Sosial)", "lansia_uji", "Lansia Uji", "Test elderly", "Permensos Uji", 90],
    ["psks", "relawan_uji", "Relawan Uji", "Test volunteer", "", ""],
]


# ---------------------------------------------------------------------------------------------- the web


def test_a_new_entity_goes_through_the_pages_as_a_user_takes_it(
    client, terms, admin, tmp_path, django_capture_on_commit_callbacks
):
    otp_login(client, admin)

    # The page offers its template, its exports and its upload
    page = client.get("/exchange/").content.decode()
    assert 'href="/exchange/templates/terms/"' in page and 'href="/exchange/export/terms/?format=xlsx"' in page
    assert '<option value="terms">Istilah kosakata</option>' in page

    # The template: its sheet, headers (required ones marked), instructions and the list of vocabularies
    response = client.get("/exchange/templates/terms/")
    assert response["Content-Disposition"].startswith('attachment; filename="templat-impor-istilah-')
    template = sheets(response.content)
    assert list(template) == ["Data istilah", "Petunjuk", "Daftar"]
    headers = template["Data istilah"][0]
    assert headers == ["Kosakata *", "Kode *", "Label (Indonesia) *", "Label (Inggris) *", "Dasar hukum", "Urutan"]
    instructions = str(template["Petunjuk"])
    assert "Satu baris = satu istilah." in instructions and "melalui kosakata dan kode" in instructions
    path = filled(tmp_path, headers, ROWS)

    # A trial: counted, nothing saved, the page shows the new items as read
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, path)
    trial = ImportJob.objects.get()
    assert response["Location"] == f"/exchange/imports/{trial.pk}/"
    assert (trial.entity, trial.status, trial.dry_run, trial.created_count) == ("terms", ImportStatus.CHECKED, True, 2)
    assert not Term.objects.filter(code__endswith="_uji").exists()
    page = client.get(f"/exchange/imports/{trial.pk}/").content.decode()
    assert "Uji coba impor istilah kosakata" in page and "Impor sekarang" in page
    assert "<summary>Baris 2: ppks / lansia_uji</summary>" in page

    # The import, confirmed: both items saved through the services, which audit each one
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/confirm/")
    real = ImportJob.objects.get(source=trial)
    assert (real.status, real.created_count) == (ImportStatus.SUCCEEDED, 2)
    stored = Term.objects.get(vocabulary="ppks", code="lansia_uji")
    assert (stored.label_id, stored.label_en, stored.legal_source, stored.sort_order) == (
        "Lansia Uji", "Test elderly", "Permensos Uji", 90
    )  # fmt: skip
    assert Term.objects.filter(vocabulary="psks", code="relawan_uji", is_active=True).exists()
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "exchange.import.checked",
        "vocabularies.term.created",
        "vocabularies.term.created",
        "exchange.import.succeeded",
    ]
    event = AuditEvent.objects.get(action="exchange.import.succeeded")
    assert (event.actor, event.object_repr) == (admin, f"terms #{real.pk}")
    assert {key: event.data[key] for key in ("entity", "dry_run", "via", "created", "updated", "unchanged")} == {
        "entity": "terms", "dry_run": False, "via": "web", "created": 2, "updated": 0, "unchanged": 0
    }  # fmt: skip

    # The same file again changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    again = ImportJob.objects.order_by("pk").last()
    assert (again.status, again.created_count, again.updated_count, again.unchanged_count) == (
        ImportStatus.CHECKED, 0, 0, 2
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{again.pk}/confirm/")
    assert ImportJob.objects.get(source=again).status == ImportStatus.SUCCEEDED
    assert AuditEvent.objects.filter(action__startswith="vocabularies.").count() == 2

    # A file with problems: refused whole, every problem named, the report downloadable
    bad = filled(
        tmp_path,
        headers,
        [
            ["ppks", "kode salah!", "Salah", "Wrong", "", ""],
            ["ppks", "titik_koma_uji", "Satu; dua", "One", "", ""],
            ["bukan kosakata", "lain_uji", "Lain", "Other", "", ""],
            ["psks", "relawan_uji", "Relawan Uji", "Test volunteer", "", ""],
            ["psks", "relawan_uji", "Relawan Uji", "Test volunteer", "", ""],
        ],
        name="salah.xlsx",
    )
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, bad)
    refused = ImportJob.objects.order_by("pk").last()
    assert (refused.status, refused.refused_count) == (ImportStatus.REFUSED, 4)
    messages = {(row, column): message for row, column, _value, message in refused.problems}
    assert messages[(2, "Kode *")] == "Kode hanya boleh huruf, angka, garis bawah dan tanda hubung (paling banyak 64)."
    assert messages[(3, "Label (Indonesia) *")].startswith("Label tidak boleh memuat “;”")
    assert (4, "Kosakata *") in messages
    assert messages[(6, "")] == "Baris ini duplikat baris 5 (kosakata psks dan kode relawan_uji sama)."
    response = client.get(f"/exchange/imports/{refused.pk}/report/")
    assert 'filename="laporan-kesalahan-salah' in response["Content-Disposition"]
    report = sheets(b"".join(response.streaming_content))
    assert "Data istilah" in report
    assert "Label tidak boleh memuat" in str(report)
    assert not Term.objects.filter(code__in=["titik_koma_uji", "lain_uji"]).exists()

    # Exports: CSV streamed, XLSX built in the request, each audited and read by the log in words
    response = client.get("/exchange/export/terms/?format=csv")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["Kosakata", "Kode", "Label (Indonesia)", "Label (Inggris)", "Dasar hukum", "Urutan"]
    assert ["PPKS (Pemerlu Pelayanan Kesejahteraan Sosial)", "lansia_uji", "Lansia Uji", "Test elderly",
            "Permensos Uji", "90"] in lines  # fmt: skip
    assert len(lines) == Term.objects.count() + 1
    response = client.get("/exchange/export/terms/?format=xlsx")
    assert 'filename="sinergi-istilah-' in response["Content-Disposition"]
    exported = sheets(response.content)["Data istilah"]
    assert len(exported) == Term.objects.count() + 1
    entries = audit_log_entries(AuditEvent.objects.filter(action="exchange.terms.exported").order_by("pk"))
    assert [entry.action for entry in entries] == ["Ekspor data istilah kosakata"] * 2
    imported = audit_log_entries(AuditEvent.objects.filter(pk=event.pk))[0]
    assert ("Data", "istilah kosakata") in [(row.label, row.value) for row in imported.details]

    # An export read back imports as it is: nothing to change
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(response.content)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    back = ImportJob.objects.order_by("pk").last()
    assert (back.status, back.created_count, back.updated_count, back.unchanged_count) == (
        ImportStatus.CHECKED, 0, 0, Term.objects.count()
    )  # fmt: skip


def test_a_large_export_of_a_new_entity_is_written_in_the_background(
    client, terms, admin, settings, django_capture_on_commit_callbacks
):
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 1}
    otp_login(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/exchange/export/terms/?format=xlsx")
    job = ExportJob.objects.get()
    assert response["Location"] == f"/exchange/exports/{job.pk}/"
    assert (job.entity, job.status, job.rows_done) == ("terms", ExportStatus.SUCCEEDED, Term.objects.count())
    assert "Ekspor istilah kosakata (XLSX)" in client.get(f"/exchange/exports/{job.pk}/").content.decode()
    response = client.get(f"/exchange/exports/{job.pk}/download/")
    assert len(sheets(b"".join(response.streaming_content))["Data istilah"]) == Term.objects.count() + 1
    entries = audit_log_entries(AuditEvent.objects.filter(action="exchange.terms.downloaded"))
    assert [entry.action for entry in entries] == ["Unduhan ekspor data istilah kosakata"]


def test_a_new_entity_changes_a_stored_item_and_refuses_what_the_services_refuse(
    client, terms, admin, tmp_path, django_capture_on_commit_callbacks
):
    # Given a stored item, and a file that changes its English label and leaves its legal source empty
    term_create(actor=admin, vocabulary="ppks", code="ubah_uji", label_id="Ubah Uji", label_en="Old", legal_source="PP")
    path = filled(tmp_path, [*HEADER_OF.values()], [["ppks", "ubah_uji", "Ubah Uji", "New", "", ""]])
    otp_login(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    trial = ImportJob.objects.get()
    # Then the trial shows the change (before → after) and keeps the stored legal source
    assert trial.preview["update"] == [
        {"row": 2, "key": "ppks / ubah_uji", "changes": {"Label (Inggris)": ["Old", "New"]}}
    ]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/confirm/")
    term = Term.objects.get(code="ubah_uji")
    assert (term.label_en, term.legal_source) == ("New", "PP")
    assert AuditEvent.objects.get(action="vocabularies.term.updated").changes == {"label_en": ["Old", "New"]}

    # And a user who may not manage the vocabularies is not offered the entity, nor may post it
    client.logout()
    board = ImportJob.objects.count()
    from sinergi.accounts.models import Role
    from sinergi.accounts.tests.factories import user_with_role

    client.force_login(user_with_role(Role.REGENCY_BOARD, region_code="63.71"))
    assert 'value="terms"' not in client.get("/exchange/").content.decode()
    response = upload(client, path)
    assert response.status_code == 400 and ImportJob.objects.count() == board
    assert client.get("/exchange/export/terms/?format=csv").status_code == 403


# ---------------------------------------------------------------------------------------------- the command line


def test_a_new_entity_goes_through_the_commands(terms, admin, tmp_path):
    # The template
    template = tmp_path / "templat.xlsx"
    assert call("import_template", "terms", str(template)) == f"Templat impor istilah kosakata ditulis ke {template}.\n"
    headers = sheets(template.read_bytes())["Data istilah"][0]
    path = filled(tmp_path, headers, ROWS)

    # A trial, the import, and the same file again
    out = call("import_data", "terms", str(path), "--dry-run", "--as", "admin.uji")
    assert out.splitlines() == ["Uji coba selesai: 2 baris.", "  akan dibuat 2, akan diubah 0, tidak berubah 0."]
    assert not Term.objects.filter(code="lansia_uji").exists()
    out = call("import_data", "terms", str(path), "--as", "admin.uji")
    assert out.splitlines()[1:] == ["  dibuat 2, diubah 0, tidak berubah 0."]
    assert Term.objects.filter(code__in=["lansia_uji", "relawan_uji"]).count() == 2
    out = call("import_data", "terms", str(path), "--as", "admin.uji")
    # (the order the services gave the item without one is kept, and said so)
    assert out.splitlines()[1:] == [
        "  dibuat 0, diubah 0, tidak berubah 2.",
        "  Sel kosong tidak menghapus isian yang tersimpan; isian lama tetap dipakai di kolom Urutan (1 baris). Untuk "
        "mengosongkan isian, ubah di halaman datanya.",
    ]
    event = AuditEvent.objects.filter(action="exchange.import.succeeded").order_by("pk").last()
    assert (event.actor, event.data["entity"], event.data["via"], event.data["unchanged"]) == (
        admin, "terms", "command line", 2
    )  # fmt: skip

    # A file with a problem: nothing saved, the report beside the file
    bad = filled(tmp_path, headers, [["ppks", "kode salah!", "Salah", "Wrong", "", ""]], name="salah.xlsx")
    with pytest.raises(CommandError, match="Tidak ada yang disimpan"):
        call("import_data", "terms", str(bad), "--as", "admin.uji")
    assert "Kode hanya boleh huruf" in str(sheets((tmp_path / "salah-kesalahan.xlsx").read_bytes()))

    # Exports
    out = call("export_data", "terms", str(tmp_path / "istilah.csv"), "--as", "admin.uji")
    count = Term.objects.count()
    assert out == f"{count} baris istilah kosakata diekspor ke {tmp_path / 'istilah.csv'}.\n"
    lines = list(csv.reader(io.StringIO((tmp_path / "istilah.csv").read_text(encoding="utf-8-sig"))))
    assert lines[0][:2] == ["Kosakata", "Kode"] and len(lines) == count + 1
    call("export_data", "terms", str(tmp_path / "istilah.xlsx"), "--as", "admin.uji")
    assert len(sheets((tmp_path / "istilah.xlsx").read_bytes())["Data istilah"]) == count + 1
    assert list(
        AuditEvent.objects.filter(action="exchange.terms.exported")
        .order_by("pk")
        .values_list("data__format", "data__via")
    ) == [("csv", "command line"), ("xlsx", "command line")]


# ---------------------------------------------------------------------------------------------- the writer


@pytest.mark.transactional
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="imports write alongside only on PostgreSQL")
def test_a_new_entity_is_written_by_the_concurrent_writer_as_any_other(terms, tmp_path, settings, monkeypatch):
    # Given an empty database (a transactional test's) with what the others get once, and every file "large"
    from sinergi.accounts.models import Role
    from sinergi.accounts.tests.factories import user_with_role
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])
    seed_vocabularies(Term)
    settings.SINERGI = {**settings.SINERGI, "IMPORT_CONCURRENT_WRITE_ROWS": 1}
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.uji")
    threads: list[str] = []
    original = TermsEntity.save
    monkeypatch.setattr(
        TermsEntity,
        "save",
        lambda self, plans, ctx: threads.append(threading.current_thread().name) or original(self, plans, ctx),
    )
    rows = [["psks", f"besar_uji_{i}", f"Besar {i}", f"Large {i}", "", ""] for i in range(12)]
    # When a file is imported, checked 5 rows at a time
    result = run(filled(tmp_path, [*HEADER_OF.values()], rows), admin, entity="terms", batch_size=5)
    # Then the writer's thread saved it through the services, as the check went on
    assert (result.status, result.created) == ("succeeded", 12), result.problems
    assert set(threads) == {"sinergi-import-writer"} and len(threads) >= 2
    assert Term.objects.filter(code__startswith="besar_uji_").count() == 12
    assert AuditEvent.objects.filter(action="vocabularies.term.created").count() == 12


# ---------------------------------------------------------------------------------------------- the registry


def test_unregister_takes_an_entity_out_of_the_lists_pages_and_commands(client, admin, tmp_path):
    entity = register(TermsEntity())
    assert get_entity("terms") is entity and entity in entities()

    assert unregister("terms") is entity

    assert entity not in entities()
    with pytest.raises(LookupError):
        get_entity("terms")
    otp_login(client, admin)
    assert client.get("/exchange/templates/terms/").status_code == 404
    assert 'value="terms"' not in client.get("/exchange/").content.decode()
    with pytest.raises(CommandError, match="Jenis data “terms” tidak dikenal"):
        call("import_template", "terms", str(tmp_path / "t.xlsx"))
    with pytest.raises(LookupError):
        unregister("terms")
