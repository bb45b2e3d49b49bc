from django import forms as django_forms
from django.core.exceptions import ValidationError

from hogo.common.forms import LabelledForm

from .models import CHARACTERISTICS, WORK_AREAS


class ExampleForm(LabelledForm):
    title = django_forms.CharField(label="表題", max_length=120)
    work_area = django_forms.ChoiceField(label="業務の分野", choices=WORK_AREAS)
    characteristics = django_forms.MultipleChoiceField(
        label="本人の特性", choices=CHARACTERISTICS, required=False, widget=django_forms.CheckboxSelectMultiple
    )
    situation = django_forms.CharField(
        label="事例の概要",
        widget=django_forms.Textarea(attrs={"rows": 4}),
        help_text="氏名・住所・電話番号・ケース番号は書かないでください（Aさん、○○市 など）。",
    )
    handling = django_forms.CharField(label="対応", widget=django_forms.Textarea(attrs={"rows": 4}))
    outcome = django_forms.CharField(label="結果", widget=django_forms.Textarea(attrs={"rows": 2}), required=False)
    lessons = django_forms.CharField(label="ポイント", widget=django_forms.Textarea(attrs={"rows": 2}), required=False)


class KnowHowForm(LabelledForm):
    question = django_forms.CharField(label="問い", max_length=200, help_text="例: 保護費の支給日を電話で聞かれたら")
    answer = django_forms.CharField(label="答え", widget=django_forms.Textarea(attrs={"rows": 4}))


class QuestionForm(LabelledForm):
    """A question to the question box; answering it logs it, so it is posted."""

    q = django_forms.CharField(label="質問")
    generate = django_forms.BooleanField(label="条文から回答の案も作る", required=False)


VERDICTS = [("useful", "役に立った"), ("wrong", "違う")]


class FeedbackForm(LabelledForm):
    feedback = django_forms.ChoiceField(label="評価", choices=VERDICTS)
    note = django_forms.CharField(label="コメント", max_length=1000, required=False)


class QuestionLogFilterForm(LabelledForm):
    """Which questions the log shows (?feedback=wrong); none is all."""

    feedback = django_forms.ChoiceField(label="評価", choices=VERDICTS, required=False)


class ExampleFilterForm(LabelledForm):
    """How the case examples are narrowed (?area=…&trait=…&q=…); each left empty is all."""

    area = django_forms.ChoiceField(label="業務の分野", choices=WORK_AREAS, required=False)
    trait = django_forms.ChoiceField(label="本人の特性", choices=CHARACTERISTICS, required=False)
    q = django_forms.CharField(label="ことば", max_length=200, required=False)


# An export of an office's case examples is far smaller than this (decision 0023).
MAX_EXAMPLES_BYTES = 5 * 1024 * 1024


class ExampleImportForm(LabelledForm):
    file = django_forms.FileField(label="事例ファイル（JSON）")

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_EXAMPLES_BYTES:
            raise ValidationError(
                f"事例ファイル（JSON）が大きすぎます（{MAX_EXAMPLES_BYTES // 1024 // 1024}MBまでです）。"
            )
        return file
