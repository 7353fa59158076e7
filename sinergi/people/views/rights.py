"""Board and administrator pages: duplicate candidates, and the data subject's rights (access, restrict, erase)."""

import datetime
import json
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action
from sinergi.core.errors import ConflictError, TransitionError, ValidationError
from sinergi.core.pagination import paginate

from .. import selectors, services
from ..forms import ReasonForm
from ._common import PersonAreaMixin, error_text, purpose_redirect, require_role

DUPLICATES_PER_PAGE = 20


class DuplicateListView(PersonAreaMixin, View):
    """Open duplicate candidates in the board's scope, each with what the board may see to decide."""

    action = Action.DUPLICATE_RESOLVE

    def get(self, request: HttpRequest) -> HttpResponse:
        # A page at a time: each candidate shown is read for both records and written to both access logs.
        candidates = selectors.duplicate_candidates(actor=request.user).order_by("-created_at", "-pk")
        page = paginate(request, candidates, per_page=DUPLICATES_PER_PAGE)
        items = [
            {
                "candidate": c,
                **summary_parts(selectors.duplicate_summary_for(actor=request.user, candidate=c, request=request)),
            }
            for c in page.object_list
        ]
        return render(request, "people/duplicates.html", {"items": items, "page": page})


def summary_parts(summary: dict) -> dict:
    """The board's view of a candidate: one column of facts per record, and the remaining facts below."""
    records, facts = [], []
    for key, value in summary.items():
        if isinstance(value, dict):
            records.append({"key": key, "facts": [(_label(k), _plain(v)) for k, v in value.items() if k != "id"]})
        elif key not in {"id", "status", "reason"}:
            facts.append((_label(key), _plain(value)))
    return {"records": records, "facts": facts}


@login_required
@require_POST
def duplicate_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Orang yang sama" leads to the merge page (DuplicateMergeView); "Orang berbeda" dismisses the candidate."""
    require_role(request.user, Action.DUPLICATE_RESOLVE)
    if refusal := purpose_redirect(request):
        return refusal
    candidate = get_object_or_404(selectors.duplicate_candidates(actor=request.user), pk=pk)
    decision = request.POST.get("decision")
    if decision not in {"same", "different"}:
        messages.error(request, _("Pilih “Orang yang sama” atau “Orang berbeda”."))
        return redirect("people:duplicates")
    if decision == "same":
        # The same human is one record: the board confirms which to keep on the merge page, never a bare link.
        return redirect("people:duplicate_merge", pk=candidate.pk)
    try:
        services.duplicate_resolve(actor=request.user, candidate=candidate, same_person=False, request=request)
    except (ValidationError, PermissionDenied, TransitionError, ConflictError) as error:
        messages.error(request, error_text(error) or _("Anda tidak berwenang memutuskan kandidat ini."))
    else:
        messages.success(request, _("Kandidat ditutup: orang berbeda."))
    return redirect("people:duplicates")


# What a merge fills on the kept record, by the group names of selectors.MERGE_FILLED.
FILLED_LABELS = {
    "guardian": _l("Wali (nama, hubungan, telepon)"),
    "ppks_categories": _l("Kategori PPKS"),
}


