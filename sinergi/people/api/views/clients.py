"""Clients (PPKS): the list, one client, admission and correction."""

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
from ...access import person_access_record, person_access_record_many
from ...models import Person
from ..serializers import (
    AdmissionResultSerializer,
    ClientAdmissionSerializer,
    ClientCorrectionSerializer,
    ClientSerializer,
)
from ._common import _api_error, _organisation, _purpose, _require_role, _scope_filter_problems
from .parameters import CLIENT_FILTERS, PURPOSE


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
