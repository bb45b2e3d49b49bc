from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="my_home"),
    path("activate/", views.activate, name="my_activate"),
    path("verify/", views.verify, name="my_verify"),
    path("settings/", views.settings_page, name="my_settings"),
    path("submissions/", views.submissions, name="my_submissions"),
    path("submissions/new/<str:kind>/", views.submission_new, name="my_submission_new"),
    path("submissions/<str:key>/", views.submission, name="my_submission"),
    path("submissions/<str:key>/receipt.pdf", views.receipt, name="my_receipt"),
]
