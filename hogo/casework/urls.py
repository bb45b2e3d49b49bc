from django.urls import path

from . import views

urlpatterns = [
    path("visits/", views.visit_list, name="visit_list"),
    path("visits/route/", views.visit_route, name="visit_route"),
    path("visits/calendar/", views.visit_calendar, name="visit_calendar"),
    path("visits/<uuid:public_id>/status/", views.visit_status, name="visit_status"),
    path("households/<uuid:public_id>/visits/new/", views.visit_new, name="visit_new"),
    path("households/<uuid:public_id>/visit-sheet/", views.visit_sheet, name="visit_sheet"),
    path("households/<uuid:public_id>/grade/", views.grade, name="visit_grade"),
    path("households/<uuid:public_id>/records/new/", views.record_new, name="record_new"),
    path("households/<uuid:public_id>/records/new/draft/", views.record_draft, name="record_draft"),
    path("records/", views.record_search, name="record_search"),
    path("records/<uuid:public_id>/", views.record_detail, name="record_detail"),
    path("records/<uuid:public_id>/save/", views.record_save, name="record_save"),
    path("records/<uuid:public_id>/confirm/", views.record_confirm, name="record_confirm"),
    path("records/<uuid:public_id>/sign/", views.record_sign, name="record_sign"),
    path("records/<uuid:public_id>/addenda/", views.record_addendum, name="record_addendum"),
    path("photos/<uuid:public_id>/", views.photo, name="photo"),
    path("declarations/<uuid:public_id>/photos/", views.declaration_photo, name="declaration_photo"),
    path("casework/overrides/", views.grade_overrides, name="grade_overrides"),
]
