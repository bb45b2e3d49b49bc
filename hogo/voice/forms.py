from django import forms

from hogo.common.forms import DATE_WIDGET, LabelledForm

from .models import Delivery


class FulfilForm(LabelledForm):
    how = forms.ChoiceField(label="交付の方法", choices=Delivery.choices, widget=forms.RadioSelect)


class SurveyForm(LabelledForm):
    title = forms.CharField(label="題名", max_length=100)
    intro = forms.CharField(
        label="はじめの説明", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    questions = forms.CharField(
        label="質問（1行に1つ）",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="選択式は「質問 | 選択肢 / 選択肢 / …」、自由記述は質問の文だけを書きます。",
    )
    opens_on = forms.DateField(label="開始日", widget=DATE_WIDGET)
    closes_on = forms.DateField(label="終了日", widget=DATE_WIDGET)


class GuideForm(LabelledForm):
    title = forms.CharField(label="題名", max_length=100)
    body = forms.CharField(
        label="本文",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=(
            "段落の間は空行。「## 」で始まる行は見出し、「- 」で始まる行は箇条書き。"
            "ふりがなは 漢字《かんじ》 と書きます。"
        ),
    )
    order = forms.IntegerField(label="並び順", min_value=0, max_value=999, initial=10)
    published = forms.BooleanField(label="ポータルに載せる", required=False)
