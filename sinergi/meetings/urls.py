from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    path("new/", views.MeetingCreateView.as_view(), name="create"),
    path("actions/", views.MyActionItemsView.as_view(), name="my_actions"),
    path("actions/<int:pk>/status/", views.action_item_status, name="action_status"),
    path("rsvp/<str:token>/", views.RsvpView.as_view(), name="rsvp"),
    path("checkin/<str:token>/<str:day>/", views.CheckInView.as_view(), name="checkin"),
    path("<int:pk>/", views.MeetingDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="edit"),
    path("<int:pk>/attendance/<str:day>/", views.AttendanceView.as_view(), name="attendance"),
    path("<int:pk>/minutes/", views.MinutesView.as_view(), name="minutes"),
    path("<int:pk>/minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/attendance.pdf", views.attendance_pdf, name="attendance_pdf"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/<slug:what>/", views.meeting_change, name="change"),
]
