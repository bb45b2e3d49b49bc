"""Decision notices as PDF (ReportLab; the embedded TrueType font of `hogo.common.pdf`).

What a notice shows (decision 0016): the 文書番号 and 実施機関の長 fixed at approval (`NoticeNumber`),
dates in 和暦 only (ISO dates typed into a reason are rewritten), the monthly amounts with the
one-time 期末一時扶助 as its own line, for a change the amounts before and after, and the breakdown
of the need test the amounts came from (最低生活費 by item, 収入充当額, 扶助額). Every piece of text
reaches the PDF through `paragraphs` or `grid`, which escape it: no Paragraph is built here.

The appeal instruction follows 行政不服審査法第18条 (three months from the day after learning of the
decision), 生活保護法第64条 (審査請求 to the prefectural governor) and 第69条 (a suit only after the
審査請求 has been decided), with 行政事件訴訟法第11条 (the local government as defendant) and 第14条
(six months from learning of that ruling)."""

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from hogo.common.pdf import BASE, HEAD, RIGHT, SMALL, TITLE, build, grid, paragraphs
from hogo.common.wareki import wareki, wareki_month, wareki_text

from . import ledger
from .models import Decision, DecisionKind, DecisionStatus, NoticeNumber
from .services import ASSISTANCE_ROWS, ONE_TIME_LABELS, approved_rows, one_time_month

TITLES = {
    DecisionKind.START: "保護開始決定通知書",
    DecisionKind.CHANGE: "保護変更決定通知書",
    DecisionKind.SUSPENSION: "保護停止決定通知書",
    DecisionKind.TERMINATION: "保護廃止決定通知書",
    DecisionKind.REJECTION: "保護申請却下通知書",
}


def appeal_instruction(prefecture: str, body: str) -> list[str]:
    """The 教示: where and by when to appeal, naming the governor and the defendant; when a name is
    not known the sentence describes the body instead of leaving a blank."""
    unknown = "この決定をした福祉事務所を設置する地方公共団体"
    governor = f"{prefecture}知事" if prefecture else f"{unknown}の区域を管轄する都道府県知事"
    defendant = body or unknown
    represented = f"（訴訟において{body}を代表する者は{body}長となります。）" if body else ""
    return [
        f"この決定に不服がある場合は、この決定があったことを知った日の翌日から起算して3か月以内に、{governor}に対して"
        "審査請求をすることができます（行政不服審査法第18条、生活保護法第64条）。",
        "この決定の取消しを求める訴えは、審査請求に対する裁決を経た後でなければ提起することができません（生活保護法第69条）。"
        f"訴えは、その裁決があったことを知った日から6か月以内に、{defendant}を被告として{represented}"
        "提起することができます"
        "（行政事件訴訟法第11条、第14条）。",
    ]


def _yen(amount: int) -> str:
    return f"{amount:,}円"


LIVING_PARTS = {"base": "基準生活費（第1類・第2類）", "winter": "冬季加算"}
REQUIREMENT_KEYS = [
    ("living", "生活扶助", "living_assistance"),
    ("year_end", "期末一時扶助", "year_end_allowance"),
    ("housing", "住宅扶助", "housing_assistance"),
    ("education", "教育扶助", "education_assistance"),
    ("occupational", "生業扶助", "occupational_assistance"),
    ("care", "介護扶助", "care_assistance"),
    ("medical", "医療扶助", "medical_assistance"),
]
SHADE = colors.Color(0.95, 0.95, 0.95)
LABEL_SHADE = colors.Color(0.92, 0.94, 0.98)  # as grid's header row


def previous_decision(decision: Decision) -> Decision | None:
    """The approved start or change in force before this decision: what a change notice compares with."""
    earlier = Decision.objects.filter(
        household_id=decision.household_id,
        status=DecisionStatus.APPROVED,
        kind__in=ledger.PAYING,
        effective_from__lte=decision.effective_from,
    ).exclude(pk=decision.pk)
    if decision.approved_at:
        earlier = earlier.filter(approved_at__lt=decision.approved_at)
    return earlier.order_by("-effective_from", "-approved_at", "-id").first()


