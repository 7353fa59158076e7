"""The plan of one LKS row: a new LKS (a draft) or the change to a registered one, checked as the form and the
services check it, with the region and scope rules and the warnings a trial shows. A mixin of LksEntity; the LKS a
row is about comes from the matching mixin (`_find`, `_by_id`, `_same_name_in_file`), reached through self.
"""

import copy
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, region_allows, region_allows_move
from sinergi.core.errors import ValidationError
from sinergi.exchange import values as v
from sinergi.exchange.columns import ImportContext, RowPlan, RowProblems, UnchangedRecord, kept_blank, stale_row_message
from sinergi.exchange.regions import RegionResolver, region_same_or_within

from ..choices import LegalForm, OrganisationKind, OrganisationStatus
from ..models import Organisation
from ..numbers import number_key
from ..services import (
    BOARD_ONLY_FIELDS,
    DERIVED_FIELDS,
    MOVE_OUT_REFUSED,
    latitude_side_warning,
    organisation_derive,
    organisation_validate,
)
from ._common import (
    DERIVED,
    _attname,
    _place_key,
    _regency_name,
    _regions_shown,
    _Registered,
    _registers_nowhere,
    _same,
    _same_text,
    _shown,
    name_key,
)
from .columns import FK_FIELDS, MODEL_KEYS, REGION_KEYS


