"""Placements: the list with its checked filters, one stay, and moving a stay on (stage, discharge)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.accounts.scope import Action
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import TransitionError, ValidationError
from sinergi.core.params import as_id

from ... import selectors, services
from ...access import person_access_record, person_access_record_many
from ...choices import CaseStage, PlacementStatus, ServiceSetting
from ..serializers import DischargeSerializer, PlacementSerializer, StageSerializer
from ._common import _api_error, _purpose, _require_role
from .parameters import PLACEMENT_FILTERS, PURPOSE


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
