from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="list"),
    path("export/", views.organisation_export, name="export"),
    path("new/", views.OrganisationCreateView.as_view(), name="create"),
    path("<int:pk>/", views.OrganisationDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.OrganisationUpdateView.as_view(), name="update"),
    path("<int:pk>/<str:transition>/", views.organisation_transition, name="transition"),
    path("boards/", views.BoardListView.as_view(), name="boards"),
    path("boards/new/", views.board_create, name="board_create"),
    path("boards/<int:pk>/", views.BoardDetailView.as_view(), name="board_detail"),
    path("boards/<int:pk>/<str:what>/", views.board_change, name="board_change"),
]
