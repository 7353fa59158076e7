"""Which registered LKS a row of the LKS sheet is about: the rows' natural keys within the file, the batch's LKS
fetched at once (by ID, by number, by name within the kabupaten/kota) with what the actor may do to each, and the
row's LKS found by its numbers, its name or its ID. A mixin of LksEntity, apart from the plan that uses its answer.
"""

from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import Action, restrict
from sinergi.exchange import values as v
from sinergi.exchange.columns import ImportContext, RowProblems
from sinergi.exchange.regions import RegionResolver

from .. import selectors
from ..choices import LKS_KINDS
from ..models import Organisation
from ..numbers import number_key
from ._common import _key_number, _place_key, _Registered, _shown, name_key


class _LksRowMatching:
    """Finds the registered LKS a row is about (by ID, by number, or by name within its kabupaten/kota)."""

    def natural_keys(self, values: dict[str, Any]) -> list[tuple[tuple, Any]]:
        # The shown text is built only when a duplicate is found (translation per row is measurably slow).
        keys: list[tuple[tuple, Any]] = []
        if record := values.get("id"):
            keys.append((("id", record), lambda: _("ID %(id)s") % {"id": record}))
        for kind, field, label in (
            ("registration", "registration_number", _lazy("nomor tanda daftar")),
            ("permit", "permit_number", _lazy("nomor izin operasional")),
        ):
            if number := _key_number(values, field):
                # Within the row's kabupaten/kota when it is known: the same number of two offices is two LKS.
                key = (kind, number_key(number), values.get("_regency") or "")
                keys.append((key, lambda label=label, number=number: f"{label} {number}"))
        # A name that leaves nothing to compare (name_key keeps Latin letters and digits only) matches nothing.
        # A row with an ID may correct the name: its name is no key.
        # Compared by kabupaten/kota, as resolved by prepare_batch: the same new LKS written twice, once with its
        # kecamatan and once without (or "Kec. Banjarmasin Utara" for "Banjarmasin Utara"), is one LKS, not two
        # drafts. A row whose region cannot be resolved (refused for it anyway) by its cells as written.
        if not keys and (named := name_key(values.get("name") or "")):
            place = _place_key(values)
            name = values["name"]
            keys.append(
                (
                    ("name", named, place),
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
        named = name_key(values.get("name") or "")
        if values.get("id") or not named:
            return
        numbered = bool(_key_number(values, "registration_number") or _key_number(values, "permit_number"))
        seen: dict[tuple, dict[bool, int]] = ctx.cache.setdefault("names_in_file", {})
        first = seen.setdefault((named, place), {})
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
        if any(_key_number(r, "registration_number") or _key_number(r, "permit_number") for r in rows):
            # Numbers are compared by number_key, which the database cannot compute: the keys of every stored
            # number come from _Registered, then one query fetches the LKS the batch names (by either number).
            registered: _Registered = ctx.cached("registered", _Registered)
            pks: set[int] = set()
            for row in rows:
                for kind, field in (("registration", "registration_number"), ("permit", "permit_number")):
                    if number := _key_number(row, field):
                        pks |= registered.numbers[kind].get(number_key(number), set())
            pks -= {o.pk for o in found}
            if pks:
                found += base.filter(pk__in=pks)
        # Rows without either number are matched by name within their region: fetch the LKS of those regions.
        named = [
            r
            for r in rows
            if r.get("name") and not _key_number(r, "registration_number") and not _key_number(r, "permit_number")
        ]
        region_codes = {row["_region"] for row in named if row.get("_region")}
        if region_codes:
            wanted = {name_key(r["name"]) for r in named}
            found += [o for o in base.filter(region_id__in=region_codes) if name_key(o.name) in wanted]
        index = ctx.cache["existing"] = {"registration": {}, "permit": {}, "name": {}}  # of this batch's LKS too
        for organisation in found:
            objects[organisation.pk] = organisation
            if organisation.registration_number:
                key = number_key(organisation.registration_number)
                index["registration"].setdefault(key, set()).add(organisation.pk)
            if organisation.permit_number:
                index["permit"].setdefault(number_key(organisation.permit_number), set()).add(organisation.pk)
            index["name"].setdefault((name_key(organisation.name), organisation.region_id or ""), set()).add(
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
            if number := _key_number(values, field):
                pks = index[kind].get(number_key(number), set())
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
        if _key_number(values, "registration_number") or _key_number(values, "permit_number"):
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
                stored, given = getattr(organisation, field), _key_number(values, field)
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
        named = name_key(values.get("name") or "")
        pks = index["name"].get((named, region_code), set()) if named else set()
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
            if not (number := _key_number(values, field)):
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
