from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings

from sinergi.core.api import KnownQueryParameters, PageNumberPagination
from sinergi.regions.codes import normalize_code
from sinergi.regions.models import Region
from sinergi.regions.selectors import region_ancestors, region_list, region_paths

from .serializers import RegionDetailSerializer, RegionQuerySerializer, RegionSerializer

# Public reference data, yet the project's other default checks (e.g. a half-signed-in 2FA session) still apply;
# regions sits below accounts, so it takes them from the settings rather than importing them.
PUBLIC_PERMISSIONS = [AllowAny, *(p for p in api_settings.DEFAULT_PERMISSION_CLASSES if p is not IsAuthenticated)]


class RegionPagination(PageNumberPagination):
    """50 per page; a client may ask for up to 1,000 (e.g. every desa of a kecamatan or kabupaten at once)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 1000


@extend_schema_view(
    get=extend_schema(
        tags=["regions"],
        summary="Daftar wilayah (provinsi, kabupaten/kota, kecamatan, desa/kelurahan)",
        description=(
            "Tanpa parameter: 38 provinsi. `parent`: anak langsung kode itu (mis. `63` → 13 kabupaten/kota "
            "Kalimantan Selatan). `q`: cari nama (tanpa membedakan huruf besar/kecil) atau awalan kode. "
            "`level`: hanya tingkat itu. Data rujukan publik (Kepmendagri); tidak perlu masuk."
        ),
        parameters=[RegionQuerySerializer],
        responses={
            200: RegionSerializer(many=True),
            400: OpenApiResponse(description="Parameter tidak sah, mis. kode induk yang tidak ada."),
        },
        auth=[],
    )
)
class RegionListView(KnownQueryParameters, generics.ListAPIView):
    """Public list of regions: the provinces, the children of a region, or a search."""

    serializer_class = RegionSerializer
    permission_classes = PUBLIC_PERMISSIONS
    pagination_class = RegionPagination
    filter_backends: list = []

    def get_queryset(self):
        params = RegionQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        return region_list(
            parent=data.get("parent"),
            q=data.get("q", ""),
            level=data.get("level"),
            include_retired=data["include_retired"],
        )

    def get_serializer(self, *args, **kwargs):
        # One query for the ancestors' names of the whole page, not one per row.
        if args and isinstance(args[0], list):
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["paths"] = region_paths(args[0])
        return super().get_serializer(*args, **kwargs)


@extend_schema_view(
    get=extend_schema(
        tags=["regions"],
        summary="Satu wilayah, dengan induk-induknya",
        parameters=[
            OpenApiParameter(
                "code",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Kode bertitik (63.71.01.1001) atau hanya angka (6371011001).",
                examples=[OpenApiExample("Kelurahan Mantuil", value="63.71.01.1001")],
            )
        ],
        responses={200: RegionDetailSerializer, 404: OpenApiResponse(description="Kode tidak ada.")},
        auth=[],
    )
)
class RegionDetailView(KnownQueryParameters, generics.RetrieveAPIView):
    """Public detail of one region with its path and ancestors."""

    serializer_class = RegionDetailSerializer
    permission_classes = PUBLIC_PERMISSIONS
    filter_backends: list = []
    queryset = Region.objects.all()

    def get_object(self) -> Region:
        code = normalize_code(self.kwargs["code"])
        if code is None:
            raise NotFound(_("Kode wilayah “%(code)s” tidak sah.") % {"code": self.kwargs["code"]})
        return get_object_or_404(Region.objects.annotate(children_count=Count("children")), code=code)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "code" in self.kwargs and getattr(self, "_region", None) is not None:
            context["paths"] = region_paths([self._region])
            context["ancestors"] = region_ancestors(self._region)
        return context

    def retrieve(self, request, *args, **kwargs):
        self._region = self.get_object()
        serializer = self.get_serializer(self._region)
        return Response(serializer.data)
