from django.urls import path

from . import views

app_name = "statistics"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("map-points/", views.MapPointsView.as_view(), name="map_points"),
    path("public/", views.PublicStatisticsView.as_view(), name="public"),
]
