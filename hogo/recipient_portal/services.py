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
TOTP_USED = "この確認コードはもう使われました。アプリに次の6けたの数字が出てから入力してください。"


def _locked(login: str, now) -> bool:
    return ActivationAttempt.objects.filter(login=login, at__gt=now - WINDOW).count() >= MAX_WRONG


def _attempt(login: str, now) -> bool:
    """Count this attempt before checking it, then say whether the login is locked. The row is committed at
    once (no transaction around it), so parallel requests see each other's: at most MAX_WRONG codes are
    checked in a window, however many arrive at once. A right code removes the login's rows."""
    ActivationAttempt.objects.create(login=login, at=now)
    ActivationAttempt.objects.filter(at__lt=now - timedelta(days=1)).delete()  # kept small
    return ActivationAttempt.objects.filter(login=login, at__gt=now - WINDOW).count() > MAX_WRONG


def activate(login: str, code: str, password: str) -> RecipientAccount:
    """The right code for the login (unused, not expired, not locked) sets the password once."""
    login = (login or "").strip().upper()
    now = timezone.now()
    if _attempt(login, now):
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
        weak = None
        if right:
            try:
                validate_password(password, account.user)  # the form puts it on the password
            except ValidationError as exc:
                weak = exc
            else:
                account.user.set_password(password)
                account.user.is_active = True
                account.user.save(update_fields=["password", "is_active"])
                account.activated_at = now
                account.save(update_fields=["activated_at"])
                AccountEvent.objects.create(account=account, event="activated", code_hash=account.code_hash, at=now)
                ActivationAttempt.objects.filter(login=login).delete()
                return account
    if weak is not None:  # the code was right: a password refused by the policy is not a wrong guess
        ActivationAttempt.objects.filter(login=login).delete()
        raise weak
    raise ValidationError({"code": LOCKED if _locked(login, now) else WRONG_CODE})


# --- TOTP ----------------------------------------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(account: RecipientAccount, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account.user.username, issuer_name="Hogo ポータル")


def _totp_step(secret: str, code: str) -> int | None:
    """The time step (30 s) the code belongs to, the one before or after now (a phone's clock may be off),
    or None when it is none of them."""
    code = "".join(ch for ch in normalized_code(code) if ch.isdigit())
    if not secret or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(timezone.now())
    return next((step for step in (now - 1, now, now + 1) if hmac.compare_digest(totp.generate_otp(step), code)), None)


def _totp_ok(secret: str, code: str) -> bool:
    return _totp_step(secret, code) is not None


@transaction.atomic
def enable_totp(account: RecipientAccount, secret: str, code: str) -> None:
    if not secret or account.totp_secret:
        raise ValidationError({"code": "もう一度「確認コードを使う」から始めてください。"})
    if not _totp_ok(secret, code):
        raise ValidationError({"code": WRONG_TOTP})
    account.totp_secret, account.totp_last_step = secret, None  # a new secret: no step of it used yet
    account.save(update_fields=["totp_secret", "totp_last_step"])
    AccountEvent.objects.create(account=account, event="totp_on")


@transaction.atomic
def disable_totp(account: RecipientAccount, code: str) -> None:
    if not _totp_ok(account.totp_secret, code):
        raise ValidationError({"code": WRONG_TOTP})
    account.totp_secret, account.totp_last_step = "", None
    account.save(update_fields=["totp_secret", "totp_last_step"])
    AccountEvent.objects.create(account=account, event="totp_off")


def verify_totp(account: RecipientAccount, code: str) -> None:
    """The second step of a recipient's login. A code is accepted once: its time step and the ones before
    it are refused after (a code seen over a shoulder cannot be typed again within its window)."""
    login = f"totp:{account.user.username}"
    now = timezone.now()
    if _attempt(login, now):
        raise ValidationError({"code": TOTP_LOCKED})
    with transaction.atomic():
        account = RecipientAccount.objects.select_for_update().get(pk=account.pk)
        step = _totp_step(account.totp_secret, code)
        replayed = step is not None and account.totp_last_step is not None and step <= account.totp_last_step
        if step is not None and not replayed:
            account.totp_last_step = step
            account.save(update_fields=["totp_last_step"])
            ActivationAttempt.objects.filter(login=login).delete()
            return
    if _locked(login, now):
        raise ValidationError({"code": TOTP_LOCKED})
    raise ValidationError({"code": TOTP_USED if replayed else WRONG_TOTP})


def set_large_text(account: RecipientAccount, on: bool) -> None:
    account.large_text = on
    account.save(update_fields=["large_text"])


# --- submissions ---------------------------------------------------------------------------------------


TOKEN_USED = "この画面はもう使えません。もう一度開き直してください。"


def once(model, create, *, mine: dict, **unique):
    """The row of a form posted once (forms.OneTimeTokenForm): `unique` finds it by fields under a unique
    constraint (its token). Posted again, even at the same moment, it is the first row, unchanged; a row that
    is not `mine` (another household's) refuses the token. `create()` makes the row and what belongs to it."""
    existing = model.objects.filter(**unique).first()
    if existing is None:
        try:
            with transaction.atomic():
                return create()
        except IntegrityError:  # the same form posted twice at once: the other request made it
            existing = model.objects.filter(**unique).first()
            if existing is None:
                raise
    if not model.objects.filter(pk=existing.pk, **mine).exists():
        raise ValidationError({"token": TOKEN_USED})
    return existing


def submit(account: RecipientAccount, *, token: str, kind: str, content: dict, period_label: str, files) -> Submission:
    """One submission per form token: the same token again returns the first one, unchanged. `files` are
    (person or None, label, ext, bytes, original name), already cleaned (uploads.cleaned)."""
    hashes = [hashlib.sha256(data).hexdigest() for _, _, _, data, _ in files]
    # the files as sent, in the content: the core re-encodes photos, so its page shows these hashes to compare
    # with the receipt
    listed = [{"sha256": h, "ext": f[2], "label": f[1]} for h, f in zip(hashes, files, strict=True)]

    def create():
        submission = Submission.objects.create(
            household=account.household,
            account=account,
            key=f"sb-{uuid.uuid4()}",
            token=token,
            kind=kind,
            period_label=period_label,
            content={**content, "attachments": listed} if listed else content,
        )
        for (person, label, ext, data, name), sha256 in zip(files, hashes, strict=True):
            if person is not None and person.household_id != account.household_id:
                raise ValidationError({"file_person": "この世帯の方を選んでください。"})
            Attachment.objects.create(
                submission=submission,
                person=person,
                label=label,
                ext=ext,
                data=data,
                sha256=sha256,
                original_name=(name or "")[:200],
            )
        return submission

    return once(Submission, create, mine={"account": account}, token=token)


def open_submission(household, key: str) -> Submission:
    """A submission of this household only (another household's is not found)."""
    from django.http import Http404  # noqa: PLC0415

    submission = Submission.objects.filter(household=household, key=key).first()
    if submission is None:
        raise Http404("見つかりません。")
    return submission
