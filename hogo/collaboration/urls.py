from django.urls import path

from . import views

urlpatterns = [
    path("households/<uuid:public_id>/issues/new/", views.issue_new, name="issue_new"),
    path("households/<uuid:public_id>/consents/new/", views.consent_new, name="consent_new"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("households/<uuid:public_id>/conference-need/", views.assessment, name="conference_assessment"),
    path("households/<uuid:public_id>/conferences/new/", views.conference_new, name="conference_new"),
    path("conferences/<uuid:public_id>/", views.conference_detail, name="conference_detail"),
    path("conferences/<uuid:public_id>/dates/", views.conference_date, name="conference_date"),
    path("conferences/<uuid:public_id>/members/", views.conference_member_add, name="conference_member_add"),
    path(
        "conferences/<uuid:public_id>/members/remove/", views.conference_member_remove, name="conference_member_remove"
    ),
    path("conferences/<uuid:public_id>/materials/", views.conference_materials, name="conference_materials"),
    path("conferences/<uuid:public_id>/meeting/", views.conference_meeting, name="conference_meeting"),
    path("conferences/<uuid:public_id>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("conferences/<uuid:public_id>/example.json", views.example_export, name="example_export"),
    path("conferences/<uuid:public_id>/plan/new/", views.plan_new, name="plan_new"),
    path("plans/<uuid:public_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<uuid:public_id>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("agency/", views.agency_home, name="agency_home"),
    path("agency/conferences/<uuid:public_id>/", views.agency_conference, name="agency_conference"),
    path("agency/conferences/<uuid:public_id>/pledge/", views.agency_pledge, name="agency_pledge"),
    path("agency/conferences/<uuid:public_id>/dates/", views.agency_dates, name="agency_dates"),
]
