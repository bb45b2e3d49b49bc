from django import forms

from .models import Answer, Health, Living

REQUIRED = "「{}」を選んでください。"


class VisitAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label="ご都合",
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED.format("ご都合")},
    )
    wish = forms.CharField(
        label="ご希望の日時",
        max_length=200,
        required=False,
        help_text="例: 午後なら大丈夫です",
        error_messages={"max_length": "「ご希望の日時」は200文字までで書いてください。"},
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == Answer.OTHER_TIME and not (data.get("wish") or "").strip():
            self.add_error("wish", "「別の日時にしてほしい」ときは、「ご希望の日時」を書いてください。")
        return data


class CheckinForm(forms.Form):
    health = forms.ChoiceField(
        label="体調",
        choices=Health.choices,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED.format("体調")},
    )
    living = forms.ChoiceField(
        label="暮らし",
        choices=Living.choices,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED.format("暮らし")},
    )
    changed = forms.TypedChoiceField(
        label="前の報告から変わったこと",
        choices=[("no", "ない"), ("yes", "ある")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED.format("前の報告から変わったこと")},
    )
    change_text = forms.CharField(
        label="変わったことの内容",
        max_length=500,
        required=False,
        help_text="例: 入院した、家族と住むことになった、仕事を始めた",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "「変わったことの内容」は500文字までで書いてください。"},
    )
    message = forms.CharField(
        label="ケースワーカーに伝えたいこと（なくてもかまいません）",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "「伝えたいこと」は2000文字までで書いてください。"},
    )

    def clean(self):
        data = super().clean()
        if data.get("changed") is True and not (data.get("change_text") or "").strip():
            self.add_error("change_text", "変わったことが「ある」ときは、その内容を書いてください。")
        return data
