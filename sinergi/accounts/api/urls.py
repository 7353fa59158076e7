from django.urls import path

from .views import AuthTokenView, MeView

app_name = "auth-api"
urlpatterns = [
    path("token/", AuthTokenView.as_view(), name="token"),
    path("me/", MeView.as_view(), name="me"),
]
