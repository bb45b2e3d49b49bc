from django.contrib import admin, messages

from .models import Agency, AgencyMember
from .transfer import issue_portal_code


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "office", "area", "active")
    list_filter = ("office", "kind", "active")
    search_fields = ("name", "area")


@admin.register(AgencyMember)
class AgencyMemberAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "user", "valid_from", "valid_to", "portal_code_issued_at")
    list_filter = ("agency__office",)
    actions = ["issue_portal_codes"]

    @admin.action(description="ポータルの利用開始コードを発行する（表示は一度だけ）")
    def issue_portal_codes(self, request, queryset):
        for member in queryset.select_related("agency"):
            code = issue_portal_code(request.user, member)
            messages.info(request, f"{member.name}（{member.user.username}）の利用開始コード: {code}")
        messages.warning(request, "コードは次の転送バンドルでポータルに届きます。紙で本人に渡してください。")
