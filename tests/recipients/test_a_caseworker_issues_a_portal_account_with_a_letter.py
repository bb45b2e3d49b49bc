"""The household's CW issues a portal account for the head, a member or a recorded proxy: a login R + 8
digits, a one-time code XXXX-XXXX-XXXX-XXXX shown once (only its hash kept) valid 30 days, and an
activation letter PDF with the login, the code, the portal's address and a QR code, in 和暦. A new code
replaces the hash; an ended account stays. Everything is audited."""

import hashlib
import re
import subprocess
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.common.wareki import wareki
from hogo.recipients import services
from hogo.recipients.models import PortalAccount

from .helpers import issued

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def test_an_account_has_a_login_and_a_code_shown_once(cast):
    account, code = issued(cast)
    assert re.fullmatch(r"R\d{8}", account.login)
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", code)
    assert account.code_hash == hashlib.sha256(code.encode()).hexdigest()
    assert code not in str(PortalAccount.objects.filter(pk=account.pk).values().get())
    assert timedelta(days=29) < account.code_expires_at - timezone.now() <= timedelta(days=30)
    assert AuditEntry.objects.filter(target_type="portal_account", target_id=str(account.public_id)).exists()


def test_the_letter_has_the_login_the_code_the_address_and_a_qr_code(cast, settings, tmp_path):
    settings.HOGO_PORTAL_URL = "https://portal.minato.lg.jp/"
    account, code = issued(cast)
    data = services.letter_for(cast.users["cw"], account, code.lower().replace("-", ""))
    text = pdf_text(data, tmp_path)
    assert account.login in text and code in text and "portal.minato.lg.jp" in text
    assert wareki(timezone.localdate()) in text and "利用開始" in text
    assert b"/Subtype /Image" in data  # the QR code
    assert services.activation_url(account.login) == f"https://portal.minato.lg.jp/my/activate/?login={account.login}"


def test_the_letter_is_refused_for_another_code(cast):
    account, _code = issued(cast)
    with pytest.raises(ValidationError):
        services.letter_for(cast.users["cw"], account, "0000-0000-0000-0000")


def test_a_proxy_needs_a_name_and_a_member_account_names_a_current_member(cast):
    household = cast.households["own"]
    with pytest.raises(ValidationError) as refused:
        services.issue_account(cast.users["cw"], household, role="proxy", proxy_name=" ")
    assert "proxy_name" in refused.value.message_dict
    other = cast.households["mate"].members.get()
    with pytest.raises(ValidationError) as refused:
        services.issue_account(cast.users["cw"], household, role="member", member=other)
    assert "member" in refused.value.message_dict
    account, _ = issued(cast, role="proxy")
    assert account.holder_name == "代理 花子" and account.member is None


def test_a_second_account_for_the_same_member_is_refused(cast):
    issued(cast)
    with pytest.raises(ValidationError):
        issued(cast)


def test_a_new_code_replaces_the_old_one_and_ending_keeps_the_account(cast):
    account, code = issued(cast)
    PortalAccount.objects.filter(pk=account.pk).update(activated_at=timezone.now())
    again = services.reissue_code(cast.users["sv"], account)
    account.refresh_from_db()
    assert again != code and account.code_hash == hashlib.sha256(again.encode()).hexdigest()
    assert account.activated_at is None
    services.end_account(cast.users["cw"], account)
    account.refresh_from_db()
    assert account.ended_at is not None
    with pytest.raises(ValidationError):
        services.reissue_code(cast.users["cw"], account)


def test_the_issue_page_shows_the_code_once_with_the_print_button(cast, login):
    household = cast.households["own"]
    head = household.members.get()
    client = login(cast.users["cw"])
    response = client.post(
        reverse("recipient_account_issue", args=[household.public_id]), {"role": "head", "member": str(head.public_id)}
    )
    html = response.content.decode()
    account = PortalAccount.objects.get(household=household)
    code = re.search(r'id="portal-code">([0-9A-F-]{19})<', html).group(1)
    assert account.code_hash == hashlib.sha256(code.encode()).hexdigest()
    letter = client.post(reverse("recipient_account_letter", args=[account.public_id]), {"code": code})
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    page = client.get(reverse("household_detail", args=[household.public_id])).content.decode()
    assert account.login in page and code not in page
