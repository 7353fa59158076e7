from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sinergi.accounts.api.permissions import SecondFactorPassed
from sinergi.core.api import KnownQueryParameters
from sinergi.statistics import selectors
from sinergi.statistics.selectors import CrossTab

from .serializers import LksCountSerializer, OfficialFiguresSerializer, RegionQuerySerializer


def lks_count_payload(crosstab: CrossTab) -> dict[str, Any]:
    """The JSON shape of a count: totals by kind and by kabupaten/kota code (province-level LKS only in total)."""
    totals = crosstab.row_totals()
    return {
        "total": crosstab.total,
        "by_kind": crosstab.column_totals(),
        "by_regency": {row.code: totals[row.code] for row in crosstab.rows if row.code},
        "as_of": timezone.now(),
    }


def _region(request: Request) -> str | None:
    query = RegionQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data.get("region")


class LksCountView(KnownQueryParameters, APIView):
    """Public count of active LKS by primary kind and by kabupaten/kota."""

    permission_classes = [AllowAny, SecondFactorPassed]

    @extend_schema(
        parameters=[RegionQuerySerializer],
        responses={200: LksCountSerializer},
        summary="Jumlah LKS aktif",
        description=(
            "Active LKS (kind LKS or LKS asing, status active) counted once each under their primary service kind. "
            "With `region`, only LKS in that region and every kabupaten/kota of it (0 where none); without it, every "
            "kabupaten/kota of each province that has active LKS. An unknown region code gives 400."
        ),
        examples=[
            OpenApiExample(
                "Kalimantan Selatan",
                value={
                    "total": 154,
                    "by_kind": {"anak": 140, "lanjut_usia": 4, "disabilitas": 7, "napza": 3, "lainnya": 0},
                    "by_regency": {"63.71": 40, "63.72": 12},
                    "as_of": "2025-08-17T10:00:00+08:00",
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        crosstab = selectors.public_lks_count_by_kind_and_regency(region_code=_region(request))
        return Response(LksCountSerializer(lks_count_payload(crosstab)).data)


class OfficialFiguresView(KnownQueryParameters, APIView):
    """Public dated, sourced LKS figures of a region beside the registry's own count."""

    permission_classes = [AllowAny, SecondFactorPassed]

    @extend_schema(
        parameters=[RegionQuerySerializer],
        responses={200: OfficialFiguresSerializer},
        summary="Angka resmi LKS",
        description="Published LKS counts of a region (default: the deployment province; on a national server the "
        "province with most active LKS) with date and source, and the registry's current count of active LKS there by "
        "the same rule.",
    )
    def get(self, request: Request) -> Response:
        region_code = _region(request) or selectors.home_province()
        result = selectors.official_figures(province_code=region_code)
        payload = {
            "region": result.region.code,
            "region_name": result.region.name,
            "figures": result.figures,
            "registry": {**lks_count_payload(result.registry), "as_of": result.as_of},
        }
        return Response(OfficialFiguresSerializer(payload).data)
