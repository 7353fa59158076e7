from django.urls import path

from . import views

app_name = "vocabularies"
urlpatterns = [
    path("", views.VocabularyListView.as_view(), name="list"),
    path("<slug:vocabulary>/", views.VocabularyDetailView.as_view(), name="detail"),
    path("<slug:vocabulary>/add/", views.TermCreateView.as_view(), name="term_create"),
    path("terms/<int:pk>/edit/", views.TermUpdateView.as_view(), name="term_update"),
    path("terms/<int:pk>/deactivate/", views.TermDeactivateView.as_view(), name="term_deactivate"),
    path("terms/<int:pk>/activate/", views.TermActivateView.as_view(), name="term_activate"),
    path("terms/<int:pk>/delete/", views.TermDeleteView.as_view(), name="term_delete"),
]
