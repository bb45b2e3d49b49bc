"""The portal's end of the partner-agency record types (issue 22; the core's end is
hogo/collaboration/transfer.py, the format docs/transfer/README.md).

Core → portal: `agency_member` (who may sign in; the SHA-256 of a one-time 利用開始コード) and `conference`
(its whole current state: upserted by key; members not active any more lose access; candidates and
materials no longer listed are removed). Portal → core: `pledge` and `date_answer` not sent yet; each is
marked sent by the export that carried it (an answer changed later is sent again)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from hogo.transfer import fields

from .models import (
    PortalCandidate,
    PortalConference,
    PortalDateAnswer,
    PortalMaterial,
    PortalMember,
    PortalMembership,
    PortalPledge,
)

MEMBER, CONFERENCE, PLEDGE, DATE_ANSWER = "agency_member", "conference", "pledge", "date_answer"


def import_members(records: list[dict], bundle) -> None:
    """Create or update each member and its sign-in. A new member cannot sign in until 利用開始; a new
    code from the office (another hash) starts 利用開始 over and the old password stops working."""
    user_model = get_user_model()
    for row in records:
        what = "関係機関の担当者"
        office = fields.office(row, bundle, what)
        key = fields.text(row, "key", what, max_length=40)
        username = fields.text(row, "username", what, max_length=150)
        code_hash = fields.text(row, "code_hash", what, max_length=64, blank=True)
        details = {
            "agency": fields.text(row, "agency", what, max_length=200),
            "name": fields.text(row, "name", what, max_length=100),
            "valid_from": fields.iso_date(row.get("valid_from"), what),
            "valid_to": fields.iso_date(row.get("valid_to"), what, null=True),
        }
        member = PortalMember.objects.select_related("user").filter(office=office, key=key).first()
        holder = user_model.objects.filter(username=username).first()
        if holder is not None and (member is None or holder.pk != member.user_id):
            raise ValidationError(f"{what}: ログイン名 {username} は別の利用者が使っています。")
        if member is None:
            user = user_model(username=username)
            user.set_unusable_password()
            user.save()
            PortalMember.objects.create(user=user, office=office, key=key, code_hash=code_hash, **details)
            continue
        user = member.user
        if user.username != username:
            user.username = username
            user.save(update_fields=["username"])
        if code_hash and code_hash != member.code_hash:  # a new code: 利用開始 again
            member.activated_at = None
            user.set_unusable_password()
            user.save(update_fields=["password"])
        member.code_hash = code_hash
        for name, value in details.items():
            setattr(member, name, value)
        member.save()


def import_conferences(records: list[dict], bundle) -> None:
    for row in records:
        what = "調整会議"
        office = fields.office(row, bundle, what)
        key = fields.text(row, "key", what, max_length=40)
        conference = PortalConference.objects.filter(key=key).first()
        if conference is not None and conference.office != office:
            raise ValidationError(f"{what}: 会議 {key} は別の福祉事務所のものです。")
        values = {
            "office": office,
            "purpose": fields.text(row, "purpose", what),
            "held_on": fields.iso_date(row.get("held_on"), what, null=True),
            "minutes": fields.text(row, "minutes", what, blank=True),
            "conclusions": fields.text(row, "conclusions", what, blank=True),
        }
        conference, _ = PortalConference.objects.update_or_create(key=key, defaults=values)
        _members(conference, row.get("members") or [], office)
        _candidates(conference, row.get("candidates") or [])
        _materials(conference, row.get("materials") or [])


def _members(conference: PortalConference, rows: list, office: str) -> None:
    listed = set()
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("active"), bool):
            raise ValidationError(f"調整会議 {conference.key}: 構成員の記録が不正です。")
        member = PortalMember.objects.filter(office=office, key=str(row.get("member"))).first()
        if member is None:
            raise ValidationError(f"調整会議 {conference.key}: 担当者 {row.get('member')!r} が届いていません。")
        PortalMembership.objects.update_or_create(
            conference=conference,
            member=member,
            defaults={"reason": str(row.get("reason") or ""), "active": row["active"]},
        )
        listed.add(member.pk)
    # a member the core no longer lists is not a member any more
    conference.memberships.exclude(member_id__in=listed).update(active=False)


def _candidates(conference: PortalConference, rows: list) -> None:
    listed = []
    for row in rows:
        key = fields.text(
            row if isinstance(row, dict) else {}, "key", f"調整会議 {conference.key} の候補日", max_length=40
        )
        starts_at = fields.aware_datetime(row.get("starts_at"), f"調整会議 {conference.key} の候補日")
        PortalCandidate.objects.update_or_create(conference=conference, key=key, defaults={"starts_at": starts_at})
        listed.append(key)
    conference.candidates.exclude(key__in=listed).delete()


def _materials(conference: PortalConference, rows: list) -> None:
    listed = []
    for row in rows:
        what = f"調整会議 {conference.key} の資料"
        row = row if isinstance(row, dict) else {}
        key = fields.text(row, "key", what, max_length=40)
        defaults = {
            "content": fields.text(row, "content", what, blank=True),
            "created_at": fields.aware_datetime(row.get("created_at"), what),
        }
        PortalMaterial.objects.update_or_create(conference=conference, key=key, defaults=defaults)
        listed.append(key)
    conference.materials.exclude(key__in=listed).delete()


def _export_mark() -> str:
    """What marks the rows an export carried: the bundle's id; the core acknowledges it once accepted."""
    from hogo.transfer.services import current_export_id  # noqa: PLC0415

    return current_export_id()


