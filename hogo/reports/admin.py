from django.contrib import admin

from .models import ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(admin.ModelAdmin):
    """An office's suppression threshold for its reports (0: no suppression)."""

    list_display = ("office", "suppression_threshold")
