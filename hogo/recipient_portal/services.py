"""The recipient's use cases on the portal (issue 23): 利用開始 with the letter's code (throttled: 5 wrong codes
for a login in 15 minutes lock it for 15 minutes, counted in the database so every process sees it), the
optional TOTP second step, 文字を大きくする, and submissions (idempotent by the form's token). Each function
runs in a transaction and raises ValidationError naming the field."""

import hashlib
import hmac
import uuid
from datetime import timedelta

import pyotp
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hogo.portal.services import code_hash, normalized_code

from .models import AccountEvent, ActivationAttempt, Attachment, RecipientAccount, Submission

MAX_WRONG = 5
WINDOW = timedelta(minutes=15)
WRONG_CODE = "ログインIDか利用開始コードが違います。お知らせの紙を見て、もう一度入力してください。"
EXPIRED = "この利用開始コードは有効期限が過ぎています。担当のケースワーカーに新しいコードを頼んでください。"
LOCKED = "利用開始コードを続けて間違えたため、15分間は利用開始できません。時間をおいてやり直してください。"
WRONG_TOTP = "確認コードが違います。アプリに表示されている6けたの数字を入力してください。"
TOTP_LOCKED = "確認コードを続けて間違えたため、15分間はログインできません。"


def _locked(login: str, now) -> bool:
    return ActivationAttempt.objects.filter(login=login, at__gt=now - WINDOW).count() >= MAX_WRONG


def _wrong(login: str) -> None:
    # outside the caller's transaction: a refused attempt must still count
    ActivationAttempt.objects.create(login=login)
    ActivationAttempt.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()  # kept small


def activate(login: str, code: str, password: str) -> RecipientAccount:
    """The right code for the login (unused, not expired, not locked) sets the password once."""
    login = (login or "").strip().upper()
    now = timezone.now()
    if _locked(login, now):
        raise ValidationError({"code": LOCKED})
    with transaction.atomic():
        account = (
            RecipientAccount.objects.select_for_update()
            .select_related("user", "household")
            .filter(user__username=login)
            .first()
        )
        right = (
            account is not None
            and account.code_hash
            and account.activated_at is None
            and account.ended_at is None
            and account.household.active
            and hmac.compare_digest(code_hash(normalized_code(code)), account.code_hash)
        )
        if right and account.code_expires_at and account.code_expires_at <= now:
            raise ValidationError({"code": EXPIRED})
        if right:
            validate_password(password, account.user)  # the form puts it on the password
            account.user.set_password(password)
            account.user.is_active = True
            account.user.save(update_fields=["password", "is_active"])
            account.activated_at = now
            account.save(update_fields=["activated_at"])
            AccountEvent.objects.create(account=account, event="activated", code_hash=account.code_hash, at=now)
            ActivationAttempt.objects.filter(login=login).delete()
            return account
    _wrong(login)
    raise ValidationError({"code": LOCKED if _locked(login, now) else WRONG_CODE})


# --- TOTP ----------------------------------------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(account: RecipientAccount, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account.user.username, issuer_name="Hogo ポータル")


def _totp_ok(secret: str, code: str) -> bool:
    code = "".join(ch for ch in normalized_code(code) if ch.isdigit())
    return bool(secret) and len(code) == 6 and pyotp.TOTP(secret).verify(code, valid_window=1)


@transaction.atomic
def enable_totp(account: RecipientAccount, secret: str, code: str) -> None:
    if not secret or account.totp_secret:
        raise ValidationError({"code": "もう一度「確認コードを使う」から始めてください。"})
    if not _totp_ok(secret, code):
        raise ValidationError({"code": WRONG_TOTP})
    account.totp_secret = secret
    account.save(update_fields=["totp_secret"])
    AccountEvent.objects.create(account=account, event="totp_on")


@transaction.atomic
def disable_totp(account: RecipientAccount, code: str) -> None:
    if not _totp_ok(account.totp_secret, code):
        raise ValidationError({"code": WRONG_TOTP})
    account.totp_secret = ""
    account.save(update_fields=["totp_secret"])
    AccountEvent.objects.create(account=account, event="totp_off")


def verify_totp(account: RecipientAccount, code: str) -> None:
    """The second step of a recipient's login."""
    login = f"totp:{account.user.username}"
    if _locked(login, timezone.now()):
        raise ValidationError({"code": TOTP_LOCKED})
    if not _totp_ok(account.totp_secret, code):
        _wrong(login)
        raise ValidationError({"code": WRONG_TOTP})
    ActivationAttempt.objects.filter(login=login).delete()


def set_large_text(account: RecipientAccount, on: bool) -> None:
    account.large_text = on
    account.save(update_fields=["large_text"])


# --- submissions ---------------------------------------------------------------------------------------


def submit(account: RecipientAccount, *, token: str, kind: str, content: dict, period_label: str, files) -> Submission:
    """One submission per form token: the same token again returns the first one, unchanged. `files` are
    (person or None, label, ext, bytes, original name), already cleaned (uploads.cleaned)."""
    existing = Submission.objects.filter(token=token, account=account).first()
    if existing is not None:
        return existing
    if Submission.objects.filter(token=token).exists():
        raise ValidationError({"token": "この画面はもう使えません。もう一度開き直してください。"})
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                household=account.household,
                account=account,
                key=f"sb-{uuid.uuid4()}",
                token=token,
                kind=kind,
                period_label=period_label,
                content=content,
            )
            for person, label, ext, data, name in files:
                if person is not None and person.household_id != account.household_id:
                    raise ValidationError({"file_person": "この世帯の方を選んでください。"})
                Attachment.objects.create(
                    submission=submission,
                    person=person,
                    label=label,
                    ext=ext,
                    data=data,
                    sha256=hashlib.sha256(data).hexdigest(),
                    original_name=(name or "")[:200],
                )
    except IntegrityError:  # the same token posted twice at once: the other request made it
        return Submission.objects.get(token=token, account=account)
    return submission


def open_submission(household, key: str) -> Submission:
    """A submission of this household only (another household's is not found)."""
    from django.http import Http404  # noqa: PLC0415

    submission = Submission.objects.filter(household=household, key=key).first()
    if submission is None:
        raise Http404("見つかりません。")
    return submission
