"""Indicator API: the same figures as the indicator pages, suppressed for the public, exact within a signed-in scope.

Included at /api/v1/indicators/ (this module carries its own `urlpatterns`).
"""

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sinergi.accounts.api.permissions import SecondFactorPassed
from sinergi.core.api import KnownQueryParameters
from sinergi.core.errors import PermissionDenied, ValidationError

from ..indicators import IndicatorFilters, Indicators, indicator_scope


class LabelSerializer(serializers.Serializer):
    """A row or column: its stable code and its label."""

    code = serializers.CharField()
    label = serializers.CharField()


class AreaSerializer(serializers.Serializer):
    """The area the figures are for: "" is the nation, "63" a province, "63.71" a kabupaten/kota."""

    code = serializers.CharField(allow_blank=True)
    name = serializers.CharField()


AS_OF_HELP = _(
    "Tanggal keadaan angka: untuk publik, penerima layanan per akhir bulan lengkap terakhir (pekerja: hari ini); "
    "bagi pengguna yang masuk, hari ini atau akhir bulan yang diminta."
)


class MatrixSerializer(serializers.Serializer):
    """A table of counts; a hidden (suppressed) cell or total is null."""

    area = AreaSerializer()
    public = serializers.BooleanField(help_text=_("Benar bila angka disamarkan untuk publik."))
    as_of = serializers.DateField(help_text=AS_OF_HELP)
    rows = LabelSerializer(many=True)
    columns = LabelSerializer(many=True)
    cells = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField(allow_null=True)))
    row_totals = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    column_totals = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    total = serializers.IntegerField(allow_null=True)
    suppressed_cells = serializers.IntegerField()
    threshold = serializers.IntegerField(allow_null=True, help_text=_("Ambang penyamaran (null: tidak disamarkan)."))


class TrendMonthSerializer(serializers.Serializer):
    """One month: active at its end, admissions and discharges in it (null when hidden)."""

    month = serializers.CharField(help_text="YYYY-MM")
    active = serializers.IntegerField(allow_null=True)
    admissions = serializers.IntegerField(allow_null=True)
    discharges = serializers.IntegerField(allow_null=True)


class TrendSerializer(serializers.Serializer):
    """The last 24 months of one area."""

    area = AreaSerializer()
    public = serializers.BooleanField()
    as_of = serializers.DateField(help_text=AS_OF_HELP)
    months = TrendMonthSerializer(many=True)
    suppressed_cells = serializers.IntegerField()
    threshold = serializers.IntegerField(allow_null=True)


REGION = OpenApiParameter(
    "region",
    str,
    description=(
        "Kode provinsi (63) atau kabupaten/kota (63.71); kosong = cakupan Anda (nasional bila cakupannya nasional). "
        "Publik: provinsi dan kabupaten/kota saja (kosong = provinsi penyelenggara; server provinsi: provinsinya dan "
        "kabupaten/kotanya saja); tanpa pemilahan setting, ppks, role."
    ),
)
SETTING = OpenApiParameter(
    "setting", str, enum=["residential", "community"], description="Bentuk layanan (pengguna yang masuk)."
)
PPKS = OpenApiParameter("ppks", str, description="Kode kategori PPKS, mis. anak_telantar (pengguna yang masuk).")
MONTH = OpenApiParameter(
    "month", str, description="Per akhir bulan TTTT-BB (default: sekarang; bulan lalu: pengguna yang masuk)."
)
ROLE = OpenApiParameter("role", str, description="Peran pekerja, mis. pengasuh, peksos (pengguna yang masuk).")
ERRORS = {
    400: OpenApiResponse(description="Parameter tidak sah (pesan per parameter)."),
    403: OpenApiResponse(description="Wilayah di luar cakupan akun."),
}
DESCRIPTION = (
    "Read from summary tables. Anonymous callers (and accounts without an aggregate scope) get public figures: "
    "every count from 1 to the threshold − 1 (default 5) is null, and so is any cell from which a null one "
    "could be recomputed. The public gets the clients and workers tables of provinces and kabupaten/kota: "
    "its clients are those in care at the end of the last complete month (`as_of`), the same all month, so that two "
    "readings do not show this month's admissions and discharges one by one (workers: today's). No other month and no "
    "breakdowns (setting, ppks, role, month: 400); a province server publishes its own province and its "
    "kabupaten/kota only (another region: 400, as for an unknown code); trend and children are for signed-in "
    "callers. Signed-in callers get exact figures for areas within their scope (default: their first area); another "
    "area gives 403."
)


