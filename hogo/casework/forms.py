import re
import uuid
from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from hogo.common.bounds import NOTE_MAX, RECORD_MAX
from hogo.common.forms import DATE_WIDGET, LabelledForm
from hogo.common.versions import VersionField
from hogo.households.models import VisitGrade

from .models import PhotoPurpose, RecordKind, VisitStatus
from .records_text import CHECKLIST, Finding

RESULTS = [("", "未確認"), ("same", "変化なし"), ("changed", "変化あり"), ("not_applicable", "該当なし")]


class GradeForm(LabelledForm):
    chosen = forms.ChoiceField(label="格付け", choices=VisitGrade.choices, required=False)
    override_reason = forms.CharField(
        label="推奨と異なる理由", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class VisitPlanForm(LabelledForm):
    planned_on = forms.DateField(label="予定日", widget=DATE_WIDGET)
    slot = forms.CharField(label="時間帯", max_length=20, required=False, help_text="例: 10:00〜10:30")
    purpose = forms.CharField(label="目的", max_length=200, required=False)


class VisitRecordForm(LabelledForm):
    """The checklist filled in during or after a visit, and up to three photos."""

    done_on = forms.DateField(label="訪問日", widget=DATE_WIDGET)
    met = forms.CharField(label="面接者", max_length=100, help_text="例: 世帯主 本人")
    policy = forms.CharField(label="今後の方針", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    photo_purpose = forms.ChoiceField(label="写真の目的", choices=PhotoPurpose.choices, required=False)
    photo = forms.FileField(
        label="写真（JPEG・PNG・HEIC）",
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/heic,image/heif", "capture": "environment"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in CHECKLIST:
            self.fields[f"{key}_result"] = forms.ChoiceField(
                label=label, choices=RESULTS, required=False, widget=forms.RadioSelect
            )
            self.fields[f"{key}_note"] = forms.CharField(
                label=f"{label}（内容）", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        self.name_fields_in_messages()

    def checklist_rows(self):
        return [(label, self[f"{key}_result"], self[f"{key}_note"]) for key, label in CHECKLIST]

    def clean(self):
        """What the service records: the checklist as findings, and the photo with its purpose."""
        data = super().clean()
        return {
            "done_on": data.get("done_on"),
            "met": data.get("met", ""),
            "policy": data.get("policy") or "",
            "findings": [
                Finding(key, data.get(f"{key}_result") or "", data.get(f"{key}_note") or "") for key, _ in CHECKLIST
            ],
            "photo": data.get("photo"),
            "photo_purpose": data.get("photo_purpose") or "room",
        }


class RecordForm(LabelledForm):
    kind = forms.ChoiceField(label="種類", choices=RecordKind.choices)
    occurred_on = forms.DateField(label="日付", widget=DATE_WIDGET)
    body = forms.CharField(label="記録", max_length=RECORD_MAX, widget=forms.Textarea(attrs={"rows": 10}))


class RecordKindForm(LabelledForm):
    """The kind of record to write, from the link that opens the page (?kind=phone); none is a visit."""

    kind = forms.ChoiceField(label="種類", choices=RecordKind.choices, required=False)


class DraftRequestForm(LabelledForm):
    """The caseworker's notes to draft a record from; the drafting service says what is wrong with them."""

    kind = forms.ChoiceField(label="種類", choices=RecordKind.choices)
    notes = forms.CharField(label="メモ", required=False, widget=forms.Textarea(attrs={"rows": 12}))


class RecordEditForm(LabelledForm):
    body = forms.CharField(label="記録", max_length=RECORD_MAX, widget=forms.Textarea(attrs={"rows": 14}))
    version = VersionField()


class AddendumForm(LabelledForm):
    body = forms.CharField(label="追記", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class RecordSearchForm(LabelledForm):
    q = forms.CharField(label="ことば", max_length=200, required=False)
    kind = forms.ChoiceField(label="種類", choices=[("", "すべて")] + list(RecordKind.choices), required=False)
    date_from = forms.DateField(
        label="から",
        widget=DATE_WIDGET,
        required=False,
        error_messages={"invalid": "期間の始め（から）は正しい日付で入力してください（例: 2026-04-01）。"},
    )
    date_to = forms.DateField(
        label="まで",
        widget=DATE_WIDGET,
        required=False,
        error_messages={"invalid": "期間の終わり（まで）は正しい日付で入力してください（例: 2026-04-01）。"},
    )
    # From the links that open the search: a household's page, a caseworker's row on the team page.
    household = forms.UUIDField(
        label="世帯",
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid": "世帯の指定が正しくありません。"},
    )
    cw = forms.IntegerField(
        label="ケースワーカー",
        min_value=1,
        required=False,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(("invalid", "min_value"), "ケースワーカーの指定が正しくありません。"),
    )


# The months a visit page can show: wide enough for any case file, and months whose neighbours exist.
FIRST_YEAR_SHOWN, LAST_YEAR_SHOWN = 1900, 2199
MONTH_FORMAT = re.compile(r"^(\d{4})-(\d{1,2})$")


class MonthForm(LabelledForm):
    """The month a visit page shows (?month=2026-04); none is this month."""

    month = forms.CharField(label="表示する月", required=False)

    def clean_month(self) -> date | None:
        text = self.cleaned_data["month"].strip()
        if not text:
            return None
        found = MONTH_FORMAT.match(text)
        year, month = (int(part) for part in found.groups()) if found else (0, 0)
        if not (FIRST_YEAR_SHOWN <= year <= LAST_YEAR_SHOWN and 1 <= month <= 12):
            raise ValidationError(
                f"表示する月は 2026-04 のように入力してください（{FIRST_YEAR_SHOWN}年から{LAST_YEAR_SHOWN}年まで）。"
            )
        return date(year, month, 1)


class UUIDListField(forms.Field):
    """Several ids under one name (?stop=…&stop=…)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[uuid.UUID]:
        try:
            return [uuid.UUID(str(item)) for item in value or []]
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


# A route is planned for a day's round; more stops than this is not a day (and the search grows fast).
MAX_STOPS = 25


class RouteForm(LabelledForm):
    stop = UUIDListField(
        label="訪問先", required=False, error_messages={"invalid": "訪問先は訪問予定の一覧から選んでください。"}
    )

    def clean_stop(self) -> list[str]:
        return [str(stop) for stop in self.cleaned_data["stop"][:MAX_STOPS]]


class VisitStatusForm(LabelledForm):
    """A planned visit's new state; the service refuses 訪問済み (the visit record sets it)."""

    status = forms.ChoiceField(label="状態", choices=VisitStatus.choices)


class DeclarationPhotoForm(LabelledForm):
    """A photo of a document the recipient showed; the service checks it (and asks for one when none)."""

    image = forms.FileField(label="写真（JPEG・PNG・HEIC）", required=False)
    caption = forms.CharField(label="説明", max_length=200, required=False)
