"""The receipt (受付票) a recipient keeps for each submission: 受付番号, the time in 和暦, what was submitted
and each attachment's SHA-256 (the core can show the same hash). Typed text goes through hogo.common.pdf,
which escapes it."""

from datetime import date

from django.utils import timezone
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hogo.common.pdf import HEAD, RIGHT, SMALL, TITLE, build, grid, line
from hogo.common.wareki import wareki, wareki_month

from .forms import ASSET_KINDS, CHANGE_KINDS, INCOME_KINDS
from .models import Submission


def when(moment) -> str:
    local = timezone.localtime(moment)
    return f"{wareki(local.date())} {local:%H時%M分}"


def _month(text: str) -> str:
    try:
        return wareki_month(date(int(text[:4]), int(text[5:7]), 1)) + "分"
    except (ValueError, TypeError):
        return str(text)


def _day(text: str) -> str:
    try:
        return wareki(date.fromisoformat(text))
    except (ValueError, TypeError):
        return str(text)


def summary_rows(submission: Submission) -> list[list[str]]:
    people = {p.key: p.name for p in submission.household.people.all()}
    content = submission.content or {}
    rows = []
    if submission.kind == "income":
        kinds = dict(INCOME_KINDS)
        for i in content.get("incomes", []):
            rows.append(
                [people.get(i["person"], "?"), kinds.get(i["kind"], ""), _month(i["month"]), f"{i['amount']:,}円"]
            )
    elif submission.kind == "assets":
        kinds = dict(ASSET_KINDS)
        for i in content.get("items", []):
            rows.append(
                [
                    people.get(i.get("person"), "世帯全体"),
                    kinds.get(i["kind"], ""),
                    i.get("detail", ""),
                    f"{i['amount']:,}円",
                ]
            )
    elif submission.kind == "change":
        rows.append(
            [
                dict(CHANGE_KINDS).get(content.get("change"), ""),
                _day(content.get("date", "")),
                content.get("details", ""),
                "",
            ]
        )
    else:
        rows.append([content.get("request", ""), "", "", ""])
    return rows


def receipt(submission: Submission) -> bytes:
    heads = {
        "income": ["世帯員", "収入の種類", "月", "金額"],
        "assets": ["名義", "種類", "内容", "金額"],
        "change": ["届出", "日付", "内容", ""],
        "photo": ["写真の内容", "", "", ""],
    }[submission.kind]
    story = [
        line(f"受付日時 {when(submission.submitted_at)}", RIGHT),
        line(f"{submission.get_kind_display()} 受付票", TITLE),
        line(f"受付番号 {submission.number}", HEAD),
        line(f"送信した方 {submission.account.name}"),
        line("福祉事務所は、次の内容を受け付けました。この受付票は大切に保管してください。", SMALL),
        Spacer(1, 3 * mm),
        grid([heads, *summary_rows(submission)], [40, 35, 55, 35], numeric=(3,)),
    ]
    note = (submission.content or {}).get("note")
    if note:
        story += [line("福祉事務所への連絡", HEAD), line(note)]
    story.append(line("添付したファイル", HEAD))
    attachments = list(submission.attachments.all())
    if attachments:
        story.append(
            grid(
                [["説明", "SHA-256（ファイルの指紋）"]]
                + [[a.label or a.original_name or "ファイル", a.sha256] for a in attachments],
                [45, 120],
            )
        )
    else:
        story.append(line("なし"))
    story.append(Spacer(1, 4 * mm))
    story.append(line("SHA-256 は、送ったファイルが途中で変わっていないことを確かめるための値です。", SMALL))
    return build(story, f"受付票 {submission.number}")
