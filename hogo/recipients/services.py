"""The core's use cases of the recipient portal (issue 23): the CW issues a portal account with a one-time
利用開始コード and prints the activation letter, issues a new code when the letter is lost, ends an account,
and returns (差し戻し) a submission with a reason. One function per use case, in a transaction, permission
checked (the household's CW and the team's SV), audited."""

import hashlib
import io
import secrets
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.households.models import Household
from hogo.households.scoping import may_edit
from hogo.households.services import require_edit

from .models import AccountRole, PortalAccount, Submission

NOT_YOURS = "この世帯のポータルのアカウントを扱う権限がありません。"
CODE_DAYS = 30
MAX_PROXY_NAME = 100


def may_manage(user, household: Household) -> bool:
    return may_edit(user, household)


def _new_login() -> str:
    for _ in range(50):
        login = "R" + "".join(secrets.choice("0123456789") for _ in range(8))
        if not PortalAccount.objects.filter(login=login).exists():
            return login
    raise ValidationError("ログインIDを作れませんでした。もう一度操作してください。")  # pragma: no cover


def _new_code() -> str:
    """16 hex characters in 4 groups (XXXX-XXXX-XXXX-XXXX), as for partner agencies."""
    return "-".join(secrets.token_hex(2).upper() for _ in range(4))


def code_hash(code: str) -> str:
    return hashlib.sha256(normalized_code(code).encode()).hexdigest()


def normalized_code(code: str) -> str:
    """The code as printed: full-width folded, upper case, in groups of four."""
    text = "".join(ch for ch in unicodedata.normalize("NFKC", code or "").upper() if ch.isalnum())
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _set_code(account: PortalAccount, actor) -> str:
    code = _new_code()
    now = timezone.now()
    account.code_hash = code_hash(code)
    account.code_issued_at = now
    account.code_expires_at = now + timedelta(days=CODE_DAYS)
    account.issued_by = actor
    account.activated_at = None  # a new code starts 利用開始 over
    return code


@transaction.atomic
def issue_account(actor, household: Household, *, role: str, member=None, proxy_name: str = "") -> tuple:
    """A new account for the head, a member or a recorded proxy: (account, the code shown once)."""
    require_edit(actor, household, NOT_YOURS)
    proxy_name = (proxy_name or "").strip()
    if role not in AccountRole.values:
        raise ValidationError({"role": "立場は一覧から選んでください。"})
    if role == AccountRole.PROXY:
        if not proxy_name:
            raise ValidationError({"proxy_name": "代理人の氏名を入力してください。"})
        if len(proxy_name) > MAX_PROXY_NAME:
            raise ValidationError({"proxy_name": f"代理人の氏名は{MAX_PROXY_NAME}文字までです。"})
        member = None
    else:
        proxy_name = ""
        if member is None or member.household_id != household.pk or member.left_on is not None:
            raise ValidationError({"member": "この世帯の今の世帯員を選んでください。"})
        if role == AccountRole.HEAD and member.relation != "head":
            raise ValidationError({"member": "世帯主のアカウントは世帯主に発行します。"})
        if PortalAccount.objects.filter(household=household, member=member, ended_at__isnull=True).exists():
            raise ValidationError(
                {"member": f"{member.name}さんのアカウントは既にあります。コードの再発行を使ってください。"}
            )
    account = PortalAccount(household=household, member=member, role=role, proxy_name=proxy_name, login=_new_login())
    code = _set_code(account, actor)
    account.save()
    record(actor, Action.CREATE, target=account, detail={"role": role, "login": account.login, "code": "issued"})
    return account, code


@transaction.atomic
def reissue_code(actor, account: PortalAccount) -> str:
    """A new code for a lost letter: the old one stops working, 利用開始 again."""
    require_edit(actor, account.household, NOT_YOURS)
    account = PortalAccount.objects.select_for_update().get(pk=account.pk)
    if account.ended_at:
        raise ValidationError("利用を終えたアカウントには発行できません。")
    code = _set_code(account, actor)
    account.save()
    record(actor, Action.UPDATE, target=account, detail={"code": "reissued"})
    return code


@transaction.atomic
def end_account(actor, account: PortalAccount) -> PortalAccount:
    require_edit(actor, account.household, NOT_YOURS)
    account = PortalAccount.objects.select_for_update().get(pk=account.pk)
    if account.ended_at:
        raise ValidationError("このアカウントは既に利用を終えています。")
    account.ended_at = timezone.now()
    account.save(update_fields=["ended_at"])
    record(actor, Action.UPDATE, target=account, detail={"ended": True})
    return account


def open_account(actor, public_id) -> PortalAccount:
    from hogo.households.services import open_household_record  # noqa: PLC0415

    return open_household_record(actor, PortalAccount, public_id, "アカウントが見つかりません。", related=("member",))


def letter_for(actor, account: PortalAccount, code: str) -> bytes:
    """The activation letter, only for the code just issued (its hash must match and it must be unused):
    the code itself is never stored, so a letter is printed right after issuing it."""
    require_edit(actor, account.household, NOT_YOURS)
    if (
        not code
        or account.ended_at
        or account.activated_at
        or not secrets.compare_digest(code_hash(code), account.code_hash)
    ):
        raise ValidationError({"code": "このコードの通知書は作れません。コードを発行し直してください。"})
    record(actor, Action.VIEW, target=account, detail={"letter": "printed"})
    from .letters import activation_letter  # noqa: PLC0415

    return activation_letter(account, normalized_code(code))


def activation_url(login: str) -> str:
    base = settings.HOGO_PORTAL_URL.rstrip("/") + "/"
    return f"{base}my/activate/?login={login}"


def qr_png(text: str) -> bytes:
    import segno  # noqa: PLC0415

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


# --- submissions ---------------------------------------------------------------------------------------


def open_submission(actor, public_id) -> Submission:
    from hogo.households.services import open_household_record  # noqa: PLC0415

    return open_household_record(
        actor, Submission, public_id, "申告が見つかりません。", related=("declaration", "account")
    )


@transaction.atomic
def mark_opened(actor, submission: Submission) -> None:
    """確認中 from the first time the household's CW or SV opens the submission."""
    if submission.opened_at is None and may_manage(actor, submission.household):
        Submission.objects.filter(pk=submission.pk, opened_at__isnull=True).update(opened_at=timezone.now())
        submission.refresh_from_db(fields=["opened_at"])


@transaction.atomic
def return_submission(actor, submission: Submission, *, reason: str) -> Submission:
    """差し戻し: the recipient sees the reason and may submit again. Not after recognition."""
    require_edit(actor, submission.household, NOT_YOURS)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "差し戻しの理由を入力してください。"})
    if len(reason) > 1000:
        raise ValidationError({"reason": "差し戻しの理由は1000文字までです。"})
    if submission.returned_at:
        raise ValidationError("この申告は既に差し戻しています。")
    if hasattr(submission.declaration, "recognition"):
        raise ValidationError("認定済みの申告は差し戻せません。")
    submission.returned_at, submission.returned_reason, submission.returned_by = timezone.now(), reason, actor
    submission.save(update_fields=["returned_at", "returned_reason", "returned_by"])
    record(actor, Action.UPDATE, target=submission, detail={"returned": True})
    return submission


def refuse_unless_manager(actor, household) -> None:
    if not may_manage(actor, household):
        raise PermissionDenied(NOT_YOURS)
