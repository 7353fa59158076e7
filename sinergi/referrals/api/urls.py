from rest_framework.routers import SimpleRouter

from .views import ReferralViewSet

router = SimpleRouter()
router.register("", ReferralViewSet, basename="referral")
urlpatterns = router.urls
