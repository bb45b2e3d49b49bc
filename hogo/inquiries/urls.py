from django.urls import path

from . import views

urlpatterns = [
    path("households/<uuid:public_id>/inquiries/banks/", views.inquiry_new_banks, name="inquiry_new_banks"),
    path("households/<uuid:public_id>/inquiries/letter/", views.inquiry_new_letter, name="inquiry_new_letter"),
    path("inquiries/", views.inquiry_office, name="inquiry_office"),
    path("inquiries/figures/", views.inquiry_figures, name="inquiry_figures"),
    path("inquiries/batches/export/", views.inquiry_batch_export, name="inquiry_batch_export"),
    path("inquiries/batches/<uuid:public_id>.zip", views.inquiry_batch_file, name="inquiry_batch_file"),
    path("inquiries/letters.pdf", views.inquiry_letters, name="inquiry_letters"),
    path("inquiries/letters/sent/", views.inquiry_letters_sent, name="inquiry_letters_sent"),
    path("inquiries/<uuid:public_id>/", views.inquiry_detail, name="inquiry_detail"),
    path("inquiries/<uuid:public_id>/cancel/", views.inquiry_cancel, name="inquiry_cancel"),
    path("inquiries/<uuid:public_id>/reply/", views.inquiry_reply, name="inquiry_reply"),
    path("inquiries/<uuid:public_id>/letter.pdf", views.inquiry_letter, name="inquiry_letter"),
    path("inquiries/<uuid:public_id>/remind/", views.inquiry_remind, name="inquiry_remind"),
]
