"""The daily digest: one in-app notice per user and day, also e-mailed when the user has an
address. Caseworkers get their own list; supervisors get their team's overdue work."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction

from hogo.common.wareki import wareki
from hogo.offices.models import Role, RoleAssignment
from hogo.offices.queries import caseworkers_of_teams, standing_of

from . import queries
from .models import Notice

MAX_LINES = 30


def _line(row) -> str:
    period = f"（{row.item.period_label}）" if row.item.period_label else ""
    who = f"・担当 {row.caseworker}" if row.caseworker else ""
    item = row.item
    case = item.household.case_number
    return f"【{row.urgency_label}】{wareki(item.due_on)} {item.title}{period}　ケース {case}{who}"


def compose(user, today: date) -> tuple[str, str] | None:
    """(title, body) of the user's digest for `today`, or None when there is nothing to say."""
    standing = standing_of(user, today)
    parts, title_bits = [], []
    if standing.has_role(Role.CASEWORKER):
        rows, counts = queries.work_today(user, today)
        urgent = [r for r in rows if r.urgency != "upcoming"]
        if urgent:
            title_bits.append(f"期限切れ {counts['overdue']}件・期限間近 {len(urgent) - counts['overdue']}件")
            parts.append("■ あなたの担当\n" + "\n".join(_line(r) for r in urgent[:MAX_LINES]))
            if len(urgent) > MAX_LINES:
                parts.append(f"ほか {len(urgent) - MAX_LINES}件")
    if standing.has_role(Role.SUPERVISOR):
        names = {cw.pk: cw.name for cw in caseworkers_of_teams(standing.team_ids, today)}
        overdue = queries.team_overdue(user, today, names, limit=MAX_LINES + 1)
        if overdue:
            title_bits.append(
                "係の期限切れ " + (f"{len(overdue)}件" if len(overdue) <= MAX_LINES else f"{MAX_LINES}件以上")
            )
            parts.append("■ 係の期限切れ\n" + "\n".join(_line(r) for r in overdue[:MAX_LINES]))
    if not parts:
        return None
    body = "\n\n".join(parts) + "\n\n詳しくは Hogo のホーム・係の状況を開いてください。"
    return f"{wareki(today)}の確認事項: " + "、".join(title_bits), body


def recipients(today: date):
    staff_ids = (
        RoleAssignment.objects.active_on(today).filter(role__in=(Role.CASEWORKER, Role.SUPERVISOR)).values("staff_id")
    )
    return get_user_model().objects.filter(is_active=True, staff__in=staff_ids).order_by("pk")


def send_digests(today: date) -> dict:
    """Idempotent per day: a user gets at most one notice and one e-mail for `today`."""
    counts = {"notices": 0, "emails": 0}
    for user in recipients(today):
        message = compose(user, today)
        if message is None:
            continue
        title, body = message
        with transaction.atomic():
            notice, created = Notice.objects.get_or_create(
                recipient=user, day=today, defaults={"title": title[:120], "body": body}
            )
            counts["notices"] += created
            if user.email and not notice.emailed:
                send_mail(f"[Hogo] {notice.title}", notice.body, settings.DEFAULT_FROM_EMAIL, [user.email])
                Notice.objects.filter(pk=notice.pk).update(emailed=True)
                counts["emails"] += 1
    return counts
