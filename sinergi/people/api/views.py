"""People API: the same selectors, services, scope and masking as the pages; every person-level read is logged."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.accounts.models import Role
from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import ConflictError, TransitionError, ValidationError
from sinergi.core.params import as_id
from sinergi.exchange.columns import organisation_filter_problem, region_filter_problem
from sinergi.organisations.models import Organisation

from .. import selectors, services
from ..access import person_access_record, person_access_record_many, worker_access_record, worker_access_record_many
from ..choices import AccessPurpose, CaseStage, PlacementStatus, ServiceSetting, Sex, WorkerRole
from ..filters import AGE_GROUPS, REVIEW_CHOICES, STATUS_CHOICES
from ..models import Person
from .serializers import (
    AdmissionResultSerializer,
    ClientAdmissionSerializer,
    ClientCorrectionSerializer,
    ClientSerializer,
    DischargeSerializer,
    PlacementSerializer,
    StageSerializer,
    WorkerChangeSerializer,
    WorkerSerializer,
)

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


def _api_error(error: Exception) -> Exception:
    """Maps a service refusal onto the API's error responses (same words as the pages)."""
    if isinstance(error, ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        return ApiValidationError(detail)
    if isinstance(error, PermissionDenied):
        return ApiPermissionDenied(str(error) or None)
    return error


def _require_role(request: Request, action_name: str) -> None:
    user = request.user
    if not (user.is_superuser or any(m.role in ACTION_ROLES[action_name] for m in active_memberships(user))):
        raise ApiPermissionDenied(_("Peran Anda tidak mencakup data perorangan."))


def _purpose(request: Request) -> str:
    """The purpose a read is logged under. An LKS operator's default is service, the work of their LKS; anyone else (a
    board, an admin, an operator who also holds such a role, whose read may be of another LKS's clients) says it, as
    the pages ask everyone before the first person-level page."""
    value = request.query_params.get("purpose")
    if not value:
        memberships = active_memberships(request.user)
        if memberships and all(m.role == Role.LKS_OPERATOR for m in memberships):
            return AccessPurpose.SERVICE
        raise ApiValidationError(
            {
                "purpose": [
                    _("Sebutkan tujuan akses (purpose): %(choices)s.") % {"choices": ", ".join(AccessPurpose.values)}
                ]
            }
        )
    if value not in AccessPurpose.values:
        raise ApiValidationError({"purpose": [_("Tujuan akses tidak dikenal.")]})
    return value


def _scope_filter_problems(request: Request) -> dict[str, list[str]]:
    """A region or LKS filter the list cannot apply for this user, in the words of the page and the export: an empty
    list would read as "nothing matches"."""
    filters, problems = request.query_params, {}
    action_name = Action.PERSON_VIEW
    if problem := region_filter_problem(actor=request.user, action=action_name, filters=filters, levels=(2, 5)):
        problems["region"] = [problem]
    if problem := organisation_filter_problem(actor=request.user, action=action_name, filters=filters):
        problems["organisation"] = [problem]
    return problems


def _organisation(request: Request, pk) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise ApiValidationError({"organisation": [_("LKS tidak ditemukan.")]})
    return organisation


@extend_schema_view(
    list=extend_schema(summary="Clients (PPKS) in your scope; NIK masked", parameters=[PURPOSE, *CLIENT_FILTERS]),
    retrieve=extend_schema(summary="One client; the read is written to the access log", parameters=[PURPOSE]),
    create=extend_schema(
        summary="Admit a client: person + first placement + consent",
        request=ClientAdmissionSerializer,
        responses={201: AdmissionResultSerializer},
    ),
    partial_update=extend_schema(
        summary="Correct a client's data; send the `version` you read",
        description="The LKS, the placement and the consent are set at admission only: sending `placement` or "
        "`consent`, or an `organisation` other than the client's, is refused (400). Stages and discharges go "
        "through `/placements/{id}/stage/` and `/discharge/`.",
        request=ClientCorrectionSerializer,
        responses={200: ClientSerializer},
    ),
)
class ClientViewSet(
    KnownQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Clients through the people selectors and services."""

    serializer_class = ClientSerializer
    queryset = Person.objects.none()  # for the schema; the real one comes from the selector

    def get_serializer_class(self) -> type[ClientSerializer]:
        return {"create": ClientAdmissionSerializer, "partial_update": ClientCorrectionSerializer}.get(
            self.action, ClientSerializer
        )

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        _require_role(request, Action.PERSON_CREATE if self.action == "create" else Action.PERSON_VIEW)

    def get_queryset(self):
        filterset = selectors.person_list(actor=self.request.user, filters=self.request.query_params)
        if not filterset.is_valid():
            raise ApiValidationError(filterset.errors)
        if self.action == "list" and (problems := _scope_filter_problems(self.request)):
            raise ApiValidationError(problems)
        return filterset.qs

    def list(self, request: Request, *args, **kwargs) -> Response:
        purpose = _purpose(request)
        page = self.paginate_queryset(self.get_queryset())
        person_access_record_many(actor=request.user, persons=page, what="api_listed", purpose=purpose, request=request)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str, *args, **kwargs) -> Response:
        purpose = _purpose(request)
        person = selectors.person_get(actor=request.user, pk=pk)
        person_access_record(actor=request.user, person=person, what="viewed", purpose=purpose, request=request)
        return Response(self.get_serializer(person).data)

    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        placement, consent = data.pop("placement"), data.pop("consent", None)
        organisation = _organisation(request, data.pop("organisation_id"))
        person_data = {name: data.get(name, "") for name in ("nik", "kk")} | data
        person_data.setdefault("ppks_categories", [])
        placement.setdefault("services", [])
        try:
            outcome = services.person_admit(
                actor=request.user,
                organisation=organisation,
                person_data=person_data,
                placement_data=placement,
                consent_data=consent,
                request=request,
            )
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        person = outcome.obj
        person.warnings, person.duplicate_candidates = outcome.warnings, outcome.duplicate_candidates
        return Response(AdmissionResultSerializer(person).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str, *args, **kwargs) -> Response:
        person = selectors.person_get(actor=request.user, pk=pk, action=Action.PERSON_CHANGE)
        serializer = self.get_serializer(person, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        if version is None:
            raise ApiValidationError({"version": [_("Sertakan versi data yang Anda baca.")]})
        try:
            outcome = services.person_update(
                actor=request.user, person=person, data=data, expected_version=version, request=request
            )
        except ConflictError as error:
            return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(ClientSerializer(outcome.obj, context=self.get_serializer_context()).data)


PLACEMENT_FILTERS = [
    OpenApiParameter("person", OpenApiTypes.INT, description="The stays of one client (their ID)."),
    OpenApiParameter("organisation", OpenApiTypes.INT, description="The stays at one LKS (its ID)."),
    OpenApiParameter("status", OpenApiTypes.STR, enum=list(PlacementStatus.values)),
    OpenApiParameter("stage", OpenApiTypes.STR, enum=list(CaseStage.values)),
    OpenApiParameter("setting", OpenApiTypes.STR, enum=list(ServiceSetting.values)),
    OpenApiParameter("ppks_category", OpenApiTypes.STR, description="A PPKS category's code."),
]


def _placement_filters(request: Request) -> dict[str, str | int]:
    """The list's filters, checked: an ID that is not a number or a value outside its list is refused with a message
    rather than ignored, so that "the stays of this child" never comes back as everyone's. IDs are passed on as read
    ("5.0" is 5), not as written, which the lookup would refuse."""
    filters: dict[str, str | int] = {"ppks_category": request.query_params.get("ppks_category", "").strip()}
    problems = {}
    for key in ("person", "organisation"):
        written = request.query_params.get(key, "").strip()
        filters[key] = as_id(written) if written else ""
        if written and not filters[key]:
            problems[key] = [_("Isi dengan nomor ID.")]
    for key, choices in (("status", PlacementStatus), ("stage", CaseStage), ("setting", ServiceSetting)):
        filters[key] = value = request.query_params.get(key, "").strip()
        if value and value not in choices.values:
            problems[key] = [
                _("Nilai “%(value)s” tidak dikenal. Pilihan: %(choices)s.")
                % {"value": value, "choices": ", ".join(choices.values)}
            ]
    if problems:
        raise ApiValidationError(problems)
    return filters


@extend_schema_view(
    list=extend_schema(summary="Placements in your scope", parameters=[PURPOSE, *PLACEMENT_FILTERS]),
    retrieve=extend_schema(summary="One placement; the read is written to the access log", parameters=[PURPOSE]),
)
class PlacementViewSet(KnownQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Placements; admission goes through /clients/, stage and discharge through the actions below. A stay names its
    client and category, so its reads are written to the client's access log as the client's are."""

    serializer_class = PlacementSerializer

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        _require_role(request, Action.PERSON_VIEW)

    def get_queryset(self):
        filters = _placement_filters(self.request) if self.action == "list" else {}
        return (
            selectors.placement_list(actor=self.request.user, filters=filters)
            .select_related("person", "ppks_category")
            .prefetch_related("services")
            .order_by("-admitted_on", "-pk")
        )

    def list(self, request: Request, *args, **kwargs) -> Response:
        purpose = _purpose(request)
        page = self.paginate_queryset(self.get_queryset())
        persons = list({placement.person_id: placement.person for placement in page}.values())
        person_access_record_many(
            actor=request.user, persons=persons, what="api_listed", purpose=purpose, request=request
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        purpose = _purpose(request)
        placement = self.get_object()
        person_access_record(
            actor=request.user, person=placement.person, what="viewed", purpose=purpose, request=request
        )
        return Response(self.get_serializer(placement).data)

    def _done(self, call) -> Response:
        try:
            placement = call()
        except TransitionError as error:
            return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(PlacementSerializer(placement).data)

    @extend_schema(request=StageSerializer, responses=PlacementSerializer, summary="Move to the next SNPA stage")
    @action(detail=True, methods=["post"])
    def stage(self, request: Request, pk: str) -> Response:
        placement = self.get_object()
        body = StageSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._done(
            lambda: services.placement_advance_stage(
                actor=request.user, placement=placement, stage=body.validated_data["stage"], request=request
            )
        )

    @extend_schema(request=DischargeSerializer, responses=PlacementSerializer, summary="Discharge (date, reason)")
    @action(detail=True, methods=["post"])
    def discharge(self, request: Request, pk: str) -> Response:
        placement = self.get_object()
        body = DischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._done(
            lambda: services.placement_discharge(
                actor=request.user, placement=placement, request=request, **body.validated_data
            )
        )


@extend_schema_view(
    list=extend_schema(summary="Workers (PSKS/TKSM) in your scope; NIK masked", parameters=[PURPOSE, *WORKER_FILTERS]),
    retrieve=extend_schema(summary="One worker; the read is written to the access log", parameters=[PURPOSE]),
    create=extend_schema(summary="Register a worker at an LKS"),
    partial_update=extend_schema(
        summary="Change a worker; send the `version` you read",
        description="The LKS is set at registration only: an `organisation` other than the worker's is refused (400).",
        request=WorkerChangeSerializer,
        responses={200: WorkerSerializer},
    ),
)
class WorkerViewSet(
    KnownQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Workers through the people selectors and services."""

    serializer_class = WorkerSerializer

    def get_serializer_class(self) -> type[WorkerSerializer]:
        return WorkerChangeSerializer if self.action == "partial_update" else WorkerSerializer

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        _require_role(request, Action.PERSON_CREATE if self.action == "create" else Action.PERSON_VIEW)

    def get_queryset(self):
        filterset = selectors.worker_list(actor=self.request.user, filters=self.request.query_params)
        if not filterset.is_valid():
            raise ApiValidationError(filterset.errors)
        if self.action == "list" and (problems := _scope_filter_problems(self.request)):
            raise ApiValidationError(problems)
        return filterset.qs.select_related("psks_category")

    def list(self, request: Request, *args, **kwargs) -> Response:
        purpose = _purpose(request)
        page = self.paginate_queryset(self.get_queryset())
        worker_access_record_many(actor=request.user, workers=page, what="api_listed", purpose=purpose, request=request)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str, *args, **kwargs) -> Response:
        purpose = _purpose(request)
        worker = self.get_object()
        worker_access_record(actor=request.user, worker=worker, what="viewed", purpose=purpose, request=request)
        return Response(self.get_serializer(worker).data)

    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        organisation = _organisation(request, data.pop("organisation_id"))
        data.pop("version", None)
        try:
            outcome = services.worker_create(actor=request.user, organisation=organisation, data=data, request=request)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(self.get_serializer(outcome.obj).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str, *args, **kwargs) -> Response:
        worker = self.get_object()
        serializer = self.get_serializer(worker, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        if version is None:
            raise ApiValidationError({"version": [_("Sertakan versi data yang Anda baca.")]})
        try:
            outcome = services.worker_update(
                actor=request.user, worker=worker, data=data, expected_version=version, request=request
            )
        except ConflictError as error:
            return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(WorkerSerializer(outcome.obj, context=self.get_serializer_context()).data)
