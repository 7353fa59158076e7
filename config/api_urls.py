from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("auth/", include("sinergi.accounts.api.urls")),
    path("regions/", include("sinergi.regions.api.urls")),
    path("organisations/", include("sinergi.organisations.api.urls")),
    path("partnerships/", include("sinergi.partnerships.api.urls")),
    path("indicators/", include("sinergi.people.api.indicators")),
    path("", include("sinergi.people.api.urls")),  # clients/, placements/, workers/
    path("meetings/", include("sinergi.meetings.api.urls")),
    path("statistics/", include("sinergi.statistics.api.urls")),
    path("referrals/", include("sinergi.referrals.api.urls")),
]
