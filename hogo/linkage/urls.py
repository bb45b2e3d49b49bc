from django.urls import path

from . import views

urlpatterns = [
    path("linkage/", views.linkage_list, name="linkage_list"),
    path("linkage/waiting/", views.linkage_waiting, name="linkage_waiting"),
    path("linkage/<uuid:public_id>/", views.linkage_detail, name="linkage_detail"),
    path("linkage/<uuid:public_id>/approve/", views.linkage_approve, name="linkage_approve"),
    path("linkage/<uuid:public_id>/notices/<int:drafter_id>.pdf", views.linkage_notices, name="linkage_notices"),
    path("linkage/rows/<uuid:public_id>/", views.linkage_row, name="linkage_row"),
    path("linkage/rows/<uuid:public_id>/resolve/", views.linkage_row_resolve, name="linkage_row_resolve"),
    path("linkage/rows/<uuid:public_id>/dismiss/", views.linkage_row_dismiss, name="linkage_row_dismiss"),
    path("linkage/rows/<uuid:public_id>/review/", views.linkage_row_review, name="linkage_row_review"),
    path("linkage/rows/<uuid:public_id>/confirm/", views.linkage_row_confirm, name="linkage_row_confirm"),
]
