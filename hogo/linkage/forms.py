from django import forms
from django.core.exceptions import ValidationError

from hogo.common.forms import LabelledForm
from hogo.common.prefectures import PREFECTURES
from hogo.households.models import Relation
from hogo.offices.models import GRADE_AREAS, WINTER_REGIONS

from .models import Source

# A premium file of a large city (200,000 rows of about 120 bytes) fits well within this (decision 0029).
MAX_FILE_BYTES = 40 * 1024 * 1024


class ImportForm(LabelledForm):
    source = forms.ChoiceField(label="データの種類", choices=[("", "—"), *Source.choices])
    data = forms.FileField(label="ファイル（CSV・UTF-8 又は Shift_JIS）")
    dry_run = forms.BooleanField(label="確認だけ（取り込まずに件数を見る）", required=False)

    def clean_data(self):
        data = self.cleaned_data["data"]
        if data.size > MAX_FILE_BYTES:
            raise ValidationError(f"ファイルが大きすぎます。{MAX_FILE_BYTES // 1024 // 1024}MBまでです。")
        return data


class ResolveForm(LabelledForm):
    """The member an exception is about, among the candidates the caseworker may change."""

    member = forms.TypedChoiceField(label="該当する世帯員", coerce=int)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [
            (m.pk, f"{m.name}（{m.name_kana}）ケース番号 {m.household.case_number}") for m in candidates
        ]


class DismissForm(LabelledForm):
    reason = forms.CharField(label="対応不要とする理由", max_length=200)


class ConfirmForm(LabelledForm):
    """What a caseworker adds to a 住民異動 before it is applied (only the fields the event needs are shown)."""

    relation = forms.ChoiceField(label="続柄", choices=[("", "—"), *Relation.choices], required=False)
    new_prefecture = forms.ChoiceField(
        label="転居先の都道府県（空欄は今と同じ）", choices=[("", "—"), *PREFECTURES], required=False
    )
    new_municipality = forms.CharField(label="転居先の市区町村（空欄は今と同じ）", max_length=40, required=False)
    new_grade_area = forms.ChoiceField(
        label="転居先の級地（空欄は今と同じ）", choices=[("", "—"), *GRADE_AREAS], required=False
    )
    new_winter_region = forms.ChoiceField(
        label="転居先の冬季加算地区", choices=[("", "—（都道府県から決める）"), *WINTER_REGIONS], required=False
    )
    rent = forms.IntegerField(label="転居先の家賃・間代（月額・円、空欄は今と同じ）", min_value=0, required=False)

    MOVE_FIELDS = ("new_prefecture", "new_municipality", "new_grade_area", "new_winter_region", "rent")

    def __init__(self, *args, event: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        keep = ("relation",) if event in ("birth", "move_in") else self.MOVE_FIELDS if event == "move" else ()
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if "relation" in self.fields:
            self.fields["relation"].required = True
            self.fields["relation"].initial = "child" if event == "birth" else ""
