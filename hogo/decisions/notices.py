"""Decision notices as PDF (ReportLab, the CID font HeiseiMin-W3 so the text extracts as Japanese).

The appeal instruction follows 行政不服審査法第18条 (three months from the day after learning of the
decision), 生活保護法第64条 (審査請求 to the prefectural governor) and 第69条 (a suit only after the
審査請求 has been decided), with 行政事件訴訟法第14条 (six months from learning of that ruling)."""

from io import BytesIO

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hogo.common.pdf import BASE as _base
from hogo.common.pdf import FONT
from hogo.common.pdf import HEAD as _head
from hogo.common.pdf import RIGHT as _right
from hogo.common.pdf import SMALL as _small
from hogo.common.pdf import TITLE as _title
from hogo.common.wareki import wareki

from .models import Decision, DecisionKind
from .services import ASSISTANCE_ROWS

TITLES = {
    DecisionKind.START: "保護開始決定通知書",
    DecisionKind.CHANGE: "保護変更決定通知書",
    DecisionKind.SUSPENSION: "保護停止決定通知書",
    DecisionKind.TERMINATION: "保護廃止決定通知書",
    DecisionKind.REJECTION: "保護申請却下通知書",
}


def appeal_instruction(prefecture: str) -> list[str]:
    governor = f"{prefecture}知事" if prefecture else "都道府県知事"
    return [
        f"この決定に不服がある場合は、この決定があったことを知った日の翌日から起算して3か月以内に、{governor}に対して"
        "審査請求をすることができます（行政不服審査法第18条、生活保護法第64条）。",
        "この決定の取消しを求める訴えは、審査請求に対する裁決を経た後でなければ提起することができません（生活保護法第69条）。"
        "訴えは、その裁決があったことを知った日から6か月以内に、市（区町村）を被告として提起することができます"
        "（行政事件訴訟法第14条）。",
    ]


def _yen(amount: int) -> str:
    return f"{amount:,}円"


def render_notice(decision: Decision) -> bytes:
    snap = decision.snapshot
    decided_on = timezone.localtime(decision.approved_at).date() if decision.approved_at else None
    story = [
        Paragraph(f"{snap.get('office', '')}長", _right),
        Paragraph(f"ケース番号 {snap.get('case_number', '')}", _right),
        Paragraph(wareki(decided_on) if decided_on else "（決裁前・案）", _right),
        Spacer(1, 4 * mm),
        Paragraph(f"〒{snap.get('postal_code', '')} {snap.get('address', '')}", _base),
        Paragraph(f"{snap.get('head_name', '')} 様", _head),
        Spacer(1, 4 * mm),
        Paragraph(TITLES[decision.kind], _title),
    ]
    if decision.application_id:
        opening = (
            f"{wareki(decision.application.received_on)}に申請のあった生活保護について、"
            "次のとおり決定したので通知します。"
        )
    else:
        opening = "あなたの世帯の生活保護について、次のとおり決定したので通知します。"
    story += [Paragraph(opening, _base), Spacer(1, 3 * mm)]
    rows = [["効力発生日", wareki(decision.effective_from)]]
    if decision.kind in (DecisionKind.START, DecisionKind.CHANGE):
        rows += [[label, _yen(decision.amounts.get(code, 0))] for code, label in ASSISTANCE_ROWS]
        rows.append(["合計（月額）", _yen(decision.benefit_total)])
    table = Table(rows, colWidths=[45 * mm, 60 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10.5),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF2FF")),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story += [table, Paragraph("理由", _head), Paragraph(decision.reasons.replace("\n", "<br/>"), _base)]
    late = decision.late_reason or (decision.application.extension_reason if decision.application_id else "")
    if late:
        story += [
            Paragraph("申請から14日以内に通知できなかった理由（生活保護法第24条第6項）", _head),
            Paragraph(late, _base),
        ]
    story += [Spacer(1, 5 * mm), Paragraph("教示", _head)]
    prefecture = decision.household.prefecture
    story += [Paragraph(text, _small) for text in appeal_instruction(prefecture)]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=TITLES[decision.kind],
        author=snap.get("office", ""),
    )
    doc.build(story)
    return buffer.getvalue()
