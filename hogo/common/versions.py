"""Edits of shared rows that cannot silently overwrite each other (decision 0021).

Two people open the same edit form; the one who saves second must not wipe the first one's change
with a success message. Two parts, used together by every edit form of shared data:

- the row: `Versioned` gives it an integer `version`; `save_fields` writes the edited fields with a
  conditional UPDATE (`WHERE version = <the version read in this transaction>`) that increments it,
  so a write that slipped in between reading and writing is a refusal, never a lost update;
- the form: a hidden `version` field (`VersionField`) carries a fingerprint of every value the form
  was loaded with (`loaded_token`). On save the service compares them with the row as it is now
  (`refuse_if_changed`): a field someone else changed since the form was loaded is refused with its
  label and the other person's value; nothing is saved. Changes to fields the form does not show
  (a status set by a decision) do not refuse it.

A refused form keeps what the person typed and carries the current fingerprints, so saving it again
after reading the message is a deliberate overwrite."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone

from hogo.common.wareki import wareki

SHOWN_CHARACTERS = 80  # of another person's long text in the refusal
STALE_FORM = "この画面を開いた後に、他の人が同じ内容を保存しました。保存していません。"


class Versioned(models.Model):
    """A shared row edited through forms: `version` counts its saves through `save_fields`."""

    version = models.PositiveIntegerField("更新番号", default=1, editable=False)

    class Meta:
        abstract = True


def fingerprint(value) -> str:
    """A short digest of a value as a form shows it (None and "" are the same: an empty field)."""
    text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def loaded_token(values: dict) -> str:
    """What a form carries in its hidden `version` field: the fingerprint of each value it shows,
    by the form field's name."""
    return json.dumps({key: fingerprint(value) for key, value in values.items()}, separators=(",", ":"))


class VersionField(forms.CharField):
    """The hidden field an edit form carries; cleaned to {field name: fingerprint}."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "画面の版")
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
            raise ValidationError("画面の版が読み取れません。画面を開き直してください。", code="invalid")
        return loaded


@dataclass(frozen=True)
class Watched:
    """One value an edit form shows: the form field's `key`, and where it is stored."""

    key: str
    instance: models.Model
    field: str
    label: str = ""

    @property
    def value(self):
        return getattr(self.instance, self.field)

    def shown(self) -> str:
        value = self.value
        if value in (None, ""):
            return "（空欄）"
        model_field = self.instance._meta.get_field(self.field)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "はい" if value else "いいえ"
        if isinstance(value, date):
            return wareki(value)
        text = " ".join(str(value).split())
        return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"

    @property
    def name(self) -> str:
        return self.label or str(self.instance._meta.get_field(self.field).verbose_name)


def watch(instance: models.Model, fields, prefix: str = "", label_prefix: str = "") -> list[Watched]:
    """The values of `instance` a form shows, keyed `prefix + field`."""
    return [
        Watched(
            prefix + field,
            instance,
            field,
            label_prefix + str(instance._meta.get_field(field).verbose_name) if label_prefix else "",
        )
        for field in fields
    ]


def values_of(watched: list[Watched]) -> dict:
    return {w.key: w.value for w in watched}


def token_of(watched: list[Watched]) -> str:
    """The hidden `version` value of a form that shows `watched`."""
    return loaded_token(values_of(watched))


class StaleEdit(ValidationError):
    """A form loaded before someone else saved the values it shows. `current` is the token of the
    values as they are now, so the refused form can be saved again deliberately."""

    def __init__(self, messages: dict, current: str, field: str = "version"):
        super().__init__(messages)
        self.current, self.field = current, field

    @property
    def messages(self) -> list[str]:
        """As one message (a flash message after a button, the 400 page): the summary, which names
        every field; the fields' own messages are for the form."""
        return dict(self).get(NON_FIELD_ERRORS, [])

    def renew_form(self, form) -> None:
        """Put the current token into the refused form (it keeps what the person typed)."""
        if self.field in form.fields and form.is_bound:
            form.data = form.data.copy()
            form.data[form.add_prefix(self.field)] = self.current


def stale_messages(changed: list[Watched], lead: str = STALE_FORM) -> dict:
    """The refusal: a summary naming each changed field with its current value, and each field's own."""
    summary = "、".join(f"{w.name}「{w.shown()}」" for w in changed) or "（表示している項目に違いはありません）"
    messages = {
        NON_FIELD_ERRORS: [
            f"{lead}他の人が変えた項目（いまの値）: {summary}。"
            "内容を確かめてください。この入力で上書きするときは、もう一度保存してください。"
        ]
    }
    for w in changed:
        messages[w.key] = [f"他の人が「{w.shown()}」に変えました。"]
    return messages


def refuse_if_changed(loaded: dict | None, watched: list[Watched], submitted: dict | None = None) -> None:
    """Refuse (StaleEdit, naming each field with its current value) when a value the form showed was
    changed since it was loaded — unless it now holds exactly what is being submitted. `watched` are
    read from the row(s) as they are now, inside the saving transaction. No token (a caller that is
    not a form, e.g. a command that just read the row): nothing to compare."""
    if loaded is None:
        return
    submitted = submitted or {}
    changed = [
        w
        for w in watched
        if w.key in loaded
        and fingerprint(w.value) != loaded[w.key]
        and (w.key not in submitted or fingerprint(w.value) != fingerprint(submitted[w.key]))
    ]
    if changed:
        raise StaleEdit(stale_messages(changed), token_of(watched))


def save_fields(instance: models.Model, fields, **still) -> None:
    """Write `fields` of a Versioned row read in this transaction, only if nobody saved it since
    (its version is unchanged; `still` adds conditions, e.g. a record not yet signed), and count the
    save. Otherwise ValidationError: nothing is written."""
    model = type(instance)
    values = {field: getattr(instance, field) for field in fields}
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    written = model.objects.filter(pk=instance.pk, version=instance.version, **still).update(
        version=F("version") + 1, **values
    )
    if written != 1:
        raise ValidationError({NON_FIELD_ERRORS: [STALE_FORM + "画面を開き直して、内容を確かめてください。"]})
    instance.version += 1
    for field, value in values.items():
        setattr(instance, field, value)
