from django.urls import path

from . import views

app_name = "partnerships"
urlpatterns = [
    path("", views.AgreementListView.as_view(), name="list"),
    path("new/", views.AgreementCreateView.as_view(), name="create"),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("parties/search/", views.party_search, name="party_search"),
    path("parties/row/", views.party_row, name="party_row"),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("documents/<int:pk>/delete/", views.document_delete, name="document_delete"),
    path("<int:pk>/", views.AgreementDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.AgreementUpdateView.as_view(), name="update"),
    path("<int:pk>/documents/", views.document_upload, name="document_upload"),
    path("<int:pk>/<str:transition>/", views.agreement_transition, name="transition"),
]
