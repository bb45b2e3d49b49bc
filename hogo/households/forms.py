"""Forms check types and required fields; the services check the rules (kana, dates, duplicate
case numbers) and their messages are put back on the named field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from hogo.benefits.engine import region_mismatch, winter_region_of
from hogo.common.bounds import NOTE_MAX, RENT_MAX
from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.kana import normalize_kana_name
from hogo.common.prefectures import PREFECTURES
from hogo.common.versions import VersionField
from hogo.offices.models import GRADE_AREAS, WINTER_REGIONS

from . import services
from .models import (
    POSTAL_CODE,
    CareLevel,
    DisabilityKind,
    HouseholdType,
    MedicalCare,
    Relation,
    Residence,
    SchoolStage,
    Sex,
    Status,
    VisitGrade,
)


class MemberFields(LabelledForm):
    name = forms.CharField(label="氏名", max_length=100)
    name_kana = forms.CharField(label="ふりがな", max_length=100, help_text="ひらがな又はカタカナ。姓と名の間は空白。")
    birth_date = forms.DateField(label="生年月日", widget=DATE_WIDGET)
    sex = forms.ChoiceField(label="性別", choices=Sex.choices)
    disability_kind = forms.ChoiceField(label="障害の種別", choices=DisabilityKind.choices, required=False)
    disability_grade = forms.CharField(label="障害の等級", max_length=20, required=False)
    care_level = forms.ChoiceField(label="要介護度", choices=CareLevel.choices, required=False)
    school_stage = forms.ChoiceField(label="就学状況", choices=SchoolStage.choices, required=False)

    def clean_name_kana(self):
        try:
            return normalize_kana_name(self.cleaned_data["name_kana"])
        except ValueError as exc:
            raise ValidationError(str(exc)) from None

    def clean_birth_date(self):
        services.validate_birth_date(self.cleaned_data["birth_date"])
        return self.cleaned_data["birth_date"]


class MemberForm(MemberFields):
    relation = forms.ChoiceField(label="続柄", choices=[c for c in Relation.choices if c[0] != Relation.HEAD])
    joined_on = forms.DateField(label="世帯員となった日", widget=DATE_WIDGET, required=False)

    field_order = ["name", "name_kana", "birth_date", "sex", "relation", "joined_on"]


class HouseholdForm(MemberFields):
    case_number = forms.CharField(label="ケース番号", max_length=20)
    household_type = forms.ChoiceField(label="世帯類型", choices=HouseholdType.choices)
    postal_code = forms.CharField(label="郵便番号", max_length=10, required=False, help_text="例: 100-0001")
    prefecture = forms.ChoiceField(
        label="都道府県",
        choices=[("", "選んでください")] + PREFECTURES,
        required=False,
        help_text="住宅扶助の限度額と冬季加算の地区に使います",
    )
    municipality = forms.CharField(label="市区町村", max_length=40, required=False, help_text="例: 新宿区")
    address = forms.CharField(label="住所", max_length=200)
    rent = forms.IntegerField(label="家賃・間代（月額・円）", min_value=0, max_value=RENT_MAX, required=False)
    grade_area = forms.ChoiceField(label="級地", choices=GRADE_AREAS)
    winter_region = forms.ChoiceField(label="冬季加算地区", choices=WINTER_REGIONS)
    caseworker = forms.ModelChoiceField(label="担当CW", queryset=None, empty_label=None)
    assistance_policy = forms.CharField(
        label="援助方針", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    cautions = forms.CharField(
        label="留意事項", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    field_order = [
        "case_number",
        "household_type",
        "caseworker",
        "postal_code",
        "prefecture",
        "municipality",
        "address",
        "rent",
        "grade_area",
        "winter_region",
        "name",
        "name_kana",
        "birth_date",
        "sex",
    ]

    def __init__(self, *args, caseworkers, office, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("grade_area", office.default_grade_area)
        kwargs["initial"].setdefault("winter_region", office.default_winter_region)
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworkers
        self.fields["name"].label = "世帯主の氏名"
        self.fields["name_kana"].label = "世帯主のふりがな"
        self.fields["birth_date"].label = "世帯主の生年月日"
        self.fields["sex"].label = "世帯主の性別"
        self.name_fields_in_messages()
        self.office = office

    def clean_postal_code(self):
        postal_code = services.normalize_postal_code(self.cleaned_data["postal_code"])
        if postal_code:
            POSTAL_CODE(postal_code)
        return postal_code

    def clean_case_number(self):
        case_number = services.normalize_case_number(self.cleaned_data["case_number"])
        services.check_case_number_free(self.office, case_number)
        return case_number

    def clean(self):
        cleaned = super().clean()
        prefecture, region = cleaned.get("prefecture"), cleaned.get("winter_region")
        if prefecture and region:
            problem = region_mismatch(prefecture, region, winter_region_of(prefecture, timezone.localdate()))
            if problem:
                self.add_error("winter_region", problem)
        return cleaned


class StatusForm(LabelledForm):
    new_status = forms.ChoiceField(label="新しい状態", choices=Status.choices)
    effective_date = forms.DateField(label="効力発生日", widget=DATE_WIDGET)
    reason = forms.CharField(label="理由", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_status"].choices = [(s, Status(s).label) for s in allowed]


class AlwaysKnowForm(LabelledForm):
    assistance_policy = forms.CharField(
        label="援助方針", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    cautions = forms.CharField(
        label="留意事項", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    version = VersionField()


class AssignForm(LabelledForm):
    caseworker = forms.ModelChoiceField(label="新しい担当CW", queryset=None, empty_label=None)
    valid_from = forms.DateField(label="担当開始日", widget=DATE_WIDGET)

    def __init__(self, *args, caseworkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworkers


class CheckFactsForm(LabelledForm):
    """Where the household lives, its visit grade, and per current member the facts periodic checks
    depend on. Member fields are named `<public_id>__<field>`."""

    residence = forms.ChoiceField(label="居住の状況", choices=Residence.choices)
    visit_grade = forms.ChoiceField(
        label="訪問格付け",
        choices=VisitGrade.choices,
        required=False,
        help_text="A〜D の間隔は事務所の設定（確認事項のルール「家庭訪問」）によります。",
    )
    latitude = forms.DecimalField(
        label="緯度",
        max_digits=9,
        decimal_places=6,
        min_value=20,
        max_value=46,
        required=False,
        help_text="訪問ルートの計算に使います（例: 35.681236）",
    )
    longitude = forms.DecimalField(
        label="経度",
        max_digits=9,
        decimal_places=6,
        min_value=122,
        max_value=154,
        required=False,
        help_text="例: 139.767125",
    )
    version = VersionField()

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.member_groups = []
        for member in members:
            prefix = f"{member.public_id}__"
            fields = {
                "medical_care": forms.ChoiceField(label="医療扶助", choices=MedicalCare.choices, required=False),
                "able_to_work": forms.BooleanField(label="稼働能力あり（求職中）", required=False),
                "care_certified_until": forms.DateField(
                    label="要介護認定の有効期間満了日", required=False, widget=DATE_WIDGET
                ),
                "disability_certificate_until": forms.DateField(
                    label="障害者手帳の有効期限（再認定日）", required=False, widget=DATE_WIDGET
                ),
            }
            for name, field in fields.items():
                field.initial = getattr(member, name)
                self.fields[prefix + name] = field
            self.member_groups.append((member, [prefix + name for name in fields]))
        self.name_fields_in_messages()

    def member_values(self) -> dict:
        values: dict = {}
        for name, value in self.cleaned_data.items():
            if "__" in name:
                member, field = name.split("__", 1)
                values.setdefault(member, {})[field] = value
        return values

    def groups(self):
        return [(member, [self[name] for name in names]) for member, names in self.member_groups]


SORTS_SHOWN = [
    ("kana", "ふりがな順"),
    ("case_number", "ケース番号順"),
    ("status", "状態順"),
    ("type", "世帯類型順"),
    ("caseworker", "担当CW順"),
]
SCOPES = [("mine", "自分の担当"), ("all", "係の世帯")]
QUERY_KEPT = 100  # characters of a search that are used (and logged)


class HouseholdListForm(LabelledForm):
    """How a list of households is searched, sorted and paged (?q=…&sort=…&page=…); on the home page
    whose households (?scope=mine|all); from the team page, one caseworker's (?cw=…)."""

    q = forms.CharField(label="検索", required=False)
    sort = forms.ChoiceField(label="並び順", choices=SORTS_SHOWN, required=False)
    page = forms.IntegerField(label="ページ", min_value=1, required=False)
    scope = forms.ChoiceField(label="表示する世帯", choices=SCOPES, required=False)
    cw = forms.IntegerField(label="ケースワーカー", min_value=1, required=False)

    def clean_q(self) -> str:
        return self.cleaned_data["q"].strip()[:QUERY_KEPT]
