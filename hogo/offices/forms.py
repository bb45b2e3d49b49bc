from django import forms

from hogo.common.forms import LabelledForm


class ActingOfficeForm(LabelledForm):
    # A plain number, not a choice among the user's offices: an office where they hold no role is
    # refused with 403 by the service, not answered as a mistyped field.
    office = forms.IntegerField(label="作業する事務所", min_value=1)
