"""ClientsEntity, the clients (with their placement) spreadsheet entity: permissions, the lookups per batch, the plan
of one row (plan, _plan_new, _plan_existing), the write (locks, inserts, discharges, corrections, consents) and the
export's driving methods. One class, kept whole; the columns, state, checks, messages and export machinery it uses
are in the sibling modules."""

import datetime
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import CharField, F, IntegerField, Q, Value
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.audit.services import audit_record_many
from sinergi.core.bulk import chunks
from sinergi.core.downloads import (
    CSV_DELIMITERS,
    ESCAPED_STARTS,
    OTHER_SEPARATOR,
)
from sinergi.core.errors import ConflictError, PermissionDenied, ValidationError
from sinergi.core.phones import new_phone_problem
from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    Column,
    Entity,
    ImportContext,
    RowPlan,
    RowProblems,
    choose_one,
    filter_problems,
    kept_blank,
    labels_joined,
    scope_filter_problem,
    stale_row_message,
    term_labels,
)
from sinergi.exchange.dbwrite import (
    bulk_insert_rows,
    execute_beside,
    existing_values,
    refresh_statistics,
    sqlite_bulk_cache,
    write_beside_open_read,
)
from sinergi.exchange.regions import region_same_or_within
from sinergi.organisations.choices import OrganisationStatus
from sinergi.regions.models import Region
from sinergi.regions.selectors import regency_names
from sinergi.vocabularies.models import Term, Vocabulary

from ...access import actor_label, person_access_record_many
from ...choices import (
    AccessPurpose,
    CaseStage,
    DisabilityType,
    DischargeReason,
    DuplicateReason,
    MissingIdReason,
    PlacementStatus,
    ServiceSetting,
    Sex,
)
from ...models import Consent, DuplicateCandidate, Person, PersonAccess, Placement
from ...services.duplicates import _duplicate_warning, admissions_committed
from ...services.rules import (
    ADULT_AGE,
    REVIEW_INTERVAL_MONTHS,
    add_months,
    age_on,
    age_warnings,
    implausible_birth_warning,
    lks_closed_reason,
    normalize_name,
)
from ..common import (
    Lks,
    access_lines_write,
    corrected_nik_warnings,
    date_problems,
    decrypt_stored,
    encrypt_many,
    export_purpose,
    id_confirmed,
    implied_lks_notice,
    kk_check_fast,
    lks_lock,
    lks_of_ids,
    lks_problems,
    mask,
    match_name,
    result_shown,
    result_shown_what,
)
from .checks import (
    CORRECTED_ON_PAGE,
    PERSON_TEXT_CORRECTED,
    _categories_listed_whole,
    _consent_age_problems,
    _consent_begun,
    _discharge_problems,
    _far_name_problem,
    _new_client_cells,
    _parts_agree,
    _placement_at,
    _restricted_for,
    _row_consent,
    _stays_at,
    _withdrawn,
)
from .columns import (
    COLUMNS,
    CONSENT_COLUMNS,
    CONSENT_FIELDS,
    CONSENT_REQUIRED,
    EXPORT_ONLY,
    HEADERS,
    ORIGIN_KEYS,
    PERSON_KEPT,
    READ_ONLY,
)
from .export import (
    _CELL_BREAK,
    CATEGORIES_CELL,
    COPY_ROWS_PER_CHUNK,
    EXPORT_CHUNK,
    EXPORT_COLUMNS,
    EXPORT_FIELDS,
    REGENCY_CELL,
    _crlf_records,
    _csv_expressions,
    _line_requoted,
    _record_requoted,
    _sqlite_csv_cell,
    category_codes,
)
from .messages import (
    MISSING_CLIENTS_LKS_LIMIT,
    RESTRICTED_ROW,
    _ambiguous_message,
    _missing_notice,
    _no_such_stay_message,
    _other_admission_message,
    _partial_match_warning,
    _rows_and_count,
)
from .state import MOTHER_AT, ClientsState, KnownPlacement, NewClient, _state
from .stored import _keys_at, _load_people, _merged_ids_followed, _snapshot_of

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


ANALYZE_AFTER = 10_000  # rows created, after which the planner's statistics are refreshed
CLOSE_MATCH_LIMIT = 50  # as the services: a very common name + date must not flag hundreds of records
RECHECK_CHUNK = 2000  # NIK hashes (or people) per query of _check_still_new


