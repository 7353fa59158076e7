from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.accounts.scope import Action, restrict
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.core.params import as_id
from sinergi.exchange.columns import region_filter_problem

from .. import selectors, services
from ..filters import OrganisationFilterSet
from ..models import Organisation
from .serializers import OrganisationSerializer, TransitionSerializer


def _api_error(error: Exception) -> Exception:
    """Maps a service refusal onto the API's error responses (same words as the pages)."""
    if isinstance(error, ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        return ApiValidationError(detail)
    if isinstance(error, PermissionDenied):
        return ApiPermissionDenied(str(error))
    return error


class ConflictResponse(Response):
    def __init__(self, message: str) -> None:
        super().__init__({"detail": message}, status=status.HTTP_409_CONFLICT)


@extend_schema_view(
    list=extend_schema(summary="Organisations in your scope (filter by kind, region code prefix, text)"),
    retrieve=extend_schema(summary="One organisation"),
    create=extend_schema(summary="Register an organisation (as a draft)"),
    partial_update=extend_schema(summary="Change an organisation; send the `version` you read"),
)
class OrganisationViewSet(KnownQueryParameters, viewsets.ModelViewSet):
    """The registry through the same selectors and services as the pages."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        action_name = Action.CHANGE if self.action == "partial_update" else Action.VIEW
        return restrict(selectors.organisation_base_queryset(), actor=self.request.user, action=action_name).order_by(
            "name", "pk"
        )

    def list(self, request: Request, *args, **kwargs) -> Response:
        # A region filter that cannot be applied is refused in the words of the page and the export: an empty list
        # would read as "nothing matches".
        if problem := region_filter_problem(actor=request.user, action=Action.VIEW, filters=request.query_params):
            raise ApiValidationError({"region": [problem]})
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer: OrganisationSerializer) -> None:
        data = dict(serializer.validated_data)
        kinds = data.pop("service_kinds", None)
        data.pop("version", None)
        try:
            serializer.instance = services.organisation_create(
                actor=self.request.user, data=data, service_kinds=kinds, request=self.request
            )
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error

    def partial_update(self, request: Request, *args, **kwargs) -> Response:
        organisation = self.get_object()
        serializer = self.get_serializer(organisation, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        kinds = data.pop("service_kinds", None)
        version = data.pop("version", None)
        if version is None:
            raise ApiValidationError({"version": [_("Sertakan versi data yang Anda baca.")]})
        try:
            updated = services.organisation_update(
                organisation=organisation,
                actor=request.user,
                data=data,
                expected_version=version,
                service_kinds=kinds,
                request=request,
            )
        except ConflictError as error:
            return ConflictResponse(str(error))
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(self.get_serializer(updated).data)

    def _transition(self, request: Request, pk: str, name: str) -> Response:
        queryset = restrict(Organisation.objects.all(), actor=request.user, action=Action.VIEW)
        organisation = queryset.filter(pk=as_id(pk)).first()  # the router's raw text: "abc" is no LKS either
        if organisation is None:
            raise NotFound()
        body = TransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            if name == "verify":
                result = services.organisation_verify(organisation=organisation, actor=request.user, request=request)
            elif name == "activate":
                result = services.organisation_activate(organisation=organisation, actor=request.user, request=request)
            else:
                result = services.organisation_deactivate(
                    organisation=organisation,
                    actor=request.user,
                    reason=body.validated_data.get("reason", ""),
                    request=request,
                )
        except TransitionError as error:
            return ConflictResponse(str(error))
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(OrganisationSerializer(result).data)

    @extend_schema(request=TransitionSerializer, responses=OrganisationSerializer, summary="Verify a draft")
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str) -> Response:
        return self._transition(request, pk, "verify")

    @extend_schema(request=TransitionSerializer, responses=OrganisationSerializer, summary="Activate")
    @action(detail=True, methods=["post"])
    def activate(self, request: Request, pk: str) -> Response:
        return self._transition(request, pk, "activate")

    @extend_schema(request=TransitionSerializer, responses=OrganisationSerializer, summary="Deactivate (reason)")
    @action(detail=True, methods=["post"])
    def deactivate(self, request: Request, pk: str) -> Response:
        return self._transition(request, pk, "deactivate")
