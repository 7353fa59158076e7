"""LksEntity: the import rules (matching a row to a registered LKS, planning a new LKS or a change with the
services' checks, saving a batch) and the export of the LKS registry. One class, kept whole; it is registered by
the package's __init__, not here.
"""

import copy
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, region_allows, region_allows_move, restrict
from sinergi.audit.services import audit_record_many
from sinergi.core.bulk import chunks
from sinergi.core.errors import ConflictError, ValidationError
from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    Entity,
    ImportContext,
    RowPlan,
    RowProblems,
    UnchangedRecord,
    filter_problems,
    kept_blank,
    region_filter_problem,
    stale_row_message,
)
from sinergi.exchange.dbwrite import bulk_insert
from sinergi.exchange.regions import RegionResolver, region_same_or_within

from .. import selectors
from ..choices import LKS_KINDS, OrganisationKind, OrganisationStatus
from ..models import Organisation
from ..numbers import number_key
from ..services import (
    BOARD_ONLY_FIELDS,
    DERIVED_FIELDS,
    MOVE_OUT_REFUSED,
    latitude_side_warning,
    organisation_derive,
    organisation_moved_send,
    organisation_validate,
)
from ._common import (
    DERIVED,
    _attname,
    _place_key,
    _regency_name,
    _RegionNames,
    _regions_shown,
    _Registered,
    _registers_nowhere,
    _same,
    _same_text,
    _shown,
)
from .columns import COLUMNS, FK_FIELDS, MODEL_KEYS, REGION_KEYS

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class LksEntity(Entity):
    """LKS (and LKS asing) of the registry."""

    key = "lks"
    label = _lazy("LKS")
    created_notice = _lazy(
        "LKS baru tersimpan sebagai draf: LKS itu belum dihitung sebagai LKS aktif (di dasbor, peta dan laporan) "
        "sampai pengurus LKKKS membuka halaman LKS-nya, menekan Verifikasi, lalu Aktifkan."
    )
    record_url_name = "organisations:detail"
    sheet_name = _lazy("Data LKS")
    columns = COLUMNS
    natural_key_help = _lazy(
        "Baris dicocokkan dengan LKS yang sudah terdaftar melalui nomor tanda daftar; bila kosong, melalui nomor "
        "izin operasional; bila keduanya kosong, melalui nama LKS dan kode wilayah. Baris yang tidak cocok dengan "
        "LKS mana pun didaftarkan sebagai LKS baru berstatus draf, yang dihitung sebagai LKS aktif setelah pengurus "
        "LKKKS memverifikasi lalu mengaktifkannya di halaman LKS-nya."
    )
    instructions = (
        _lazy("Satu baris = satu LKS. Jangan mengubah judul kolom; urutan kolom boleh berubah."),
        _lazy("Kolom bertanda * wajib diisi. Wilayah: isi Kode wilayah, atau Kabupaten/Kota + Kecamatan + Desa."),
        _lazy("Sel kosong pada LKS yang sudah terdaftar tidak menghapus isian lama; gunakan formulir untuk itu."),
        _lazy("Tanggal boleh ditulis 17-08-2023, 17/08/2023, 2023-08-17 atau 17 Agustus 2023."),
        _lazy("Format kolom kode (Kode wilayah, NPWP, nomor) sebagai Teks agar angka nol tidak hilang."),
        _lazy(
            "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah. Kolom ID menunjuk LKS yang "
            "diperbaiki; kosongkan ID untuk mendaftarkan LKS baru."
        ),
    )

    # ------------------------------------------------------------------ permissions
    # A region problem in a file that names the region by its kabupaten/kota, kecamatan and desa (no "Kode wilayah"
    # column) is shown on the kabupaten/kota, not as a missing column: the names are as good as the code.
    reported_on_instead = {"region_code": "regency_name"}
    # After "Baris ini duplikat baris …" for two rows of the same name in one kabupaten/kota.
    duplicate_advice = {
        "name": _lazy(
            "Bila keduanya memang LKS yang berbeda (mis. cabang satu yayasan), isi nomor tanda daftar masing-masing."
        )
    }

    def derived_of_created(self, plan: RowPlan, values: dict[str, Any]) -> list[list[str]]:
        """The expiries the rules work out for a new LKS (a permit or a registration without its expiry written, an
        accreditation), after its cells as read: a trial shows the date the real import stores."""
        return [
            [_("%(column)s (dihitung)") % {"column": column.header}, column.display(value)]
            for column in self.columns
            if column.key in DERIVED and not values.get(column.key) and (value := getattr(plan.obj, column.key, None))
        ]

    def can_import(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.CHANGE] | ACTION_ROLES[Action.CREATE]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def can_export(self, actor: "User | SystemActor") -> bool:
        return bool(getattr(actor, "is_superuser", False)) or any(
            m.role in ACTION_ROLES[Action.EXPORT] for m in active_memberships(actor)
        )

    def missing_columns(self, present: set[str]) -> list[str]:
        missing = [str(c.header) for c in self.import_columns() if c.required and c.key not in present]
        if not present & {"region_code", "regency_name"}:
            missing.append(_("Kode wilayah (atau Kabupaten/Kota, Kecamatan, Desa/Kelurahan)"))
        return missing

    # ------------------------------------------------------------------ import
    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        # The shown text is built only when a duplicate is found (translation per row is measurably slow).
        keys: list[tuple[tuple, Any]] = []
        if record := values.get("id"):
            keys.append((("id", record), lambda: _("ID %(id)s") % {"id": record}))
        for kind, field, label in (
            ("registration", "registration_number", _lazy("nomor tanda daftar")),
            ("permit", "permit_number", _lazy("nomor izin operasional")),
        ):
            if number := values.get(field):
                # Within the row's kabupaten/kota when it is known: the same number of two offices is two LKS.
                key = (kind, number_key(number), values.get("_regency") or "")
                keys.append((key, lambda label=label, number=number: f"{label} {number}"))
        # A name that leaves nothing to compare (v.norm keeps Latin letters and digits only) matches nothing.
        # A row with an ID may correct the name: its name is no key.
        # Compared by kabupaten/kota, as resolved by prepare_batch: the same new LKS written twice, once with its
        # kecamatan and once without (or "Kec. Banjarmasin Utara" for "Banjarmasin Utara"), is one LKS, not two
        # drafts. A row whose region cannot be resolved (refused for it anyway) by its cells as written.
        if not keys and (name_key := v.norm(values.get("name") or "")):
            place = _place_key(values)
            name = values["name"]
            keys.append(
                (
                    ("name", name_key, place),
                    lambda: _("nama “%(name)s” dan kabupaten/kota") % {"name": name},
                )
            )
        return keys

    @staticmethod
    def _same_name_in_file(
        row: int, values: dict[str, Any], place: str, problems: list[tuple[str, str]], ctx: ImportContext
    ) -> None:
        """Two NEW LKS of one name and kabupaten/kota, one row with a number and one without, are one LKS written
        twice (pasted, one copy completed): two drafts otherwise, and a file that never imports again. natural_keys
        compares rows without numbers (by name) and rows with numbers (by number); this compares the two kinds.
        Two rows with different numbers remain two LKS (branches of one foundation may share a name), and so do
        rows that reach stored LKS (the caller asks only for rows that create one). Raises with the row's other
        problems (`problems`), so that one upload names them all."""
        name_key = v.norm(values.get("name") or "")
        if values.get("id") or not name_key:
            return
        numbered = bool(values.get("registration_number") or values.get("permit_number"))
        seen: dict[tuple, dict[bool, int]] = ctx.cache.setdefault("names_in_file", {})
        first = seen.setdefault((name_key, place), {})
        if not numbered and False in first:
            return  # natural_keys already names it a duplicate of the first row without a number: one message
        earlier = first.get(not numbered)
        first.setdefault(numbered, row)
        if earlier is not None:
            message = _("Baris ini duplikat baris %(first)s (%(key)s sama).") % {
                "first": earlier,
                "key": _("nama “%(name)s” dan kabupaten/kota") % {"name": values["name"]},
            }
            advice = _(
                "Satu baris berisi nomor tanda daftar atau izin dan yang lain tidak: hapus salah satunya. Bila "
                "keduanya memang LKS yang berbeda (mis. cabang satu yayasan), isi nomor masing-masing."
            )
            raise RowProblems([*problems, ("name", f"{message} {advice}")])

    def prepare_batch(self, rows: list[dict[str, Any]], ctx: ImportContext) -> None:
        resolver: RegionResolver = ctx.cache.setdefault("regions", RegionResolver())
        resolver.prefetch(r.get("region_code") for r in rows)
        # Every row's kabupaten/kota, for natural_keys, _find and _by_id: numbers and names are compared within it.
        # Kept on the row for plan(), which would otherwise resolve it a second time.
        for row in rows:
            row["_resolved"] = region, _problems = resolver.resolve(
                code=row.get("region_code"),
                regency=row.get("regency_name") or "",
                district=row.get("district_name") or "",
                village=row.get("village_name") or "",
            )
            if region is not None and region.level >= 2:
                row["_region"], row["_regency"] = region.code, region.code[:5]
        # Only the LKS this batch's rows name: a national file of 25,000 LKS kept every one it matched (with its
        # related rows) until the write, above 500 MB. A row naming an LKS of an earlier batch fetches it again.
        for previous in ctx.cache.get("objects", {}).values():
            # The prefetched service kinds refer back to their LKS, a cycle only a full garbage collection frees, which
            # a long import seldom reaches: broken, each batch's LKS are freed at once.
            previous.__dict__.pop("_prefetched_objects_cache", None)
        objects = ctx.cache["objects"] = {}
        base = selectors.organisation_base_queryset().filter(kind__in=LKS_KINDS)
        found: list[Organisation] = []
        if ids := {r["id"] for r in rows if r.get("id")}:
            found += base.filter(pk__in=ids)  # whether the actor may change them is looked up below, as for all
        rows = [r for r in rows if not r.get("id")]  # a row with an ID is not matched by its numbers or name
        if any(r.get("registration_number") or r.get("permit_number") for r in rows):
            # Numbers are compared by number_key, which the database cannot compute: the keys of every stored
            # number come from _Registered, then one query fetches the LKS the batch names (by either number).
            registered: _Registered = ctx.cached("registered", _Registered)
            pks: set[int] = set()
            for row in rows:
                for kind, field in (("registration", "registration_number"), ("permit", "permit_number")):
                    if row.get(field):
                        pks |= registered.numbers[kind].get(number_key(row[field]), set())
            pks -= {o.pk for o in found}
            if pks:
                found += base.filter(pk__in=pks)
        # Rows without either number are matched by name within their region: fetch the LKS of those regions.
        named = [r for r in rows if r.get("name") and not r.get("registration_number") and not r.get("permit_number")]
        region_codes = {row["_region"] for row in named if row.get("_region")}
        if region_codes:
            wanted = {v.norm(r["name"]) for r in named}
            found += [o for o in base.filter(region_id__in=region_codes) if v.norm(o.name) in wanted]
        index = ctx.cache["existing"] = {"registration": {}, "permit": {}, "name": {}}  # of this batch's LKS too
        for organisation in found:
            objects[organisation.pk] = organisation
            if organisation.registration_number:
                key = number_key(organisation.registration_number)
                index["registration"].setdefault(key, set()).add(organisation.pk)
            if organisation.permit_number:
                index["permit"].setdefault(number_key(organisation.permit_number), set()).add(organisation.pk)
            index["name"].setdefault((v.norm(organisation.name), organisation.region_id or ""), set()).add(
                organisation.pk
            )
        new_ids = [pk for pk in objects if pk not in ctx.cache.setdefault("allowed", {})]
        if new_ids:
            changeable = set(
                restrict(
                    Organisation.objects.filter(pk__in=new_ids), actor=ctx.actor, action=Action.CHANGE
                ).values_list("pk", flat=True)
            )
            verifiable = set(
                restrict(
                    Organisation.objects.filter(pk__in=new_ids), actor=ctx.actor, action=Action.VERIFY
                ).values_list("pk", flat=True)
            )
            for pk in new_ids:
                ctx.cache["allowed"][pk] = (pk in changeable, pk in verifiable)

    def _find(self, values: dict[str, Any], region_code: str, ctx: ImportContext) -> tuple[Organisation | None, str]:
        """The registered LKS this row refers to (or None), and the key that matched, as shown to the user."""
        index = ctx.cache["existing"]
        objects = ctx.cache["objects"]
        candidates: list[tuple[str, set[int]]] = []
        for kind, field, label in (
            ("registration", "registration_number", _lazy("nomor tanda daftar")),
            ("permit", "permit_number", _lazy("nomor izin operasional")),
        ):
            if values.get(field):
                pks = index[kind].get(number_key(values[field]), set())
                if regency := values.get("_regency"):
                    # A number is one office's: the same one held in another kabupaten/kota is another LKS, not this
                    # row's (matched across the country, a national file moved, renamed and re-kinded an LKS of
                    # another province). An LKS that really moved is moved by its export's ID, or its form.
                    elsewhere = {pk for pk in pks if objects[pk].regency_code != regency}
                    if elsewhere:
                        values["_number_elsewhere"] = field
                    pks = pks - elsewhere
                if len(pks) > 1 and len({objects[pk].regency_code for pk in pks}) > 1:
                    # Offices of several kabupaten/kota issued it: the row's region tells which LKS it is.
                    message = capfirst(
                        _(
                            "%(label)s ini tercatat untuk LKS di beberapa kabupaten/kota. Isi Kode wilayah atau "
                            "Kabupaten/Kota di baris ini, atau pakai file ekspor yang memuat kolom ID."
                        )
                        % {"label": label}
                    )
                    raise RowProblems([(field, message)])
                if len(pks) > 1:
                    raise RowProblems(
                        [
                            (
                                field,
                                _("Lebih dari satu LKS terdaftar dengan %(label)s ini; hubungi admin.")
                                % {"label": label},
                            )
                        ]
                    )
                if pks:
                    candidates.append((field, pks))
        if values.get("registration_number") or values.get("permit_number"):
            pks_found = {pk for _f, pks in candidates for pk in pks}
            if len(pks_found) > 1:
                raise RowProblems(
                    [
                        (
                            "permit_number",
                            _("Nomor tanda daftar dan nomor izin operasional ini milik dua LKS yang berbeda."),
                        )
                    ]
                )
            if not pks_found:
                return None, _shown(values.get("name") or "", values)
            organisation = objects[pks_found.pop()]
            for field, label in (
                ("registration_number", _lazy("nomor tanda daftar")),
                ("permit_number", _lazy("nomor izin operasional")),
            ):
                stored, given = getattr(organisation, field), values.get(field)
                if stored and given and number_key(stored) != number_key(given):
                    raise RowProblems(
                        [
                            (
                                field,
                                _(
                                    "LKS “%(name)s” yang cocok dengan baris ini terdaftar dengan %(label)s "
                                    "%(stored)s, bukan %(given)s."
                                )
                                % {"name": organisation.name, "label": label, "stored": stored, "given": given},
                            )
                        ]
                    )
            return organisation, _shown(organisation.name, values)
        name_key = v.norm(values.get("name") or "")
        pks = index["name"].get((name_key, region_code), set()) if name_key else set()
        if len(pks) > 1:
            raise RowProblems(
                [("name", _("Lebih dari satu LKS terdaftar dengan nama ini di wilayah ini; isi nomor tanda daftar."))]
            )
        found = objects[next(iter(pks))] if pks else None
        return found, (found.name if found else values.get("name") or "")

    def _by_id(self, values: dict[str, Any], problems: list[tuple[str, str]], ctx: ImportContext) -> Organisation:
        """The LKS a row's ID names, when the actor may change it. Unknown, deleted, not an LKS or outside the
        actor's scope: one answer for all, which tells nothing about what is stored. A number the row writes that
        belongs to another LKS is refused: the ID and the numbers disagree on which LKS the row is."""
        record = values["id"]
        existing = ctx.cache["objects"].get(record)
        if existing is None or not ctx.cache["allowed"].get(record, (False, False))[0]:
            message = _(
                "Tidak ada LKS dengan ID %(id)s yang dapat Anda ubah. Periksa ID-nya, atau kosongkan ID untuk "
                "mendaftarkan LKS baru."
            ) % {"id": record}
            raise RowProblems([*problems, ("id", message)])
        given_numbers = [values.get(field) for field in ("registration_number", "permit_number")]
        confirmed = any(
            number and stored and number_key(number) == number_key(stored)
            for number, stored in zip(
                given_numbers, (existing.registration_number, existing.permit_number), strict=True
            )
        )
        if values.get("name") and not confirmed and not v.same_one_named(existing.name, values["name"]):
            # A column headed "ID" in the user's own list (a running number) would otherwise overwrite whichever LKS
            # bears that number: the ID is taken only when the row's name or one of its numbers agrees with it.
            message = _(
                "ID %(id)s adalah LKS “%(stored)s”, tetapi nama di baris ini (“%(name)s”) berbeda dan tidak ada nomor "
                "tanda daftar atau izin yang sama. Bila kolom ID di file ini nomor urut Anda sendiri, ubah judulnya "
                "(mis. “No”); bila nama LKS memang berganti, ubah di halaman LKS-nya."
            ) % {"id": record, "stored": existing.name, "name": values["name"]}
            raise RowProblems([*problems, ("id", message)])
        registered: _Registered | None = None
        for kind, field, label in (
            ("registration", "registration_number", _lazy("Nomor tanda daftar")),
            ("permit", "permit_number", _lazy("Nomor izin operasional")),
        ):
            if not (number := values.get(field)):
                continue
            registered = registered or ctx.cached("registered", _Registered)
            regency = values.get("_regency") or existing.regency_code
            holders = registered.numbers[kind].get(number_key(number), set()) - {record}
            if {pk for pk in holders if registered.regency.get(pk) == regency}:
                problems.append(
                    (
                        field,
                        _(
                            "%(label)s %(number)s terdaftar untuk LKS lain, bukan LKS dengan ID %(id)s. Periksa ID "
                            "dan nomor di baris ini."
                        )
                        % {"label": label, "number": number, "id": record},
                    )
                )
        return existing

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
        name_key = v.norm(organisation.name)
        if not organisation.regency_code or not name_key:
            return ""
        registered: _Registered = ctx.cached("registered", _Registered)
        twins = registered.names.get((name_key, organisation.regency_code))
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
                header = next((str(c.header) for c in self.export_columns() if c.key == name), name)
                label = _("%(column)s (dihitung ulang)") % {"column": header}
                changes[label] = [v.text(before[name]), v.text(getattr(updated, name))]
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

    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        through = Organisation.service_kinds.through
        creates = [p for p in plans if p.action == "create"]
        updates = [p for p in plans if p.action == "update"]
        bulk_insert(Organisation, [p.obj for p in creates], portable=ctx.cache.get("portable", False))
        links = [through(organisation_id=p.obj.pk, term_id=t.pk) for p in creates for t in p.extra["kinds"]]
        if updates:
            ids = [p.obj.pk for p in updates]
            versions = dict(Organisation.objects.select_for_update().filter(pk__in=ids).values_list("pk", "version"))
            stale = [p for p in updates if versions.get(p.obj.pk) != p.extra["version"]]
            if stale:
                raise ConflictError(
                    _("LKS “%(name)s” diubah orang lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.")
                    % {"name": stale[0].obj.name}
                )
            now = timezone.now()
            fields = {"version", "updated_at"}
            for plan in updates:
                plan.obj.version = plan.extra["version"] + 1
                plan.obj.updated_at = now
                fields.update(_attname(name) for name in plan.extra["fields"])
            Organisation.objects.bulk_update([p.obj for p in updates], sorted(fields), batch_size=500)
            relinked = [p for p in updates if p.extra["kinds"] is not None]
            through.objects.filter(organisation_id__in=[p.obj.pk for p in relinked]).delete()
            links += [through(organisation_id=p.obj.pk, term_id=t.pk) for p in relinked for t in p.extra["kinds"]]
            for plan in updates:
                if (plan.obj.province_code, plan.obj.regency_code) != plan.extra["area"]:
                    organisation_moved_send(plan.obj)  # its clients and workers move with it, as after the form
            # Each LKS's own history shows the change (before → after, as the dry run showed it), as after a form's
            # save; the import's one event holds the counts.
            audit_record_many(
                actor=ctx.actor,
                action="organisations.organisation.updated",
                model=Organisation,
                changes_by_pk={p.obj.pk: p.changes for p in updates},
                data={"via": "import"},
            )
        through.objects.bulk_create(links, batch_size=1000)

    # ------------------------------------------------------------------ export
    def export_filterset(self, *, actor: "User | SystemActor", filters):
        return selectors.organisation_list(actor=actor, filters=filters or {}, action=Action.EXPORT)

    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        filterset = self.export_filterset(actor=actor, filters=filters)
        if not filterset.is_valid():
            raise ValidationError(filter_problems(filterset))
        if problem := region_filter_problem(actor=actor, action=Action.EXPORT, filters=filters or {}):
            raise ValidationError(problem)
        # The region's names come from _RegionNames a chunk at a time; joining the region row per LKS is waste.
        return (
            filterset.qs.filter(kind__in=LKS_KINDS)
            .select_related(None)
            .select_related("primary_service_kind", "accreditation_grade")
        )

    def export_rows(self, objects):
        names = _RegionNames()
        columns = [column.for_export() for column in self.export_columns()]
        through = Organisation.service_kinds.through
        for chunk in chunks(objects, 2000):
            names.load(o.region_id for o in chunk)
            kinds: dict[int, list[str]] = {o.pk: [] for o in chunk}
            links = through.objects.filter(organisation_id__in=list(kinds)).values_list("organisation_id", "term__code")
            for organisation_id, code in links:
                kinds[organisation_id].append(code)
            for organisation in chunk:
                organisation._ancestor_names = names.of(organisation.region_id)
                organisation._export_codes = {"service_kinds": kinds[organisation.pk]}
                yield [column.export(organisation) for column in columns]
