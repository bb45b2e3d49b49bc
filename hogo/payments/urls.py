from django.urls import path

from . import views

urlpatterns = [
    path("payments/", views.payment_office, name="payment_office"),
    path("payments/results/", views.payment_results_import, name="payment_results_import"),
    path("payments/runs/<uuid:public_id>/", views.payment_run, name="payment_run"),
    path("payments/runs/<uuid:public_id>/approve/", views.payment_run_approve, name="payment_run_approve"),
    path("payments/runs/<uuid:public_id>/return/", views.payment_run_return, name="payment_run_return"),
    path("payments/runs/<uuid:public_id>/recompute/", views.payment_run_recompute, name="payment_run_recompute"),
    path("payments/runs/<uuid:public_id>/zengin.txt", views.payment_run_zengin, name="payment_run_zengin"),
    path("payments/runs/<uuid:public_id>/<str:document>.pdf", views.payment_run_pdf, name="payment_run_pdf"),
    path("payments/runs/<uuid:public_id>/proxy.csv", views.payment_run_proxy_csv, name="payment_run_proxy_csv"),
    path("payments/payments/<uuid:public_id>/repay/", views.payment_repay, name="payment_repay"),
    path("payments/repayments/<uuid:public_id>.pdf", views.payment_repayment_receipt, name="payment_repayment_receipt"),
    path("households/<uuid:public_id>/payment-method/", views.payment_method_edit, name="payment_method_edit"),
    path("households/<uuid:public_id>/proxy-payee/", views.proxy_payee_edit, name="proxy_payee_edit"),
]
