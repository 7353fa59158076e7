from rest_framework.routers import SimpleRouter

from .views import ActionItemViewSet, MeetingViewSet

router = SimpleRouter()
# action-items first: the meetings' own routes start at the prefix root.
router.register("action-items", ActionItemViewSet, basename="meeting-action-item")
router.register("", MeetingViewSet, basename="meeting")
urlpatterns = router.urls
