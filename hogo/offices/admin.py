"""The admin site manages offices, teams and staff only. Households and members are not
registered here: personal data is read only through the audited screens. Every grant or change of
a role, a team membership or an account's admin rights is written to the audit log, not only to
Django's admin log (decision 0022)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from hogo.audit.models import Action
from hogo.audit.services import record

from .models import Office, RoleAssignment, Staff, Team, TeamMembership


def _day(value):
    return value.isoformat() if value else None


def record_grants(actor, formset):
    """One entry per role assignment or team membership added or changed in an admin form."""
    if formset.model not in (RoleAssignment, TeamMembership):
        return
    changes = [(obj, "added", []) for obj in formset.new_objects]
    changes += [(obj, "changed", list(fields)) for obj, fields in formset.changed_objects]
    for obj, change, fields in changes:
        if isinstance(obj, RoleAssignment):
            office_id, what = obj.office_id, {"grant": "role", "role": obj.role}
        else:
            office_id, what = obj.team.office_id, {"grant": "team", "team_id": obj.team_id}
        record(
            actor,
            Action.GRANT,
            target_type="staff",
            target_id=str(obj.staff_id),
            office_id=office_id,
            detail={
                **what,
                "change": change,
                "changed_fields": fields,
                "username": obj.staff.user.username,
                "valid_from": _day(obj.valid_from),
                "valid_to": _day(obj.valid_to),
            },
        )


class RoleAssignmentInline(admin.TabularInline):
    """History is kept: a role ends by its end date, it is never deleted."""

    model = RoleAssignment
    extra = 0
    can_delete = False


class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0
    can_delete = False


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality_code", "default_grade_area", "default_winter_region"]
    fieldsets = [
        (None, {"fields": ["name", "municipality_code", "default_grade_area", "default_winter_region"]}),
        ("通知書", {"fields": ["head_title", "notice_number_prefix", "body_name", "prefecture"]}),
        ("その他", {"fields": ["latitude", "longitude", "caseload_standard"]}),
    ]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "office"]
    list_filter = ["office"]


@admin.register(Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = ["name", "name_kana", "user"]
    search_fields = ["name", "name_kana", "user__username"]
    inlines = [RoleAssignmentInline, TeamMembershipInline]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        record_grants(request.user, formset)


User = get_user_model()
RIGHTS = ("is_staff", "is_superuser", "is_active", "groups", "user_permissions")


class AuditedUserAdmin(UserAdmin):
    """Django's user admin; a change to an account's admin rights (staff, superuser, groups,
    permissions, active) is an audited grant."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = [name for name in RIGHTS if name in form.changed_data]
        if changed:
            user = form.instance
            record(
                request.user,
                Action.GRANT,
                target_type="user",
                target_id=str(user.pk),
                detail={
                    "grant": "account",
                    "change": "changed" if change else "added",
                    "changed_fields": changed,
                    "username": user.username,
                    "is_staff": user.is_staff,
                    "is_superuser": user.is_superuser,
                    "is_active": user.is_active,
                    "groups": sorted(user.groups.values_list("name", flat=True)),
                },
            )


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AuditedUserAdmin)
