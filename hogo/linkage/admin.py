from django.contrib import admin

from .models import LinkageSetting


@admin.register(LinkageSetting)
class LinkageSettingAdmin(admin.ModelAdmin):
    """The minutes an office spends on one case of a source by hand, for the hours saved a run shows
    (decision 0029); without a row the default applies (年金 1 minute, from 直方市's figures)."""

    list_display = ("office", "source", "minutes_per_case")
