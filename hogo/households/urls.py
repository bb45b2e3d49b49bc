from django.urls import path

from . import circumstance_views, income_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("households/", views.household_search, name="household_search"),
    path("households/new/", views.household_new, name="household_new"),
    path("households/<uuid:public_id>/", views.household_detail, name="household_detail"),
    path("households/<uuid:public_id>/members/new/", views.member_new, name="member_new"),
    path("households/<uuid:public_id>/status/", views.status_change, name="status_change"),
    path("households/<uuid:public_id>/always-know/", views.always_know_edit, name="always_know_edit"),
    path("households/<uuid:public_id>/check-facts/", views.check_facts_edit, name="check_facts_edit"),
    path("households/<uuid:public_id>/caseworker/", views.caseworker_assign, name="caseworker_assign"),
    path("households/<uuid:public_id>/access-log/", views.access_log, name="access_log"),
    path("households/<uuid:public_id>/incomes/", income_views.income_list, name="income_list"),
    path("households/<uuid:public_id>/incomes/new/", income_views.income_new, name="income_new"),
    path("incomes/<uuid:public_id>/", income_views.income_detail, name="income_detail"),
    path("incomes/<uuid:public_id>/correct/", income_views.income_correct, name="income_correct"),
    path("households/<uuid:public_id>/circumstances/", circumstance_views.circumstance_list, name="circumstance_list"),
    path(
        "households/<uuid:public_id>/circumstances/new/",
        circumstance_views.circumstance_new,
        name="circumstance_new",
    ),
    path("circumstances/<uuid:public_id>/", circumstance_views.circumstance_detail, name="circumstance_detail"),
]
