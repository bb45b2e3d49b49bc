"""The recipient's forms. Every parameter is parsed here; errors name the field in plain Japanese. The
submission forms mirror the paper ones: per member and per income (収入申告), per asset (資産申告), a change
of circumstances (法第61条), photos the CW asked for; each with up to three photos or PDFs."""

import re
import secrets
from datetime import date

from django import forms
from django.utils import timezone

from hogo.common.wareki import wareki_month

from . import uploads

INCOME_KINDS = [("work", "就労収入（給料）"), ("pension", "年金"), ("remittance", "仕送り"), ("other", "その他")]
ASSET_KINDS = [
    ("savings", "預貯金"),
    ("cash", "現金"),
    ("insurance", "保険"),
    ("car", "自動車"),
    ("land", "土地・建物"),
    ("other", "その他"),
]
CHANGE_KINDS = [
    ("move", "転居（引っ越し）"),
    ("hospital", "入院・退院"),
    ("members", "世帯員が増えた・減った"),
    ("work", "仕事を始めた・変わった・やめた"),
]
INCOME_ROWS = ASSET_ROWS = 4
FILES = 3
MAX_YEN = 100_000_000


class ActivationForm(forms.Form):
    login = forms.CharField(
        label="ログインID",
        max_length=20,
        help_text="お知らせの紙にある R で始まる番号",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "characters"}),
    )
    code = forms.CharField(
        label="利用開始コード",
        max_length=40,
        help_text="お知らせの紙にある XXXX-XXXX-XXXX-XXXX（ハイフンは省いてもかまいません）",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    password1 = forms.CharField(
        label="新しいパスワード",
        strip=False,
        help_text="10文字以上。ほかの人に推測されにくいもの",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="新しいパスワード（確認のためもう一度）",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", "確認のパスワードが一致しません。同じものを2回入力してください。")
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label="確認コード（6けた）",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class LargeTextForm(forms.Form):
    large_text = forms.BooleanField(label="文字を大きくする", required=False)


AMOUNT_ERRORS = {
    "invalid": "金額は円の数字だけで入力してください（例: 85000）。",
    "min_value": "金額は0円以上です。",
    "max_value": "金額が大きすぎます。",
}
PERSON_ERRORS = {"invalid_choice": "この世帯の方を選んでください。"}


def _person_choices(people, blank=None):
    choices = [(str(p.pk), p.name) for p in people]
    return ([("", blank)] if blank else []) + choices


class OneTimeTokenForm(forms.Form):
    """A form posted once: a hidden random token made when the form is shown. The view keeps it under a
    unique constraint (services.once), so the same form posted twice (a double tap, a reload) makes one row."""

    token = forms.CharField(
        widget=forms.HiddenInput, max_length=64, error_messages={"required": "画面を開き直してください。"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", secrets.token_hex(16))

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not re.fullmatch(r"[0-9a-f]{32}", token):
            raise forms.ValidationError("画面を開き直してください。")
        return token


class SubmissionForm(OneTimeTokenForm):
    """The common part: the one-time token, a note, and up to three files with whose they are."""

    kind = ""
    note = forms.CharField(
        label="福祉事務所への連絡（あれば）", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.group_names = []
        self.setup(list(people))
        for i in range(1, FILES + 1):
            self.group_names.append((f"写真・PDF {i}", [f"file_{i}", f"file_person_{i}", f"file_label_{i}"]))
            self.fields[f"file_{i}"] = forms.FileField(
                label="ファイル",
                required=False,
                help_text="JPEG・PNG・HEIC の写真か PDF。10MBまで" if i == 1 else "",
                widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/heic,application/pdf"}),
            )
            self.fields[f"file_person_{i}"] = forms.ChoiceField(
                label="だれのものですか",
                required=False,
                choices=_person_choices(people, "世帯全体"),
                error_messages=PERSON_ERRORS,
            )
            self.fields[f"file_label_{i}"] = forms.CharField(
                label="説明（例: 11月分の給与明細）", required=False, max_length=200
            )

    def setup(self, people):
        pass

    def groups(self):
        """(legend, bound fields) of each repeated part: an income, an asset, a file."""
        return [(title, [self[n] for n in names]) for title, names in self.group_names]

    def single_fields(self):
        grouped = {n for _, names in self.group_names for n in names} | {"note", "token"}
        return [self[n] for n in self.fields if n not in grouped]

    def person(self, field):
        value = self.cleaned_data.get(field)
        if not value:
            return None
        if value not in self.people:
            self.add_error(field, "この世帯の方を選んでください。")
        return self.people.get(value)

    def clean(self):
        data = super().clean()
        self.files_cleaned = []
        for i in range(1, FILES + 1):
            upload = data.get(f"file_{i}")
            if not upload:
                continue
            try:
                ext, content = uploads.cleaned(upload, f"file_{i}")
            except forms.ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    self.add_error(field, errors)
                continue
            person = self.person(f"file_person_{i}")
            self.files_cleaned.append((person, data.get(f"file_label_{i}", ""), ext, content, upload.name))
        return data

    def content(self) -> dict:
        return {"note": self.cleaned_data.get("note", "")}

    def period_label(self) -> str:
        return ""


class IncomeForm(SubmissionForm):
    kind = "income"

    def setup(self, people):
        for i in range(1, INCOME_ROWS + 1):
            self.group_names.append(
                (
                    f"収入 {i}" + ("" if i == 1 else "（あれば）"),
                    [f"{f}_{i}" for f in ("person", "income_kind", "month", "amount")],
                )
            )
            self.fields[f"person_{i}"] = forms.ChoiceField(
                label="だれの収入ですか",
                required=i == 1,
                choices=_person_choices(people, "—"),
                error_messages={**PERSON_ERRORS, "required": "だれの収入か選んでください。"},
            )
            self.fields[f"income_kind_{i}"] = forms.ChoiceField(
                label="種類", required=False, choices=[("", "—"), *INCOME_KINDS]
            )
            self.fields[f"month_{i}"] = forms.CharField(
                label="何月分ですか",
                required=False,
                widget=forms.TextInput(attrs={"type": "month"}),
                help_text="例: 2026-11",
            )
            self.fields[f"amount_{i}"] = forms.IntegerField(
                label="金額（円）",
                required=False,
                min_value=0,
                max_value=MAX_YEN,
                error_messages=AMOUNT_ERRORS,
            )

    def clean(self):
        data = super().clean()
        self.rows = []
        for i in range(1, INCOME_ROWS + 1):
            person, kind, month, amount = (data.get(f"{f}_{i}") for f in ("person", "income_kind", "month", "amount"))
            if not (person or kind or month or amount is not None):
                continue
            member = self.person(f"person_{i}")
            if not member:
                self.add_error(f"person_{i}", f"収入 {i}: だれの収入か選んでください。")
            if not kind:
                self.add_error(f"income_kind_{i}", f"収入 {i}: 種類を選んでください。")
            if not month or not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
                self.add_error(f"month_{i}", f"収入 {i}: 何月分か、2026-11 の形で入力してください。")
            if amount is None:
                self.add_error(f"amount_{i}", f"収入 {i}: 金額を入力してください（なければ 0）。")
            if member and kind and month and amount is not None:
                self.rows.append({"person": member, "kind": kind, "month": month, "amount": amount, "note": ""})
        if not self.rows and not self.errors:
            self.add_error("person_1", "収入を1つ以上入力してください。")
        return data

    def content(self):
        return {**super().content(), "incomes": [{**r, "person": r["person"].key} for r in self.rows]}

    def period_label(self):
        months = sorted({r["month"] for r in self.rows})
        return "・".join(f"{wareki_month(date(int(m[:4]), int(m[5:]), 1))}分" for m in months)[:40]


class AssetsForm(SubmissionForm):
    kind = "assets"

    def setup(self, people):
        for i in range(1, ASSET_ROWS + 1):
            self.group_names.append(
                (
                    f"資産 {i}" + ("" if i == 1 else "（あれば）"),
                    [f"{f}_{i}" for f in ("asset_kind", "person", "detail", "amount")],
                )
            )
            self.fields[f"asset_kind_{i}"] = forms.ChoiceField(
                label="種類", required=i == 1, choices=[("", "—"), *ASSET_KINDS]
            )
            self.fields[f"person_{i}"] = forms.ChoiceField(
                label="名義",
                required=False,
                choices=_person_choices(people, "世帯全体"),
                error_messages=PERSON_ERRORS,
            )
            self.fields[f"detail_{i}"] = forms.CharField(
                label="内容", required=False, max_length=200, help_text="例: ○○銀行 普通預金"
            )
            self.fields[f"amount_{i}"] = forms.IntegerField(
                label="金額（円）",
                required=False,
                min_value=0,
                max_value=MAX_YEN,
                error_messages=AMOUNT_ERRORS,
            )

    def clean(self):
        data = super().clean()
        self.rows = []
        for i in range(1, ASSET_ROWS + 1):
            kind, amount = data.get(f"asset_kind_{i}"), data.get(f"amount_{i}")
            if not kind and amount is None and not data.get(f"detail_{i}"):
                continue
            if not kind:
                self.add_error(f"asset_kind_{i}", f"資産 {i}: 種類を選んでください。")
            if amount is None:
                self.add_error(f"amount_{i}", f"資産 {i}: 金額を入力してください（なければ 0）。")
            member = self.person(f"person_{i}")
            if kind and amount is not None:
                self.rows.append(
                    {
                        "person": member.key if member else None,
                        "kind": kind,
                        "detail": data.get(f"detail_{i}", ""),
                        "amount": amount,
                    }
                )
        return data

    def content(self):
        return {**super().content(), "items": self.rows}


class ChangeForm(SubmissionForm):
    kind = "change"
    change = forms.ChoiceField(label="何が変わりましたか", choices=CHANGE_KINDS, widget=forms.RadioSelect)
    date = forms.DateField(label="変わった日", widget=forms.DateInput(attrs={"type": "date"}))
    details = forms.CharField(
        label="くわしい内容",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="例: 新しい住所、入院した病院、勤め先の名前など",
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate() + timezone.timedelta(days=90):
            raise forms.ValidationError("変わった日が先すぎます。")
        return day

    def content(self):
        d = self.cleaned_data
        return {**super().content(), "change": d["change"], "date": d["date"].isoformat(), "details": d["details"]}


class PhotoForm(SubmissionForm):
    kind = "photo"
    request = forms.CharField(
        label="どの写真ですか", max_length=200, help_text="例: ケースワーカーに頼まれた 通帳の写し"
    )

    def clean(self):
        data = super().clean()
        if not self.files_cleaned and not any(f.startswith("file_") for f in self.errors):
            self.add_error("file_1", "写真かPDFを1つ以上選んでください。")
        return data

    def content(self):
        return {**super().content(), "request": self.cleaned_data.get("request", "")}


FORMS = {"income": IncomeForm, "assets": AssetsForm, "change": ChangeForm, "photo": PhotoForm}