def _unacknowledged(queryset):
    from hogo.transfer.services import unacknowledged  # noqa: PLC0415

    return unacknowledged(queryset)


def acknowledge(office_code: str, bundle_ids: list[str]) -> None:
    """The core accepted these bundles: their pledges and date answers are not sent again."""
    from hogo.transfer.services import acknowledge as mark  # noqa: PLC0415

    mark(PortalPledge.objects.filter(conference__office=office_code), bundle_ids)
    mark(PortalDateAnswer.objects.filter(candidate__conference__office=office_code), bundle_ids)


def export_pledges(office_code: str) -> list[dict]:
    # Only what a member did while still a member: once the core ended a membership, its unsent pledge and
    # answers stay here (the core would refuse the whole bundle for them).
    pledges = list(
        _unacknowledged(PortalPledge.objects.filter(conference__office=office_code))
        .filter(member__memberships__conference=F("conference"), member__memberships__active=True)
        .select_related("conference", "member")
        .order_by("pk")
    )
    mark, out = _export_mark(), []
    for p in pledges:
        out.append(
            {
                "office": office_code,
                "conference": p.conference.key,
                "member": p.member.key,
                "text": p.text,
                "signed_at": timezone.localtime(p.signed_at).isoformat(),
            }
        )
    # sent again in every bundle until the core acknowledges one that carried it
    PortalPledge.objects.filter(pk__in=[p.pk for p in pledges]).update(sent_bundle=mark, acknowledged_at=None)
    return out


def export_date_answers(office_code: str) -> list[dict]:
    answers = list(
        _unacknowledged(PortalDateAnswer.objects.filter(candidate__conference__office=office_code))
        .filter(member__memberships__conference=F("candidate__conference"), member__memberships__active=True)
        .select_related("candidate", "member")
        .order_by("pk")
    )
    mark, now, out = _export_mark(), timezone.now(), []
    for a in answers:
        out.append(
            {
                "office": office_code,
                "candidate": a.candidate.key,
                "member": a.member.key,
                "available": a.available,
                "answered_at": timezone.localtime(a.answered_at).isoformat(),
            }
        )
        # only as exported: an answer changed meanwhile stays unsent
        PortalDateAnswer.objects.filter(pk=a.pk, answered_at=a.answered_at).update(
            sent_at=now, sent_bundle=mark, acknowledged_at=None
        )
    return out


def register() -> None:
    """Called from PortalConfig.ready(). Members before conferences: a conference names its members."""
    from hogo.transfer import services  # noqa: PLC0415 - the transfer app's registry, once apps are ready

    services.register_importer(MEMBER, import_members)
    services.register_importer(CONFERENCE, import_conferences)
    services.register_exporter(PLEDGE, export_pledges)
    services.register_exporter(DATE_ANSWER, export_date_answers)
    services.register_acknowledger(acknowledge)
