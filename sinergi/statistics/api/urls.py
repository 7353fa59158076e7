from django.urls import path

from . import views

urlpatterns = [
    path("lks/", views.LksCountView.as_view(), name="statistics-lks-count"),
    path("official-figures/", views.OfficialFiguresView.as_view(), name="statistics-official-figures"),
]
