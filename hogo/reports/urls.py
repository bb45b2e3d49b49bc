from django.urls import path

from . import views

urlpatterns = [
    path("reports/", views.report_index, name="report_index"),
    path("reports/runs/<uuid:public_id>/", views.report_run, name="report_run"),
    path("reports/runs/<uuid:public_id>/report.xlsx", views.report_run_xlsx, name="report_run_xlsx"),
    path("reports/runs/<uuid:public_id>/report.csv", views.report_run_csv, name="report_run_csv"),
]