class DuplicateMergeView(PersonAreaMixin, View):
    """ "Orang yang sama": both records side by side, what merging them does to each stay, and the record to keep."""

    action = Action.DUPLICATE_RESOLVE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        candidate = get_object_or_404(selectors.duplicate_candidates(actor=request.user), pk=pk)
        keep = selectors.duplicate_merge_default_keep(candidate)
        return self._page(request, candidate, keep_id=keep.pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        candidate = get_object_or_404(selectors.duplicate_candidates(actor=request.user), pk=pk)
        keep = {candidate.person_id: candidate.person, candidate.other_id: candidate.other}.get(
            _int_or_none(request.POST.get("keep"))
        )
        if keep is None:
            return self._page(request, candidate, keep_id=None, errors=[_("Pilih data yang dipertahankan.")])
        try:
            kept = services.duplicate_merge(actor=request.user, candidate=candidate, keep=keep, request=request)
        except (ValidationError, PermissionDenied, TransitionError, ConflictError) as error:
            errors = [str(m) for m in getattr(error, "messages", [])] or [error_text(error)]
            return self._page(request, candidate, keep_id=keep.pk, errors=errors)
        messages.success(
            request,
            _("Kedua data digabungkan menjadi satu: %(name)s (ID %(id)s).") % {"name": kept.full_name, "id": kept.pk},
        )
        return redirect("people:duplicates")

    def _page(self, request: HttpRequest, candidate, *, keep_id: int | None, errors: list[str] | None = None):
        summary = selectors.duplicate_summary_for(actor=request.user, candidate=candidate, request=request)
        plans = selectors.duplicate_merge_plans(actor=request.user, candidate=candidate)
        options = [
            {
                "person": person,
                "checked": person.pk == keep_id,
                "moved": [_stay_text(stay) for stay in plan.moved],
                "doubles": [
                    {"stay": _stay_text(double), "same_as": _stay_text(kept_stay)} for double, kept_stay in plan.doubles
                ],
                "filled": [str(FILLED_LABELS.get(group) or _label(group)) for group in plan.filled],
                "problems": plan.problems,
            }
            for person, plan in ((p, plans[p.pk]) for p in (candidate.person, candidate.other))
        ]
        context = {"candidate": candidate, **summary_parts(summary), "options": options, "errors": errors or []}
        return render(request, "people/duplicate_merge.html", context, status=400 if errors else 200)


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _stay_text(stay) -> str:
    """One stay as the merge page names it: no person, only where, when and as what."""
    period = (
        _("%(lks)s, masuk %(admitted)s, keluar %(left)s")
        if stay.discharged_on
        else _("%(lks)s, masuk %(admitted)s, masih dilayani")
    ) % {
        "lks": stay.organisation.name,
        "admitted": date_format(stay.admitted_on, "DATE_FORMAT"),
        "left": date_format(stay.discharged_on, "DATE_FORMAT") if stay.discharged_on else "",
    }
    return f"{period} ({stay.ppks_category.label}, {stay.get_setting_display()})"


# Readable names for the keys of the access-request export (the JSON keeps the keys as they are).
EXPORT_LABELS = {
    "person": _l("Data pribadi"),
    "placements": _l("Penempatan"),
    "consents": _l("Persetujuan"),
    "incidents": _l("Insiden"),
    "accesses": _l("Riwayat akses"),
    "duplicate_checks": _l("Pemeriksaan data ganda"),
    "merged_records": _l("Data ganda yang digabungkan ke data ini"),
    "merged_at": _l("Digabungkan pada"),
    "id": "ID",
    "full_name": _l("Nama lengkap"),
    "sex": _l("Jenis kelamin"),
    "birth_date": _l("Tanggal lahir"),
    "birth_date_estimated": _l("Tanggal lahir perkiraan"),
    "birth_place": _l("Tempat lahir"),
    "nik": "NIK",
    "nik_missing_reason": _l("Alasan NIK tidak ada"),
    "kk": _l("Nomor KK"),
    "kk_missing_reason": _l("Alasan KK tidak ada"),
    "origin_region": _l("Daerah asal"),
    "ppks_categories": _l("Kategori PPKS"),
    "disability_type": _l("Ragam disabilitas"),
    "mother_name": _l("Nama ibu kandung"),
    "father_name": _l("Nama ayah"),
    "guardian_name": _l("Nama wali"),
    "guardian_relation": _l("Hubungan wali"),
    "guardian_phone": _l("Telepon wali"),
    "notes": _l("Catatan"),
    "lks": "LKS",
    "is_restricted": _l("Pemrosesan dibatasi"),
    "created_at": _l("Dicatat pada"),
    "updated_at": _l("Diubah pada"),
    "ppks_category": _l("Kategori PPKS"),
    "setting": _l("Bentuk layanan"),
    "services": _l("Layanan"),
    "admitted_on": _l("Tanggal masuk"),
    "stage": _l("Tahap kasus"),
    "next_review_on": _l("Tinjauan berikutnya"),
    "status": _l("Status"),
    "discharged_on": _l("Tanggal keluar"),
    "discharge_reason": _l("Alasan keluar"),
    "discharge_note": _l("Keterangan keluar"),
    "reviews": _l("Tinjauan"),
    "reviewed_on": _l("Tanggal tinjauan"),
    "summary": _l("Ringkasan"),
    "given_by": _l("Diberikan oleh"),
    "giver_name": _l("Nama pemberi"),
    "given_on": _l("Tanggal"),
    "legal_basis": _l("Dasar pemrosesan"),
    "scope": _l("Cakupan"),
    "withdrawn_on": _l("Dicabut pada"),
    "kind": _l("Jenis"),
    "occurred_on": _l("Tanggal kejadian"),
    "description": _l("Uraian"),
    "reported_at": _l("Dilaporkan pada"),
    "follow_up": _l("Tindak lanjut"),
    "occurred_at": _l("Waktu"),
    "actor": _l("Oleh"),
    "what": _l("Tindakan"),
    "purpose": _l("Tujuan"),
    "ip_address": _l("Alamat IP"),
    "nik_masked": "NIK",
    "regency_code": _l("Kode kabupaten/kota LKS"),
    "active": _l("Sedang dilayani"),
}


def _label(key: str) -> str:
    return str(EXPORT_LABELS.get(key, key.replace("_", " ")))


def readable_sections(export: dict) -> list[dict]:
    """The access-request export as sections a person can read: facts for one record, tables for many."""
    sections = []
    for key, value in export.items():
        title = _label(key)
        if isinstance(value, dict):
            sections.append({"title": title, "facts": [(_label(k), _plain(v)) for k, v in value.items()]})
        elif isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
            columns = list(dict.fromkeys(k for row in value for k in row))
            rows = [[_plain(row.get(c)) for c in columns] for row in value]
            sections.append({"title": title, "columns": [_label(c) for c in columns], "rows": rows})
        elif isinstance(value, list):
            sections.append({"title": title, "facts": [("", _plain(v)) for v in value] or [("", "—")]})
        else:
            sections.append({"title": title, "facts": [("", _plain(value))]})
    return sections


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _plain(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, str):
        # The export keeps moments and days as ISO text (its JSON copy is for machines too): the page writes them
        # as the rest of the site does, moments in local time.
        if _ISO_DATETIME.match(value) and (moment := parse_datetime(value)) is not None:
            value = moment if timezone.is_aware(moment) else timezone.make_aware(moment, datetime.UTC)
        elif _ISO_DATE.match(value) and (day := parse_date(value)) is not None:
            value = day
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return "; ".join(", ".join(f"{_label(k)}: {_plain(v)}" for k, v in item.items()) for item in value)
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    return str(value)


class SubjectRequestView(PersonAreaMixin, View):
    """An administrator answers an access request: everything held, as a page and as a JSON download."""

    action = Action.SUBJECT_REQUEST

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.person_get(actor=request.user, pk=pk, action=Action.SUBJECT_REQUEST)
        download = request.GET.get("format") == "json"
        export = services.person_subject_access_export(
            actor=request.user, person=person, request=request, delivery="json" if download else "page"
        )
        if download:
            body = json.dumps(export, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            filename = f"permintaan-akses-{person.pk}-{timezone.localdate().isoformat()}.json"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        context = {
            "person": person,
            "sections": readable_sections(export),
            "restrict_form": ReasonForm(),
            "erase_form": ReasonForm(),
        }
        return render(request, "people/subject_request.html", context)


@login_required
@require_POST
def person_restrict(request: HttpRequest, pk: int) -> HttpResponse:
    """Restricts (or lifts the restriction of) the processing of one person's data; a reason is required."""
    require_role(request.user, Action.SUBJECT_REQUEST)
    if refusal := purpose_redirect(request):
        return refusal
    person = selectors.person_get(actor=request.user, pk=pk, action=Action.SUBJECT_REQUEST)
    restricted = request.POST.get("restricted") == "1"
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasannya."))
        return redirect("people:subject_request", pk=pk)
    try:
        services.person_restrict(
            actor=request.user,
            person=person,
            restricted=restricted,
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except (ValidationError, PermissionDenied, ConflictError) as error:
        messages.error(request, error_text(error) or _("Anda tidak berwenang melakukan tindakan ini."))
    else:
        messages.success(
            request,
            _("Pemrosesan data dibatasi: data ini kini hanya terlihat oleh administrator.")
            if restricted
            else _("Pembatasan pemrosesan dicabut."),
        )
    return redirect("people:subject_request", pk=pk)


@login_required
@require_POST
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """Erases a person's identifying data when the retention rule allows it; the anonymous counts stay right."""
    require_role(request.user, Action.SUBJECT_REQUEST)
    if refusal := purpose_redirect(request):
        return refusal
    person = selectors.person_get(actor=request.user, pk=pk, action=Action.SUBJECT_REQUEST)
    form = ReasonForm(request.POST)
    if not form.is_valid() or not form.cleaned_data.get("confirm"):
        messages.error(request, _("Tuliskan alasannya dan centang konfirmasi sebelum menghapus."))
        return redirect("people:subject_request", pk=pk)
    try:
        services.person_erase(
            actor=request.user,
            person=person,
            reason=form.cleaned_data["reason"],
            subject_asked=form.cleaned_data["subject_asked"],
            request=request,
        )
    except (ValidationError, PermissionDenied, ConflictError, TransitionError) as error:
        messages.error(request, error_text(error) or _("Anda tidak berwenang menghapus data ini."))
        return redirect("people:subject_request", pk=pk)
    messages.success(request, _("Data identitas telah dihapus; hitungan anonim tetap terjaga."))
    return redirect("people:list")