class ClientsEntity(Entity):
    """Clients (PPKS) with their placement at an LKS."""

    key = "clients"
    record_url_name = "people:detail"
    file_slug = _lazy("penerima-layanan")  # in file names
    label = _lazy("penerima layanan")
    sheet_name = _lazy("Data penerima layanan")
    former_sheet_names = ("Service recipient data",)  # the English sheet until English said "client" throughout
    columns = COLUMNS
    asks_access_purpose = True
    import_purpose = AccessPurpose.SERVICE
    ignored_headers = EXPORT_ONLY
    read_only_headers = READ_ONLY
    implied_columns = frozenset({"lks"})
    masked_headers = {"NIK (disamarkan)": "nik", "Nomor KK (disamarkan)": "kk"}
    reported_on_instead = {"ppks_category": "ppks_categories", "ppks_categories": "ppks_category"}
    reason_columns = {"nik": "nik_missing_reason", "kk": "kk_missing_reason"}
    write_batch_size = 10_000
    natural_key_help = _lazy(
        "Baris dicocokkan dengan penerima layanan yang sudah tercatat di LKS yang sama melalui NIK; bila NIK kosong, "
        "melalui nama lengkap, tanggal lahir, dan nama ibu kandung. Baris yang sama persis dengan data tersimpan "
        "tidak mengubah apa pun; Tanggal keluar dan Alasan keluar pada penempatan yang masih aktif mencatat bahwa "
        "penerima layanan itu sudah keluar; isian lain yang berbeda memperbaiki data orangnya (ditampilkan sebelum → "
        "sesudah pada uji coba). Sel kosong tidak menghapus isian lama. Kategori PPKS pada baris ber-ID (dari "
        "ekspor) menjadi daftar kategori orangnya, jadi kategori yang dihapus di sel itu ikut terhapus; pada baris "
        "tanpa ID kategori hanya ditambahkan. Kategori utama dan bentuk layanan sebuah penempatan diubah di halaman "
        "penerima layanan."
    )
    instructions = (
        _lazy("Satu baris = satu penerima layanan beserta penempatannya di satu LKS."),
        _lazy("Kolom bertanda * wajib diisi. Isi NIK, atau pilih Alasan NIK kosong; begitu pula Nomor KK."),
        _lazy("Format kolom NIK dan Nomor KK sebagai Teks sebelum mengetik atau menempel nomor, agar Excel atau "
              "LibreOffice tidak mengubahnya menjadi 6,37101E+15."),
        _lazy("Kategori PPKS boleh lebih dari satu, dipisah titik koma (;), mis. “Anak Telantar; Anak Jalanan”."),
        _lazy("Tanggal boleh ditulis 17-08-2023, 17/08/2023, 2023-08-17 atau 17 Agustus 2023."),
        _lazy("Persetujuan pemrosesan data untuk anak diberikan oleh orang tua atau wali."),
        _lazy("Orang dewasa yang tidak dapat memberi persetujuan sendiri (mis. lansia dengan demensia, disabilitas "
              "intelektual atau mental): pilih “Wali” pada Persetujuan oleh, dan tulis nama keluarga atau pengampu "
              "yang memberi persetujuan."),
        _lazy("Tanggal lahir yang hanya perkiraan (mis. hanya tahunnya yang diketahui): tulis 01-01 tahun itu dan isi "
              "“Ya” pada Tanggal lahir perkiraan."),
        _lazy("Kolom persetujuan diisi semua atau tidak sama sekali: bila salah satu diisi, kelimanya wajib "
              "(Persetujuan oleh, Nama pemberi persetujuan, Tanggal persetujuan, Dasar pemrosesan, Cakupan "
              "persetujuan)."),
        _lazy("Untuk penerima layanan yang sudah tercatat, persetujuan yang belum tercatat dicatat sebagai "
              "persetujuan baru; persetujuan yang lama tetap tersimpan."),
        _lazy("Pilih “Tidak ada” pada Ragam disabilitas untuk menghapus ragam disabilitas yang tersimpan; sel "
              "kosong tidak mengubahnya."),
        _lazy("Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah; kolom yang disamarkan (NIK, Nomor KK) "
              "tidak dibaca. Kolom ID menunjuk penerima layanan yang diperbaiki; kosongkan ID untuk menambah yang "
              "baru."),
        _lazy("Bila satu baris saja bermasalah, tidak ada data yang disimpan; perbaiki lalu unggah lagi."),
    )  # fmt: skip

    # ------------------------------------------------------------------ permissions
    def plans_notices(self, plans: list[RowPlan], present: set[str], ctx: ImportContext) -> list[str]:
        """The clients still active at the file's LKS whom no row names: a monthly list leaves out those who left,
        and its user may expect that to discharge them. It does not (a missing row never deletes or closes; a
        partial file is a correction), and is said, counted per LKS. Only for a file of a few LKS (an LKS's own
        list): a province-wide file is no list of anyone's."""
        state = _state(ctx)
        notices = [implied] if (implied := implied_lks_notice(present, state.lks)) else []
        if count := state.duplicates_unnamed:
            notices.append(
                ngettext(
                    "%(count)s baris lain juga mungkin sama dengan data lain di Sinergi (baris-barisnya tidak "
                    "disebutkan). Pengurus LKKKS kabupaten/kota akan memeriksanya; pelayanan tetap dapat berjalan "
                    "seperti biasa.",
                    "%(count)s baris lain juga mungkin sama dengan data lain di Sinergi (baris-barisnya tidak "
                    "disebutkan). Pengurus LKKKS kabupaten/kota akan memeriksanya; pelayanan tetap dapat berjalan "
                    "seperti biasa.",
                    count,
                )
                % {"count": number_format(count, force_grouping=True)}
            )
        named = {p.obj.person_id for p in plans if p.action != "create"}
        lks_ids = {p.obj.lks.pk if p.action == "create" else p.obj.lks_id for p in plans}
        if not lks_ids or len(lks_ids) > MISSING_CLIENTS_LKS_LIMIT:
            return notices
        # A sheet of several, imported on its own: a client is missing from the file only when absent from this sheet
        # and from each sheet of the file checked before it (a client admitted since those were checked, and not on
        # this sheet, is then not counted: the notice may say too few, never name a client the file holds).
        sheets_left: list[str] = ctx.cache.get("sheets_left") or []
        elsewhere: dict[str, set[int]] = ctx.cache.get("absent_elsewhere") or {}
        missing: Counter[int] = Counter()
        staying: Counter[int] = Counter()
        absent: list[int] = []
        active = Placement.objects.filter(organisation_id__in=lks_ids, status=PlacementStatus.ACTIVE)
        if state.restricted_provinces is not None:  # not counted where they are not shown
            active = active.filter(
                Q(person__is_restricted=False) | Q(organisation__province_code__in=state.restricted_provinces)
            )
        for organisation_id, person_id in active.values_list("organisation_id", "person_id"):
            staying[organisation_id] += 1
            if person_id not in named:
                absent.append(person_id)
                if all(person_id in ids for ids in elsewhere.values()):
                    missing[organisation_id] += 1
        if sheets_left:
            ctx.cache["absent_ids"] = sorted(absent)
        for pk, count in sorted(staying.items()):
            lks = state.lks.by_pk.get(pk)
            if lks is not None and lks.status == OrganisationStatus.INACTIVE:
                # Closing an LKS ends none of its stays: its clients still count as served there until each one's
                # leaving or referral is recorded, which its list imported again is the moment to say.
                notices.append(
                    ngettext(
                        "%(lks)s sudah nonaktif, tetapi %(count)s penerima layanan masih tercatat aktif di sana. Catat "
                        "keluarnya, atau rujuk ke LKS lain.",
                        "%(lks)s sudah nonaktif, tetapi %(count)s penerima layanan masih tercatat aktif di sana. Catat "
                        "keluar mereka, atau rujuk ke LKS lain.",
                        count,
                    )
                    % {"lks": lks.name, "count": number_format(count, force_grouping=True)}
                )
        if any(name not in elsewhere for name in sheets_left):
            where = "sheet"  # they may be on a sheet not imported yet
        else:
            where = "every sheet" if sheets_left else "file"
        return notices + [
            _missing_notice(count, state.lks.by_pk[pk].name, where=where)
            for pk, count in sorted(missing.items(), key=lambda item: state.lks.by_pk[item[0]].name)
            if pk in state.lks.by_pk
        ]

    def can_import(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.PERSON_CREATE]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def can_export(self, actor: "User | SystemActor") -> bool:
        roles = ACTION_ROLES[Action.PERSON_EXPORT]
        return bool(getattr(actor, "is_superuser", False)) or any(m.role in roles for m in active_memberships(actor))

    def missing_columns(self, present: set[str]) -> list[str]:
        missing = [str(c.header) for c in self.import_columns() if c.required and c.key not in present]
        if not present & {"ppks_category", "ppks_categories"}:
            # Either column is enough (the template marks neither as required): the message names both.
            missing.append(_("Kategori PPKS (atau Kategori PPKS utama)"))
        if not present & {"nik", "nik_missing_reason"}:
            missing.append(_("NIK (atau Alasan NIK kosong)"))
        if not present & {"kk", "kk_missing_reason"}:
            missing.append(_("Nomor KK (atau Alasan KK kosong)"))
        return missing

    # ------------------------------------------------------------------ import: lookups per batch
    def prepare_batch(self, rows: list[dict[str, Any]], ctx: ImportContext) -> None:
        state = _state(ctx)
        _merged_ids_followed(rows)
        state.regions.prefetch(r.get("origin_code") for r in rows)
        only = state.lks.only_one_allowed()
        new_hashes, new_matches, without_nik, with_nik, ids = set(), set(), [], [], set()
        for values in rows:
            text = values.get("lks") or ""
            if text:
                values["_lks"], values["_lks_problem"] = state.lks.find(text, values.get("lks_regency") or "")
            else:
                values["_lks"], values["_lks_problem"] = (
                    only,
                    "" if only else _("Isi kolom LKS (nomor tanda daftar atau nama LKS)."),
                )
            nik = values.get("nik") or ""
            if nik:
                check = state.nik(nik, birth_date=values.get("birth_date"), sex=values.get("sex") or None)
                values["_nik"] = check
                values["_nik_hash"] = state.hash(check.normalized) if check.valid else ""
            else:
                values["_nik"], values["_nik_hash"] = None, ""
            # The names normalised once: as the services store person_match_key (titles kept), and without titles
            # for finding whom the row is about (the same string for most names).
            full_name, mother_name = (
                normalize_name(values.get("full_name") or ""),
                normalize_name(values.get("mother_name") or ""),
            )
            birth = values.get("birth_date")
            name, mother = (
                match_name(values.get("full_name") or "", normalized=full_name),
                match_name(values.get("mother_name") or "", normalized=mother_name),
            )
            values["_person_key"] = (name, birth, mother)
            if values["_nik_hash"] and values["_nik_hash"] not in state.hashes_loaded:
                new_hashes.add(values["_nik_hash"])  # on a row with an ID too: who else has the NIK it writes
            if values.get("id"):
                ids.add(values["id"])  # the export's ID names the person
            elif values["_nik_hash"]:
                if values["_lks"] is not None and name:
                    with_nik.append(values)
            elif values["_lks"] is not None and name:
                without_nik.append(values)
            # person_match_key's, as the services store it (the names with their titles, normalised)
            values["_match_key"] = (
                state.hash(f"{full_name}|{birth.isoformat()}|{mother_name}")
                if full_name and mother_name and birth is not None
                else ""
            )
            if values["_match_key"] and values["_match_key"] not in state.matches_loaded:
                new_matches.add(values["_match_key"])
        lks_of_ids(rows, Person, state.lks)
        state.stays_left_load({values["_lks"].pk for values in rows if values.get("_lks") is not None})
        hits = existing_values(Person, "nik_hash", new_hashes)
        if hits:
            for person in _load_people(Person.objects.current().filter(nik_hash__in=hits)):
                state.by_hash.setdefault(person["nik_hash"], []).append(person)
                state.hashes_loaded.add(person["nik_hash"])
        hits = existing_values(Person, "match_key", new_matches)
        if hits:
            found = Person.objects.current().filter(match_key__in=hits)
            for match_key, pk in found.values_list("match_key", "pk"):
                state.by_match.setdefault(match_key, []).append(pk)
                state.matches_loaded.add(match_key)
        # The keys found are kept as the stored records hold them (added first, a set keeps the first of two equal
        # strings): the rows' own copies, 22 MB for 100,000 rows sent again, then go with their batch.
        state.hashes_loaded.update(new_hashes)
        state.matches_loaded.update(new_matches)
        # Rows without NIK name their person by name, birth date and mother's name at the LKS, NIK stored or not;
        # so do rows whose NIK nobody at their LKS has (they may complete a person stored without one): the keys of
        # each LKS once, then the people this batch names, and those the export's ID names.
        for values in with_nik:
            lks_pk = values["_lks"].pk
            if not any(p["organisation_id"] == lks_pk for p in state.by_hash.get(values["_nik_hash"], ())):
                without_nik.append(values)
        wanted: set[int] = set(ids)
        for values in without_nik:
            lks_pk = values["_lks"].pk
            if lks_pk not in state.keys_at:
                state.keys_at[lks_pk], state.names_at[lks_pk] = _keys_at(lks_pk)
            wanted.update(state.keys_at[lks_pk].get(values["_person_key"], ()))
            if not values["_nik_hash"]:
                # Those of the name whose birth date and mother's name do not contradict the row's (_stored_people).
                named = state.names_at[lks_pk].get(values["_person_key"][0], ())
                # ... and those born the same day under another mother's name (a typo, "Alm." written or not)
                wanted.update(
                    pk
                    for pk, birth, mother in named
                    if _parts_agree(values["_person_key"], birth, mother)
                    or (birth is not None and birth == values["_person_key"][1])
                )
        wanted -= state.people.keys()
        if wanted:
            # With the masked NIK: the preview names by it whom a row without NIK is about.
            for person in _load_people(Person.objects.current().filter(pk__in=wanted), "nik_masked"):
                state.people[person["id"]] = person

    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        lks = values.get("_lks")
        where = lks.pk if lks is not None else v.norm(values.get("lks") or "")
        keys: list[tuple[tuple, Any]] = []
        if values.get("id"):
            # The export's ID, per stay (one row per placement: a person readmitted at the LKS has two rows).
            record, admitted_on = values["id"], values.get("admitted_on")
            keys.append(
                (
                    ("id", record, admitted_on),
                    lambda: _("ID %(id)s") % {"id": record},
                )
            )
        if values.get("_nik_hash"):
            # Also on a row with an ID: two rows must not give one NIK to two people at an LKS.
            masked = mask(values["_nik"].normalized)
            keys.append((("nik", values["_nik_hash"], where), lambda: _("NIK %(nik)s di LKS ini") % {"nik": masked}))
        if keys:
            return keys
        name, birth, mother = values["_person_key"]
        if not name:
            return []
        return [
            (
                ("person", name, birth, mother, where),
                lambda: (
                    _("nama, tanggal lahir, dan nama ibu “%(name)s” di LKS ini") % {"name": values.get("full_name")}
                ),
            )
        ]

    # ------------------------------------------------------------------ import: one row
    def plan(self, row: int, values: dict[str, Any], ctx: ImportContext) -> RowPlan:
        state = _state(ctx)
        today = state.today
        problems: list[tuple[str, str]] = []
        warnings: list[tuple[str, str]] = []
        # What a new client needs; a row with the export's ID may leave it empty (it keeps the stored value).
        missing: list[tuple[str, str]] = []
        birth_date, admitted_on = values.get("birth_date"), values.get("admitted_on")
        categories, primary = _new_client_cells(values, birth_date, admitted_on, problems, missing, today)
        lks: Lks | None = values.get("_lks")
        # Who is stored at an LKS the user may not import into is not looked at: any difference in the answer
        # (by ID, or by name and birth date) would tell them who is there.
        visible = lks is not None and lks.pk in state.lks.allowed
        people = self._stored_people(values, lks, state) if visible else []
        if _restricted_for(state, people):
            # Whatever else would be said of the row names what is stored (its name, dates, category, or "unchanged"
            # for a copy): one answer, however the row compares, and nothing written.
            raise RowProblems([("", RESTRICTED_ROW)])
        record = values.get("id")
        if record:
            moved = self._export_id_checked(record, values, lks, visible, people, problems, missing, state)
            if moved is not None:
                # The LKS's own export, sent back after the person was referred elsewhere: as the row without ID.
                return self._plan_moved(row, values, moved, [], state)
        ambiguous = len(people) > 1 and not values.get("_nik_hash")
        if ambiguous and lks is not None and admitted_on:
            # Records of one name, birth date and mother, told apart by the stay this row is about: after a
            # readmission without NIK (a second record, the board asked) the LKS's list sent again names the new
            # stay, which only one of them has (the thirty-eighth review: the whole list was refused, asking for a
            # NIK the LKS does not have).
            staying = [
                person
                for person in people
                if any(p["organisation_id"] == lks.pk and p["admitted_on"] == admitted_on for p in person["placements"])
            ]
            if len(staying) == 1:
                people, ambiguous = staying, False
        existing = None if ambiguous or lks is None else _placement_at(people, lks, admitted_on)
        if record and existing is not None and missing:
            problems[:] = [problem for problem in problems if problem not in missing]
        origin = self._person_cells_checked(values, existing, problems, warnings, state)
        child = self._placement_rules(
            values, lks, birth_date, admitted_on, categories, primary, problems, warnings, state
        )
        discharged_on, reason = values.get("discharged_on"), values.get("discharge_reason") or ""
        if discharged_on or reason:
            _discharge_problems(discharged_on, reason, admitted_on, problems, today)
        consent = _consent_begun(values)
        if consent:
            self._consent(values, problems, birth_date, today)
        if problems:
            raise RowProblems(problems + _far_name_problem(values, existing, state))
        if ambiguous:
            raise RowProblems([("full_name", _ambiguous_message(values))])
        if existing is not None:
            self._same_in_file(row, values, lks, None, state)
            try:
                return self._plan_existing(row, values, existing, categories, origin, warnings, state)
            except RowProblems as refused:
                refused.problems += _far_name_problem(values, existing, state)
                raise
        if record:
            # The row is about a stored person, and an import adds no stay to a stored person's record.
            raise RowProblems([("admitted_on", _no_such_stay_message(record, admitted_on))])
        return self._plan_new(row, values, lks, categories, primary, origin, child, consent, warnings, state)

    def _export_id_checked(
        self,
        record: int,
        values: dict[str, Any],
        lks: Lks | None,
        visible: bool,
        people: list[dict],
        problems: list[tuple[str, str]],
        missing: list[tuple[str, str]],
        state: ClientsState,
    ) -> tuple[dict, dict] | None:
        """A row with the export's ID: refused when the ID finds nobody at the row's LKS, or someone the row's name,
        birth date and NIK are not; the person and ended stay when it names someone transferred away since."""
        if lks is None:
            # A row about a stored record is refused for what stops finding it, not for the cells a new client
            # would need (which a correction file may leave out).
            reason = values.get("_lks_problem") or ""
            raise RowProblems([*[p for p in problems if p not in missing], (state.lks.column_of(reason), reason)])
        if visible and not people:
            if (moved := self._moved_away(values, lks, state)) is not None:
                return moved
            if erased := self._erased_here(values, lks, state):
                raise RowProblems([("id", erased)])
            # Someone elsewhere, outside the user's scope, or never stored: the same answer for each.
            message = _(
                "Tidak ada penerima layanan dengan ID %(id)s di LKS ini. Kosongkan ID untuk menambah penerima "
                "layanan baru."
            ) % {"id": record}
            raise RowProblems([*[p for p in problems if p not in missing], ("id", message)])
        if people and not id_confirmed(values, people[0]):
            # A new client typed over a copied export row, or the user's own running number under "ID".
            message = _(
                "ID %(id)s adalah penerima layanan “%(stored)s”, tetapi nama, tanggal lahir dan NIK di baris ini "
                "berbeda. Bila baris ini orang lain, kosongkan ID-nya; bila kolom ID di file ini nomor urut Anda "
                "sendiri, ubah judulnya (mis. “No”)."
            ) % {"id": record, "stored": people[0]["full_name"]}
            state.quoted.add(people[0]["id"])
            raise RowProblems([*[p for p in problems if p not in missing], ("id", message)])
        return None

    def _person_cells_checked(
        self,
        values: dict[str, Any],
        existing: tuple[dict, dict] | None,
        problems: list[tuple[str, str]],
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> Region | None:
        """The person's own cells: NIK and KK (_identity), the guardian's phone, and the region of origin, returned
        resolved. What the stored person the row is about (`existing`) holds, an empty cell keeps."""
        self._identity(values, problems, warnings, stored=existing[0] if existing is not None else None)
        stored_phone = existing[0]["guardian_phone"] if existing is not None else None
        if message := new_phone_problem(values.get("guardian_phone"), stored_phone):
            problems.append(("guardian_phone", message))
        origin, origin_problems = state.regions.resolve(
            code=values.get("origin_code"),
            regency=values.get("origin_regency") or "",
            district=values.get("origin_district") or "",
            village=values.get("origin_village") or "",
        )
        problems += [(ORIGIN_KEYS.get(key, key), message) for key, message in origin_problems]
        named = bool(values.get("origin_regency") or values.get("origin_district") or values.get("origin_village"))
        if recoded := state.regions.recoded_warning(origin, code=values.get("origin_code"), named=named):
            warnings.append(("origin_code", recoded))
        return origin

    def _placement_rules(
        self,
        values: dict[str, Any],
        lks: Lks | None,
        birth_date: datetime.date | None,
        admitted_on: datetime.date | None,
        categories: list[Term],
        primary: Term | None,
        problems: list[tuple[str, str]],
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> bool:
        """The LKS and placement rules: an LKS found, where the user may admit; an admission not before the birth, and
        the age warnings; what the LKS serves (no child in an elderly home). Whether the row admits a child."""
        if lks is None:
            problems.append((state.lks.column_of(values.get("_lks_problem") or ""), values.get("_lks_problem") or ""))
        elif lks.pk not in state.lks.allowed:
            problems.append(("lks", _("Anda tidak berwenang mendaftarkan penerima layanan di LKS ini.")))
        child = bool(admitted_on and birth_date) and age_on(birth_date, admitted_on) < ADULT_AGE
        if admitted_on and birth_date and admitted_on < birth_date:
            problems.append(("admitted_on", _("Tanggal masuk tidak mungkin sebelum tanggal lahir.")))
        elif admitted_on:
            warnings += [
                ("birth_date", w) for w in age_warnings(birth_date=birth_date, on=admitted_on, categories=categories)
            ]
        if implausible := implausible_birth_warning(birth_date, state.today):
            warnings.append(("birth_date", implausible))
        if lks is not None:
            # A problem with the category is shown on the column it came from.
            category_key = "ppks_category" if values.get("ppks_category") is not None else "ppks_categories"
            problems += [
                (category_key, self._first_taken_as_main(message, lks, categories, values, child, state))
                if key == "ppks_category" else (key, message)
                for key, message in lks_problems(
                    lks, ppks_code=primary.code if primary else None, child=child, served=state.served,
                    labels=state.labels,
                )
            ]  # fmt: skip
        return child

    def _plan_new(
        self,
        row: int,
        values: dict[str, Any],
        lks: Lks,
        categories: list[Term],
        primary: Term | None,
        origin: Region | None,
        child: bool,
        consent: bool,
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> RowPlan:
        """A valid row that finds no stay of its person at its LKS: a new client, flagged with whom it may be —
        unless it is a stay there ended by a transfer (unchanged), a child whose record was erased, or cannot be told
        from a namesake staying there, or the LKS is closed (refused)."""
        if staying_namesake := values.get("_namesake_staying"):
            # Nothing but the name to tell this row from a child staying here: admitting would double that child
            # (a list re-imported without its NIK, birth-date and mother columns), merging might take a namesake.
            message = _(
                "Penerima layanan bernama “%(name)s” sudah terdaftar aktif di LKS ini, dan baris ini tanpa NIK, "
                "tanggal lahir dan nama ibu, jadi tidak dapat dibedakan darinya. Isi NIK, Tanggal lahir atau Nama ibu "
                "kandung; bila tentang orang yang sama, perbaiki lewat ekspor (baris dengan kolom ID)."
            ) % {"name": staying_namesake}
            state.quoted.add(values["_namesake_staying_id"])
            raise RowProblems([("full_name", message)])
        if (moved := self._moved_away(values, lks, state)) is not None:
            return self._plan_moved(row, values, moved, warnings, state)
        if erased := self._erased_here(values, lks, state):
            raise RowProblems([("", erased)])
        if maybe_erased := self._maybe_erased_here(values, lks, state):
            warnings.append(("", maybe_erased))
        if closed := lks_closed_reason(lks.status, whom="clients"):
            # Admitting needs an active LKS, as person_admit does; its stored clients may still be corrected or
            # discharged (an LKS closing down discharges its clients).
            raise RowProblems([("lks", closed)])
        if not consent:
            warnings.append(("", _("Dasar pemrosesan data (persetujuan) belum dicatat; catat segera.")))
        full_name = values.get("full_name") or ""
        nik = values["_nik"].normalized if values.get("_nik_hash") else ""
        kk = values.get("_kk") or ""
        client = NewClient(
            row=row,
            lks=lks,
            # (full_name, sex, birth_date, birth_place, nik reason, kk reason, origin, disability, mother, father,
            #  guardian, relation, guardian phone, notes): PERSON_INSERTED without the identity numbers.
            person=(
                full_name, values.get("sex") or "", values.get("birth_date"), values.get("birth_place") or "",
                "" if nik else values.get("nik_missing_reason") or "",
                "" if kk else values.get("kk_missing_reason") or "",
                origin.code if origin is not None else None, values.get("disability_type") or "",
                values.get("mother_name") or "", values.get("father_name") or "", values.get("guardian_name") or "",
                values.get("guardian_relation") or "", values.get("guardian_phone") or "", values.get("notes") or "",
            ),
            nik=nik,
            nik_hash=values.get("_nik_hash") or "",
            kk=kk,
            kk_hash=state.hash(kk) if kk else "",
            match_key=values.get("_match_key") or "",
            categories=tuple(term.pk for term in categories),
            primary=primary,
            setting=values.get("setting") or "",
            admitted_on=values.get("admitted_on"),
            discharged_on=values.get("discharged_on"),
            reason=values.get("discharge_reason") or "",
            child=child,
            birth_estimated=bool(values.get("birth_date_estimated")),
            consent=(
                values["consent_given_by"], values["consent_giver_name"], values["consent_given_on"],
                values["consent_legal_basis"], values["consent_scope"],
            ) if consent else None,
        )  # fmt: skip
        self._possible_duplicates(row, values, lks, client, warnings, state)
        shown = f"{full_name} ({mask(client.nik)})" if client.nik else full_name
        # (a stored child's mother's name quoted in a warning: result_checked)
        quoted = {"shows": [values["_mother_differs_id"]]} if values.get("_mother_differs") else {}
        return RowPlan(row=row, action="create", obj=client, key=shown, warnings=warnings, extra=quoted)

    def _possible_duplicates(
        self,
        row: int,
        values: dict[str, Any],
        lks: Lks,
        client: NewClient,
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> None:
        """Whom the new client may be, flagged for the board: stored people (the same NIK, a close match, a namesake
        at this LKS) and earlier rows of the file; said on the row, as is a stored mother's name that differs."""
        self._duplicates(client, state)
        if values.get("_namesakes"):
            # Of the name at this LKS, agreeing on what the row gives, but no longer staying here: a readmission,
            # or a namesake; the board decides, as for a close match.
            namesakes = dict.fromkeys(values["_namesakes"], DuplicateReason.CLOSE_MATCH)
            client.db_duplicates = namesakes | (client.db_duplicates or {})
            client.seen_duplicates += len(namesakes)
        self._same_in_file(row, values, lks, client, state)
        if stored_mother := values.get("_mother_differs"):
            warnings.append(
                (
                    "mother_name",
                    _(
                        "“%(name)s” dengan tanggal lahir yang sama sudah terdaftar aktif di LKS ini, dengan nama ibu "
                        "“%(stored)s”. Bila orang yang sama, tulis nama ibunya seperti itu agar tidak tercatat dua "
                        "kali (atau perbaiki nama ibu lewat ekspor); bila orang lain, biarkan."
                    )
                    % {"name": values.get("full_name") or "", "stored": stored_mother},
                )
            )
        found = len(client.db_duplicates or ()) if state.tells_duplicates else client.seen_duplicates
        if client.file_duplicates or (found and state.names_duplicate()):
            warnings.append(("", _duplicate_warning()))

    @staticmethod
    def _correction_warnings(values, person, differences, placement, state) -> list[tuple[str, str]]:
        """What person_update warns about a correction, when the row leaves to the record what the check needs: a
        new NIK against the stored birth date and sex; a new birth date against the stored NIK and the stored
        categories (a partial file "ID, Tanggal masuk, Tanggal lahir" names neither)."""
        warnings: list[tuple[str, str]] = []
        birth = values.get("birth_date") or person["birth_date"]
        if "nik" in differences and not (values.get("birth_date") and values.get("sex")):
            # Only what the row left to the record: what it gave was checked when the batch was read.
            check = state.nik(
                values["_nik"].normalized,
                birth_date=None if values.get("birth_date") else person["birth_date"],
                sex=None if values.get("sex") else person["sex"],
            )
            warnings += [("nik", message) for message in check.warnings]
        corrected = [key for key in ("birth_date", "sex") if key in differences]
        if corrected and not values.get("_nik_hash") and person["nik_hash"]:
            # A birth date or sex corrected by a file without a NIK column is held to the stored NIK.
            stored_nik = decrypt_stored(Person.objects.values_list("nik_encrypted", flat=True).get(pk=person["id"]))
            before, after = (person["birth_date"], person["sex"]), (birth, values.get("sex") or person["sex"])
            messages = corrected_nik_warnings(state.nik, stored_nik, before=before, after=after)
            warnings += [(corrected[0], message) for message in messages]
        if "birth_date" in differences and not values.get("ppks_categories") and not values.get("ppks_category"):
            categories = [state.ppks_terms[code] for code in sorted(person["categories"]) if code in state.ppks_terms]
            warnings += [
                ("birth_date", message)
                for message in age_warnings(birth_date=birth, on=placement["admitted_on"], categories=categories)
            ]
        return warnings

    def _identity(self, values: dict[str, Any], problems: list, warnings: list, *, stored: dict | None) -> None:
        """person_admit's _apply_identity: NIK and KK checked, or a reason for each that is missing (not asked for
        when the cell that would hold it was unreadable: that cell's problem is already reported; nor when the
        stored person the row refers to has that number, or a reason for not having it: the empty cell keeps it)."""
        unreadable = values.get("_unreadable", set())
        check = values.get("_nik")
        if check is not None:
            problems += [("nik", message) for message in check.errors]
            warnings += [("nik", message) for message in check.warnings]
        elif (
            not (stored and (stored["nik_hash"] or stored["nik_missing_reason"]))
            and not values.get("nik_missing_reason")
            and not values.get("nik")
            and not unreadable & {"nik", "nik_missing_reason"}
        ):
            problems.append(("nik", _("Isi %(label)s atau pilih alasannya bila tidak ada.") % {"label": _("NIK")}))
        kk = values.get("kk") or ""
        values["_kk"] = ""
        if kk:
            kk_result = kk_check_fast(kk)
            problems += [("kk", message) for message in kk_result.errors]
            values["_kk"] = kk_result.normalized if kk_result.valid else ""
        elif (
            not (stored and (stored["kk_hash"] or stored["kk_missing_reason"]))
            and not values.get("kk_missing_reason")
            and "kk_missing_reason" not in unreadable
        ):
            problems.append(("kk", _("Isi %(label)s atau pilih alasannya bila tidak ada.") % {"label": _("nomor KK")}))

    def _consent(self, values: dict[str, Any], problems: list, birth_date, today) -> None:
        """consents._check_consent: every part given; a child's consent comes from a parent or guardian."""
        empty = []
        if not values.get("consent_given_by"):
            empty.append(("consent_given_by", choose_one(_("Persetujuan oleh"))))
        for key, label in CONSENT_REQUIRED:
            if not values.get(key):
                empty.append((key, _("%(label)s wajib diisi.") % {"label": label}))
        if not values.get("consent_legal_basis"):
            empty.append(("consent_legal_basis", choose_one(_("Dasar pemrosesan"))))
        # None of these columns is required alone (the template marks none): the row filled some of them.
        if len(empty) == 1:
            why = _("Persetujuan dicatat lengkap: isi kelima kolom persetujuan, atau kosongkan semuanya.")
            problems.append((empty[0][0], f"{empty[0][1]} {why}"))
        elif empty:
            # One message for the row, on its first empty consent column, rather than the same advice per cell.
            empty.sort(key=lambda problem: CONSENT_COLUMNS.index(problem[0]))
            problems.append(
                (
                    empty[0][0],
                    _("Persetujuan belum lengkap: isi juga %(columns)s, atau kosongkan kelima kolom persetujuan.")
                    % {"columns": ", ".join(f"“{HEADERS[key].header}”" for key, _message in empty)},
                )
            )
        given_on = values.get("consent_given_on")
        date_problems(given_on, "consent_given_on", problems, today)
        problems += _consent_age_problems(values.get("consent_given_by"), given_on, birth_date, today)

    @staticmethod
    def _moved_away(values: dict[str, Any], lks: Lks, state: ClientsState) -> tuple[dict, dict] | None:
        """The person and ended stay a row that looks new is about, when that person stayed at this LKS since the
        row's admission date and has since been transferred to another (found by the export's ID, by NIK, else by
        the name and that stay, a birth date agreeing). Such a row is the LKS's own list, not updated since:
        admitting it again would count the child twice, at both LKS."""
        if values.get("id"):
            found = state.people.get(values["id"])
            candidates = [found] if found is not None else []
        elif values.get("_nik_hash"):
            candidates = state.by_hash.get(values["_nik_hash"], [])
        else:
            # Without a NIK, by the name and the stay itself (this LKS, the same admission date): a birth date given
            # on both sides must agree; the mother's name may not (a list without the column, or the name corrected
            # at the other LKS since).
            name, birth, _mother = values["_person_key"]
            if not name:
                return None
            candidates = [
                person
                for person in state.moved_from(lks.pk).get(name, [])
                if birth is None or person["birth_date"] is None or person["birth_date"] == birth
            ]
        for person in candidates:
            if person["organisation_id"] == lks.pk:
                continue
            for placement in person["placements"]:
                admitted_on = values.get("admitted_on")
                if (
                    placement["organisation_id"] != lks.pk
                    or placement["status"] != PlacementStatus.DISCHARGED
                    or admitted_on is None
                ):
                    continue
                start, end = placement["admitted_on"], placement["discharged_on"]
                # Its admission date, or one inside the stay (the date corrected on the page since the list).
                if start == admitted_on or start < admitted_on < end:
                    return person, placement
        return None

    @staticmethod
    def _erased_here(values: dict[str, Any], lks: Lks, state: ClientsState) -> str:
        """Why a row may not register a person again: their data was erased on request (UU PDP), and the row is
        their stay at this LKS — by the export's ID, or by what the erased record keeps of it (the admission date, sex,
        birth month and main category). "" otherwise. Said at the LKS that served the child, it tells nothing new."""
        admitted_on = values.get("admitted_on")
        erased_on = None
        by_id = bool(values.get("id"))
        if by_id:
            erased_on = state.erased_at(lks.pk).get(("id", values["id"]))
        elif admitted_on is not None and (birth := values.get("birth_date")) is not None:
            # Everything the erased record keeps must agree, the birth month on both sides: a sibling or another
            # child admitted the same day differs in one of them (twins are erased together, on their parents'
            # request), and a row without a birth date is not taken for an erased child.
            primary = values.get("ppks_category") or next(iter(values.get("ppks_categories") or []), None)
            for sex, born, category, when in state.erased_at(lks.pk).get(("stay", admitted_on), []):
                if (
                    values.get("sex") == sex
                    and born is not None
                    and birth.replace(day=1) == born
                    and (primary is None or primary.code == category)
                ):
                    erased_on = when
                    break
        if erased_on is None:
            return ""
        dates = {
            "admitted": admitted_on.strftime("%d-%m-%Y") if admitted_on else "—",
            "erased": timezone.localtime(erased_on).strftime("%d-%m-%Y"),
        }
        # (on request, or once the retention period ended: the record does not say which)
        if by_id:
            message = _(
                "Data penerima layanan ini (masuk ke LKS ini %(admitted)s) telah dihapus dari Sinergi pada %(erased)s "
                "(UU PDP), jadi tidak didaftarkan lagi. Hapus baris ini dari file Anda; bila ia benar-benar masuk "
                "lagi, catat dengan Tanggal masuk yang baru."
            )
        else:
            # Matched by what the erased record keeps, the row may be another child admitted that day (a roll
            # entered with one date): refused all the same, the safe side, but told how to register that child.
            message = _(
                "Data seorang penerima layanan yang masuk ke LKS ini pada %(admitted)s, dengan jenis kelamin, bulan "
                "lahir dan kategori yang sama dengan baris ini, telah dihapus dari Sinergi pada %(erased)s (UU PDP), "
                "jadi baris ini tidak didaftarkan. Bila baris ini tentang orang itu, hapus barisnya; bila ia "
                "benar-benar masuk lagi, catat dengan Tanggal masuk yang baru. Bila tentang orang lain yang masuk "
                "pada hari yang sama, daftarkan ia satu per satu di halaman Terima klien baru."
            )
        return message % dates

    @staticmethod
    def _maybe_erased_here(values: dict[str, Any], lks: Lks, state: ClientsState) -> str:
        """A warning for a new row without a birth date that agrees with what an erased record keeps of its stay at
        this LKS (admission date, sex, main category): it may be that child, whom _erased_here cannot tell from
        another admitted the same day without the birth month. Admitted, as the row may be a sibling; "" otherwise."""
        admitted_on = values.get("admitted_on")
        if admitted_on is None or values.get("birth_date") is not None or values.get("id"):
            return ""
        primary = values.get("ppks_category") or next(iter(values.get("ppks_categories") or []), None)
        for sex, _born, category, when in state.erased_at(lks.pk).get(("stay", admitted_on), []):
            if values.get("sex") == sex and (primary is None or primary.code == category):
                return _(
                    "Data seorang penerima layanan yang masuk ke LKS ini pada %(admitted)s, dengan jenis kelamin dan "
                    "kategori yang sama, telah dihapus dari Sinergi pada %(erased)s (UU PDP). Bila baris ini tentang "
                    "orang itu, hapus barisnya; isi Tanggal lahir agar Sinergi dapat membedakannya."
                ) % {
                    "admitted": admitted_on.strftime("%d-%m-%Y"),
                    "erased": timezone.localtime(when).strftime("%d-%m-%Y"),
                }
        return ""

    @staticmethod
    def _plan_moved(
        row: int, values: dict[str, Any], moved: tuple[dict, dict], warnings: list, state: ClientsState
    ) -> RowPlan:
        """A row about a stay at this LKS that ended by a transfer: it changes nothing (the person is now the
        other LKS's to correct), said on the row; a different leaving date is refused, not kept silently."""
        person, placement = moved
        if _restricted_for(state, [person]):
            raise RowProblems([("", RESTRICTED_ROW)])
        left = placement["discharged_on"].strftime("%d-%m-%Y")
        given = values.get("discharged_on")
        if given is not None and given != placement["discharged_on"]:
            message = _(
                "Penerima layanan ini pindah dari LKS ini ke LKS lain pada %(left)s, bukan %(given)s. Tulis "
                "Tanggal keluar %(left)s, atau kosongkan."
            ) % {"left": left, "given": given.strftime("%d-%m-%Y")}
            state.quoted.add(person["id"])
            raise RowProblems([("discharged_on", message)])
        warnings.append(
            (
                "",
                _(
                    "Penerima layanan ini sudah pindah dari LKS ini ke LKS lain pada %(left)s: baris ini tidak "
                    "mengubah apa pun, juga bila isiannya berbeda (data orangnya kini diurus LKS yang melayaninya). "
                    "Catat Tanggal keluar %(left)s di file Anda."
                )
                % {"left": left},
            )
        )
        unchanged = KnownPlacement(placement["id"], person["id"], None, lks_id=placement["organisation_id"])
        return RowPlan(row=row, action="unchanged", obj=unchanged, key=person["full_name"], warnings=warnings)

    @staticmethod
    def _stored_people(values: dict[str, Any], lks: Lks, state: ClientsState) -> list[dict]:
        """The stored people at this LKS the row may refer to: by the export's ID; by NIK; without one, by name,
        birth date and mother's name (and so a row with a NIK nobody there has completes a person stored without
        one, when exactly one matches)."""
        if values.get("id"):
            person = state.people.get(values["id"])
            return [person] if person is not None and person["organisation_id"] == lks.pk else []
        if values.get("_nik_hash"):
            found = [p for p in state.by_hash.get(values["_nik_hash"], []) if p["organisation_id"] == lks.pk]
            if found or not values["_person_key"][0]:
                return found
            ids = state.keys_at.get(lks.pk, {}).get(values["_person_key"], ())
            without = [state.people[pk] for pk in ids if pk in state.people and not state.people[pk]["nik_hash"]]
            # Two such people: which one the NIK belongs to is unknown; the row admits someone new (flagged as a
            # possible duplicate), as before.
            return without if len(without) == 1 else []
        name, birth, mother = values["_person_key"]
        if not name:
            # Nothing of the name is left to compare (punctuation only): it must never make two people one.
            return []
        # A NIK stored for that person does not make them someone else: the empty cell keeps it (empty cells never
        # erase), and an export sent back without its masked columns must not admit everyone a second time.
        if birth is not None and mother:
            ids = state.keys_at.get(lks.pk, {}).get(values["_person_key"], ())
            found = [state.people[pk] for pk in ids if pk in state.people]
            if found:
                return found
        # A row without the birth date or the mother's name (a list that lacks the column), or with parts the stored
        # person lacks: the one person of that name staying at this LKS whose parts do not contradict the row's is
        # the row's person, as a full match would be; a list re-imported without a column must not admit its
        # children again. Assumption: one name at one LKS is one child unless a birth date or a mother's name says
        # otherwise. Several: refused (plan). Those who stayed here before are possible duplicates of a new client.
        named = state.names_at.get(lks.pk, {}).get(name, ())
        # Agreeing means contradicting nothing and sharing something besides the name (the birth date or the
        # mother's name): a name alone is a namesake, flagged below, never merged (a new "Muhammad Rizky" is not
        # the one stored without birth date and mother).
        agreeing = [
            state.people[pk]
            for pk, b, m in named
            if pk in state.people
            and _parts_agree((name, birth, mother), b, m)
            and ((birth is not None and b == birth) or (mother and m == mother))
        ]
        staying = [person for person in agreeing if _stays_at(person, lks, values.get("admitted_on"))]
        if staying:
            values["_partial"] = True
            return staying
        namesakes = agreeing or [
            state.people[pk] for pk, b, m in named if pk in state.people and _parts_agree((name, birth, mother), b, m)
        ]
        if birth is None and not mother:
            staying_namesakes = [p for p in namesakes if _stays_at(p, lks, values.get("admitted_on"))]
            if hidden := _restricted_for(state, staying_namesakes):
                return hidden  # the neutral answer (plan): "already active here" would say it of a restricted child
            if staying_namesakes:
                values["_namesake_staying"] = staying_namesakes[0]["full_name"]  # refused in plan
                values["_namesake_staying_id"] = staying_namesakes[0]["id"]
        if birth is not None and mother:
            # One name, one birth date, staying here, under a mother's name written otherwise: most likely the same
            # child ("Alm. Juwariah" one month, "Masnyah" for "Masniah" the next), yet the mother's name is what
            # tells twins' namesakes apart. Admitted, warned with the stored name, and flagged for the board.
            differing = [
                state.people[pk]
                for pk, b, m in named
                if pk in state.people and b == birth and m and m != mother
                and _stays_at(state.people[pk], lks, values.get("admitted_on"))
            ]  # fmt: skip
            if hidden := _restricted_for(state, differing):
                return hidden  # the neutral answer (plan), not the stored mother's name of a restricted child
            if differing:
                values["_mother_differs"] = differing[0]["mother_name"]
                values["_mother_differs_id"] = differing[0]["id"]
                namesakes = [*namesakes, *differing]
        values["_namesakes"] = [person["id"] for person in namesakes[:CLOSE_MATCH_LIMIT]]
        return []

    def _plan_existing(
        self,
        row: int,
        values: dict[str, Any],
        existing: tuple[dict, dict],
        categories: list[Term],
        origin: Region | None,
        warnings: list[tuple[str, str]],
        state: ClientsState,
    ) -> RowPlan:
        """A valid row that finds its person's stay at its LKS: unchanged when every filled cell agrees; else the
        discharge it records and the corrections (and consent) it makes to the person's record."""
        person, placement = existing
        consent = _row_consent(values)
        if consent is not None and values.get("birth_date") is None:
            # The row leaves the birth date to the record: a child's consent is checked against the stored one.
            problems = _consent_age_problems(consent[0], consent[2], person["birth_date"], state.today)
            if problems:
                # This refusal and those below quote, or follow from, the person's stored values: a trial that
                # shows them logs that it did (result_checked).
                state.quoted.add(person["id"])
                raise RowProblems(problems)
        if _categories_listed_whole(values):
            # The person's list as the file gives it: the "main category" column, which names the stay's own, does
            # not put back one deleted from the list.
            categories = list(values["ppks_categories"])
            self._stay_categories_kept(values, person, placement, state)
        warnings += _far_name_problem(values, existing)
        differences = self._differences(values, person, placement, categories, origin, state)
        kept = kept_blank(values, self._stored(values, person, placement))
        shown = person["full_name"]
        if person.get("nik_masked"):
            # Found without a NIK: the stored (masked) NIK shows whom the row is about.
            shown = f"{shown} ({person['nik_masked']})"
        active = placement["status"] == PlacementStatus.ACTIVE
        if placement["admitted_on"] != values["admitted_on"]:
            message = _other_admission_message(values, person, placement, active)
            state.quoted.add(person["id"])
            raise RowProblems([("admitted_on", message)])
        if not differences:
            unchanged = KnownPlacement(placement["id"], person["id"], None, lks_id=placement["organisation_id"])
            return RowPlan(
                row=row, action="unchanged", obj=unchanged, key=shown, kept=kept, warnings=_withdrawn(values, person)
            )
        # What the stay itself records (its category and form of service) is corrected on the client's page, where
        # the summaries move with it; a discharge date closes an active stay; the person's record may be corrected.
        discharge = self._stay_changes(values, person, placement, differences, active, state)
        self._correction_refused(values, person, differences, state)
        if "nik" in differences:
            self._corrected_nik_checked(values, person, placement, warnings, state)
        if values.get("_partial"):
            # Found without all three of name, birth date and mother's name: a namesake would be changed instead of
            # admitted. Said when something changes (a re-imported list is not all warnings).
            warnings.append(("full_name", _partial_match_warning(person["full_name"])))
        warnings += self._correction_warnings(values, person, differences, placement, state)
        person_data = self._person_corrections(values, person, differences, categories, origin, state.ppks_terms)
        if not set(CONSENT_COLUMNS) & set(differences):
            consent = None  # on record already
        if person_data or consent:
            person_data, consent = self._corrections_once(row, values, person, person_data, consent, state)
        changes = {str(HEADERS[key].header): list(pair) for key, pair in differences.items()}
        known = KnownPlacement(
            placement["id"],
            person["id"],
            _snapshot_of(placement),
            discharged_on=values["discharged_on"] if discharge else None,
            reason=values.get("discharge_reason") or "" if discharge else "",
            stage=CaseStage.TERMINATION if placement["stage"] else "",
            row=row,
            person_data=person_data or None,
            person_version=person["version"],
            consent=consent,
            lks_id=placement["organisation_id"],
        )
        return RowPlan(row=row, action="update", obj=known, key=shown, changes=changes, warnings=warnings, kept=kept)

    @staticmethod
    def _stay_categories_kept(values: dict[str, Any], person: dict, placement: dict, state: ClientsState) -> None:
        """A row whose categories are the person's whole list (_categories_listed_whole), refused when that list
        drops the main category of an active stay of theirs, which only the client's page changes."""
        main = placement["ppks_category__code"]
        if (
            placement["status"] == PlacementStatus.ACTIVE
            and main in person["categories"]
            and main not in {term.code for term in values["ppks_categories"]}
        ):
            # The list would drop the category of the stay itself (the "main" column puts it back): said, not
            # silently kept. An ended stay's category may go: the person may no longer be in it.
            state.quoted.add(person["id"])
            raise RowProblems(
                [
                    (
                        "ppks_categories",
                        _(
                            "Kategori utama penempatan ini (“%(main)s”) tidak dapat dihapus dari Kategori PPKS lewat "
                            "impor. Ubah dulu kategori utamanya di halaman penerima layanan."
                        )
                        % {"main": HEADERS["ppks_category"].display(main)},
                    )
                ]
            )
        dropped = next(
            (
                stay
                for stay in person["placements"]
                if stay["status"] == PlacementStatus.ACTIVE
                and stay["id"] != placement["id"]
                and stay["ppks_category__code"] in person["categories"]
                and stay["ppks_category__code"] not in {term.code for term in values["ppks_categories"]}
            ),
            None,
        )
        if dropped:
            # The row of an ended stay (a readmitted client has one per stay): the person's list is theirs, and the
            # active stay's category would come back at saving while the dry run showed it gone.
            state.quoted.add(person["id"])
            raise RowProblems(
                [
                    (
                        "ppks_categories",
                        _(
                            "Kategori utama penempatan aktif orang ini (masuk %(date)s: “%(main)s”) tidak dapat "
                            "dihapus dari Kategori PPKS lewat impor. Ubah dulu kategori utamanya di halaman penerima "
                            "layanan."
                        )
                        % {
                            "date": dropped["admitted_on"].strftime("%d-%m-%Y"),
                            "main": HEADERS["ppks_category"].display(dropped["ppks_category__code"]),
                        },
                    )
                ]
            )

    @staticmethod
    def _stay_changes(
        values: dict[str, Any],
        person: dict,
        placement: dict,
        differences: dict[str, tuple[str, str]],
        active: bool,
        state: ClientsState,
    ) -> set[str]:
        """The discharge columns in which the row differs from its stay: a discharge date closing an active stay.
        Any other change of the stay itself is refused, each column with what is stored and what the file says."""
        placement_keys = set(differences) & CORRECTED_ON_PAGE
        discharge = {"discharged_on", "discharge_reason"} & set(differences)
        if placement_keys or (discharge and not (active and values.get("discharged_on"))):
            # Each with what is stored and what the file says: the record may have been corrected on the page since
            # the file was written, and then it is the file to change.
            columns = "; ".join(
                _("%(column)s: tersimpan “%(stored)s”, di file “%(given)s”")
                % {"column": HEADERS[key].header, "stored": stored or "—", "given": given or "—"}
                for key, (stored, given) in differences.items()
                if key in placement_keys or key in discharge
            )
            if active:
                message = _(
                    "Penerima layanan ini sudah terdaftar aktif di LKS ini dengan isian berbeda (%(columns)s). "
                    "Bila yang tersimpan benar, samakan file Anda; bila salah, perbaiki di halaman penerima layanan "
                    "(Perbaiki data penempatan). Impor hanya menambah penerima layanan baru, memperbaiki data "
                    "orangnya, atau mencatat tanggal keluar."
                ) % {"columns": columns}
            else:
                message = _(
                    "Penempatan ini (masuk %(date)s) sudah tercatat dan selesai, dengan isian berbeda (%(columns)s). "
                    "Bila yang tersimpan benar, samakan file Anda; bila salah, perbaiki di halaman penerima layanan "
                    "(Perbaiki data penempatan)."
                ) % {"date": placement["admitted_on"].strftime("%d-%m-%Y"), "columns": columns}
            state.quoted.add(person["id"])
            raise RowProblems([(next(iter(placement_keys or discharge)), message)])
        return discharge

    @staticmethod
    def _correction_refused(
        values: dict[str, Any], person: dict, differences: dict[str, tuple[str, str]], state: ClientsState
    ) -> None:
        """A correction of a person whose processing is restricted, or that puts their birth after a stay began."""
        if person["is_restricted"]:
            # Named, so that a difference the user did not mean (letters lost to the file's encoding, a cell edited
            # by mistake) can be found: the row only has to say what is stored.
            state.quoted.add(person["id"])
            raise RowProblems(
                [
                    (
                        "",
                        _(
                            "Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah. "
                            "Baris ini berbeda dari yang tersimpan di: %(columns)s."
                        )
                        % {"columns": ", ".join(str(HEADERS[key].header) for key in differences)},
                    )
                ]
            )
        if "birth_date" in differences and any(
            stay["admitted_on"] < values["birth_date"] for stay in person["placements"]
        ):
            # Every stay of the person, here and at other LKS, as person_update checks when writing: the dry run must
            # not pass a correction that the import then refuses.
            state.quoted.add(person["id"])
            raise RowProblems([("birth_date", _("Tanggal lahir tidak mungkin sesudah tanggal masuk LKS."))])

    @staticmethod
    def _corrected_nik_checked(
        values: dict[str, Any], person: dict, placement: dict, warnings: list[tuple[str, str]], state: ClientsState
    ) -> None:
        """A NIK the row adds to or corrects in the person's record: refused when someone else is active with it at
        the LKS; warned of when someone else has it (saving flags the pair for the board)."""
        # A NIK added or corrected: never one that someone else is active with at this LKS (person_update checks
        # it again when writing).
        taken = any(
            other["id"] != person["id"]
            and any(p["organisation_id"] == placement["organisation_id"] and p["status"] == PlacementStatus.ACTIVE
                    for p in other["placements"])
            for other in state.by_hash.get(values["_nik_hash"], ())
        )  # fmt: skip
        if taken:
            raise RowProblems([("nik", _("NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini."))])
        if (
            any(
                other["id"] != person["id"]
                and (state.tells_duplicates or other["organisation_id"] in state.lks.allowed)
                for other in state.by_hash.get(values["_nik_hash"], ())
            )
            and state.names_duplicate()
        ):
            # Saving flags it for the board (person_update); the dry run says so, revealing nobody.
            warnings.append(("nik", _duplicate_warning()))

    @staticmethod
    def _corrections_once(
        row: int,
        values: dict[str, Any],
        person: dict,
        person_data: dict[str, Any],
        consent: tuple | None,
        state: ClientsState,
    ) -> tuple[dict[str, Any], tuple | None]:
        """The corrections and consent a row makes to a stored person, refused from an export older than the record
        or for a user who may not change that person; for a second row of the person, none (the first makes them)."""
        if values.get("version") and values["version"] != person["version"]:
            # An export older than a correction of this person would put the old values back.
            raise RowProblems([("version", stale_row_message(values["version"], person["version"]))])
        if person["organisation_id"] not in state.lks.allowed_for(Action.PERSON_CHANGE):
            raise RowProblems([("", _("Anda tidak berwenang mengubah data orang ini."))])
        # A person with two rows (readmitted at this LKS): the same corrections on both are made once; other
        # ones would be two updates of one record (the second refused at saving, after a clean dry run).
        first = state.corrected_by.setdefault(person["id"], (row, person_data, consent))
        if first[0] != row:
            if (first[1], first[2]) != (person_data, consent):
                raise RowProblems(
                    [
                        (
                            "",
                            _(
                                "Baris ini dan baris %(first)s mengubah data orang yang sama dengan isian "
                                "berbeda. Tulis semua perbaikan orang ini di satu baris, atau sama persis di "
                                "kedua baris."
                            )
                            % {"first": first[0]},
                        )
                    ]
                )
            return {}, None  # made once, by the first row
        return person_data, consent

    @staticmethod
    def _person_corrections(values, person, differences, categories, origin, terms) -> dict[str, Any]:
        """person_update's data for the person fields this row corrects (the natural key itself never differs)."""
        data: dict[str, Any] = {}
        for key in differences:
            if key in PERSON_TEXT_CORRECTED:
                data[key] = values[key]
        if "nik" in differences:
            data["nik"] = values["_nik"].normalized
        if "kk" in differences:
            data["kk"] = values["_kk"]
        if "kk_missing_reason" in differences:
            data["kk_missing_reason"] = values["kk_missing_reason"]
        if "nik_missing_reason" in differences:
            data["nik_missing_reason"] = values["nik_missing_reason"]
        if "origin_code" in differences:
            data["origin_region"] = origin
        if "ppks_categories" in differences:
            if _categories_listed_whole(values):
                data["ppks_categories"] = categories
            else:
                kept = [terms[code] for code in sorted(person["categories"]) if code in terms]
                data["ppks_categories"] = categories + [term for term in kept if term not in categories]
        return data

    @staticmethod
    def _first_taken_as_main(message: str, lks: Lks, categories, values, child: bool, state) -> str:
        """The refusal of a main category the LKS does not serve, saying, when the main one was not written but
        taken as the first listed and a later one is served ("Penyandang Disabilitas; Lanjut Usia Telantar" at an
        elderly home), how to make that one the main."""
        if values.get("ppks_category") or len(categories) < 2:
            return message
        for term in categories[1:]:
            served = lks_problems(lks, ppks_code=term.code, child=child, served=state.served, labels=state.labels)
            if not any(key == "ppks_category" for key, _message in served):
                advice = _(
                    "Kategori pertama dipakai sebagai kategori utama: tulis “%(served)s” lebih dulu, atau isi kolom "
                    "Kategori PPKS utama."
                ) % {"served": state.labels.get(term.code, term.code)}
                return f"{message} {advice}"
        return message

    @staticmethod
    def _stored(values, person, placement) -> dict[str, Any]:
        """What the record holds in the columns an empty cell keeps (kept_blank): the person's own fields, its
        categories and the stay's form and discharge. "Tidak ada" under Ragam disabilitas is a value, not a blank."""
        stored = {key: person[key] for key in PERSON_KEPT if not (key == "disability_type" and values.get(key) == "")}
        stored["ppks_categories"] = person["categories"]
        stored.update({key: placement[key] for key in ("setting", "discharged_on", "discharge_reason")})
        return stored

    def _differences(self, values, person, placement, categories, origin, state) -> dict[str, tuple[str, str]]:
        """Filled cells that disagree with the stored record: column key → (stored, in the file), as shown."""
        found: dict[str, tuple[str, str]] = {}

        def differ(key: str, stored: Any, given: Any) -> None:
            if given in (None, "", []) or stored == given:
                return
            column = HEADERS[key]
            found[key] = (column.display(stored), column.display(given))

        for key in PERSON_KEPT:
            differ(key, person[key], values.get(key))
        if values.get("disability_type") == "" and person["disability_type"]:
            # "Tidak ada" written in the cell (an empty cell reads as None and keeps the stored disability).
            column = HEADERS["disability_type"]
            found["disability_type"] = (column.display(person["disability_type"]), column.display(""))
        if values.get("_nik_hash") and values["_nik_hash"] != person["nik_hash"]:
            found["nik"] = (person.get("nik_masked") or "", mask(values["_nik"].normalized))
        # A reason for a missing number says nothing while the record holds the number: the empty cell keeps it.
        if not values.get("_nik_hash") and not person["nik_hash"]:
            differ("nik_missing_reason", person["nik_missing_reason"], values.get("nik_missing_reason"))
        if values.get("_kk"):
            kk_hash = state.hash(values["_kk"])
            if kk_hash != person["kk_hash"]:
                found["kk"] = ("", mask(values["_kk"]))
        elif not person["kk_hash"]:
            differ("kk_missing_reason", person["kk_missing_reason"], values.get("kk_missing_reason"))
        if origin is not None and not region_same_or_within(person["origin_region_id"], origin.code):
            found["origin_code"] = (person["origin_region_id"] or "", origin.code)
        codes = {term.code for term in categories}
        # Shown as it will be stored: the file's list, or the stored categories with the file's added.
        after = codes if _categories_listed_whole(values) else person["categories"] | codes
        if codes and after != person["categories"]:
            shown = HEADERS["ppks_categories"].display
            found["ppks_categories"] = (shown(sorted(person["categories"])), shown(sorted(after)))
        primary = values.get("ppks_category")
        if primary is not None and primary.code != placement["ppks_category__code"]:
            shown = HEADERS["ppks_category"].display
            found["ppks_category"] = (shown(placement["ppks_category__code"]), shown(primary))
        differ("setting", placement["setting"], values.get("setting"))
        differ("discharged_on", placement["discharged_on"], values.get("discharged_on"))
        differ("discharge_reason", placement["discharge_reason"], values.get("discharge_reason"))
        consent = _row_consent(values)
        # A consent is a record of its own (UU PDP: who, when, on which basis, for what): one the person has on
        # record already, even withdrawn since, is no change (a re-import must not give it again); another is
        # recorded beside the earlier ones, shown against the latest.
        if consent is not None and consent not in person["consents"]:
            latest = person["consents"][0] if person["consents"] else (None,) * len(CONSENT_COLUMNS)
            for key, stored, given in zip(CONSENT_COLUMNS, latest, consent, strict=True):
                if stored != given:
                    found[key] = (HEADERS[key].display(stored), HEADERS[key].display(given))
        return found

    @staticmethod
    def _same_in_file(
        row: int, values: dict[str, Any], lks: Lks, client: NewClient | None, state: ClientsState
    ) -> None:
        """A person written twice in one file under one name (titles aside) whose birth dates and mothers' names do
        not contradict each other, once without one of them, where one row admits (`client`): refused as duplicate
        rows, as two rows with all three alike are (the natural key); with a NIK on one row only, flagged as a
        possible duplicate, as a NIK and a close match are. Two NIKs are two people."""
        name, birth, mother = values["_person_key"]
        if not name or values.get("id"):
            return
        key = (lks.pk, name)
        if values.get("_nik_hash"):
            if client is None:
                return  # a stored person's row: a later row without NIK finds that person itself (_stored_people)
            if state.nik_clients_by_name is None:
                state.nik_clients.append(client)
            else:
                state.nik_clients_by_name.setdefault(key, []).append((row, birth, mother, True, client))
            earlier = state.rows_by_name.get(key, ())
        else:
            if state.nik_clients_by_name is None:
                state.nik_clients_by_name = {}
                for other in state.nik_clients:
                    other_key = (other.lks.pk, match_name(other.person[0]))
                    entry = (other.row, other.person[2], match_name(other.person[MOTHER_AT]), True, other)
                    state.nik_clients_by_name.setdefault(other_key, []).append(entry)
                state.nik_clients = []
            earlier = [*state.rows_by_name.get(key, ()), *state.nik_clients_by_name.get(key, ())]
        with_nik = bool(values.get("_nik_hash"))
        for first, first_birth, first_mother, first_nik, first_client in sorted(earlier, key=lambda entry: entry[0]):
            if (client is None and first_client is None) or (with_nik and first_nik):
                continue
            if not _parts_agree((name, birth, mother), first_birth, first_mother):
                continue
            if with_nik or first_nik:
                if birth is not None and mother and (birth, mother) == (first_birth, first_mother):
                    # All three alike: one child (twins differ by name), written once with the NIK and once
                    # without; admitted twice otherwise, two stays at one LKS.
                    message = _(
                        "Baris ini dan baris %(first)s tampaknya orang yang sama (nama, tanggal lahir dan nama ibu "
                        "sama; NIK hanya diisi di salah satunya). Satukan kedua baris menjadi satu, dengan NIK-nya."
                    ) % {"first": first}
                    raise RowProblems([("full_name", message)])
                if client is not None and first_client is not None:
                    flagged = client.file_duplicates or []
                    if all(other is not first_client for other, _reason in flagged):
                        client.file_duplicates = [*flagged, (first_client, DuplicateReason.CLOSE_MATCH)]
                continue
            if (birth, mother) == (first_birth, first_mother):
                continue  # the natural key's duplicate rows, reported as such
            message = _(
                "Baris ini dan baris %(first)s tampaknya orang yang sama (nama sama; tanggal lahir dan nama ibu tidak "
                "berbeda, hanya kosong di salah satunya). Satukan kedua baris, atau isi tanggal lahir dan nama ibu di "
                "keduanya."
            ) % {"first": first}
            raise RowProblems([("full_name", message)])
        if not with_nik:
            state.rows_by_name.setdefault(key, []).append((row, birth, mother, False, client))

    def _duplicates(self, client: NewClient, state: ClientsState) -> None:
        """Who this new person may be: the same NIK active at another LKS, or a close match (services' rules),
        among stored people and earlier rows of this file."""
        found: dict[int, str] = {}
        earlier_rows: list[tuple[NewClient, str]] = []
        if client.nik_hash:
            # Anyone else with this NIK, served now or before, as the form flags (services._flag_duplicates): one NIK
            # is one human, and two records of them are for the board (an upgrade review found a discharged one left).
            for person in state.by_hash.get(client.nik_hash, ()):
                found[person["id"]] = DuplicateReason.SAME_NIK_OTHER_LKS
                client.seen_duplicates += person["organisation_id"] in state.lks.allowed
            earlier = state.file_niks.get(client.nik_hash)
            if earlier is None:
                state.file_niks[client.nik_hash] = client
            else:
                others = _kept_with(earlier, client, state.file_niks, client.nik_hash)
                earlier_rows += [(o, DuplicateReason.SAME_NIK_OTHER_LKS) for o in others if o.discharged_on is None]
        if client.match_key:
            for pk in state.by_match.get(client.match_key, ())[:CLOSE_MATCH_LIMIT]:
                found.setdefault(pk, DuplicateReason.CLOSE_MATCH)
            earlier = state.file_matches.get(client.match_key)
            if earlier is None:
                state.file_matches[client.match_key] = client
            else:
                named = {id(other) for other, _reason in earlier_rows}
                others = _kept_with(earlier, client, state.file_matches, client.match_key)
                earlier_rows += [(o, DuplicateReason.CLOSE_MATCH) for o in others if id(o) not in named]
        client.db_duplicates = found or None
        client.file_duplicates = earlier_rows or None

    # ------------------------------------------------------------------ import: writing
    def before_write(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        # Every LKS and person the whole file writes at, before its first batch: taken batch by batch, a later batch
        # took an LKS of a lower id after a higher one, and a transfer between the two (id order) deadlocked with
        # the import (the forty-third review). (A file written while it is checked, on PostgreSQL, locks per batch.)
        self._lock_written(plans, _state(ctx))

    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        state = _state(ctx)
        creates: list[NewClient] = [p.obj for p in plans if p.action == "create"]
        updates: list[KnownPlacement] = [p.obj for p in plans if p.action == "update"]
        self._lock_written(plans, state)
        if creates:
            # What others admitted at these LKS since this batch was checked (the LKS are locked now).
            self._check_still_new(state, creates)
            self._insert(creates, ctx, state)
        discharges = [u for u in updates if u.discharged_on is not None]
        if discharges:
            self._discharge(discharges, ctx, state)
        corrections = [u for u in updates if u.person_data]
        if corrections:
            self._correct(corrections, ctx, state)
        consents = [u for u in updates if u.consent is not None]
        if consents:
            self._record_consents(consents, ctx, state)

    @staticmethod
    def _lock_written(plans: list[RowPlan], state: ClientsState) -> None:
        """Locks the LKS and people these plans write at that this import does not hold yet (every import and form
        takes LKS, then people, then stays, each in id order)."""
        updates: list[KnownPlacement] = [p.obj for p in plans if p.action == "update"]
        if state.locked is None:
            state.locked = set()
            sqlite_bulk_cache()
        admitting = {p.obj.lks.pk for p in plans if p.action == "create"} - state.locked
        # Every LKS written at, its stays to discharge included, before anything there is written: a move of the LKS
        # (which locks it, then its records) then waits for this import or refuses it, never deadlocks.
        lks_ids = admitting | ({u.lks_id for u in updates} - state.locked)
        if lks_ids:
            # As person_admit: admissions per LKS are serialised, so nobody registers the same NIK there until this
            # import ends.
            lks_lock(lks_ids, state.lks, admitting=admitting)
            state.locked |= lks_ids
        touched = {u.person_id for u in updates if u.discharged_on is not None or u.person_data or u.consent}
        if touched := sorted(touched - state.people_locked):
            # The people changed, in id order, before their stays: the order of a merge of duplicates, which
            # otherwise held a person whose stay this import held, each waiting for the other (the thirty-ninth
            # review).
            list(Person.objects.select_for_update().filter(pk__in=touched).order_by("pk").values_list("pk"))
            state.people_locked.update(touched)

    def _check_still_new(self, state: ClientsState, creates: list[NewClient]) -> None:
        """Someone else admitted a NIK that these new clients have, at the same LKS, since their rows were checked:
        the file's check is out of date. By NIK, not by id: ids are taken from the sequence when written, not when
        committed, so an import that committed late has ids below those of admissions committed before it."""
        self._check_still_new_without_nik(state, [c for c in creates if not c.nik_hash])
        wanted: dict[str, list[NewClient]] = {}
        for client in creates:
            if client.nik_hash:
                wanted.setdefault(client.nik_hash, []).append(client)
        hashes = list(wanted)
        # Who has these NIKs (by the NIK index: nearly always nobody but this import's own), then where they stay.
        others: dict[int, str] = {}
        for start in range(0, len(hashes), RECHECK_CHUNK):
            found = Person.objects.filter(nik_hash__in=hashes[start : start + RECHECK_CHUNK])
            others.update((pk, nik_hash) for pk, nik_hash in found.values_list("pk", "nik_hash"))
        for pk in state.created_ids.intersection(others):
            del others[pk]  # this import's own (a readmitted client's earlier row)
        people, lks_ids = list(others), {client.lks.pk for client in creates}
        clashes: list[int] = []  # every row of the batch, not only the first: the user sees how much changed
        for start in range(0, len(people), RECHECK_CHUNK):
            admitted = Placement.objects.filter(
                person_id__in=people[start : start + RECHECK_CHUNK],
                organisation_id__in=lks_ids,
                status=PlacementStatus.ACTIVE,
            ).values_list("person_id", "organisation_id")
            for person_id, organisation_id in admitted:
                clashes += [c.row for c in wanted[others[person_id]] if c.lks.pk == organisation_id]
        if clashes:
            message = (
                _(
                    "Baris %(rows)s: NIK ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau "
                    "impor lain). Tidak ada yang disimpan; ulangi impor."
                )
                if len(clashes) == 1
                else _(
                    "%(count)s baris (%(rows)s): NIK-nya didaftarkan di LKS yang sama selama impor berjalan (lewat "
                    "formulir atau impor lain). Tidak ada yang disimpan; ulangi impor."
                )
            )
            raise ConflictError(message % _rows_and_count(clashes))

    @staticmethod
    def _check_still_new_without_nik(state: ClientsState, creates: list[NewClient]) -> None:
        """The same for new clients without NIK, found as the check found them: by name, birth date and mother's
        name (a part either side leaves empty contradicts nothing) among the people at their LKS. Two imports of one
        list, checked at once, would otherwise both create everyone, and the file would never import again. The
        people at each LKS when its rows were checked (state.keys_at) are known; those added since are read once per
        LKS, as it is locked now: nobody else admits there until this import ends."""
        clashes: list[int] = []
        for client in creates:
            lks_pk = client.lks.pk
            if lks_pk not in state.added_since:
                known = {pk for pks in state.keys_at.get(lks_pk, {}).values() for pk in pks}
                active = Placement.objects.filter(organisation_id=lks_pk, status=PlacementStatus.ACTIVE)
                since = set(active.values_list("person_id", flat=True)) - known - state.created_ids
                added: dict[str, list[tuple[Any, str]]] = {}
                stored = Person.objects.current().filter(pk__in=since)
                for name, birth, mother in stored.values_list("full_name", "birth_date", "mother_name"):
                    added.setdefault(match_name(name or ""), []).append((birth, match_name(mother or "")))
                state.added_since[lks_pk] = added
            if added := state.added_since[lks_pk]:
                key = (match_name(client.person[0]), client.person[2], match_name(client.person[MOTHER_AT]))
                # A name of punctuation only never matches anyone (_keys_at)
                if key[0] and any(_parts_agree(key, *other) for other in added.get(key[0], ())):
                    clashes.append(client.row)
        if clashes:
            message = (
                _(
                    "Baris %(rows)s: penerima layanan dengan nama ini didaftarkan di LKS yang sama selama impor "
                    "berjalan (lewat formulir atau impor lain). Tidak ada yang disimpan; ulangi impor untuk melihat "
                    "apa yang kini sudah tercatat."
                )
                if len(clashes) == 1
                else _(
                    "%(count)s baris (%(rows)s): penerima layanan dengan nama itu didaftarkan di LKS yang sama selama "
                    "impor berjalan (lewat formulir atau impor lain). Tidak ada yang disimpan; ulangi impor untuk "
                    "melihat apa yang kini sudah tercatat."
                )
            )
            raise ConflictError(message % _rows_and_count(clashes))

    def _insert(self, creates: list[NewClient], ctx: ImportContext, state: ClientsState) -> None:
        niks = iter(encrypt_many([c.nik for c in creates if c.nik]))
        kks = iter(encrypt_many([c.kk for c in creates if c.kk]))
        people = []
        for c in creates:
            name, sex, birth, place, nik_reason, kk_reason, *rest = c.person
            people.append(
                (
                    c.lks.pk, c.lks.province_code, c.lks.regency_code, name, sex, birth, c.birth_estimated, place,
                    next(niks) if c.nik else "", c.nik_hash, mask(c.nik) if c.nik else "", nik_reason,
                    next(kks) if c.kk else "", c.kk_hash, mask(c.kk) if c.kk else "", kk_reason, *rest, c.match_key,
                )
            )  # fmt: skip
        ids = bulk_insert_rows(Person, PERSON_INSERTED, people)
        state.created += len(ids)
        state.created_ids.update(ids)
        del people
        for client, pk in zip(creates, ids, strict=True):
            client.pk = pk
        bulk_insert_rows(
            Person.ppks_categories.through,
            ["person_id", "term_id"],
            [(c.pk, term_pk) for c in creates for term_pk in c.categories],
            with_ids=False,
        )
        placements = []
        # Summary contributions counted per distinct (area, category, setting, months, status), then added once.
        contributions: Counter[tuple] = Counter()
        for c in creates:
            admitted_on, discharged_on = c.admitted_on, c.discharged_on
            active = discharged_on is None
            status = PlacementStatus.ACTIVE if active else PlacementStatus.DISCHARGED
            stage = (CaseStage.REFERRAL if active else CaseStage.TERMINATION) if c.child else ""
            placements.append(
                (
                    c.pk, c.lks.pk, c.lks.province_code, c.lks.regency_code, c.primary.pk, c.setting, admitted_on,
                    stage, add_months(admitted_on, REVIEW_INTERVAL_MONTHS) if c.child and active else None, status,
                    discharged_on, c.reason,
                )
            )  # fmt: skip
            contributions[
                (
                    c.lks.province_code, c.lks.regency_code, c.primary.code, c.setting, admitted_on.replace(day=1),
                    status, discharged_on.replace(day=1) if discharged_on else None,
                )
            ] += 1  # fmt: skip
        for (province, regency, ppks, setting, admitted, status, discharged), count in contributions.items():
            state.delta.add_placement(
                {
                    "province_code": province,
                    "regency_code": regency,
                    "ppks_code": ppks,
                    "setting": setting,
                    "admitted_on": admitted,
                    "status": status,
                    "discharged_on": discharged,
                },
                count,
            )
        bulk_insert_rows(Placement, PLACEMENT_INSERTED, placements, with_ids=False)
        actor = ctx.actor
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        consents = [(c.pk, *c.consent, actor_id) for c in creates if c.consent is not None]
        bulk_insert_rows(Consent, CONSENT_INSERTED, consents, with_ids=False)
        access_lines_write(PersonAccess, "person_id", ctx, [c.pk for c in creates], "created")
        candidates = []
        for c in creates:
            if c.db_duplicates is None and c.file_duplicates is None:
                continue
            others = dict(c.db_duplicates or {})
            for earlier, reason in c.file_duplicates or ():
                others.setdefault(earlier.pk, reason)
            candidates += [
                (c.pk, other, reason, c.lks.province_code, c.lks.regency_code)
                for other, reason in sorted(others.items())
            ]
        bulk_insert_rows(
            DuplicateCandidate,
            ["person_id", "other_id", "reason", "province_code", "regency_code"],
            candidates,
            with_ids=False,
        )
        state.counts["duplicate_candidates"] += len(candidates)

    def _discharge(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        ids = [u.pk for u in updates]
        snapshots = {u.pk: u.snapshot for u in updates}
        # Still active, and still counted as the check counted it: its LKS may have moved meanwhile (its stays with
        # it), or its form, category or admission been corrected on its page; the summaries would then lose the stay
        # from a count it is no longer in (the thirty-ninth review).
        counted = ("province_code", "regency_code", "ppks_code", "setting", "admitted_on")
        still_active = {
            row[0]
            for row in Placement.objects.select_for_update(of=("self",))  # (not the category's term it joins)
            .filter(pk__in=ids, status=PlacementStatus.ACTIVE)
            .values_list("pk", "province_code", "regency_code", "ppks_category__code", "setting", "admitted_on")
            if row[1:] == tuple(snapshots[row[0]][key] for key in counted)
        }
        if len(still_active) != len(ids):
            raise ConflictError(
                _("Sebagian penempatan di file ini diubah orang lain selama impor berjalan. Tidak ada yang disimpan; "
                  "ulangi impor.")
            )  # fmt: skip
        now = timezone.now()
        objects = [
            Placement(
                pk=u.pk,
                status=PlacementStatus.DISCHARGED,
                discharged_on=u.discharged_on,
                discharge_reason=u.reason,
                next_review_on=None,
                stage=u.stage,
                updated_at=now,
            )
            for u in updates
        ]
        Placement.objects.bulk_update(
            objects,
            ["status", "discharged_on", "discharge_reason", "next_review_on", "stage", "updated_at"],
            batch_size=500,
        )
        for u in updates:
            state.delta.add_placement(u.snapshot, -1)
            state.delta.add_placement(
                {**u.snapshot, "status": PlacementStatus.DISCHARGED, "discharged_on": u.discharged_on}, +1
            )
        person_access_record_many(
            actor=ctx.actor,
            persons=[Person(pk=u.person_id) for u in updates],
            what="changed",
            purpose=AccessPurpose.SERVICE,
        )
        # Each stay's own history says it ended, and by which import, as a discharge on its page does (the
        # fifty-fourth review found only the import's count); one insert for all.
        audit_record_many(
            actor=ctx.actor,
            action="people.placement.discharged",
            model=Placement,
            changes_by_pk={
                u.pk: {
                    "status": [PlacementStatus.ACTIVE, PlacementStatus.DISCHARGED],
                    "discharged_on": [None, u.discharged_on],
                    "discharge_reason": ["", u.reason],
                }
                for u in updates
            },
            data=ctx.cache.get("audit_via") or {},
            purpose=AccessPurpose.SERVICE,
        )
        state.counts["discharged"] += len(updates)

    def _correct(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        """Corrections of people's records, one person_update each: the page's rules, audit event and access log.
        A refusal here (someone changed the record meanwhile) undoes the whole import."""
        from ...services.persons import person_update

        people = Person.objects.in_bulk([u.person_id for u in updates])
        for update in updates:
            try:
                person_update(
                    actor=ctx.actor,
                    person=people[update.person_id],
                    data=update.person_data,
                    expected_version=update.person_version,
                    via=ctx.cache.get("audit_via"),
                )
            except ConflictError as error:
                # (the form's words would tell the user to reload a page)
                raise ConflictError(
                    _("Baris %(row)s: data orang ini diubah selama impor berjalan (lewat formulir atau impor lain). "
                      "Tidak ada yang disimpan; ulangi impor untuk melihat perubahan terbarunya.") % {"row": update.row}
                ) from error  # fmt: skip
            except PermissionDenied as error:
                raise ConflictError(
                    _("Baris %(row)s: Anda tidak lagi berwenang mengubah data orang ini: ia dipindahkan ke LKS lain, "
                      "atau hak Anda berubah, selama impor berjalan. Tidak ada yang disimpan; ulangi impor.")
                    % {"row": update.row}
                ) from error  # fmt: skip
            except ValidationError as error:
                reason = " ".join(getattr(error, "messages", None) or [str(error)])
                raise ConflictError(
                    _("Baris %(row)s: %(reason)s Tidak ada yang disimpan; ulangi impor.")
                    % {"row": update.row, "reason": reason}
                ) from error
        state.counts["corrected"] += len(updates)

    def _record_consents(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        """Consents for stored people, as consent_record records them (who recorded it, an access-log line), in
        bulk: the import's own audit event counts them, as it counts the consents of the people it admits."""
        ids = [u.person_id for u in updates]
        # As consent_record: no processing of a record restricted at the person's request (checked again here, under
        # lock, since it may have been restricted while the file was checked).
        # Nor of one erased (at their request) or merged into another record meanwhile: the consent giver's name
        # would be written on a record the administrator was told is erased (the thirty-ninth review).
        held = list(
            Person.objects.select_for_update()
            .filter(pk__in=ids)
            .values_list("pk", "is_restricted", "erased_at", "merged_into_id")
        )
        if any(restricted for _pk, restricted, _erased, _merged in held):
            raise ConflictError(
                _("Pemrosesan data sebagian orang di file ini dibatasi selama impor berjalan. Tidak ada yang disimpan; "
                  "ulangi impor.")
            )  # fmt: skip
        if gone := {pk for pk, _restricted, erased, merged in held if erased or merged}:
            row = next(u.row for u in updates if u.person_id in gone)
            raise ConflictError(
                _("Baris %(row)s: data orang ini dihapus atau digabungkan dengan data lain selama impor berjalan. "
                  "Tidak ada yang disimpan; ulangi impor.") % {"row": row}
            )  # fmt: skip
        actor = ctx.actor
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        bulk_insert_rows(Consent, CONSENT_INSERTED, [(u.person_id, *u.consent, actor_id) for u in updates],
                         with_ids=False)  # fmt: skip
        person_access_record_many(
            actor=actor, persons=[Person(pk=pk) for pk in ids], what="changed", purpose=AccessPurpose.SERVICE
        )
        state.counts["consents"] += len(updates)

    def result_checked(
        self, plans: list[RowPlan], ctx: ImportContext, *, refused: bool, quoting: Sequence[RowPlan] = ()
    ) -> None:
        # Besides common.result_shown's: a warning's transfer date, withdrawn consent or stored name, a stored
        # mother's name a new row's warning quotes. A possible duplicate names nobody (_duplicate_warning).
        quoted = _state(ctx).quoted if "clients" in ctx.cache else set()
        shown = result_shown(
            plans, refused=refused, quoting=quoting, quoted=quoted, record_id=lambda plan: plan.obj.person_id
        )
        access_lines_write(PersonAccess, "person_id", ctx, sorted(shown), result_shown_what(ctx))

    def after_import(self, ctx: ImportContext) -> None:
        if "clients" in ctx.cache:
            # One aggregated upsert per summary table for the whole file.
            state = _state(ctx)
            state.delta.write()
            if state.created >= ANALYZE_AFTER:
                refresh_statistics(Person, Placement, Person.ppks_categories.through, Consent, PersonAccess)
            if state.created_ids:
                # People admitted elsewhere by someone else while this import ran were not seen by its check: looked
                # for again once it has committed, if anyone did (robust: the import stands either way).
                transaction.on_commit(
                    lambda: admissions_committed(
                        actor=ctx.actor, person_ids=state.created_ids, clock_before=state.clock_before
                    ),
                    robust=True,
                )

    def audit_data(self, ctx: ImportContext) -> dict[str, Any]:
        return dict(_state(ctx).counts) if "clients" in ctx.cache else {}

    # ------------------------------------------------------------------ export
    def export_columns(self) -> list[Column]:
        return EXPORT_COLUMNS

    def export_filterset(self, *, actor: "User | SystemActor", filters):
        from ...selectors import person_list

        return person_list(actor=actor, filters=filters or {}, action=Action.PERSON_EXPORT)

    def export_queryset(self, *, actor: "User | SystemActor", filters: dict | None = None, purpose: str = ""):
        purpose = export_purpose(purpose)
        filterset = self.export_filterset(actor=actor, filters=filters)
        if not filterset.is_valid():
            raise ValidationError(filter_problems(filterset))
        if problem := scope_filter_problem(
            actor=actor, action=Action.PERSON_EXPORT, filters=filters or {}, levels=(2, 5)
        ):
            raise ValidationError(problem)
        is_user = getattr(actor, "is_authenticated", False)
        # export_rows receives only the rows; the acting user rides along so the access log can name them.
        return (
            # Only the stay at the person's current LKS (earlier ones, before a transfer, are history) — compared
            # in export_rows: as a join condition it let SQLite's planner, without statistics, walk every
            # placement of the LKS for every person (minutes for 100,000 rows instead of half a second).
            Placement.objects.filter(person__in=filterset.qs.values("pk"))
            .order_by("person__full_name", "person_id", "admitted_on", "pk")
            .annotate(
                _actor_id=Value(actor.pk if is_user else None, output_field=IntegerField()),
                _actor_name=Value(actor_label(actor), output_field=CharField()),
                _purpose=Value(purpose, output_field=CharField()),
            )
            .values_list(
                *EXPORT_FIELDS, "organisation_id", "person__organisation_id", "_actor_id", "_actor_name", "_purpose"
            )
        )

    def export_count(self, queryset) -> int:
        # export_rows writes the stays at each person's current LKS only (earlier ones elsewhere are history).
        return queryset.filter(organisation_id=F("person__organisation_id")).count()

    def export_csv_chunks(self, *, queryset, actor: "User | SystemActor", purpose: str = "", delimiter: str = ","):
        """The rows formatted (labels, masked numbers, escapes, dates) and made into CSV by the database: PostgreSQL
        writes it with COPY ... TO STDOUT, SQLite builds each line in the query. Everyone exported gets an access-log
        line first, in one INSERT ... SELECT. The same cells as export_rows (a test compares the two)."""
        if connection.vendor not in ("postgresql", "sqlite"):
            return None
        if delimiter not in CSV_DELIMITERS.values():
            raise ValueError(f"Unknown CSV delimiter {delimiter!r}")  # it is written into the statement
        return self._database_csv(queryset, actor, export_purpose(purpose), delimiter)

    def _database_csv(self, queryset, actor: "User | SystemActor", purpose: str, delimiter: str):
        current = queryset.filter(organisation_id=F("person__organisation_id"))
        is_user = getattr(actor, "is_authenticated", False)
        people_sql, people_params = current.order_by().values_list("person_id").distinct().query.sql_with_params()
        access = connection.ops.quote_name(PersonAccess._meta.db_table)
        # The access log is written beside the export's own query (both take about as long), and is committed
        # before the first byte of the file goes out. In person order: the log's (person, time) index then reads
        # each page once.
        logged = execute_beside(
            f"INSERT INTO {access} (person_id, actor_id, actor_name, occurred_at, what, purpose) "
            f"SELECT s.person_id, %s, %s, %s, %s, %s FROM ({people_sql}) s ORDER BY s.person_id",
            [actor.pk if is_user else None, actor_label(actor), timezone.now(), "exported",
             purpose, *people_params],
        )  # fmt: skip
        vendor = connection.vendor
        ppks = term_labels(Vocabulary.PPKS, fresh=True)
        cells, plain = _csv_expressions(vendor, delimiter, ppks)
        # The PPKS labels of a person, in the vocabulary's order (as export_rows writes them); the whole cell is escaped
        # as a formula only when some label could start one.
        label_of = f"CASE t.code {'WHEN %s THEN %s ' * len(ppks)}ELSE t.code END" if ppks else "t.code"
        label_params = [item for pair in ppks.items() for item in pair]

        def formula_escaped(expression: str) -> str:
            if not any(label.startswith(ESCAPED_STARTS) for label in ppks.values()):
                return expression
            char = "chr" if vendor == "postgresql" else "char"
            triggers = ", ".join(
                "'" + c.replace("'", "''") + "'" if c.isprintable() else f"{char}({ord(c)})" for c in ESCAPED_STARTS
            )
            return (
                f"CASE WHEN substr({expression}, 1, 1) IN ({triggers}) THEN '''' || {expression} ELSE {expression} END"
            )

        names = [f"c{index:02d}" for index in range(len(cells))]
        rows = current.order_by().annotate(
            **dict(zip(names, cells, strict=True)),
            s1=F("person__full_name"), s2=F("person_id"), s3=F("admitted_on"), s4=F("pk"),
        )  # fmt: skip
        sql, params = rows.values_list(*names, "s1", "s2", "s3", "s4").query.sql_with_params()
        through = connection.ops.quote_name(Person.ppks_categories.through._meta.db_table)
        terms = connection.ops.quote_name(Term._meta.db_table)
        regions = connection.ops.quote_name(Region._meta.db_table)
        if vendor == "postgresql":
            # The PPKS labels of the exported people, aggregated once and joined (a subquery per row costs a second).
            outer = {
                CATEGORIES_CELL: formula_escaped("NULLIF(k.labels, '')"),
                REGENCY_CELL: f"COALESCE(g.name, q.{REGENCY_CELL})",
            }
            selected = ", ".join(outer.get(name, f"q.{name}") for name in names)
            statement = (
                f"COPY (WITH q AS ({sql}), k AS (SELECT c.person_id, "
                f"string_agg({label_of}, '; ' ORDER BY t.sort_order, t.code) AS labels "
                # (a person once per stay in q: their labels are gathered over the people, not the stays)
                f"FROM (SELECT DISTINCT s2 FROM q) p JOIN {through} c ON c.person_id = p.s2 "
                f"JOIN {terms} t ON t.id = c.term_id "
                f"GROUP BY c.person_id) SELECT {selected} FROM q LEFT JOIN k ON k.person_id = q.s2 "
                f"LEFT JOIN {regions} g ON g.code = q.{REGENCY_CELL} "
                f"ORDER BY q.s1, q.s2, q.s3, q.s4) TO STDOUT WITH (FORMAT csv, DELIMITER '{delimiter}')"
            )
            params = [*params, *label_params]
            with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
                rows: list[bytes] = []
                inside = False  # within a quoted cell, across the rows COPY hands over
                other = OTHER_SEPARATOR[delimiter].encode()
                for data in copy:
                    record = bytes(data)
                    # COPY quotes for its delimiter only: the (few) rows with the other separator, a tab or a line
                    # break in a cell (before the record's own) are written again, as csv_text writes them.
                    # (tested one by one, without a generator or a copy of the record: 100,000 records)
                    requote = (
                        other in record
                        or b"\t" in record
                        or b"\r" in record
                        or record.find(b"\n", 0, len(record) - 1) != -1
                    )
                    rows.append(_record_requoted(record, delimiter) if requote else record)
                    if len(rows) == COPY_ROWS_PER_CHUNK:
                        logged()
                        chunk, inside = _crlf_records(b"".join(rows), inside)
                        rows = []
                        yield chunk
                logged()  # also when nothing was exported: wait for (and check) the log
                if rows:
                    yield _crlf_records(b"".join(rows), inside)[0]
            return
        # SQLite: one text per row, each cell quoted as Python's csv module quotes it. The cells are computed once
        # (MATERIALIZED: the quoting reads each several times); the labels by a subquery per row on the
        # (person, term) index, in the vocabulary's order.
        labels = (
            f"(SELECT group_concat(label, '; ') FROM (SELECT {label_of} AS label FROM {through} c "
            f"JOIN {terms} t ON t.id = c.term_id WHERE c.person_id = q.s2 ORDER BY t.sort_order, t.code))"
        )
        params = [*params, *label_params]
        inner = {
            CATEGORIES_CELL: f"{labels} AS {CATEGORIES_CELL}",
            REGENCY_CELL: f"coalesce(g.name, q.{REGENCY_CELL}) AS {REGENCY_CELL}",
        }
        cells_sql = ", ".join(inner.get(name, f"q.{name}") for name in names)
        line = f" || '{delimiter}' || ".join(
            f"coalesce(r.{name}, '')"
            if index in plain
            else _sqlite_csv_cell(formula_escaped(f"r.{name}") if name == CATEGORIES_CELL else f"r.{name}", delimiter)
            for index, name in enumerate(names)
        )
        statement = (
            f"WITH q AS ({sql}), r AS MATERIALIZED (SELECT {cells_sql}, q.s1, q.s2, q.s3, q.s4 FROM q "
            f"LEFT JOIN {regions} g ON g.code = q.{REGENCY_CELL}) "
            f"SELECT {line} FROM r ORDER BY r.s1, r.s2, r.s3, r.s4"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            logged()
            while lines := cursor.fetchmany(2000):
                # The (few) lines with a tab or a line break in a cell are written again by csv_text, which escapes
                # a formula trigger after one (sixtieth review): done in SQL, its 28 nested replace() overflowed
                # SQLite's parser stack.
                # A block of lines is searched at once (nearly all have none), then line by line only when needed.
                texts = [text for (text,) in lines]
                joined = "".join(texts)
                if "\t" in joined or "\n" in joined or "\r" in joined:
                    texts = [_line_requoted(text, delimiter) if _CELL_BREAK.search(text) else text for text in texts]
                yield ("\r\n".join(texts) + "\r\n").encode("utf-8")

    def export_rows(self, objects):
        sexes, settings_, reasons, statuses = (
            {code: str(label) for code, label in choices.choices}
            for choices in (Sex, ServiceSetting, DischargeReason, PlacementStatus)
        )
        disabilities = {code: str(label) for code, label in DisabilityType.choices if code}
        stages = {code: str(label) for code, label in CaseStage.choices}
        missing = {code: str(label) for code, label in MissingIdReason.choices}
        regencies = regency_names()
        ppks = term_labels(Vocabulary.PPKS, fresh=True)
        yes = _("Ya")
        for chunk in chunks(objects, EXPORT_CHUNK):
            chunk = [row for row in chunk if row[-5] == row[-4]]
            if not chunk:
                continue
            categories: dict[int, list[str]] = {row[0]: [] for row in chunk}
            for person_id, code in category_codes(list(categories)):
                categories[person_id].append(code)
            actor_id, actor_name, purpose = chunk[0][-3:]
            # Every exported person gets an access-log line (UU PDP), written in bulk as the file streams out.
            logged = [(pk, actor_id, actor_name, "exported", purpose) for pk in categories]
            write_beside_open_read(  # the rows are still being read (an iterator)
                lambda logged=logged: bulk_insert_rows(
                    PersonAccess, ["person_id", "actor_id", "actor_name", "what", "purpose"], logged, with_ids=False
                )
            )
            for row in chunk:
                (pk, name, sex, birth, estimated, place, nik, reason, kk, kk_reason, origin, disability, mother, father,
                 guardian, relation, phone, lks_number, lks_name, regency, primary, setting, admitted, status,
                 stage, discharged, discharge_reason, version, restricted, _lks, _person_lks, _actor, _name,
                 _purpose) = row  # fmt: skip
                # Empty cells as None: a spreadsheet writer skips them instead of writing empty strings.
                yield [
                    pk, name, sexes.get(sex, sex), birth, yes if estimated else None, place or None, nik or None,
                    missing.get(reason),
                    kk or None, missing.get(kk_reason), origin, labels_joined(categories[pk], ppks),
                    ppks.get(primary, primary),
                    disabilities.get(disability), mother or None, father or None, guardian or None,
                    relation or None, phone or None, lks_number or lks_name, regencies.get(regency, regency),
                    settings_.get(setting, setting), admitted, statuses.get(status, status), stages.get(stage),
                    discharged, reasons.get(discharge_reason), version, yes if restricted else None,
                ]  # fmt: skip


PERSON_INSERTED = [
    "organisation_id", "province_code", "regency_code", "full_name", "sex", "birth_date", "birth_date_estimated",
    "birth_place", "nik_encrypted", "nik_hash", "nik_masked", "nik_missing_reason", "kk_encrypted", "kk_hash",
    "kk_masked", "kk_missing_reason", "origin_region_id", "disability_type", "mother_name", "father_name",
    "guardian_name", "guardian_relation", "guardian_phone", "notes", "match_key",
]  # fmt: skip
PLACEMENT_INSERTED = [
    "person_id", "organisation_id", "province_code", "regency_code", "ppks_category_id", "setting", "admitted_on",
    "stage", "next_review_on", "status", "discharged_on", "discharge_reason",
]  # fmt: skip
CONSENT_INSERTED = ["person_id", *CONSENT_FIELDS, "recorded_by_id"]


def _kept_with(earlier: Any, client: Any, index: dict, key: str) -> list:
    """The earlier rows of the file under `key` (one, or a list of at most CLOSE_MATCH_LIMIT: as the services flag no
    more), with `client` added to them while there is room. A list copied whole for every row, and each row keeping
    all the rows before it, was quadratic: 20,000 rows of one new NIK took 15 GB of the worker (a review)."""
    others = earlier if isinstance(earlier, list) else [earlier]
    before = others[:]
    if len(others) < CLOSE_MATCH_LIMIT:
        others.append(client)
        index[key] = others
    return before
