from django.urls import path

from .views import AuditLogExportView, AuditLogView

app_name = "audit"
urlpatterns = [
    path("", AuditLogView.as_view(), name="log"),
    path("export/", AuditLogExportView.as_view(), name="export"),
]
