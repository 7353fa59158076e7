"""Workers (PSKS/TKSM): the list, one worker, registration and changes."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.accounts.scope import Action
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import ConflictError, ValidationError

from ... import selectors, services
from ...access import worker_access_record, worker_access_record_many
from ..serializers import WorkerChangeSerializer, WorkerSerializer
from ._common import _api_error, _organisation, _purpose, _require_role, _scope_filter_problems
from .parameters import PURPOSE, WORKER_FILTERS


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
