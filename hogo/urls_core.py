from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hogo.common.views import health
from hogo.offices.views import OwnPasswordChangeView, StaffLoginView

admin.site.site_header = "Hogo 管理"
admin.site.site_title = "Hogo 管理"

urlpatterns = [
    path("accounts/login/", StaffLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", OwnPasswordChangeView.as_view(), name="password_change"),
    path("healthz", health, name="health"),
    path("admin/", admin.site.urls),
    path("", include("hogo.offices.urls")),
    path("", include("hogo.households.urls")),
    path("", include("hogo.decisions.urls")),
    path("", include("hogo.followups.urls")),
    path("", include("hogo.casework.urls")),
    path("", include("hogo.collaboration.urls")),
    path("", include("hogo.knowledge.urls")),
    path("", include("hogo.receivables.urls")),
    path("", include("hogo.approvals.urls")),
    path("", include("hogo.linkage.urls")),
    path("", include("hogo.inquiries.urls")),
    path("", include("hogo.medical.urls")),
    path("", include("hogo.payments.urls")),
    path("", include("hogo.reports.urls")),
    path("", include("hogo.recipients.urls")),
    path("", include("hogo.checkins.urls")),
    path("", include("hogo.voice.urls")),
]
