"""Partner agencies through the portal (issue 22, decision 0033): what the core sends the portal and
what it takes back, as transfer bundle record types (hogo/transfer, docs/transfer/README.md).

Core → portal, the minimum the portal's agency pages need and nothing about the household beyond what the
conference shares: `agency_member` (who may sign in, with the SHA-256 of a one-time 利用開始コード) and
`conference` (its purpose, the member's invitation, candidate dates, and the materials and minutes the
portal shows a member only after the pledge). Portal → core: `pledge` and `date_answer`, each checked
against the conference's current membership and audited with the bundle it came in."""

import hashlib
import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.transfer import fields

from .models import AgencyMember, CandidateDate, Conference, ConferenceMember, DateAnswer, Pledge

MEMBER, CONFERENCE, PLEDGE, DATE_ANSWER = "agency_member", "conference", "pledge", "date_answer"


def member_key(member: AgencyMember) -> str:
    return f"am-{member.pk}"


def candidate_key(candidate: CandidateDate) -> str:
    return f"cd-{candidate.pk}"


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat()


@transaction.atomic
def issue_portal_code(actor, member: AgencyMember) -> str:
    """A new one-time 利用開始コード for the member (shown once; only its hash is kept and sent)."""
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
    member.portal_code_hash = hashlib.sha256(code.encode()).hexdigest()
    member.portal_code_issued_at = timezone.now()
    member.save(update_fields=["portal_code_hash", "portal_code_issued_at"])
    record(
        actor,
        Action.UPDATE,
        target_type="agency_member",
        target_id=str(member.pk),
        office_id=member.agency.office_id,
        detail={"portal_code": "issued"},
    )
    return code


def export_members(office_code: str) -> list[dict]:
    members = AgencyMember.objects.filter(agency__office__municipality_code=office_code).select_related(
        "agency", "user"
    )
    return [
        {
            "key": member_key(m),
            "office": office_code,
            "agency": m.agency.name,
            "name": m.name,
            "username": m.user.username,
            "valid_from": _iso(m.valid_from),
            "valid_to": _iso(m.valid_to),
            "code_hash": m.portal_code_hash,
        }
        for m in members.order_by("pk")
    ]


def export_conferences(office_code: str) -> list[dict]:
    """Every conference of the office that has (or had) an agency member: its whole current state."""
    conferences = (
        Conference.objects.filter(household__office__municipality_code=office_code, memberships__isnull=False)
        .distinct()
        .prefetch_related("memberships__member__agency", "invitations", "candidate_dates", "materials")
        .order_by("pk")
    )
    out = []
    for conference in conferences:
        reasons = {i.agency_id: i.reason for i in conference.invitations.all()}
        out.append(
            {
                "key": str(conference.public_id),
                "office": office_code,
                "purpose": conference.purpose,
                "held_on": _iso(conference.held_on),
                "members": [
                    {
                        "member": member_key(m.member),
                        "reason": reasons.get(m.member.agency_id, ""),
                        "active": m.left_on is None,
                    }
                    for m in conference.memberships.all()
                ],
                "candidates": [
                    {"key": candidate_key(c), "starts_at": _iso(c.starts_at)} for c in conference.candidate_dates.all()
                ],
                "materials": [
                    {"key": f"mt-{m.pk}", "content": m.content, "created_at": _iso(m.created_at)}
                    for m in conference.materials.all()
                ],
                "minutes": conference.minutes,
                "conclusions": conference.conclusions,
            }
        )
    return out


def _member(key: str, office_code: str) -> AgencyMember:
    if not str(key).startswith("am-") or not str(key)[3:].isdigit():
        raise ValidationError(f"担当者のキー {key!r} が不正です。")
    member = AgencyMember.objects.filter(pk=int(key[3:]), agency__office__municipality_code=office_code).first()
    if member is None:
        raise ValidationError(f"担当者 {key} はこの事務所にいません。")
    return member


def _membership_check(conference: Conference, member: AgencyMember, what: str) -> None:
    if not ConferenceMember.objects.filter(conference=conference, member=member, left_on__isnull=True).exists():
        raise ValidationError(f"{what}: 担当者 {member_key(member)} はこの会議の構成員ではありません。")


def _when(text) -> datetime:
    value = datetime.fromisoformat(str(text))
    if timezone.is_naive(value):
        raise ValidationError(f"日時 {text!r} に時差がありません。")
    return value


def import_pledges(records: list[dict], bundle) -> None:
    for row in records:
        office = fields.office(row, bundle, "誓約")
        conference = Conference.objects.filter(
            public_id=row.get("conference"), household__office__municipality_code=office
        ).first()
        if conference is None:
            raise ValidationError(f"誓約: 会議 {row.get('conference')!r} はこの事務所にありません。")
        member = _member(row.get("member"), office)
        signed_at = _when(row.get("signed_at"))
        # signed before (an earlier bundle, sent again until acknowledged): the first signature stands, even
        # when the membership ended since
        if Pledge.objects.filter(conference=conference, member=member).exists():
            continue
        _membership_check(conference, member, "誓約")
        pledge = Pledge.objects.create(conference=conference, member=member, text=str(row.get("text", ""))[:5000])
        Pledge.objects.filter(pk=pledge.pk).update(signed_at=signed_at)  # when it was signed, not imported
        record(
            None,
            Action.CREATE,
            target=conference,
            detail={"pledge": pledge.pk, "from": "portal", "bundle": bundle.bundle_id, "member": member_key(member)},
        )


def import_date_answers(records: list[dict], bundle) -> None:
    for row in records:
        office = fields.office(row, bundle, "日程の回答")
        key = str(row.get("candidate", ""))
        candidate = None
        if key.startswith("cd-") and key[3:].isdigit():
            candidate = (
                CandidateDate.objects.filter(pk=int(key[3:]), conference__household__office__municipality_code=office)
                .select_related("conference")
                .first()
            )
        if candidate is None:
            raise ValidationError(f"日程の回答: 候補日 {key!r} はこの事務所にありません。")
        member = _member(row.get("member"), office)
        available = row.get("available")
        if not isinstance(available, bool):
            raise ValidationError(f"日程の回答: available は true か false です（{available!r}）。")
        _when(row.get("answered_at"))
        # the same answer again (sent again until acknowledged): nothing changes, nothing is audited
        if DateAnswer.objects.filter(candidate=candidate, member=member, available=available).exists():
            continue
        _membership_check(candidate.conference, member, "日程の回答")
        DateAnswer.objects.update_or_create(candidate=candidate, member=member, defaults={"available": available})
        record(
            None,
            Action.UPDATE,
            target=candidate.conference,
            detail={"date_answer": key, "available": available, "from": "portal", "bundle": bundle.bundle_id},
        )


def register() -> None:
    """Called from the app's ready(): the core's end of the agency record types."""
    from hogo.transfer import services  # noqa: PLC0415 - the transfer app's registry

    services.register_exporter(MEMBER, export_members)
    services.register_exporter(CONFERENCE, export_conferences)
    services.register_importer(PLEDGE, import_pledges)
    services.register_importer(DATE_ANSWER, import_date_answers)
