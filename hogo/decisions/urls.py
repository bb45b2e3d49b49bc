from django.urls import path

from . import age_change_views, recalc_views, views

urlpatterns = [
    path("households/<uuid:public_id>/consultations/new/", views.consultation_new, name="consultation_new"),
    path("households/<uuid:public_id>/applications/new/", views.application_new, name="application_new"),
    path("households/<uuid:public_id>/decisions/new/", views.decision_new, name="decision_new"),
    path("households/<uuid:public_id>/change-decision/", views.change_draft, name="change_draft"),
    path("households/<uuid:public_id>/ledger/", views.household_ledger, name="household_ledger"),
    path("applications/<uuid:public_id>/", views.application_detail, name="application_detail"),
    path("applications/<uuid:public_id>/checklist/<int:item_id>/", views.checklist_update, name="checklist_update"),
    path("applications/<uuid:public_id>/extend/", views.application_extend, name="application_extend"),
    path("applications/<uuid:public_id>/need-test/", views.need_test_run, name="need_test_run"),
    path("need-tests/<uuid:public_id>/", views.need_test_detail, name="need_test_detail"),
    path("decisions/<uuid:public_id>/", views.decision_detail, name="decision_detail"),
    path("decisions/<uuid:public_id>/approve/", views.decision_approve, name="decision_approve"),
    path("decisions/<uuid:public_id>/return/", views.decision_return, name="decision_return"),
    path("decisions/<uuid:public_id>/notice.pdf", views.decision_notice, name="decision_notice"),
    path("figures/decisions/", views.decision_figures, name="decision_figures"),
    path("changes-by-age/", age_change_views.due_list, name="age_changes"),
    path("changes-by-age/draft/", age_change_views.due_draft, name="age_changes_draft"),
    path("recalc/", recalc_views.recalc_list, name="recalc_list"),
    path("recalc/<uuid:public_id>/", recalc_views.recalc_detail, name="recalc_detail"),
    path("recalc/<uuid:public_id>/approve/", recalc_views.recalc_approve, name="recalc_approve"),
]
