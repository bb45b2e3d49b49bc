from django.urls import path

from . import views

urlpatterns = [
    path("checkins/", views.checkin_list, name="checkin_list"),
    path("checkins/household/<uuid:public_id>/", views.checkin_plan, name="checkin_plan"),
    path("checkins/<uuid:public_id>/", views.checkin_detail, name="checkin_detail"),
]
