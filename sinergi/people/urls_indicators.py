from django.urls import path

from . import views_indicators

app_name = "indicators"

urlpatterns = [
    path("", views_indicators.IndicatorDashboardView.as_view(), name="dashboard"),
    path("public/", views_indicators.PublicIndicatorView.as_view(), name="public"),
]