class _IndicatorView(KnownQueryParameters, APIView):
    permission_classes = [AllowAny, SecondFactorPassed]
    table = ""

    def get(self, request: Request) -> Response:
        try:
            filters = IndicatorFilters.from_query(request.query_params)
            user = request.user
            # An account without any aggregate scope is treated as the public, not refused.
            public = not user.is_authenticated or indicator_scope(user) == []
            indicators = Indicators(actor=user, filters=filters, public=public)
            table = indicators.table(self.table)
        except ValidationError as error:
            return Response(error.message_dict, status=status.HTTP_400_BAD_REQUEST)
        except PermissionDenied as error:
            return Response({"detail": str(error)}, status=status.HTTP_403_FORBIDDEN)
        payload: dict[str, Any] = {
            "area": {"code": indicators.area.code, "name": indicators.area.name},
            "public": indicators.public,
            "as_of": indicators.figures_date(self.table).isoformat(),
            **table.as_json(),
        }
        return Response(payload)


class ClientIndicatorView(_IndicatorView):
    """Active placements by PPKS category × the areas one level below the chosen one."""

    table = "clients"

    @extend_schema(
        parameters=[REGION, SETTING, PPKS, MONTH],
        responses={200: MatrixSerializer, **ERRORS},
        summary="Penerima layanan aktif per kategori PPKS dan wilayah",
        description=DESCRIPTION,
        examples=[
            OpenApiExample(
                "Publik, Kalimantan Selatan",
                value={
                    "area": {"code": "63", "name": "Kalimantan Selatan"},
                    "public": True,
                    "as_of": "2026-11-30",
                    "rows": [{"code": "anak_telantar", "label": "Anak Telantar"}],
                    "columns": [
                        {"code": "63.71", "label": "Kota Banjarmasin"},
                        {"code": "63.72", "label": "Kota Banjarbaru"},
                    ],
                    "cells": [[12, None]],
                    "row_totals": [15],
                    "column_totals": [12, None],
                    "total": 15,
                    "suppressed_cells": 2,
                    "threshold": 5,
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


class TrendIndicatorView(_IndicatorView):
    """Active at each month's end, admissions and discharges, for the last 24 months of one area."""

    table = "trend"

    @extend_schema(
        parameters=[REGION, SETTING, PPKS],
        responses={200: TrendSerializer, **ERRORS},
        summary="Tren bulanan penerima layanan",
        description=DESCRIPTION,
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


class ChildrenIndicatorView(_IndicatorView):
    """Children (PPKS categories of an LKS Anak) in residential vs family-based care, by area."""

    table = "children"

    @extend_schema(
        parameters=[REGION, MONTH],
        responses={200: MatrixSerializer, **ERRORS},
        summary="Anak dalam panti dan berbasis keluarga",
        description=DESCRIPTION,
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


class WorkerIndicatorView(_IndicatorView):
    """Active workers by PSKS category × the areas one level below the chosen one."""

    table = "workers"

    @extend_schema(
        parameters=[REGION, ROLE],
        responses={200: MatrixSerializer, **ERRORS},
        summary="Pekerja sosial aktif per kategori PSKS dan wilayah",
        description=DESCRIPTION,
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


urlpatterns = [
    path("clients/", ClientIndicatorView.as_view(), name="indicators-clients"),
    path("trend/", TrendIndicatorView.as_view(), name="indicators-trend"),
    path("children/", ChildrenIndicatorView.as_view(), name="indicators-children"),
    path("workers/", WorkerIndicatorView.as_view(), name="indicators-workers"),
]
