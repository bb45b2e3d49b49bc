"""納付書 (payment slips) and 督促状 (dunning letters) as PDF."""

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from hogo.common.pdf import BASE, HEAD, RIGHT, SMALL, TITLE, build, grid, line
from hogo.common.wareki import seireki, wareki

SUBJECT = {"63": "生活保護費返還金（生活保護法第63条）", "78": "生活保護費徴収金（生活保護法第78条）"}


def _slip(receivable, number, due_on, amount, settings_row) -> list:
    office = receivable.office
    return [
        line(office.name, RIGHT),
        line("納付書", TITLE),
        grid(
            [
                ["項目", "内容"],
                ["納付者", f"{receivable.debtor_name} 様"],
                ["住所", receivable.debtor_address],
                ["科目", SUBJECT[receivable.kind]],
                ["整理番号", f"{receivable.reference}-{number:02d}"],
                ["納付金額", f"{amount:,}円"],
                ["納期限", f"{wareki(due_on)}（{seireki(due_on)}）"],
                ["納付先", settings_row.payee or f"{office.name}（会計管理者）"],
                ["納付場所", settings_row.account or "指定金融機関・収納代理金融機関又は福祉事務所の窓口"],
            ],
            [40, 120],
        ),
        Spacer(1, 4 * mm),
        line(
            "納期限までに、金融機関又は窓口でこの納付書によりお納めください。"
            "ご事情によりお納めが難しいときは、担当までご相談ください。",
            SMALL,
        ),
    ]


def render_slips(receivable, instalments, settings_row) -> bytes:
    story = []
    for index, instalment in enumerate(instalments):
        if index:
            story.append(PageBreak())
        story += _slip(receivable, instalment.number, instalment.due_on, instalment.amount, settings_row)
    return build(story, "納付書")


def render_letters(rows, office) -> bytes:
    """One 督促状 per overdue receivable (地方自治法第231条の3第1項)."""
    story = []
    for index, row in enumerate(rows):
        receivable = row["receivable"]
        if index:
            story.append(PageBreak())
        story += [
            line(office.name, RIGHT),
            line(f"{receivable.debtor_address}", BASE),
            line(f"{receivable.debtor_name} 様", HEAD),
            line("督促状", TITLE),
            line(
                f"下記の{SUBJECT[receivable.kind]}について、納期限を過ぎてもお納めいただいていません。"
                "指定の期限までにお納めください（地方自治法第231条の3第1項）。",
                BASE,
            ),
            Spacer(1, 3 * mm),
            grid(
                [
                    ["整理番号", "未納額", "当初の納期限"],
                    [receivable.reference, f"{row['balance']:,}円", wareki(row["due"])],
                ],
                [50, 50, 60],
            ),
            Spacer(1, 3 * mm),
            line("お納めが難しい事情があるときは、分割納付などについてご相談ください。", SMALL),
        ]
    return build(story, "督促状")
