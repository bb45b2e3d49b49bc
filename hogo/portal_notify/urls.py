from django.urls import path

from . import views

urlpatterns = [
    path("notifications/", views.my_notifications, name="my_notifications"),
    path("notifications/settings", views.my_notify_settings, name="my_notify_settings"),
]