def _amounts(decision: Decision, previous: Decision | None) -> list:
    """The monthly amounts by 扶助 — for a change, before and after — then the one-time items and what
    their month pays in all (the ledger's figure for that month)."""
    if previous is None:
        head, widths, numeric = ["扶助の種類", "月額"], [125, 45], (1,)

        def line(label, old, new):
            return [label, _yen(new)]

        title = "保護費"
    else:
        head, widths, numeric = ["扶助の種類", "変更前", "変更後", "増減"], [80, 30, 30, 30], (1, 2, 3)

        def line(label, old, new):
            return [label, _yen(old), _yen(new), _signed(new - old)]

        title = f"保護費（変更前は{wareki(previous.effective_from)}からの決定）"
    rows = [head]
    rows += [
        line(label, int(_get(previous, code)), int(decision.amounts.get(code, 0))) for code, label in ASSISTANCE_ROWS
    ]
    rows.append(line("合計（月額）", previous.benefit_total if previous else 0, decision.benefit_total))
    shaded = [len(rows) - 1]
    month = one_time_month(decision.one_time)
    if month:
        old_items = (
            previous.one_time if previous and previous.one_time.get("month") == decision.one_time["month"] else {}
        )
        for code, label in ONE_TIME_LABELS.items():
            if decision.one_time.get(code) or old_items.get(code):
                rows.append(
                    line(
                        f"{label}（{wareki_month(month)}分・1回限り）",
                        int(old_items.get(code, 0)),
                        int(decision.one_time.get(code, 0)),
                    )
                )
        paid = ledger.owed_for(_with_this(decision), month)
        before = ledger.owed_for(_with_this(previous), month).total if previous else 0
        prorated = "、日割を含む" if paid.monthly != decision.benefit_total else ""
        rows.append(line(f"{wareki_month(month)}分の支給額（月額＋一時扶助{prorated}）", before, paid.total))
        shaded.append(len(rows) - 1)
    style = tuple(("BACKGROUND", (0, i), (-1, i), SHADE) for i in shaded)
    return [*paragraphs(title, HEAD), grid(rows, widths, numeric=numeric, style=style)]


def _get(previous: Decision | None, code: str) -> int:
    return previous.amounts.get(code, 0) if previous else 0


def _with_this(decision: Decision) -> list[ledger.Approved]:
    """The decisions approved before this one, and this one, as the ledger reads them."""
    before = approved_rows(decision.household_id, until=decision.approved_at)
    return [d for d in before if d.id != decision.pk] + [ledger.approved_from(decision)]


