"""Referral API: the same selectors, services, scope and summary-only rule as the pages."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import TransitionError, ValidationError
from sinergi.organisations.models import Organisation
from sinergi.people.access import person_access_record, person_access_record_many
from sinergi.people.choices import AccessPurpose
from sinergi.people.models import Consent
from sinergi.people.selectors import person_list

from .. import selectors, services
from ..capacity import capacity_search, origin_of
from ..choices import ReferralStatus, Urgency
from ..models import Referral
from .serializers import (
    AcceptSerializer,
    CapacityQuerySerializer,
    CapacityRowSerializer,
    NoteSerializer,
    ReasonSerializer,
    ReferralCreateSerializer,
    ReferralSerializer,
)


def _api_error(error: Exception) -> Exception:
    if isinstance(error, ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        return ApiValidationError(detail)
    if isinstance(error, PermissionDenied):
        return ApiPermissionDenied(str(error) or None)
    return error


# The list's filters (selectors.referral_list), read inside get_queryset where the schema generator cannot see them.
REFERRAL_FILTERS = [
    OpenApiParameter(
        "box",
        OpenApiTypes.STR,
        enum=["inbox", "outbox", "both"],
        description="Received in your scope (`inbox`), sent from it (`outbox`), or both (default).",
    ),
    OpenApiParameter("status", OpenApiTypes.STR, enum=ReferralStatus.values),
    OpenApiParameter("urgency", OpenApiTypes.STR, enum=Urgency.values),
    OpenApiParameter("overdue", OpenApiTypes.BOOL, description="`true`: sent and not answered by its due time."),
    OpenApiParameter("person", OpenApiTypes.INT, description="ID of the client referred."),
]


@extend_schema_view(
    list=extend_schema(
        summary="Referrals sent from or received in your scope; `box`=inbox|outbox, `status`",
        parameters=REFERRAL_FILTERS,
    ),
    retrieve=extend_schema(summary="One referral; person data only where your level allows (logged)"),
    create=extend_schema(
        summary="Send a referral", request=ReferralCreateSerializer, responses={201: ReferralSerializer}
    ),
)
class ReferralViewSet(
    KnownQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Referrals through the referral selectors and services."""

    serializer_class = ReferralSerializer
    queryset = Referral.objects.none()  # for the schema; the real one comes from the selector

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        user = request.user
        if not (user.is_superuser or any(m.role in ACTION_ROLES[Action.PERSON_VIEW] for m in active_memberships(user))):
            raise ApiPermissionDenied(_("Peran Anda tidak mencakup rujukan."))

    def get_queryset(self):
        params = self.request.query_params
        return selectors.referral_list(
            actor=self.request.user, box=params.get("box", "both"), filters=params
        ).prefetch_related("events", "person__ppks_categories")

    def _data(self, referrals: list[Referral], *, many: bool) -> tuple[list | dict, dict]:
        levels = selectors.referral_levels(actor=self.request.user, referrals=referrals)
        serializer = ReferralSerializer(referrals if many else referrals[0], many=many, context={"levels": levels})
        return serializer.data, levels

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = list(self.paginate_queryset(self.get_queryset()))
        data, levels = self._data(page, many=True)
        shown = [r.person for r in page if levels[r.pk] != selectors.SUMMARY]
        person_access_record_many(
            actor=request.user,
            persons=shown,
            what="referral_api_listed",
            purpose=AccessPurpose.CASE_REVIEW,
            request=request,
        )
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, pk: str, *args, **kwargs) -> Response:
        referral = self.get_object()
        data, levels = self._data([referral], many=False)
        if levels[referral.pk] != selectors.SUMMARY:
            person_access_record(
                actor=request.user,
                person=referral.person,
                what="referral_viewed",
                purpose=AccessPurpose.CASE_REVIEW,
                request=request,
            )
        return Response(data)

    def create(self, request: Request, *args, **kwargs) -> Response:
        body = ReferralCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        person = person_list(actor=request.user).qs.filter(pk=data.pop("person")).first()
        if person is None:
            raise ApiValidationError({"person": [_("Penerima layanan tidak ditemukan.")]})
        sender = Organisation.objects.filter(pk=data.pop("from_organisation")).first()
        if sender is None:
            raise ApiValidationError({"from_organisation": [_("Organisasi pengirim tidak ditemukan.")]})
        if (target := data.pop("to_organisation", None)) is not None:
            data["to_organisation"] = Organisation.objects.filter(pk=target).first()
            if data["to_organisation"] is None:
                raise ApiValidationError({"to_organisation": [_("LKS tujuan tidak ditemukan.")]})
        if (consent := data.pop("consent", None)) is not None:
            data["consent"] = Consent.objects.filter(pk=consent, person=person).first()
            if data["consent"] is None:
                raise ApiValidationError({"consent": [_("Persetujuan tidak ditemukan untuk orang ini.")]})
        data["share"] = set(data.get("share") or [])
        try:
            referral = services.referral_send(
                actor=request.user, person=person, from_organisation=sender, data=data, request=request
            )
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        referral = selectors.referral_get(actor=request.user, pk=referral.pk)
        result, _levels = self._data([referral], many=False)
        return Response(result, status=status.HTTP_201_CREATED)

    def _done(self, call) -> Response:
        referral = self.get_object()
        try:
            call(referral)
        except TransitionError as error:
            return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        except (ValidationError, PermissionDenied) as error:
            raise _api_error(error) from error
        fresh = selectors.referral_get(actor=self.request.user, pk=referral.pk)
        data, _levels = self._data([fresh], many=False)
        return Response(data)

    @extend_schema(request=AcceptSerializer, responses=ReferralSerializer, summary="Accept (moves the placement)")
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        body = AcceptSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._done(
            lambda r: services.referral_accept(
                actor=request.user, referral=r, on=body.validated_data.get("on"), request=request
            )
        )

    @extend_schema(request=ReasonSerializer, responses=ReferralSerializer, summary="Decline, with a reason")
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: str) -> Response:
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._done(
            lambda r: services.referral_decline(
                actor=request.user, referral=r, reason=body.validated_data["reason"], request=request
            )
        )

    @extend_schema(request=NoteSerializer, responses=ReferralSerializer, summary="Complete an accepted referral")
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str) -> Response:
        body = NoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._done(
            lambda r: services.referral_complete(
                actor=request.user, referral=r, note=body.validated_data.get("note", ""), request=request
            )
        )

    @extend_schema(request=ReasonSerializer, responses=ReferralSerializer, summary="Cancel (sender, unanswered only)")
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str) -> Response:
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._done(
            lambda r: services.referral_cancel(
                actor=request.user, referral=r, reason=body.validated_data["reason"], request=request
            )
        )

    @extend_schema(
        parameters=[CapacityQuerySerializer],
        responses=CapacityRowSerializer(many=True),
        summary="LKS with free places for a PPKS category, age and sex, nearest first",
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def capacity(self, request: Request) -> Response:
        query = CapacityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        # Without `near`, an LKS operator searches from their own LKS, as on the page.
        near = selectors.own_lks_for_search(request.user)
        if data.get("near") is not None:
            near = Organisation.objects.filter(pk=data["near"]).first()
            if near is None:
                raise NotFound(_("Organisasi asal tidak ditemukan."))
        rows = capacity_search(
            ppks_category=data["ppks"],
            age=data.get("age"),
            sex=data.get("sex") or None,
            origin=origin_of(near),
            exclude_ids={near.pk} if near else set(),
        )
        return Response(CapacityRowSerializer(rows, many=True).data)
