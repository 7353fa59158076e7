"""Capacity-aware search: LKS with free places that serve a client's PPKS category, age and sex, nearest first.

Free places are the LKS's capacity minus its active placements, counted from people.Placement (never typed twice).
The search reads only what the public directory already shows (active LKS) plus a count, so it is not scoped.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.people.choices import PlacementStatus
from sinergi.people.models import Placement
from sinergi.people.services import ADULT_AGE, KIND_SERVES_ALL
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term, Vocabulary

EARTH_RADIUS_KM = 6371.0
# A PPKS category is a child's category when its code says so (anak_*): LKS kinds serving one of these serve children.
CHILD_CATEGORY_PREFIX = "anak"
PROXIMITY_LABELS = {
    0: _("kecamatan yang sama"),
    1: _("kabupaten/kota yang sama"),
    2: _("provinsi yang sama"),
    3: _("provinsi lain"),
}


@dataclass(frozen=True)
class Origin:
    """The point a search measures from: region codes and, when known, coordinates."""

    province_code: str = ""
    regency_code: str = ""
    district_code: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class CapacityRow:
    """One LKS that could take the client in."""

    organisation: Organisation
    capacity: int
    active: int
    free: int
    proximity: int
    distance_km: float | None

    @property
    def proximity_label(self) -> str:
        return str(PROXIMITY_LABELS[self.proximity])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _float(value: Decimal | float | None) -> float | None:
    return float(value) if value is not None else None


def origin_of_region(code: str) -> Origin:
    """Codes of a region and the coordinates of it or its nearest located ancestor (a desa often has none)."""
    if not code:
        return Origin()
    latitude = longitude = None
    for region in Region.objects.filter(code__in=[code[:n] for n in (2, 5, 8, 13) if len(code) >= n]).order_by(
        "-level"
    ):
        if region.latitude is not None and region.longitude is not None:
            latitude, longitude = float(region.latitude), float(region.longitude)
            break
    return Origin(
        province_code=code[:2],
        regency_code=code[:5] if len(code) >= 5 else "",
        district_code=code[:8] if len(code) >= 8 else "",
        latitude=latitude,
        longitude=longitude,
    )


def origin_of(organisation: Organisation | None, *, fallback_region_code: str = "") -> Origin:
    """Where a search starts: the sender's codes and coordinates; coordinates (or everything) from the person's
    origin region when the sender has none."""
    fallback = origin_of_region(fallback_region_code) if fallback_region_code else Origin()
    if organisation is None:
        return fallback
    latitude, longitude = _float(organisation.latitude), _float(organisation.longitude)
    if latitude is None or longitude is None:
        latitude, longitude = fallback.latitude, fallback.longitude
    return Origin(
        province_code=organisation.province_code,
        regency_code=organisation.regency_code,
        district_code=organisation.district_code,
        latitude=latitude,
        longitude=longitude,
    )


def kind_rules() -> tuple[set[str], dict[str, set[str]]]:
    """(kinds that serve children, categories served by each kind) from the LKS-kind vocabulary."""
    child_kinds: set[str] = set()
    served: dict[str, set[str]] = {}
    for term in Term.objects.filter(vocabulary=Vocabulary.LKS_KIND, is_active=True):
        codes = set((term.attributes or {}).get("ppks", []))
        served[term.code] = codes
        if term.code == KIND_SERVES_ALL or any(c.startswith(CHILD_CATEGORY_PREFIX) for c in codes):
            child_kinds.add(term.code)
    return child_kinds, served


def _proximity(organisation: Organisation, origin: Origin) -> int:
    if origin.district_code and organisation.district_code == origin.district_code:
        return 0
    if origin.regency_code and organisation.regency_code == origin.regency_code:
        return 1
    if origin.province_code and organisation.province_code == origin.province_code:
        return 2
    return 3


def capacity_search(
    *,
    ppks_category: Term,
    age: int | None,
    sex: str | None,
    origin: Origin,
    exclude_ids: set[int] | frozenset[int] = frozenset(),
    limit: int = 50,
) -> list[CapacityRow]:
    """Active LKS with at least one free place whose kinds serve `ppks_category` (children only where a kind serves
    children), that take in this sex and age, nearest first: same kecamatan, kabupaten/kota, province, then distance.
    Four queries whatever the number of LKS."""
    child_kinds, served = kind_rules()
    category_kinds = {code for code, cats in served.items() if code == KIND_SERVES_ALL or ppks_category.code in cats}
    candidates = list(
        Organisation.objects.filter(kind__in=LKS_KINDS, status=OrganisationStatus.ACTIVE, capacity__gt=0)
        .filter(Q(primary_service_kind__code__in=category_kinds) | Q(service_kinds__code__in=category_kinds))
        .exclude(pk__in=exclude_ids)
        .select_related("primary_service_kind", "referral_intake")
        .distinct()
    )
    ids = [o.pk for o in candidates]
    kinds: dict[int, set[str]] = {
        o.pk: {o.primary_service_kind.code} if o.primary_service_kind else set() for o in candidates
    }
    through = Organisation.service_kinds.through
    for organisation_id, code in through.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id", "term__code"
    ):
        kinds[organisation_id].add(code)
    # One GROUP BY for every candidate's active placements.
    active = dict(
        Placement.objects.filter(organisation_id__in=ids, status=PlacementStatus.ACTIVE)
        .values_list("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    rows: list[CapacityRow] = []
    for organisation in candidates:
        if age is not None and age < ADULT_AGE and not kinds[organisation.pk] & child_kinds:
            continue
        intake = getattr(organisation, "referral_intake", None)
        if intake is not None:
            if intake.sex and sex and intake.sex != sex:
                continue
            if age is not None and intake.min_age is not None and age < intake.min_age:
                continue
            if age is not None and intake.max_age is not None and age > intake.max_age:
                continue
        taken = active.get(organisation.pk, 0)
        free = organisation.capacity - taken
        if free <= 0:
            continue
        distance = None
        lat, lon = _float(organisation.latitude), _float(organisation.longitude)
        if None not in (lat, lon, origin.latitude, origin.longitude):
            distance = round(haversine_km(origin.latitude, origin.longitude, lat, lon), 1)
        rows.append(
            CapacityRow(
                organisation=organisation,
                capacity=organisation.capacity,
                active=taken,
                free=free,
                proximity=_proximity(organisation, origin),
                distance_km=distance,
            )
        )
    rows.sort(
        key=lambda r: (r.proximity, r.distance_km if r.distance_km is not None else math.inf, r.organisation.name)
    )
    return rows[:limit]
