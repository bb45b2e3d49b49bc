from django.contrib import admin

from .models import IncomeRuleSetting


@admin.register(IncomeRuleSetting)
class IncomeRuleSettingAdmin(admin.ModelAdmin):
    """An office's income recognition settings (decision 0017); without a row the defaults apply."""

    list_display = ("office", "earnings_month", "averaging_months", "pension_rounding", "plausible_monthly_max")
