from django.urls import path

from . import inbox_views

urlpatterns = [
    path("approvals/inbox/", inbox_views.approval_inbox, name="approval_inbox"),
    path("approvals/returned/", inbox_views.returned_drafts, name="returned_drafts"),
]
