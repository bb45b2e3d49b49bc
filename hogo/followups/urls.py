from django.urls import path

from . import views

urlpatterns = [
    path("followups/<uuid:public_id>/", views.followup_detail, name="followup_detail"),
    path("followups/<uuid:public_id>/snooze/", views.followup_snooze, name="followup_snooze"),
    path("followups/<uuid:public_id>/done/", views.followup_done, name="followup_done"),
    path("households/<uuid:public_id>/declarations/new/", views.declaration_new, name="declaration_new"),
    path("declarations/<uuid:public_id>/", views.declaration_detail, name="declaration_detail"),
    path("declarations/<uuid:public_id>/income/", views.declaration_income_new, name="declaration_income_new"),
    path("team/", views.team, name="team"),
    path("notices/", views.notices, name="notices"),
]
