"""Data of the printed (PDF) reports on the registry: an LKS profile, a kabupaten/kota summary and the province
report. Each reads through the scoped selectors with the EXPORT action, so a report never shows more than the
reader may export. Rendering is the exchange app's (sinergi.exchange.pdf); this package only gathers facts.

The summary and province reports reuse the dashboard's tables (sinergi.statistics), which sits later in the app
order; it is imported inside the functions, like a template would, so that this app's import graph stays acyclic.

Callers use the package (`from sinergi.organisations.reports import lks_profile`); the modules below are by concept:
- `parts`: a report's tables, the sections and parts other apps register, and the formatting of values;
- `profile`: an LKS profile (`lks_profile`);
- `scope`: what a report covers and who may print which, asked before gathering (`report_scope`,
  `report_province`, `report_may_print`, …);
- `areas`: the kabupaten/kota summary (`regency_summary`) and the province report (`province_report`).
"""

from .areas import province_report, regency_summary
from .parts import (
    AREA_PARTS,
    LONG_WORD,
    PROFILE_SECTIONS,
    WIDE_TABLE_COLUMNS,
    ReportPart,
    Table,
    register_area_part,
    register_profile_section,
)
from .profile import lks_profile
from .scope import (
    PROVINCE,
    REGENCY,
    Area,
    ProvinceNeeded,
    ReportScope,
    report_aggregate_areas,
    report_audit_scope,
    report_covered_lks,
    report_may_print,
    report_own_lks,
    report_page_province,
    report_province,
    report_provinces,
    report_regencies,
    report_scope,
)

__all__ = [
    "AREA_PARTS",
    "LONG_WORD",
    "PROFILE_SECTIONS",
    "PROVINCE",
    "REGENCY",
    "WIDE_TABLE_COLUMNS",
    "Area",
    "ProvinceNeeded",
    "ReportPart",
    "ReportScope",
    "Table",
    "lks_profile",
    "province_report",
    "regency_summary",
    "register_area_part",
    "register_profile_section",
    "report_aggregate_areas",
    "report_audit_scope",
    "report_covered_lks",
    "report_may_print",
    "report_own_lks",
    "report_page_province",
    "report_province",
    "report_provinces",
    "report_regencies",
    "report_scope",
]
