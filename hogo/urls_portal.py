from django.urls import path

from hogo.common.views import health
from hogo.portal import views

urlpatterns = [
    path("", views.index, name="portal_index"),
    path("healthz", health, name="health"),
]
