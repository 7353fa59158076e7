from django.urls import path

from . import views

app_name = "referrals"
urlpatterns = [
    path("", views.ReferralListView.as_view(), name="list"),
    path("capacity/", views.capacity, name="capacity"),
    path("intake/", views.IntakeView.as_view(), name="intake"),
    path("new/<int:person_pk>/", views.ReferralCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ReferralDetailView.as_view(), name="detail"),
    path("<int:pk>/accept/", views.referral_accept, name="accept"),
    path("<int:pk>/decline/", views.referral_decline, name="decline"),
    path("<int:pk>/complete/", views.referral_complete, name="complete"),
    path("<int:pk>/cancel/", views.referral_cancel, name="cancel"),
]
