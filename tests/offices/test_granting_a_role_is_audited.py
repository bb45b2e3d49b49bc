"""A role, a team membership or an account's admin rights granted in the admin are written to the
hash-chained audit log, not only to Django's admin log: an administrator giving themself a role in
another office leaves an entry (decision 0022)."""

import pytest
from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.offices.models import Role, RoleAssignment, Staff
from tests.factories import TeamFactory, UserFactory


@pytest.fixture
def root(cast):
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    Staff.objects.create(user=user, name="管理 太郎", name_kana="カンリ タロウ")
    return user


def staff_form(staff, *, new_role=None, new_team=None):
    """The admin's change form of a staff member as posted: the existing rows unchanged, plus one new
    role assignment and/or team membership."""
    roles = list(staff.role_assignments.order_by("pk"))
    teams = list(staff.team_memberships.order_by("pk"))
    data = {"user": staff.user_id, "name": staff.name, "name_kana": staff.name_kana, "_save": "保存"}
    for prefix, rows, new, fields in (
        ("role_assignments", roles, new_role, ("office", "role", "valid_from", "valid_to")),
        ("team_memberships", teams, new_team, ("team", "valid_from", "valid_to")),
    ):
        data |= {
            f"{prefix}-TOTAL_FORMS": len(rows) + bool(new),
            f"{prefix}-INITIAL_FORMS": len(rows),
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-id"] = row.pk
            data[f"{prefix}-{i}-staff"] = staff.pk
            for field in fields:
                value = getattr(row, f"{field}_id" if field in ("office", "team") else field)
                data[f"{prefix}-{i}-{field}"] = "" if value is None else str(value)
        if new:
            data |= {f"{prefix}-{len(rows)}-{key}": value for key, value in new.items()}
            data[f"{prefix}-{len(rows)}-staff"] = staff.pk
    return data


def grants():
    return list(AuditEntry.objects.filter(action=Action.GRANT).order_by("seq"))


def test_an_admin_granting_itself_a_role_in_another_office_writes_an_audit_entry(cast, root, client):
    client.force_login(root)
    staff = root.staff
    new_role = {"office": cast.office_b.pk, "role": Role.CHIEF, "valid_from": "2026-12-01", "valid_to": ""}
    response = client.post(reverse("admin:offices_staff_change", args=[staff.pk]), staff_form(staff, new_role=new_role))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert RoleAssignment.objects.filter(staff=staff, office=cast.office_b, role=Role.CHIEF).exists()
    (entry,) = grants()
    assert (entry.actor_username, entry.target_type, entry.target_id) == ("root", "staff", str(staff.pk))
    assert entry.office_id == cast.office_b.pk
    assert entry.detail == {
        "grant": "role",
        "role": "chief",
        "change": "added",
        "changed_fields": [],
        "username": "root",
        "valid_from": "2026-12-01",
        "valid_to": None,
    }


def test_ending_a_role_and_joining_a_team_are_recorded_too(cast, root, client):
    client.force_login(root)
    staff = cast.staff["cw"]
    team = TeamFactory(office=cast.office_a, name="保護第3係")
    data = staff_form(staff, new_team={"team": team.pk, "valid_from": "2026-12-01", "valid_to": ""})
    data["role_assignments-0-valid_to"] = "2026-12-31"
    assert client.post(reverse("admin:offices_staff_change", args=[staff.pk]), data).status_code == 302
    details = [entry.detail for entry in grants()]
    assert [(d["grant"], d["change"]) for d in details] == [("role", "changed"), ("team", "added")]
    assert details[0]["changed_fields"] == ["valid_to"] and details[0]["valid_to"] == "2026-12-31"
    assert details[1]["team_id"] == team.pk and details[1]["username"] == "cw"


def test_making_an_account_a_superuser_writes_an_audit_entry(cast, root, client):
    client.force_login(root)
    user = cast.users["clerk"]
    data = {
        "username": user.username,
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-12-01",
        "date_joined_1": "10:00:00",
        "_save": "保存",
    }
    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    (entry,) = grants()
    assert (entry.target_type, entry.target_id, entry.actor_username) == ("user", str(user.pk), "root")
    assert entry.detail["changed_fields"] == ["is_staff", "is_superuser"] and entry.detail["is_superuser"] is True
