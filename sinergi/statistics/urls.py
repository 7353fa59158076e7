from django.urls import path

from . import views

app_name = "statistics"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("public/", views.PublicStatisticsView.as_view(), name="public"),
]
