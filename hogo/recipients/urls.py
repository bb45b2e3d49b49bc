from django.urls import path

from . import views

urlpatterns = [
    path("households/<uuid:public_id>/portal-accounts/new", views.account_issue, name="recipient_account_issue"),
    path("portal-accounts/<uuid:public_id>/reissue", views.account_reissue, name="recipient_account_reissue"),
    path("portal-accounts/<uuid:public_id>/end", views.account_end, name="recipient_account_end"),
    path("portal-accounts/<uuid:public_id>/letter.pdf", views.account_letter, name="recipient_account_letter"),
    path("portal-submissions/<uuid:public_id>/", views.submission, name="recipient_submission"),
    path("portal-submissions/<uuid:public_id>/return", views.submission_return, name="recipient_submission_return"),
    path("portal-documents/<uuid:public_id>/", views.document, name="recipient_document"),
]
