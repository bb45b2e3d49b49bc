from django.urls import path

from . import views

urlpatterns = [
    path("visits/", views.my_visits, name="my_visits"),
    path("visits/<str:key>/answer/", views.my_visit_answer, name="my_visit_answer"),
    path("checkins/", views.my_checkins, name="my_checkins"),
    path("checkins/<str:key>/answer/", views.my_checkin_answer, name="my_checkin_answer"),
]
