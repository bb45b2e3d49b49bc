"""Letters print only for inquiries asked on paper and not cancelled: a deposit inquiry (sent
electronically), a cancelled inquiry or an empty selection refuses the whole print."""

import pytest
from django.core.exceptions import ValidationError

from hogo.inquiries import services
from hogo.inquiries.letters import render_letters
from hogo.inquiries.models import InquiryKind

from .reply_helpers import ask


def letter(cast):
    household = cast.households["own"]
    return services.ask_by_letter(
        cast.users["cw"],
        household,
        services.Person(member=household.members.get(relation="head")),
        kind=InquiryKind.LIFE_INSURANCE,
        institution_name="架空生命保険株式会社",
        institution_address="東京都架空区一丁目2番3号",
        asked="契約の有無",
    )


def test_a_deposit_inquiry_does_not_print_as_a_letter(cast):
    (deposit,) = ask(cast.users["cw"], cast.households["own"])
    with pytest.raises(ValidationError) as refused:
        render_letters([letter(cast), deposit])
    assert deposit.reference in refused.value.message_dict["kind"][0]


def test_a_cancelled_inquiry_does_not_print(cast):
    cancelled = services.cancel(cast.users["cw"], letter(cast), "重複して作成したため")
    with pytest.raises(ValidationError) as refused:
        render_letters([cancelled])
    assert cancelled.reference in refused.value.message_dict["status"][0]


def test_an_empty_selection_is_refused(cast):
    with pytest.raises(ValidationError):
        render_letters([])


def test_an_open_letter_prints(cast):
    assert render_letters([letter(cast)]).startswith(b"%PDF")
