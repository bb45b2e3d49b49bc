"""The recipients' forms: plain words, every field labelled, every error naming its field."""

from django import forms

from hogo.recipient_portal.forms import OneTimeTokenForm

PURPOSES = [
    ("就職のため", "就職のため"),
    ("部屋を借りるため（入居）", "部屋を借りるため（入居）"),
    ("手続きのため", "ほかの手続きのため"),
]
DELIVERY = [("portal", "このポータルでPDFを受け取る"), ("post", "郵便で送ってもらう")]
CATEGORIES = [
    ("service", "窓口や職員の対応"),
    ("procedure", "手続きや書類"),
    ("portal", "このポータル"),
    ("other", "その他"),
]


def _named(form):
    for field in form.fields.values():
        if field.widget.is_hidden:  # the one-time token keeps its own message
            continue
        label = str(field.label)
        field.error_messages["required"] = f"「{label}」を入れてください。"
        if isinstance(field, forms.ChoiceField):
            field.error_messages["required"] = f"「{label}」を選んでください。"
            field.error_messages["invalid_choice"] = f"「{label}」は、ならんでいる中から選んでください。"
        if getattr(field, "max_length", None):
            field.error_messages["max_length"] = f"「{label}」は%(limit_value)d文字までにしてください。"


class PlainForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _named(self)


class ReceiptForm(OneTimeTokenForm, PlainForm):
    purpose = forms.ChoiceField(label="何に使いますか", choices=PURPOSES, widget=forms.RadioSelect)
    purpose_note = forms.CharField(label="くわしく（書かなくてもかまいません）", max_length=100, required=False)
    delivery = forms.ChoiceField(label="受け取り方", choices=DELIVERY, widget=forms.RadioSelect)


class MedicalForm(OneTimeTokenForm, PlainForm):
    person = forms.ChoiceField(label="受診する人", widget=forms.RadioSelect)
    clinic = forms.CharField(label="病院・診療所の名前", max_length=100)
    reason = forms.CharField(
        label="どこが悪いですか（受診の理由）", max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    delivery = forms.ChoiceField(label="受け取り方", choices=DELIVERY, widget=forms.RadioSelect)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.key, p.name) for p in people]


class OpinionForm(OneTimeTokenForm, PlainForm):
    category = forms.ChoiceField(label="何についてですか", choices=CATEGORIES, widget=forms.RadioSelect)
    text = forms.CharField(label="ご意見", max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))
    named = forms.ChoiceField(
        label="名前",
        choices=[("anonymous", "名前を出さずに送る（返事はできません）"), ("named", "名前を出して送る")],
        widget=forms.RadioSelect,
        initial="anonymous",
    )


class SurveyForm(PlainForm):
    """One field per question of the survey: a choice (radio) or a short free text."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for q in questions:
            if q["choices"]:
                self.fields[q["key"]] = forms.ChoiceField(
                    label=q["text"], choices=[(c, c) for c in q["choices"]], widget=forms.RadioSelect
                )
            else:
                self.fields[q["key"]] = forms.CharField(
                    label=q["text"], max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )
        _named(self)
