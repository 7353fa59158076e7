"""Reads of the data centre: counts over the LKS registry.

Signed-in reads go through `restrict()` (an actor sees counts of the rows they may see); the public reads count
only active LKS and expose only aggregates. Every table is one GROUP BY query, never a query per row.
The headline rule: an LKS counts when its kind is LKS or LKS asing and its status is active, under its PRIMARY
service kind (an LKS without one counts as "lainnya"), so that the registry compares with the published figures.

Callers use the package (`from sinergi.statistics import selectors`, `selectors.lks_count_by_kind_and_regency(...)`);
the modules below are by concept: `crosstabs` (the count tables by category × kabupaten/kota, signed-in and public,
and the counting helpers), `permits` (permits and registrations ending), `map_points` (the dashboard map) and
`provinces` (the province-wide tables, board coverage and official figures, and which province a page shows).
"""

from .crosstabs import (
    CODE_FIELD_BY_LEVEL,
    EXPIRED_ACCREDITATION,
    NOT_ACCREDITED,
    OTHER_KIND,
    Area,
    Column,
    CrossTab,
    accreditation_columns,
    lks_accreditation_summary,
    lks_count_by_kind_and_regency,
    lks_kind_columns,
    lks_status_summary,
    public_lks_accreditation_summary,
    public_lks_count_by_kind_and_regency,
    region_filter,
    status_columns,
    with_accreditation_now,
)
from .map_points import MapData, MapPoint, lks_map_point_count, lks_map_points
from .permits import ExpiringDocument, lks_permits_expiring, permit_expiry_warning_days
from .provinces import (
    BoardCoverage,
    BoardCoverageRow,
    OfficialFigures,
    ProvinceChoice,
    board_coverage,
    busiest_province,
    deployment_province,
    home_province,
    is_national_deployment,
    official_figures,
    page_province,
    region_exists,
)

__all__ = [
    "Area",
    "BoardCoverage",
    "BoardCoverageRow",
    "CODE_FIELD_BY_LEVEL",
    "Column",
    "CrossTab",
    "EXPIRED_ACCREDITATION",
    "ExpiringDocument",
    "MapData",
    "MapPoint",
    "NOT_ACCREDITED",
    "OTHER_KIND",
    "OfficialFigures",
    "ProvinceChoice",
    "accreditation_columns",
    "board_coverage",
    "busiest_province",
    "deployment_province",
    "home_province",
    "is_national_deployment",
    "lks_accreditation_summary",
    "lks_count_by_kind_and_regency",
    "lks_kind_columns",
    "lks_map_point_count",
    "lks_map_points",
    "lks_permits_expiring",
    "lks_status_summary",
    "official_figures",
    "page_province",
    "permit_expiry_warning_days",
    "public_lks_accreditation_summary",
    "public_lks_count_by_kind_and_regency",
    "region_exists",
    "region_filter",
    "status_columns",
    "with_accreditation_now",
]
