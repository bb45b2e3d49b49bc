from django import forms

from hogo.common.forms import LabelledForm
from hogo.households.income_forms import MonthField

from .catalogue import REPORTS


class RunForm(LabelledForm):
    report = forms.ChoiceField(label="統計", choices=[])
    office = forms.TypedChoiceField(label="福祉事務所", choices=[], coerce=int)
    month = MonthField(
        label="対象月", help_text="年次調査はその年の7月末（7月より前の月なら前年の7月末）で集計します。"
    )

    def __init__(self, *args, reports=(), offices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [(key, REPORTS[key].title) for key in reports]
        self.fields["office"].choices = [(o.pk, o.name) for o in offices]
        if len(offices) == 1:
            self.fields["office"].initial = offices[0].pk
