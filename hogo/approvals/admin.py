"""The office's approval steps. Approvals themselves are insert-only and not editable here."""

from django.contrib import admin

from .models import ApprovalRoute


@admin.register(ApprovalRoute)
class ApprovalRouteAdmin(admin.ModelAdmin):
    list_display = ["office", "steps"]
