from rest_framework.routers import SimpleRouter

from .views import ClientViewSet, PlacementViewSet, WorkerViewSet

router = SimpleRouter()
router.register("clients", ClientViewSet, basename="client")
router.register("placements", PlacementViewSet, basename="placement")
router.register("workers", WorkerViewSet, basename="worker")
urlpatterns = router.urls
