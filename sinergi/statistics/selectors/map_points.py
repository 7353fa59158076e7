"""The dashboard map: active LKS with coordinates, and where each kabupaten/kota's name is written."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from sinergi.accounts.scope import Action
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region

from .crosstabs import OTHER_KIND, _active_lks, _scoped

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@dataclass(frozen=True)
class MapPoint:
    """An active LKS with coordinates, for the dashboard map."""

    organisation_id: int
    name: str
    kind: str
    regency_code: str
    latitude: float
    longitude: float


@dataclass
class MapData:
    """Points to plot and one label per kabupaten/kota (at the region's own point or the mean of its LKS)."""

    points: list[MapPoint]
    labels: list[dict[str, object]] = field(default_factory=list)


def _mapped_lks(actor: "User", action: str, region_prefix: str | None) -> QuerySet[Organisation]:
    return _active_lks(_scoped(actor, action, region_prefix)).filter(latitude__isnull=False, longitude__isnull=False)


def lks_map_point_count(*, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW) -> int:
    """How many points lks_map_points would give: the dashboard says it, and decides on the map, without the points."""
    return _mapped_lks(actor, action, region_prefix).count()


def lks_map_points(*, actor: "User", region_prefix: str | None = None, action: str = Action.VIEW) -> MapData:
    """Active LKS with coordinates that the actor may see, and where to write each kabupaten/kota's name."""
    queryset = (
        _mapped_lks(actor, action, region_prefix)
        .order_by("name")
        .values_list("pk", "name", "primary_service_kind__code", "regency_code", "latitude", "longitude")
    )
    points = [
        MapPoint(pk, name, kind or OTHER_KIND, regency_code, float(lat), float(lng))
        for pk, name, kind, regency_code, lat, lng in queryset
    ]
    by_regency: dict[str, list[MapPoint]] = defaultdict(list)
    for point in points:
        by_regency[point.regency_code].append(point)
    regions = Region.objects.filter(code__in=[c for c in by_regency if c]).values_list(
        "code", "name", "latitude", "longitude"
    )
    labels = []
    for code, name, lat, lng in regions.order_by("code"):
        members = by_regency[code]
        # Without the region's own point the label sits at the mean of its LKS, which is inside the region.
        label_lat = float(lat) if isinstance(lat, Decimal) else sum(p.latitude for p in members) / len(members)
        label_lng = float(lng) if isinstance(lng, Decimal) else sum(p.longitude for p in members) / len(members)
        labels.append({"code": code, "name": name, "lat": round(label_lat, 6), "lng": round(label_lng, 6)})
    return MapData(points=points, labels=labels)
