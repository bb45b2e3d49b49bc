"""Forms of the 介護扶助 and 移送費 screens: each parses what is typed; the rules are in care.py and
transport.py."""

from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm, YenField

from .transport import MAX_TRIPS, MEANS, REASON_MAX, ROUTE_MAX

MONTH_WIDGET = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
YEN_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
SERVICE_ROWS = 5
LIMIT_UNITS_MAX = 100_000


class MonthField(forms.DateField):
    """A month typed as YYYY-MM (the month picker) or as a date; the first day of that month."""

    input_formats = ["%Y-%m", "%Y-%m-%d", "%Y/%m"]

    def __init__(self, **kwargs):
        super().__init__(widget=MONTH_WIDGET, **kwargs)

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


def _choices(objects, empty="—"):
    return [("", empty), *[(o.pk, str(o)) for o in objects]]


class CarePlanForm(LabelledForm):
    """The plan and up to SERVICE_ROWS service rows (事業者・サービス・月の費用); empty rows are ignored."""

    member = forms.TypedChoiceField(label="要介護者（世帯員）", coerce=int)
    planner = forms.TypedChoiceField(label="居宅介護支援事業者（施設入所は施設）", coerce=int)
    in_facility = forms.BooleanField(label="施設入所", required=False)
    limit_units = forms.IntegerField(label="区分支給限度基準額（単位）", min_value=1, max_value=LIMIT_UNITS_MAX)
    starts_on = forms.DateField(label="開始日", widget=DATE_WIDGET)
    ends_on = forms.DateField(label="終了日（分かるとき）", widget=DATE_WIDGET, required=False)

    def __init__(self, *args, members=(), providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = _choices(members)
        self.fields["planner"].choices = _choices(providers)
        for n in range(1, SERVICE_ROWS + 1):
            self.fields[f"provider_{n}"] = forms.TypedChoiceField(
                label=f"{n}行目の事業者", coerce=int, required=False, empty_value=None, choices=_choices(providers)
            )
            self.fields[f"service_{n}"] = forms.CharField(label=f"{n}行目のサービス", max_length=100, required=False)
            self.fields[f"cost_{n}"] = YenField(label=f"{n}行目の月の費用（円）", required=False, widget=YEN_INPUT)
        self.name_fields_in_messages()

    def plan_fields(self):
        """The plan's own fields (not the rows), for the template."""
        return [self[name] for name in ("member", "planner", "in_facility", "limit_units", "starts_on", "ends_on")]

    def rows(self):
        """The service rows as (provider, service, cost) bound fields, for the template."""
        return [(self[f"provider_{n}"], self[f"service_{n}"], self[f"cost_{n}"]) for n in range(1, SERVICE_ROWS + 1)]

    def clean(self):
        data = super().clean()
        services = []
        for n in range(1, SERVICE_ROWS + 1):
            names = (f"provider_{n}", f"service_{n}", f"cost_{n}")
            if any(name in self.errors for name in names):
                continue
            provider, service, cost = (data.get(name) for name in names)
            if provider is None and not service and cost is None:
                continue
            if provider is None:
                self.add_error(names[0], f"{n}行目の事業者を選んでください。")
            elif not service:
                self.add_error(names[1], f"{n}行目のサービスを入力してください。")
            elif cost is None:
                self.add_error(names[2], f"{n}行目の月の費用を入力してください。")
            else:
                services.append({"provider": provider, "service": service, "cost": cost})
        data["services"] = services
        return data

    def service_data(self) -> dict:
        """The cleaned data as the service takes it."""
        names = ("member", "planner", "in_facility", "limit_units", "services", "starts_on", "ends_on")
        return {name: self.cleaned_data.get(name) for name in names}


ROUTINE_CHOICES = [("routine", "定例（毎月、運賃×2×回数を支給）"), ("occasional", "臨時（1か月分、領収書の合計）")]


class TransportForm(LabelledForm):
    member = forms.TypedChoiceField(label="通院する世帯員", coerce=int)
    institution = forms.TypedChoiceField(label="通院先の指定医療機関", coerce=int)
    kind = forms.ChoiceField(label="支給の種類", choices=ROUTINE_CHOICES, widget=forms.RadioSelect, initial="routine")
    route = forms.CharField(label="経路", max_length=ROUTE_MAX, help_text="例: 自宅〜みなと駅〜市民病院前")
    means = forms.ChoiceField(label="交通手段", choices=[("", "—"), *[(m, m) for m in MEANS]])
    fare = YenField(label="片道の運賃（円）", widget=YEN_INPUT)
    trips = forms.IntegerField(label="月の通院回数", min_value=1, max_value=MAX_TRIPS)
    doctor_reason = forms.CharField(
        label="主治医の意見（タクシー等が必要な理由）",
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="公共交通機関・徒歩以外の手段では必須です。",
    )
    starts_on = MonthField(label="開始月（臨時はその月）")
    ends_on = MonthField(label="終了月（定例で分かるとき）", required=False)
    receipts_total = YenField(label="領収書の合計（円・臨時のみ）", required=False, widget=YEN_INPUT)

    def __init__(self, *args, members=(), institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = _choices(members)
        self.fields["institution"].choices = _choices(institutions)


class CareMonthForm(LabelledForm):
    month = MonthField(label="対象月", required=False)
