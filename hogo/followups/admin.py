from django.contrib import admin

from .models import FollowupRule


@admin.register(FollowupRule)
class FollowupRuleAdmin(admin.ModelAdmin):
    """Rules are edited here; `FollowupRule.clean` refuses impossible intervals and unknown fields."""

    list_display = ("title", "office", "schedule", "interval_months", "warn_days", "active", "basis_confirmed")
    list_filter = ("office", "schedule", "active")
    search_fields = ("title", "code", "basis")
