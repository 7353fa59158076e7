from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("", views.ExchangeIndexView.as_view(), name="index"),
    path("templates/<slug:entity>/", views.template_download, name="template"),
    path("imports/", views.ImportJobListView.as_view(), name="import_list"),
    path("imports/<int:pk>/", views.ImportJobView.as_view(), name="job"),
    path("imports/by-key/<uuid:key>/", views.import_job_by_key, name="job_by_key"),
    path("imports/<int:pk>/confirm/", views.import_job_confirm, name="job_confirm"),
    path("imports/<int:pk>/retry/", views.import_job_retry, name="job_retry"),
    path("imports/<int:pk>/sheet/", views.import_job_read_sheet, name="job_sheet"),
    path("imports/<int:pk>/cancel/", views.import_job_cancel, name="job_cancel"),
    path("imports/<int:pk>/report/", views.import_job_report, name="job_report"),
    path("export/<slug:entity>/", views.export, name="export"),
    path("queue/", views.JobQueueView.as_view(), name="queue"),
    path("exports/", views.ExportJobListView.as_view(), name="export_list"),
    path("exports/<int:pk>/", views.ExportJobView.as_view(), name="export_job"),
    path("exports/<int:pk>/cancel/", views.export_job_cancel, name="export_cancel"),
    path("exports/<int:pk>/download/", views.export_job_download, name="export_download"),
    path("reports/lks/<int:pk>.pdf", views.lks_profile_pdf, name="lks_profile_pdf"),
    path("reports/regency/<str:code>.pdf", views.regency_summary_pdf, name="regency_pdf"),
    path("reports/province.pdf", views.province_report_pdf, name="province_pdf"),
]