def _breakdown(decision: Decision) -> list:
    """The need test's stored result: 最低生活費 by item, what income covers, what assistance pays."""
    test = decision.need_test
    if test is None:
        return []
    result = test.result
    by_assistance = result["benefit"]["by_assistance"]
    labels = {line["code"]: line["label"] for line in result.get("explanation", [])}
    rows = [["扶助の種類", "最低生活費", "収入充当額", "扶助額"]]
    for code, label, key in REQUIREMENT_KEYS:
        need = int(result[key]["total"] if code == "living" else result[key])
        paid = int(by_assistance.get(code, 0))
        if code not in ("living", "housing") and not need:
            continue  # an item the household has no need of
        rows.append([label, _yen(need), _yen(need - paid), _yen(paid)])
        if code == "living":
            living = result[key]
            parts = [(LIVING_PARTS["base"], living["base"])]
            by_addition: dict[str, int] = {}
            for addition in living["additions"]:
                name = labels.get(addition["code"], addition["code"])
                by_addition[name] = by_addition.get(name, 0) + int(addition["amount"])
            parts += list(by_addition.items())
            if result.get("winter_addition"):
                parts.append((LIVING_PARTS["winter"], result["winter_addition"]))
            rows += [[f"　うち {name}", _yen(int(amount)), "", ""] for name, amount in parts if amount]
    covered = test.minimum_cost_of_living - test.benefit
    rows.append(["合計", _yen(test.minimum_cost_of_living), _yen(covered), _yen(test.benefit)])
    style = (("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE),)
    note = (
        f"認定した収入の合計は{_yen(test.recognized_income)}です。収入は生活扶助から順に充当し、"
        "最低生活費に満たない額を扶助額としています。"
    )
    return [
        *paragraphs(f"保護費の算定（{wareki_month(test.as_of)}の基準による要否判定）", HEAD),
        grid(rows, [80, 30, 30, 30], numeric=(1, 2, 3), style=style),
        Spacer(1, 1.5 * mm),
        *paragraphs(note, SMALL),
    ]


def _signed(amount: int) -> str:
    return f"+{amount:,}円" if amount > 0 else (f"△{-amount:,}円" if amount < 0 else "0円")


def render_notice(decision: Decision) -> bytes:
    return build(notice_story(decision), TITLES[decision.kind])


def render_notices(decisions, title: str) -> bytes:
    """Many notices in one PDF, each from a new page, in the order given (the print order)."""
    story = []
    for decision in decisions:
        if story:
            story.append(PageBreak())
        story += notice_story(decision)
    return build(story, title)


def notice_story(decision: Decision) -> list:
    """The flowables of one notice."""
    snap = decision.snapshot
    office = decision.household.office
    number = NoticeNumber.objects.filter(decision=decision).first()
    decided_on = timezone.localtime(decision.approved_at).date() if decision.approved_at else None
    unnumbered = "（文書番号なし）" if decided_on else "（文書番号は決裁時に付番）"
    story = [
        *paragraphs(number.text if number else unnumbered, RIGHT),
        *paragraphs(wareki(decided_on) if decided_on else "（決裁前・案）", RIGHT),
        Spacer(1, 4 * mm),
        *paragraphs(f"〒{snap.get('postal_code', '')} {snap.get('address', '')}", BASE),
        *paragraphs(f"{snap.get('head_name', '')} 様", HEAD),
        *paragraphs(f"ケース番号 {snap.get('case_number', '')}", SMALL),
        *paragraphs(number.issuer if number else office.notice_head, RIGHT),
        Spacer(1, 4 * mm),
        *paragraphs(TITLES[decision.kind], TITLE),
    ]
    if decision.application_id:
        opening = (
            f"{wareki(decision.application.received_on)}に申請のあった生活保護について、"
            "次のとおり決定したので通知します。"
        )
    else:
        opening = "あなたの世帯の生活保護について、次のとおり決定したので通知します。"
    story += [*paragraphs(opening, BASE), Spacer(1, 3 * mm)]
    facts = [["決定の内容", decision.get_kind_display()], ["効力発生日", wareki(decision.effective_from)]]
    label_column = (("BACKGROUND", (1, 0), (1, 0), colors.white), ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE))
    story.append(grid(facts, [40, 130], style=label_column))
    if decision.kind in (DecisionKind.START, DecisionKind.CHANGE):
        story += _amounts(decision, previous_decision(decision) if decision.kind == DecisionKind.CHANGE else None)
    story += _breakdown(decision)
    story += [*paragraphs("理由", HEAD), *paragraphs(wareki_text(decision.reasons), BASE)]
    if decision.retroactive_reason:
        story += [
            *paragraphs("さかのぼって決定する理由", HEAD),
            *paragraphs(wareki_text(decision.retroactive_reason), BASE),
        ]
    late = decision.late_reason or (decision.application.extension_reason if decision.application_id else "")
    if late:
        story += [
            *paragraphs("申請から14日以内に通知できなかった理由（生活保護法第24条第6項）", HEAD),
            *paragraphs(wareki_text(late), BASE),
        ]
    story += [Spacer(1, 5 * mm), *paragraphs("教示", HEAD)]
    prefecture = office.notice_prefecture or decision.household.prefecture
    for text in appeal_instruction(prefecture, office.notice_body):
        story += paragraphs(text, SMALL)
    return story
