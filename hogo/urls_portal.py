from django.contrib.auth.views import LogoutView
from django.urls import include, path

from hogo.common.views import health
from hogo.portal import views

urlpatterns = [
    path("", views.index, name="portal_index"),
    path("healthz", health, name="health"),
    path("login/", views.PortalLogin.as_view(), name="portal_login"),
    path("logout/", LogoutView.as_view(), name="portal_logout"),
    path("activate/", views.activate, name="portal_activate"),
    path("agency/", views.home, name="portal_home"),
    path("agency/conferences/<str:key>/", views.conference, name="portal_conference"),
    path("agency/conferences/<str:key>/pledge", views.pledge, name="portal_pledge"),
    path("agency/conferences/<str:key>/dates", views.dates, name="portal_dates"),
    path("my/", include("hogo.recipient_portal.urls")),
    path("my/", include("hogo.portal_visits.urls")),
    path("my/", include("hogo.portal_voice.urls")),
    path("my/", include("hogo.portal_notify.urls")),
]