class _LksRowPlan:
    """Plans one LKS row: a new draft LKS or the change to a registered one, with the services' checks."""

    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        resolver: RegionResolver = ctx.cache["regions"]
        names = (values.get("regency_name") or "", values.get("district_name") or "", values.get("village_name") or "")
        region, region_problems = values.get("_resolved") or resolver.resolve(
            code=values.get("region_code"), regency=names[0], district=names[1], village=names[2]
        )
        plan = self._plan(row, values, region, region_problems, ctx)
        if region is not None and plan.action == "create":
            column = "region_code" if values.get("region_code") else "regency_name"
            if outside := resolver.outside_warning(region):
                plan.warnings.append((column, outside))
            if recoded := resolver.recoded_warning(region, code=values.get("region_code"), named=any(names)):
                plan.warnings.append(("region_code", recoded))
        return plan

    def _plan(self, row: int, values: dict[str, Any], region, region_problems, ctx: ImportContext) -> RowPlan:
        problems: list[tuple[str, str]] = list(region_problems)
        if values.get("id"):
            existing = self._by_id(values, problems, ctx)
            return self._plan_update(row, values, region, existing, _shown(existing.name, values), problems, ctx)
        try:
            existing, key = self._find(values, region.code if region else "", ctx)
        except RowProblems as found_problems:
            raise RowProblems(problems + found_problems.problems) from None
        if existing is None:
            # Only new ones: two rows that reach two stored LKS of one name (branches) are two updates.
            self._same_name_in_file(row, values, region.code[:5] if region else _place_key(values), problems, ctx)
            plan = self._plan_create(row, values, region, key, problems, ctx)
            if field := values.get("_number_elsewhere"):
                plan.warnings.append(
                    (
                        field,
                        _(
                            "Nomor ini juga tercatat untuk LKS lain di kabupaten/kota lain, jadi baris ini "
                            "mendaftarkan LKS baru di sini. Bila yang dimaksud LKS itu dan LKS itu pindah, pakai file "
                            "ekspor yang memuat kolom ID, atau ubah wilayahnya di halaman LKS itu."
                        ),
                    )
                )
            return plan
        # (A number held in another kabupaten/kota than the row's was no match: _find.)
        far = bool(values.get("name")) and v.names_far_apart(existing.name, values["name"])
        plan = self._plan_update(row, values, region, existing, key, problems, ctx)
        if far and plan.action == "update":
            plan.warnings.append(
                (
                    "name",
                    _(
                        "Nama di file (“%(given)s”) jauh berbeda dari nama LKS yang tercatat dengan nomor ini "
                        "(“%(stored)s”). Bila nomornya salah ketik, baris ini mengubah LKS lain: periksa sebelum "
                        "mengimpor."
                    )
                    % {"given": values["name"], "stored": existing.name},
                )
            )
        return plan

    def _assign(self, organisation: Organisation, values: dict[str, Any], *, keep_blank: bool) -> None:
        for column in self.columns:
            if column.key not in MODEL_KEYS or column.key not in values or column.key == "service_kinds":
                continue
            value = values[column.key]
            if value in (None, "", []):
                if keep_blank:
                    continue
                if value is None and column.key == "has_legal_entity":
                    continue
            if column.key == "website" and value and "://" not in value:
                value = f"https://{value}"  # as the form does (assume_scheme)
            column.assign(organisation, value)

    def _checked(self, organisation: Organisation, kinds, problems: list[tuple[str, str]]) -> None:
        """The form's field checks (lengths, e-mail, URL, choices, digits) and the services' rules. A region
        already reported as unknown is not reported again as missing."""
        region_reported = any(field in REGION_KEYS for field, _message in problems)
        # A blank name is reported once, by the services' rule, not twice.
        exclude = FK_FIELDS + ["service_kinds"] + ([] if organisation.name.strip() else ["name"])
        field_problems: list[tuple[str, str]] = []
        try:
            organisation.clean_fields(exclude=exclude)
        except DjangoValidationError as error:
            field_problems = [(field, m) for field, messages in error.message_dict.items() for m in messages]
        rule_problems: list[tuple[str, str]] = []
        try:
            organisation_validate(organisation=organisation, service_kinds=kinds)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    if field == "region" and region_reported:
                        continue
                    field = {"region": "region_code"}.get(field, field)
                    rule_problems += [(field, e.message % (e.params or {})) for e in errors]
            else:
                rule_problems += [("", m) for m in error.messages]
        # Where a rule of ours speaks about a field ("Lintang harus antara -11 dan 6"), Django's generic check of
        # the same field ("Pastikan jumlah angka …") only adds noise.
        ruled = {field for field, _message in rule_problems}
        problems += [(field, m) for field, m in field_problems if field not in ruled] + rule_problems

    def _plan_create(self, row, values, region, key, problems, ctx) -> RowPlan:
        organisation = Organisation(kind=OrganisationKind.LKS, status=OrganisationStatus.DRAFT, region=region)
        self._assign(organisation, values, keep_blank=False)
        organisation.kind = organisation.kind or OrganisationKind.LKS
        kinds = values.get("service_kinds") or []
        self._checked(organisation, kinds, problems)
        if region is not None and not any(p[0] == "region_code" for p in problems):
            organisation_derive(organisation=organisation)
            if not region_allows(
                ctx.actor,
                Action.CREATE,
                province_code=organisation.province_code,
                regency_code=organisation.regency_code,
            ):
                where = _regency_name(organisation.regency_code, ctx)
                if organisation.province_code != ctx.cache["regions"].province:
                    where = f"{where}, {_regency_name(organisation.province_code, ctx)}"
                column = "region_code" if values.get("region_code") else "regency_name"
                if _registers_nowhere(ctx.actor):
                    # An LKS operator (or a viewer): the region is not the reason, and the row most likely meant a
                    # registered LKS whose number or name it did not match.
                    problems.append(
                        (
                            "name",
                            _(
                                "Baris ini tidak cocok dengan LKS yang sudah terdaftar (nomor tanda daftar, ID, "
                                "atau nama), jadi akan menjadi LKS baru, dan LKS baru hanya dapat didaftarkan oleh "
                                "pengurus LKKKS. Bila yang dimaksud LKS Anda, tulis nomor tanda daftar atau namanya "
                                "seperti yang tercatat."
                            ),
                        )
                    )
                else:
                    problems.append(
                        (
                            column,
                            _("Anda tidak berwenang mendaftarkan LKS di %(regency)s (di luar wilayah Anda).")
                            % {"regency": where},
                        )
                    )
        if problems:
            raise RowProblems(problems)
        warnings = []
        if side := latitude_side_warning(organisation):
            warnings.append(("latitude", side))
        if blank := _legal_entity_left_blank(organisation, values):
            warnings.append(blank)
        if twin := self._twin(organisation, ctx):
            column = "registration_number" if values.get("registration_number") else "name"
            warnings.append(
                (
                    column,
                    _(
                        "Sudah ada LKS bernama sama di kabupaten/kota ini: “%(lks)s”. Baris ini akan mendaftarkan LKS "
                        "baru, yaitu LKS kedua dengan nama itu. Bila yang dimaksud LKS yang sudah ada, tulis nomor "
                        "tanda daftarnya seperti yang tercatat (atau isi ID-nya dari ekspor) agar LKS itu yang "
                        "diperbarui."
                    )
                    % {"lks": twin},
                )
            )
        return RowPlan(
            row=row,
            action="create",
            obj=organisation,
            key=key or organisation.name,
            extra={"kinds": kinds},
            warnings=warnings,
        )

    @staticmethod
    def _twin(organisation: Organisation, ctx: ImportContext) -> str:
        """A registered LKS of the same name in the same kabupaten/kota as a new one, as shown to the user ("" when
        none): a number mistyped beyond what number_key forgives would otherwise register the LKS a second time.
        A warning, not a refusal — two LKS may share a name (branches of one yayasan)."""
        key = name_key(organisation.name)
        if not organisation.regency_code or not key:
            return ""
        registered: _Registered = ctx.cached("registered", _Registered)
        twins = registered.names.get((key, organisation.regency_code))
        if not twins:
            return ""
        name, number = twins[0]
        return f"{name} — {number}" if number else name

    def _plan_update(self, row, values, region, existing: Organisation, key, problems, ctx) -> RowPlan:
        may_change, may_verify = ctx.cache["allowed"].get(existing.pk, (False, False))
        if not may_change:
            raise RowProblems(
                problems
                + [
                    (
                        "",
                        _("LKS “%(name)s” sudah terdaftar dan di luar wewenang Anda untuk diubah.")
                        % {"name": existing.name},
                    )
                ]
            )
        columns = [c for c in self.columns if c.key in values and not c.read_only and c.key not in ("id", "version")]
        before = {c.key: c.current(existing) for c in columns}
        before.update({name: getattr(existing, name) for name in DERIVED})
        updated = copy.copy(existing)
        self._assign(updated, values, keep_blank=True)
        for field in ("registration_number", "permit_number"):
            # The number that found this LKS, written another way ("–" for "-"), is the same number: the stored
            # spelling stays, and a re-import of such a file changes nothing.
            stored = getattr(existing, field)
            if stored and number_key(getattr(updated, field)) == number_key(stored):
                setattr(updated, field, stored)
        for column in columns:
            # A list kept in capitals (as Dinas Sosial lists often are) or an e-mail address in another case says
            # the same as the record: the stored spelling stays, instead of every LKS renamed in capitals. So does
            # a number whose leading zeros a spreadsheet program dropped (v.zeros_dropped).
            stored, given = getattr(existing, column.key, None), getattr(updated, column.key, None)
            if (
                isinstance(stored, str)
                and isinstance(given, str)
                and stored != given
                and (_same_text(stored, given) or v.zeros_dropped(stored, given))
            ):
                setattr(updated, column.key, stored)
        if region is not None and not region_same_or_within(existing.region_id, region.code):
            # A coarser region containing the stored desa (a file naming only the kabupaten/kota) says less, not
            # something else: the desa on record stays, as an empty cell keeps its value.
            updated.region = region
        current_kinds = before["service_kinds"] if "service_kinds" in before else list(existing.service_kinds.all())
        kinds = values.get("service_kinds") or current_kinds
        if (
            values.get("permit_issued_on")
            and not values.get("permit_expires_on")
            and before.get("permit_issued_on") != values["permit_issued_on"]
        ):
            updated.permit_expires_on = None  # a new permit: its expiry is derived again unless written
        if (
            values.get("registration_issued_on")
            and not values.get("registration_expires_on")
            and before.get("registration_issued_on") != values["registration_issued_on"]
        ):
            updated.registration_expires_on = None
        self._checked(updated, kinds, problems)
        if not any(p[0] == "region_code" for p in problems) and updated.region is not None:
            organisation_derive(organisation=updated)
        compared = (MODEL_KEYS | set(DERIVED) | DERIVED_FIELDS | {"region"}) - {"service_kinds"}
        changed_fields = [
            name for name in sorted(compared) if getattr(updated, _attname(name)) != getattr(existing, _attname(name))
        ]
        kinds_changed = sorted(t.code for t in kinds) != sorted(t.code for t in current_kinds)
        refused_standing = [name for name in changed_fields if name in BOARD_ONLY_FIELDS]
        if refused_standing and not may_verify:
            problems.append(
                (refused_standing[0], _("Jenis, status, dan akreditasi hanya dapat diubah oleh pengurus LKKKS."))
            )
        if updated.regency_code != existing.regency_code and not region_allows_move(
            ctx.actor,
            Action.CHANGE,
            origin=(existing.province_code, existing.regency_code),
            destination=(updated.province_code, updated.regency_code),
        ):
            into_area = region_allows(
                ctx.actor, Action.CHANGE, province_code=updated.province_code, regency_code=updated.regency_code
            )
            problems.append(
                (
                    "region_code" if values.get("region_code") else "regency_name",  # the cell that moved it
                    _("Anda tidak berwenang memindahkan LKS ke %(regency)s (di luar wilayah Anda).")
                    % {"regency": _regency_name(updated.regency_code, ctx)}
                    if not into_area
                    else MOVE_OUT_REFUSED % {"regency": _regency_name(existing.regency_code, ctx)},
                )
            )
        if problems:
            raise RowProblems(problems)
        changes: dict[str, list[str]] = {}
        for column in columns:
            after = kinds if column.key == "service_kinds" else column.current(updated)
            if column.key in REGION_KEYS:
                continue
            if not _same(before[column.key], after):
                changes[str(column.header)] = [column.display(before[column.key]), column.display(after)]
        if "region" in changed_fields:
            changes[str(_("Wilayah"))] = _regions_shown(existing.region_id, updated.region_id)
        for name in DERIVED:
            if name in changed_fields and name not in values:
                # Moved by a date or grade the row changes (its own column, read-only, is not read): said so.
                column = next((c for c in self.export_columns() if c.key == name), None)
                label = _("%(column)s (dihitung ulang)") % {"column": column.header if column else name}
                shown_as = column.display if column else v.text  # a date as the reader's language writes it
                changes[label] = [shown_as(before[name]), shown_as(getattr(updated, name))]
        action = "update" if changed_fields or kinds_changed else "unchanged"
        if action == "update" and values.get("version") and values["version"] != existing.version:
            raise RowProblems([("version", stale_row_message(values["version"], existing.version))])
        side = latitude_side_warning(updated) if "latitude" in changed_fields else ""
        # The copy shares the LKS's prefetch cache, which refers back to the LKS: dropped, the copy alone stays.
        updated.__dict__.pop("_prefetched_objects_cache", None)
        return RowPlan(
            row=row,
            action=action,
            obj=updated if action == "update" else UnchangedRecord(existing.pk),
            key=key or existing.name,
            changes=changes,
            warnings=[("latitude", side)] if side else [],
            # A region is named by its code or by its names: names left empty beside a code are no blank.
            # Nor is a field the row changes otherwise (an expiry derived again from a new issue date).
            kept=tuple(
                key
                for key in kept_blank(values, {key: value for key, value in before.items() if key not in REGION_KEYS})
                if key not in changed_fields
            ),
            extra={
                "kinds": kinds if kinds_changed else None,
                "fields": changed_fields,
                "version": existing.version,
                "area": (existing.province_code, existing.regency_code),
            },
        )


