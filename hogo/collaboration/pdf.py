"""支援計画 and 会議録 as PDF, with the shared Japanese typography."""

from django.utils import timezone
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hogo.common.pdf import BASE, HEAD, RIGHT, SMALL, TITLE, build, grid, line, paragraphs
from hogo.common.people import name_of
from hogo.common.wareki import wareki


def render_plan(plan) -> bytes:
    household = plan.household
    story = [
        line(f"{household.office.name}", RIGHT),
        line(
            f"ケース番号 {household.case_number}　第{plan.version}版　"
            f"作成 {wareki(timezone.localtime(plan.created_at).date())}",
            RIGHT,
        ),
        line("支援計画", TITLE),
        line("1 基本情報", HEAD),
        *paragraphs(plan.basic_info),
        line(
            f"計画作成担当者: {name_of(plan.created_by)}　次回モニタリング予定日: {wareki(plan.next_monitoring_on)}",
            SMALL,
        ),
        line("2 支援の計画", HEAD),
        line(f"支援の目的: {plan.purpose}", BASE),
        line(f"解決すべき課題: {plan.issues}", BASE),
        line(f"計画の期間: {wareki(plan.period_from)} 〜 {wareki(plan.period_to)}", BASE),
        Spacer(1, 2 * mm),
        line("福祉事務所及び関係機関が実施すること（役割分担）", HEAD),
        grid(
            [["関係機関", "担当者", "実施すること", "対象者", "頻度", "期間"]]
            + [
                [
                    a.agency.name if a.agency_id else "福祉事務所",
                    a.person,
                    a.task,
                    a.for_whom,
                    a.frequency,
                    f"{wareki(a.valid_from)}〜{wareki(a.valid_to)}",
                ]
                for a in plan.assignments.select_related("agency")
            ],
            [30, 22, 52, 20, 18, 28],
        ),
    ]
    if plan.contingencies:
        story += [line("状況が変わったときの取り決め", HEAD), *paragraphs(plan.contingencies)]
    if plan.meeting_dates:
        story += [line(f"会議の開催日: {plan.meeting_dates}", BASE)]
    evaluations = list(plan.evaluations.order_by("evaluated_on"))
    if evaluations:
        story.append(line("3 支援の評価", HEAD))
        for e in evaluations:
            story += [
                line(
                    f"{wareki(e.evaluated_on)}　評価担当者 {e.evaluator}　"
                    f"計画変更の必要性: {'あり' if e.plan_must_change else 'なし'}",
                    BASE,
                ),
                *paragraphs(
                    f"経済面: {e.economic}\n日常生活面: {e.daily_life}\n社会生活面: {e.social_life}\n"
                    f"今後解決すべき課題: {e.remaining}",
                    SMALL,
                ),
            ]
    story += [
        Spacer(1, 4 * mm),
        line("この計画には個人情報が含まれます。会議の構成員は生活保護法第27条の3第6項の守秘義務を負います。", SMALL),
    ]
    return build(story, f"支援計画 第{plan.version}版")


def render_minutes(conference) -> bytes:
    household = conference.household
    invitations = list(conference.invitations.select_related("agency"))
    story = [
        line(f"{household.office.name}", RIGHT),
        line(f"ケース番号 {household.case_number}", RIGHT),
        line("会議録（調整会議）", TITLE),
        line(f"開催日: {wareki(conference.held_on) if conference.held_on else '（未開催）'}", BASE),
        line(f"根拠: {conference.legal_basis}", SMALL),
        line("会議の目的", HEAD),
        *paragraphs(conference.purpose),
        line("参加を依頼した関係機関", HEAD),
        grid(
            [["関係機関", "招集した目的", "出席"]]
            + [[i.agency.name, i.reason, {True: "出席", False: "欠席", None: "—"}[i.attended]] for i in invitations],
            [45, 100, 20],
        ),
        line("会議録", HEAD),
        *paragraphs(conference.minutes or "（未記入）"),
        line("結論", HEAD),
        *paragraphs(conference.conclusions or "（未記入）"),
        Spacer(1, 4 * mm),
        line("会議で共有した情報は、正当な理由なく会議の外に漏らしてはなりません（生活保護法第27条の3第6項）。", SMALL),
    ]
    return build(story, "会議録")
