from django.contrib import admin

from .models import Institution


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    """The directory of 指定医療機関・指定介護機関 an office deals with (a ticket to one whose designation has
    lapsed is refused)."""

    list_display = ("name", "code", "kind", "designated_until")
    list_filter = ("office", "kind")
    search_fields = ("code", "name")
