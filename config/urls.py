from django.contrib import admin
from django.urls import include, path

from sinergi.accounts.views.auth import admin_login
from sinergi.accounts.views.profile import language_switch
from sinergi.statistics.views import home

urlpatterns = [
    path("", home, name="home"),
    # Django's set_language, which also keeps a signed-in user's choice in their profile.
    path("i18n/setlang/", language_switch, name="set_language"),
    path("accounts/", include("sinergi.accounts.urls")),
    path("audit/", include("sinergi.audit.urls")),
    path("notifications/", include("sinergi.notifications.urls")),
    path("regions/", include("sinergi.regions.urls")),
    path("vocabularies/", include("sinergi.vocabularies.urls")),
    path("organisations/", include("sinergi.organisations.urls")),
    path("people/indicators/", include("sinergi.people.urls_indicators")),
    path("people/", include("sinergi.people.urls")),
    path("referrals/", include("sinergi.referrals.urls")),
    path("meetings/", include("sinergi.meetings.urls")),
    path("partnerships/", include("sinergi.partnerships.urls")),
    path("directory/", include("sinergi.organisations.urls_public")),
    path("statistics/", include("sinergi.statistics.urls")),
    path("exchange/", include("sinergi.exchange.urls")),
    path("api/v1/", include("config.api_urls")),
    # The admin's own login would bypass lockout auditing and the second factor: ours instead.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
]

# A refused page is recorded in the audit log (who tried what) before the branded 403 page is shown.
handler403 = "sinergi.audit.views.permission_denied"
