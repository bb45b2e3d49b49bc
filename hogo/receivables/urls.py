from django.urls import path

from . import views

urlpatterns = [
    path("households/<uuid:public_id>/determinations/new/", views.determination_new, name="determination_new"),
    path("determinations/<uuid:public_id>/", views.determination_detail, name="determination_detail"),
    path("receivables/", views.receivable_list, name="receivable_list"),
    path("receivables/<uuid:public_id>/", views.receivable_detail, name="receivable_detail"),
    path("receivables/<uuid:public_id>/slips.pdf", views.payment_slips, name="payment_slips"),
    path("receivables/dunning/", views.dunning, name="dunning"),
    path("receivables/dunning/<uuid:public_id>/", views.dunning_batch, name="dunning_batch"),
    path("receivables/dunning/<uuid:public_id>/letters.pdf", views.dunning_letters, name="dunning_letters"),
    path("receivables/dunning/<uuid:public_id>/sms.zip", views.dunning_export, name="dunning_export"),
]
