"""Meetings API: the same selectors, services and scope as the pages."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError

from .. import selectors, services
from ..filters import MeetingFilterSet
from ..models import ActionItem
from .serializers import ActionItemSerializer, ActionItemStatusSerializer, MeetingSerializer


def _api_error(error: Exception) -> Exception:
    """Maps a service refusal onto the API's error responses (same words as the pages)."""
    if isinstance(error, ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        return ApiValidationError(detail)
    if isinstance(error, TransitionError):
        return ApiValidationError({"status": [str(error)]})
    if isinstance(error, PermissionDenied):
        return ApiPermissionDenied(str(error) or None)
    return error


@extend_schema_view(
    list=extend_schema(summary="Meetings you organise, supervise or are concerned by (invited, owner of an action)"),
    retrieve=extend_schema(summary="One meeting with its days, agenda, decisions and action items"),
)
class MeetingViewSet(KnownQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Meetings through the meetings selectors."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet

    def get_queryset(self):
        return (
            selectors.meeting_queryset(actor=self.request.user)
            .select_related("minutes")
            .prefetch_related(
                "days",
                "agenda_items",
                "decisions",
                Prefetch("action_items", queryset=ActionItem.objects.select_related("owner", "decision")),
            )
        )


@extend_schema_view(
    list=extend_schema(
        summary="Action items of the meetings you may see",
        parameters=[
            OpenApiParameter(
                "mine",
                OpenApiTypes.BOOL,
                description="`true`: only the items owned by an organisation you speak for.",
            )
        ],
    ),
    retrieve=extend_schema(summary="One action item"),
)
class ActionItemViewSet(
    KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Action items; the owner organisation or the organiser changes their status."""

    serializer_class = ActionItemSerializer

    def get_queryset(self):
        items = selectors.action_item_queryset(actor=self.request.user).order_by("due_on", "pk")
        if self.request.query_params.get("mine") in ("1", "true"):
            items = items.filter(owner_id__in=selectors.organisations_spoken_for(self.request.user))
        return items

    @extend_schema(
        summary="Change an action item's status (open → in_progress → done; organisers may also cancel/reopen)",
        request=ActionItemStatusSerializer,
        responses={200: ActionItemSerializer},
    )
    @action(detail=True, methods=["post"])
    def status(self, request: Request, pk=None) -> Response:
        item = self.get_object()
        payload = ActionItemStatusSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            item = services.action_item_transition(
                actor=request.user,
                item=item,
                to_status=payload.validated_data["status"],
                note=payload.validated_data["note"],
                request=request,
            )
        except (ValidationError, PermissionDenied, TransitionError) as error:
            raise _api_error(error) from error
        return Response(ActionItemSerializer(item).data)
