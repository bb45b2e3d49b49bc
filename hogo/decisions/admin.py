"""Office settings of the decision flow: the investigation items (the approval steps are the
approvals app's). Applications, need tests and decisions themselves are not editable here."""

from django.contrib import admin

from .models import ChecklistItemTemplate


@admin.register(ChecklistItemTemplate)
class ChecklistItemTemplateAdmin(admin.ModelAdmin):
    list_display = ["label", "office", "due_days", "order", "active"]
    list_filter = ["office", "active"]
    ordering = ["office", "order"]