def _legal_entity_left_blank(organisation: Organisation, values: dict[str, Any]) -> tuple[str, str] | None:
    """A new LKS whose "Berbadan hukum" is left empty (or whose file has no such column) is registered as not a legal
    entity, as the form's unticked box registers it: said on the row when the row itself says otherwise — a yayasan,
    which is a legal entity by law (UU 16/2001), or the number of the Kemenkumham decree that made it one. (An empty
    cell of a registered LKS keeps what is stored, and is said in the notice of kept values.)"""
    if values.get("has_legal_entity") is not None or organisation.has_legal_entity:
        return None
    if organisation.legal_form == LegalForm.YAYASAN:
        evidence, column = _("bentuknya Yayasan, yang selalu berbadan hukum"), "legal_form"
    elif organisation.kemenkumham_number:
        evidence, column = _("Nomor SK Kemenkumham-nya diisi"), "kemenkumham_number"
    else:
        return None
    message = _(
        "“Berbadan hukum” tidak diisi, jadi LKS baru ini dicatat tidak berbadan hukum, padahal %(evidence)s. Bila LKS "
        "ini berbadan hukum, isi “Ya” di kolom “Berbadan hukum” (tambahkan kolomnya bila belum ada)."
    ) % {"evidence": evidence}
    return ("has_legal_entity" if "has_legal_entity" in values else column, message)
