from django.urls import include, path

from . import views

urlpatterns = [
    path("households/<uuid:public_id>/medical/new/", views.medical_request_new, name="medical_request_new"),
    path("medical/requests/<uuid:public_id>/", views.medical_request_detail, name="medical_request_detail"),
    path("medical/requests/<uuid:public_id>/opinion/", views.medical_opinion_issue, name="medical_opinion_issue"),
    path("medical/opinions/<uuid:public_id>/", views.medical_opinion_detail, name="medical_opinion_detail"),
    path("medical/opinions/<uuid:public_id>/opinion.pdf", views.medical_opinion_pdf, name="medical_opinion_pdf"),
    path("medical/opinions/<uuid:public_id>/reply/", views.medical_opinion_reply, name="medical_opinion_reply"),
    path("medical/opinions/<uuid:public_id>/decide/", views.medical_period_decide, name="medical_period_decide"),
    path("medical/review/", views.medical_review_queue, name="medical_review_queue"),
    path("medical/review/<uuid:public_id>/", views.medical_review, name="medical_review"),
    path("medical/tickets/", views.medical_tickets, name="medical_tickets"),
    path("medical/tickets/runs/<uuid:public_id>/", views.medical_ticket_run, name="medical_ticket_run"),
    path(
        "medical/tickets/runs/<uuid:public_id>/<int:institution_id>.pdf",
        views.medical_ticket_run_pdf,
        name="medical_ticket_run_pdf",
    ),
    path(
        "medical/tickets/runs/<uuid:public_id>/registration.csv",
        views.medical_ticket_run_file,
        name="medical_ticket_run_file",
    ),
    path("medical/tickets/<uuid:public_id>/", views.medical_ticket_detail, name="medical_ticket_detail"),
    path("medical/tickets/<uuid:public_id>/correct/", views.medical_ticket_correct, name="medical_ticket_correct"),
    path("", include("hogo.medical.care_urls")),
]
