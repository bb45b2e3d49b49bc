"""The admin site manages offices, teams and staff only. Households and members are not
registered here: personal data is read only through the audited screens."""

from django.contrib import admin

from .models import Office, RoleAssignment, Staff, Team, TeamMembership


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
