"""The office's approval steps. Approvals themselves are insert-only and not editable here.

The steps are chosen from the approving roles by their Japanese names, one select per step (no typed
role codes, issue 17)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from hogo.offices.models import Role

from .models import ApprovalRoute

STEP_ROLES = [("", "—（なし）"), (Role.SUPERVISOR.value, Role.SUPERVISOR.label), (Role.CHIEF.value, Role.CHIEF.label)]
STEP_FIELDS = ("step_1", "step_2", "step_3")


class ApprovalRouteForm(forms.ModelForm):
    step_1 = forms.ChoiceField(label="1番目の決裁者", choices=STEP_ROLES, required=False)
    step_2 = forms.ChoiceField(label="2番目の決裁者", choices=STEP_ROLES, required=False)
    step_3 = forms.ChoiceField(label="3番目の決裁者", choices=STEP_ROLES, required=False)

    class Meta:
        model = ApprovalRoute
        fields = ["office"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, step in zip(STEP_FIELDS, (self.instance.steps or []) if self.instance.pk else [], strict=False):
            self.fields[name].initial = step

    def clean(self):
        data = super().clean()
        steps = [data.get(name) for name in STEP_FIELDS if data.get(name)]
        if not steps:
            raise ValidationError("決裁者を1つ以上選んでください（空のときは査察指導員 → 課長の順です）。")
        if len(set(steps)) != len(steps):
            raise ValidationError("同じ役割を2回選ぶことはできません。")
        data["steps"] = steps
        return data

    def save(self, commit=True):
        self.instance.steps = self.cleaned_data["steps"]
        return super().save(commit)


@admin.register(ApprovalRoute)
class ApprovalRouteAdmin(admin.ModelAdmin):
    form = ApprovalRouteForm
    list_display = ["office", "route"]

    @admin.display(description="決裁の順序")
    def route(self, obj):
        return str(obj)
