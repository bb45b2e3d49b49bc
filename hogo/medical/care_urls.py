"""URLs of 介護扶助 and 移送費, included from hogo/medical/urls.py."""

from django.urls import path

from . import care_views

urlpatterns = [
    path("households/<uuid:public_id>/medical/care/", care_views.household_care, name="household_care"),
    path("households/<uuid:public_id>/medical/care/plans/new/", care_views.care_plan_new, name="care_plan_new"),
    path("households/<uuid:public_id>/medical/transports/new/", care_views.transport_new, name="transport_new"),
    path("medical/care-plans/<uuid:public_id>/", care_views.care_plan_detail, name="care_plan_detail"),
    path("medical/transports/<uuid:public_id>/", care_views.transport_detail, name="transport_detail"),
    path("medical/transports/<uuid:public_id>/approve/", care_views.transport_approve, name="transport_approve"),
    path("medical/transports/<uuid:public_id>/return/", care_views.transport_return, name="transport_return"),
]
