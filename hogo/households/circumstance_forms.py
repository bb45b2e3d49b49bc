"""The form for a change of circumstances: it parses every field (amounts as YenField, dates with the
date picker); the service checks the rules and its messages go back onto the named fields."""

from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm, YenField
from hogo.common.prefectures import PREFECTURES
from hogo.offices.models import GRADE_AREAS, WINTER_REGIONS

from .circumstance_services import GRADES, MOVE_FIELDS
from .models import CircumstanceDocument, CircumstanceKind, DisabilityKind, PregnancyStage, SchoolingFact

CERTIFICATES = [("", "—")] + [(k.value, k.label) for k in DisabilityKind if k.value in GRADES]
GRADE_CHOICES = [("", "—")] + [(g, g) for g in dict.fromkeys(g for grades in GRADES.values() for g in grades)]


class CircumstanceForm(LabelledForm):
    kind = forms.ChoiceField(label="変更の種類", choices=CircumstanceKind.choices)
    member = forms.ChoiceField(label="世帯員", required=False, help_text="家賃・転居のときは空けてください")
    effective_from = forms.DateField(
        label="適用開始日",
        widget=DATE_WIDGET,
        help_text=(
            "1日でないときは、その月を日割で計算します。入院は入院日（入院患者日用品費は翌月1日から）、"
            "施設入所は入所日、転居は転居先に住み始めた日"
        ),
    )
    effective_to = forms.DateField(
        label="適用終了日",
        widget=DATE_WIDGET,
        required=False,
        help_text="続くときは空けてください。入院は退院日、施設入所は退所日",
    )
    amount = YenField(
        label="月額",
        min_value=0,
        required=False,
        help_text="介護保険料（普通徴収の月額）・家賃・転居後の家賃・介護施設入所者基本生活費のとき。0円も入力できます",
    )
    certificate = forms.ChoiceField(label="手帳の種類", choices=CERTIFICATES, required=False)
    grade = forms.ChoiceField(label="等級", choices=GRADE_CHOICES, required=False)
    pregnancy_stage = forms.ChoiceField(
        label="妊娠・出産の状況", choices=[("", "—"), *PregnancyStage.choices], required=False
    )
    school_stage = forms.ChoiceField(label="就学状況", choices=[("", "—"), *SchoolingFact.choices], required=False)
    new_postal_code = forms.CharField(label="転居先の郵便番号", max_length=8, required=False)
    new_address = forms.CharField(label="転居先の住所", max_length=200, required=False)
    new_prefecture = forms.ChoiceField(
        label="転居先の都道府県",
        choices=[("", "—"), *PREFECTURES],
        required=False,
        help_text="住宅扶助の限度額と冬季加算地区に使います",
    )
    new_municipality = forms.CharField(
        label="転居先の市区町村", max_length=40, required=False, help_text="指定都市・中核市は市の限度額を使います"
    )
    new_grade_area = forms.ChoiceField(label="転居先の級地", choices=[("", "—"), *GRADE_AREAS], required=False)
    new_winter_region = forms.ChoiceField(
        label="転居先の冬季加算地区",
        choices=[("", "—（都道府県から決める）"), *WINTER_REGIONS],
        required=False,
    )
    source_document = forms.ChoiceField(label="確認した書類", choices=CircumstanceDocument.choices, required=False)
    note = forms.CharField(label="備考・訂正の理由", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    GROUPS = (
        ("何が、誰に、いつから", ("kind", "member", "effective_from", "effective_to")),
        ("介護保険料・家賃・施設の基本生活費", ("amount",)),
        ("障害者手帳", ("certificate", "grade")),
        ("妊娠・出産", ("pregnancy_stage",)),
        ("就学状況", ("school_stage",)),
        ("転居先", (*MOVE_FIELDS, "new_winter_region")),
        ("確認", ("source_document", "note")),
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_fields_in_messages()
        self.members = {str(m.public_id): m for m in household.members.filter(left_on__isnull=True).order_by("pk")}
        self.fields["member"].choices = [("", "—（家賃・転居のとき）")] + [(k, m.name) for k, m in self.members.items()]
        # Text, not a number input: people type 3,000円 or full-width digits, and YenField reads them.
        self.fields["amount"].widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def clean_member(self):
        key = self.cleaned_data["member"]
        return self.members[key] if key else None

    def groups(self):
        return [(title, [self[name] for name in names]) for title, names in self.GROUPS]
