from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.PersonListView.as_view(), name="list"),
    path("purpose/", views.PurposeView.as_view(), name="purpose"),
    path("export/", views.person_export, name="export"),
    path("admit/", views.PersonAdmitView.as_view(), name="admit"),
    path("reviews/", views.ReviewsDueView.as_view(), name="reviews_due"),
    path("duplicates/", views.DuplicateListView.as_view(), name="duplicates"),
    path("duplicates/<int:pk>/resolve/", views.duplicate_resolve, name="duplicate_resolve"),
    path("duplicates/<int:pk>/merge/", views.DuplicateMergeView.as_view(), name="duplicate_merge"),
    path("<int:pk>/", views.PersonDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.PersonUpdateView.as_view(), name="edit"),
    path("<int:pk>/nik/", views.person_full_nik, name="full_nik"),
    path("<int:pk>/consent/", views.person_consent, name="consent"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path(
        "consents/<int:pk>/withdrawal/correct/",
        views.consent_withdrawal_correct,
        name="consent_withdrawal_correct",
    ),
    path("<int:pk>/incident/", views.person_incident, name="incident"),
    path("incidents/", views.incident_list, name="incidents"),
    path("<int:pk>/subject-request/", views.SubjectRequestView.as_view(), name="subject_request"),
    path("<int:pk>/restrict/", views.person_restrict, name="restrict"),
    path("<int:pk>/erase/", views.person_erase, name="erase"),
    path("placements/<int:pk>/stage/", views.placement_stage, name="placement_stage"),
    path("placements/<int:pk>/review/", views.placement_review, name="placement_review"),
    path("placements/<int:pk>/discharge/", views.PlacementDischargeView.as_view(), name="placement_discharge"),
    path("placements/<int:pk>/correct/", views.PlacementCorrectView.as_view(), name="placement_correct"),
    path("workers/", views.WorkerListView.as_view(), name="worker_list"),
    path("workers/new/", views.WorkerCreateView.as_view(), name="worker_create"),
    path("workers/<int:pk>/", views.WorkerDetailView.as_view(), name="worker_detail"),
    path("workers/<int:pk>/edit/", views.WorkerUpdateView.as_view(), name="worker_edit"),
    path("workers/<int:pk>/end/", views.WorkerEndView.as_view(), name="worker_end"),
]
