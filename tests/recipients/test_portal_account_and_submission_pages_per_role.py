"""Per-role access to the recipient-portal screens of the core (issue 23). Issuing an account, a new code,
ending it, its letter and returning a submission: the household's CW and the team's SV; the others who see
the household are refused (403); the rest do not find it (404). A submission and its PDFs are read by
everyone who sees the household."""

import pytest
from django.urls import reverse

from hogo.recipients.models import PortalAccount

from .helpers import imported, issued

ROLE_TESTED_URLS = {
    "recipient_account_issue",
    "recipient_account_reissue",
    "recipient_account_end",
    "recipient_account_letter",
    "recipient_submission",
    "recipient_submission_return",
    "recipient_document",
}
EDIT = {"cw", "sv"}
READ = {"cw_mate", "chief", "clerk"}
ROLES = ["cw", "cw_mate", "cw_other", "sv", "sv_other", "chief", "clerk", "collector", "admin", "agency", "b_cw"]


def expected(role, ok):
    return ok if role in EDIT else 403 if role in READ else 404


@pytest.mark.parametrize("role", ROLES)
def test_only_the_cw_and_the_sv_issue_an_account(everyone, cast, login, role):
    household = cast.households["own"]
    head = household.members.get()
    client = login(everyone[role])
    url = reverse("recipient_account_issue", args=[household.public_id])
    assert client.get(url).status_code == expected(role, 200)
    response = client.post(url, {"role": "head", "member": str(head.public_id)})
    assert response.status_code == expected(role, 200)
    assert PortalAccount.objects.filter(household=household).exists() == (role in EDIT)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_cw_and_the_sv_reissue_end_and_print(everyone, cast, login, role):
    account, code = issued(cast)
    client = login(everyone[role])
    letter = client.post(reverse("recipient_account_letter", args=[account.public_id]), {"code": code})
    assert letter.status_code == expected(role, 200)
    reissue = client.post(reverse("recipient_account_reissue", args=[account.public_id]))
    assert reissue.status_code == expected(role, 200)
    end = client.post(reverse("recipient_account_end", args=[account.public_id]))
    assert end.status_code == expected(role, 302)
    account.refresh_from_db()
    assert (account.ended_at is not None) == (role in EDIT)


@pytest.mark.parametrize("role", ROLES)
def test_a_submission_and_its_pdf_are_read_by_those_who_see_the_household(everyone, cast, login, role):
    _account, submission = imported(cast)
    client = login(everyone[role])
    seen = 200 if role in EDIT | READ else 404
    assert client.get(reverse("recipient_submission", args=[submission.public_id])).status_code == seen
    doc = submission.documents.get()
    assert client.get(reverse("recipient_document", args=[doc.public_id])).status_code == seen
    response = client.post(
        reverse("recipient_submission_return", args=[submission.public_id]), {"reason": "明細が読めません"}
    )
    assert response.status_code == expected(role, 302)
    submission.refresh_from_db()
    assert (submission.returned_reason == "明細が読めません") == (role in EDIT)
