"""ClientsEntity, the clients (with their placement) spreadsheet entity: its class attributes (columns, labels,
instructions, the natural key's help), permissions, the notices on a whole file, and the lookups per batch
(prepare_batch, natural_keys). The rest of its methods are mixins by concern, each in its own module: the plan of one
row (`plan`: ClientRowPlan), a new client (`plan_new`), the stored people a row is about (`plan_stored`), a stored
stay and its corrections (`plan_existing`), the write (`write`) and the export's driving methods (`export`)."""

from collections import Counter
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    Entity,
    ImportContext,
    RowPlan,
)
from sinergi.exchange.dbwrite import existing_values
from sinergi.organisations.choices import OrganisationStatus

from ...choices import (
    AccessPurpose,
    PlacementStatus,
)
from ...models import Person, Placement
from ...services.rules import normalize_name
from ..common import (
    MarkedNameRefusal,
    implied_lks_notice,
    lks_of_ids,
    mask,
    match_name,
)
from .checks import _parts_agree
from .columns import (
    COLUMNS,
    EXPORT_ONLY,
    READ_ONLY,
)
from .export import ClientExport
from .messages import (
    MISSING_CLIENTS_LKS_LIMIT,
    _missing_notice,
)
from .plan import ClientRowPlan
from .plan_existing import ClientPlanExisting
from .plan_new import ClientPlanNew
from .plan_stored import ClientPlanStored
from .state import _state
from .stored import _keys_at, _load_people, _merged_ids_followed
from .write import ClientWrite

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


class ClientsEntity(
    MarkedNameRefusal,
    ClientRowPlan,
    ClientPlanNew,
    ClientPlanStored,
    ClientPlanExisting,
    ClientWrite,
    ClientExport,
    Entity,
):
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
