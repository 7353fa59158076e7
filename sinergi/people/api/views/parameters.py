"""The query parameters the API's schema documents: the purpose of a read, and the filters of the clients', workers'
and placements' lists."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from ...choices import AccessPurpose, CaseStage, PlacementStatus, ServiceSetting, Sex, WorkerRole
from ...filters import AGE_GROUPS, REVIEW_CHOICES, STATUS_CHOICES

PURPOSE = OpenApiParameter(
    "purpose",
    OpenApiTypes.STR,
    enum=list(AccessPurpose.values),
    description=(
        "Purpose written to the access log for this read. Required unless the caller is an LKS operator, whose default "
        "is service."
    ),
)


def _values(choices) -> list[str]:
    return [value for value, _label in choices]


# The filters of the lists (PersonFilterSet, WorkerFilterSet), applied inside get_queryset, which the schema
# generator cannot see; a test keeps these lists equal to the filter sets.
_NAME = OpenApiParameter("q", OpenApiTypes.STR, description="Words of the name (each must occur).")
_REGION = OpenApiParameter(
    "region",
    OpenApiTypes.STR,
    description="Province or kabupaten/kota code of the LKS (`63`, `63.71`); outside your scope: 400.",
)
_ORGANISATION = OpenApiParameter(
    "organisation", OpenApiTypes.INT, description="ID of one LKS; an LKS outside your scope: 400."
)
CLIENT_FILTERS = [
    _NAME,
    OpenApiParameter("ppks_category", OpenApiTypes.STR, description="PPKS category code (vocabulary `ppks`)."),
    OpenApiParameter(
        "status", OpenApiTypes.STR, enum=_values(STATUS_CHOICES), description="Served now, or every stay ended."
    ),
    OpenApiParameter(
        "setting", OpenApiTypes.STR, enum=ServiceSetting.values, description="Setting of a current placement."
    ),
    OpenApiParameter(
        "stage", OpenApiTypes.STR, enum=CaseStage.values, description="SNPA stage of a current placement."
    ),
    OpenApiParameter("age_group", OpenApiTypes.STR, enum=_values(AGE_GROUPS), description="Under 18, or adult."),
    OpenApiParameter("sex", OpenApiTypes.STR, enum=Sex.values),
    _REGION,
    _ORGANISATION,
    OpenApiParameter(
        "review",
        OpenApiTypes.STR,
        enum=_values(REVIEW_CHOICES),
        description="Care-plan review of a current placement overdue, or overdue or due within 14 days.",
    ),
]
WORKER_FILTERS = [
    _NAME,
    OpenApiParameter("psks_category", OpenApiTypes.STR, description="PSKS category code (vocabulary `psks`)."),
    OpenApiParameter("role", OpenApiTypes.STR, enum=WorkerRole.values),
    OpenApiParameter("active", OpenApiTypes.BOOL, description="Still serving (no end date)."),
    OpenApiParameter("works_with_children", OpenApiTypes.BOOL),
    _REGION,
    _ORGANISATION,
]


PLACEMENT_FILTERS = [
    OpenApiParameter("person", OpenApiTypes.INT, description="The stays of one client (their ID)."),
    OpenApiParameter("organisation", OpenApiTypes.INT, description="The stays at one LKS (its ID)."),
    OpenApiParameter("status", OpenApiTypes.STR, enum=list(PlacementStatus.values)),
    OpenApiParameter("stage", OpenApiTypes.STR, enum=list(CaseStage.values)),
    OpenApiParameter("setting", OpenApiTypes.STR, enum=list(ServiceSetting.values)),
    OpenApiParameter("ppks_category", OpenApiTypes.STR, description="A PPKS category's code."),
]
