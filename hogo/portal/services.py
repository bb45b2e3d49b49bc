"""What a partner agency's member does on the portal: start using it with the office's one-time code,
open the conferences they belong to, sign the confidentiality pledge, answer candidate dates. Refusals
follow hogo/common/refusals.py: ValidationError naming the field, Http404 for what is not theirs."""

import hashlib
import hmac
import re
import unicodedata

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from .models import PortalConference, PortalDateAnswer, PortalMember, PortalMembership, PortalPledge

# The same text as the core's hogo.collaboration.services.PLEDGE_TEXT (our own text, copied: the core's
# apps are not installed in the portal). Change both together.
PLEDGE_TEXT = (
    "私は、この調整会議（生活保護法第27条の3）の構成員として、会議で知り得た被保護世帯の秘密を、"
    "正当な理由なく漏らしません（同条第6項）。構成員でなくなった後も同様とします。"
    "配布された資料は会議の目的以外に使わず、適切に管理します。"
)
NOT_FOUND = "会議が見つかりません。"
ACTIVATION_REFUSED = "ログイン名か利用開始コードが違うか、このコードは使えません。福祉事務所にお問い合わせください。"


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def normalized_code(text: str) -> str:
    """What a member typed, as the core issued it (`XXXX-XXXX-XXXX-XXXX`, upper-case hex): full-width
    characters and spaces a phone's keyboard adds are forgiven, and the hyphens may be left out."""
    code = unicodedata.normalize("NFKC", text or "")
    code = re.sub(r"[\u30fc\u2010-\u2015\u2212]", "-", code)
    code = re.sub(r"\s+", "", code).upper()
    bare = code.replace("-", "")
    if re.fullmatch(r"[0-9A-F]{16}", bare):
        return "-".join(bare[i : i + 4] for i in range(0, 16, 4))
    return code


def member_of(user) -> PortalMember | None:
    """The user's membership in force today, or None."""
    if not user.is_authenticated:
        return None
    member = PortalMember.objects.filter(user=user).first()
    if member is None or not member.in_force():
        return None
    return member


def conferences_of(member: PortalMember):
    return PortalConference.objects.filter(memberships__member=member, memberships__active=True).distinct()


@transaction.atomic
def activate(username: str, code: str, password: str) -> PortalMember:
    """利用開始: the code the office handed over proves who the member is; the password is set once."""
    member = PortalMember.objects.select_for_update().select_related("user").filter(user__username=username).first()
    ok = (
        member is not None
        and member.code_hash
        and member.activated_at is None
        and member.in_force()
        and hmac.compare_digest(code_hash(normalized_code(code)), member.code_hash)
    )
    if not ok:
        raise ValidationError({"code": ACTIVATION_REFUSED})
    validate_password(password, member.user)  # raises ValidationError: the form puts it on the password
    member.user.set_password(password)
    member.user.is_active = True
    member.user.save(update_fields=["password", "is_active"])
    member.activated_at = timezone.now()
    member.save(update_fields=["activated_at"])
    return member


def open_for_member(user, key: str) -> tuple[PortalConference, PortalMember, PortalMembership]:
    """A conference the user may see: an active membership of a member in force; 404 otherwise (whether
    the conference exists is not told)."""
    member = member_of(user)
    membership = (
        PortalMembership.objects.select_related("conference")
        .filter(member=member, conference__key=key, active=True)
        .first()
        if member
        else None
    )
    if membership is None:
        raise Http404(NOT_FOUND)
    return membership.conference, member, membership


def has_signed(conference: PortalConference, member: PortalMember) -> bool:
    return PortalPledge.objects.filter(conference=conference, member=member).exists()


@transaction.atomic
def sign_pledge(user, key: str) -> PortalPledge:
    conference, member, _ = open_for_member(user, key)
    if has_signed(conference, member):
        raise ValidationError("既に署名しています。")
    return PortalPledge.objects.create(conference=conference, member=member, text=PLEDGE_TEXT, signed_at=timezone.now())


@transaction.atomic
def answer_dates(user, key: str, answers: dict[int, bool]) -> list[PortalDateAnswer]:
    """The member's answers to the conference's candidate dates (candidate pk → available), all or none.
    A changed answer is sent to the core again with the next bundle."""
    conference, member, _ = open_for_member(user, key)
    candidates = {c.pk: c for c in conference.candidates.all()}
    if not answers:
        raise ValidationError("参加できるか、できないかを選んでください。")
    if set(answers) - set(candidates):
        raise ValidationError("この会議の候補日ではありません。")
    now = timezone.now()
    saved = []
    for pk, available in answers.items():
        answer = PortalDateAnswer.objects.filter(candidate_id=pk, member=member).first()
        if answer is None:
            answer = PortalDateAnswer.objects.create(
                candidate=candidates[pk], member=member, available=available, answered_at=now
            )
        elif answer.available != available:
            answer.available, answer.answered_at, answer.sent_at, answer.sent_bundle = available, now, None, ""
            answer.save(update_fields=["available", "answered_at", "sent_at", "sent_bundle"])
        saved.append(answer)
    return saved
