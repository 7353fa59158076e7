from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.accounts.scope import Action
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError

from .. import selectors, services
from ..filters import AgreementFilterSet
from ..services import PartyInput
from .serializers import AgreementSerializer, TerminateSerializer


def _api_error(error: Exception) -> Exception:
    """Maps a service refusal onto the API's error responses (same words as the pages)."""
    if isinstance(error, ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        return ApiValidationError(detail)
    if isinstance(error, PermissionDenied):
        return ApiPermissionDenied(str(error))
    return error


def _conflict(error: Exception) -> Response:
    return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)


def _split(validated: dict) -> tuple[dict, list[PartyInput] | None, list | None, list | None]:
    data = dict(validated)
    parties = data.pop("parties", None)
    forms = data.pop("participation_forms", None)
    pillars = data.pop("welfare_pillars", None)
    data.pop("version", None)
    inputs = (
        None
        if parties is None
        else [
            PartyInput(organisation=p["organisation"], role=p["role"], signatory=p.get("signatory", ""))
            for p in parties
        ]
    )
    return data, inputs, forms, pillars


@extend_schema_view(
    list=extend_schema(summary="Agreements in your scope (filter by kind, status, party kind, region, expiring)"),
    retrieve=extend_schema(summary="One agreement with its parties and documents"),
    create=extend_schema(summary="Record an agreement (as a draft); you must act for one of its parties"),
    update=extend_schema(summary="Change an agreement (send all fields and the `version` you read)"),
    partial_update=extend_schema(summary="Change an agreement; send the `version` you read"),
)
class AgreementViewSet(KnownQueryParameters, viewsets.ModelViewSet):
    """Partnership agreements through the same selectors and services as the pages."""

    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        action_name = Action.CHANGE if self.action in {"update", "partial_update"} else Action.VIEW
        visible = selectors.agreements_visible(actor=self.request.user, action=action_name)
        return selectors.agreement_base_queryset(visible).prefetch_related("documents").order_by("-starts_on", "-pk")

    def perform_create(self, serializer: AgreementSerializer) -> None:
        data, parties, forms, pillars = _split(serializer.validated_data)
        try:
            serializer.instance = services.agreement_create(
                actor=self.request.user,
                data=data,
                parties=parties or [],
                participation_forms=forms,
                welfare_pillars=pillars,
                request=self.request,
            )
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error

    def update(self, request: Request, *args, **kwargs) -> Response:
        partial = kwargs.pop("partial", False)
        agreement = self.get_object()
        serializer = self.get_serializer(agreement, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        version = serializer.validated_data.get("version")
        if version is None:
            raise ApiValidationError({"version": [_("Sertakan versi data yang Anda baca.")]})
        data, parties, forms, pillars = _split(serializer.validated_data)
        try:
            updated = services.agreement_update(
                agreement=agreement,
                actor=request.user,
                data=data,
                expected_version=version,
                parties=parties,
                participation_forms=forms,
                welfare_pillars=pillars,
                request=request,
            )
        except (ConflictError, TransitionError) as error:
            return _conflict(error)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(self.get_serializer(selectors.agreement_get(actor=request.user, pk=updated.pk)).data)

    @extend_schema(request=None, responses=AgreementSerializer, summary="Declare a signed draft in force")
    @action(detail=True, methods=["post"])
    def activate(self, request: Request, pk: str) -> Response:
        agreement = self.get_object()
        try:
            services.agreement_activate(agreement=agreement, actor=request.user, request=request)
        except TransitionError as error:
            return _conflict(error)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(self.get_serializer(selectors.agreement_get(actor=request.user, pk=agreement.pk)).data)

    @extend_schema(request=TerminateSerializer, responses=AgreementSerializer, summary="Terminate (reason, date)")
    @action(detail=True, methods=["post"])
    def terminate(self, request: Request, pk: str) -> Response:
        agreement = self.get_object()
        body = TerminateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            services.agreement_terminate(
                agreement=agreement,
                actor=request.user,
                reason=body.validated_data["reason"],
                on=body.validated_data.get("on"),
                request=request,
            )
        except TransitionError as error:
            return _conflict(error)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        return Response(self.get_serializer(selectors.agreement_get(actor=request.user, pk=agreement.pk)).data)
