from django.urls import path

from . import views

urlpatterns = [
    path("households/<uuid:public_id>/determinations/new/", views.determination_new, name="determination_new"),
    path("determinations/<uuid:public_id>/", views.determination_detail, name="determination_detail"),
    path("determinations/<uuid:public_id>/approve/", views.determination_approve, name="determination_approve"),
    path("determinations/<uuid:public_id>/return/", views.determination_return, name="determination_return"),
    path("receivables/", views.receivable_list, name="receivable_list"),
    path("receivables/<uuid:public_id>/", views.receivable_detail, name="receivable_detail"),
    path("receivables/<uuid:public_id>/payments/", views.receivable_payment, name="receivable_payment"),
    path("receivables/<uuid:public_id>/plan/", views.receivable_plan, name="receivable_plan"),
    path("receivables/<uuid:public_id>/offset/", views.receivable_offset, name="receivable_offset"),
    path(
        "receivables/<uuid:public_id>/offset-application/",
        views.receivable_offset_application,
        name="receivable_offset_application",
    ),
    path("receivables/<uuid:public_id>/contact/", views.receivable_contact, name="receivable_contact"),
    path("receivables/<uuid:public_id>/write-off/", views.receivable_write_off, name="receivable_write_off"),
    path("receivables/<uuid:public_id>/slips.pdf", views.payment_slips, name="payment_slips"),
    path("receivables/dunning/", views.dunning, name="dunning"),
    path("receivables/dunning/<uuid:public_id>/", views.dunning_batch, name="dunning_batch"),
    path("receivables/dunning/<uuid:public_id>/letters.pdf", views.dunning_letters, name="dunning_letters"),
    path("receivables/dunning/<uuid:public_id>/sms.zip", views.dunning_export, name="dunning_export"),
]
