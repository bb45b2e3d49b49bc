"""The Django admin reads as the office's system: the third-party apps (django-axes, django-tasks) and
their models have Japanese names, and no column of ours shows a field's code name (OFFICE, ORDER …)."""

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.admin.sites import site
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from hogo.decisions.models import ChecklistItemTemplate

ENGLISH = ("Axes", "AXES", "Access attempts", "Access failures", "Access logs", "Task Results", "Tasks Database")


@pytest.fixture
def admin_client(cast, login):
    user = cast.users["admin"]
    user.is_staff = user.is_superuser = True
    user.save()
    return login(user)


def test_the_admin_index_names_every_app_and_model_in_japanese(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    for english in ENGLISH:
        assert english not in page
    for japanese in ("ログイン制限", "ログイン試行", "バックグラウンド処理", "バックグラウンド処理の結果"):
        assert japanese in page


def test_the_login_attempts_list_has_japanese_columns(admin_client):
    AccessAttempt.objects.create(
        user_agent="Mozilla",
        ip_address="192.0.2.1",
        username="cw",
        http_accept="*/*",
        path_info="/login/",
        get_data="",
        post_data="",
        failures_since_start=3,
    )
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    for column in ("試行日時", "IPアドレス", "ログインID", "アクセス先", "失敗回数"):
        assert column in page
    assert "Attempt Time" not in page and "IP Address" not in page


def test_the_task_results_have_japanese_field_names():
    names = {f.name: str(f.verbose_name) for f in DBTaskResult._meta.fields}
    assert [names[n] for n in ("status", "enqueued_at", "started_at", "finished_at", "priority")] == [
        "状態",
        "登録日時",
        "開始日時",
        "終了日時",
        "優先度",
    ]


def test_the_checklist_templates_list_shows_japanese_column_names(admin_client, cast):
    ChecklistItemTemplate.objects.create(office=cast.office_a, code="assets", label="資産の調査")
    page = admin_client.get(reverse("admin:decisions_checklistitemtemplate_changelist")).content.decode()
    for column in ("事務所", "表示順", "使用中"):
        assert column in page
    for code_name in (">Office<", ">Order<", ">Active<"):
        assert code_name not in page


def test_every_field_of_a_model_the_admin_shows_has_a_japanese_name():
    unnamed = [
        f"{model._meta.label}.{field.name}"
        for model in site._registry
        if model.__module__.startswith("hogo.")
        for admin_model in [model, *(i.model for i in site._registry[model].inlines)]
        for field in admin_model._meta.get_fields()
        if not field.auto_created and getattr(field, "verbose_name", None) == field.name.replace("_", " ")
    ]
    assert unnamed == []


def test_the_third_party_apps_keep_their_labels_so_their_tables_and_migrations_stay():
    assert apps.get_app_config("axes").verbose_name == "ログイン制限"
    assert apps.get_app_config("django_tasks_database").verbose_name == "バックグラウンド処理"


def test_the_admin_greets_the_person_by_name_not_by_login_id(admin_client, cast):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "ようこそ <strong>加藤 管理</strong> さん。" in page
    assert "<strong>admin</strong>" not in page
