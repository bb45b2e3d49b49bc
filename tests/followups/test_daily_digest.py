"""The daily digest: one in-app notice and one e-mail per user and day; caseworkers get their own
urgent items, supervisors their team's overdue ones; nothing is sent when nothing is urgent."""

from datetime import timedelta

from django.core import mail

from hogo.common.wareki import wareki
from hogo.followups import services
from hogo.followups.digest import send_digests
from hogo.followups.models import Notice


def set_email(user, address):
    user.email = address
    user.save()


def test_the_caseworker_and_the_supervisor_get_the_overdue_declaration(cast, rules, today):
    set_email(cast.users["cw"], "cw@example.invalid")
    set_email(cast.users["sv"], "sv@example.invalid")
    services.register_declaration(
        cast.users["cw"],
        cast.households["own"],
        kind="income",
        received_on=today - timedelta(days=10),
        channel="paper",
        period_label="10月分",
    )
    counts = send_digests(today)
    assert counts["emails"] == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "【期限切れ】" in by_address["cw@example.invalid"].body
    assert "収入申告の認定（10月分）" in by_address["cw@example.invalid"].body
    assert "担当 佐藤 一郎" in by_address["sv@example.invalid"].body
    assert Notice.objects.get(recipient=cast.users["cw"], day=today).title.startswith(f"{wareki(today)}の確認事項")


def test_running_it_twice_a_day_sends_nothing_more(cast, rules, today):
    set_email(cast.users["cw"], "cw@example.invalid")
    services.register_declaration(
        cast.users["cw"], cast.households["own"], kind="income", received_on=today - timedelta(days=10), channel="paper"
    )
    send_digests(today)
    send_digests(today)
    assert len([m for m in mail.outbox if m.to == ["cw@example.invalid"]]) == 1
    assert Notice.objects.filter(recipient=cast.users["cw"]).count() == 1


def test_users_of_other_teams_and_quiet_days_get_nothing(cast, rules, today):
    set_email(cast.users["cw_other"], "other@example.invalid")
    services.register_declaration(
        cast.users["cw"], cast.households["own"], kind="income", received_on=today - timedelta(days=10), channel="paper"
    )
    send_digests(today)
    assert not Notice.objects.filter(
        recipient__in=[cast.users["cw_other"], cast.users["sv_other"], cast.users["cw_mate"]]
    ).exists()
    assert not [m for m in mail.outbox if m.to == ["other@example.invalid"]]


def test_a_user_without_an_address_still_gets_the_in_app_notice(cast, rules, today):
    services.register_declaration(
        cast.users["cw"], cast.households["own"], kind="income", received_on=today - timedelta(days=10), channel="paper"
    )
    send_digests(today)
    notice = Notice.objects.get(recipient=cast.users["cw"])
    assert not notice.emailed and "収入申告の認定" in notice.body
