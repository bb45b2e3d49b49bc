from django.contrib import admin

from .models import Agency, AgencyMember


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "office", "area", "active")
    list_filter = ("office", "kind", "active")
    search_fields = ("name", "area")


@admin.register(AgencyMember)
class AgencyMemberAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "user", "valid_from", "valid_to")
    list_filter = ("agency__office",)
