"""The payments app's documents (issue 21): what the office prints from an approved (frozen) run.

- `render_counter_list(run)`: 窓口払 一覧, A4 landscape, drawn on the ReportLab canvas directly (a run can
  have thousands of counter payments; platypus would build and measure a flowable for each cell).
- `render_receipts(payments)` / `render_repayment_receipt(counter_repayment)`: 保護費領収書, three to an A4
  page, canvas too.
- `render_proxy_list(run)` / `proxy_csv(run)`: 代理納付 一覧 by payee, and the same rows as CSV (UTF-8 with
  BOM for spreadsheet software, CRLF).
- `render_accounting_summary(run)`: 支出命令書（保護費）, platypus through `hogo.common.pdf`.

Typed text (payee and household names) reaches a Paragraph only through `hogo.common.pdf` (`grid`,
`paragraphs`, `build` escape it); on the canvas it goes through `drawString`/`textOut`, which take no
markup: a payee typed as `<b>&家主` prints as those characters. Every date people read is in 和暦.

Hogo's own conventions (no national form prescribes them): the layout of every document here; the budget
line (予算科目) names of `BUDGET_LINES`, which vary by municipality (the summary says so in a footnote);
showing a 法第78条の2 deduction as ▲ and as 歳入への振替 (the deducted yen are the debt's revenue, not an
expense); 移送費 booked under 医療扶助 (法第15条第6号 移送 is part of 医療扶助).
"""

import csv
import io
from collections import defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.utils import timezone
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from hogo.approvals.models import ActionKind
from hogo.common.pdf import FONT, HEAD, HEAD_FONT, RIGHT, SMALL, TITLE, build, fitting, grid, paragraphs
from hogo.common.wareki import wareki, wareki_month
from hogo.inquiries import banks
from hogo.offices.models import Role

from .models import AccountType, Item, Method, Payee, Payment, PaymentLine, ProxyItem

# --- shared ----------------------------------------------------------------------------------------------

BUDGET_LINES = {
    Item.LIVING: "扶助費（生活扶助費）",
    Item.YEAR_END: "扶助費（生活扶助費）",
    Item.HOUSING: "扶助費（住宅扶助費）",
    Item.EDUCATION: "扶助費（教育扶助費）",
    Item.OCCUPATIONAL: "扶助費（生業扶助費）",
    Item.TRANSPORT: "扶助費（医療扶助費・移送費）",  # 移送 is 医療扶助 (法第15条第6号)
    Item.REPAY: "（振込不能の再支給・既支出）",
}
BUDGET_NOTE = "予算科目は事務所の設定に合わせて読み替えてください。"
OFFSET_LABEL = "徴収金（法第78条の2）"
SHORT_ITEM = {**dict(Item.choices), Item.OFFSET: OFFSET_LABEL, Item.REPAY: "再支給"}
ITEM_ORDER = {item: i for i, item in enumerate(Item.values)}
CHUNK = 500  # ids per query (SQLite refuses very long expressions)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def yen(amount: int) -> str:
    """12,345 — and ▲5,000 for a negative amount (a deduction)."""
    return f"▲{-amount:,}" if amount < 0 else f"{amount:,}"


def _require_frozen(run) -> None:
    if not run.frozen:
        raise ValidationError("決裁の済んだ支給だけを出力できます。")


def breakdown(lines) -> str:
    """The lines of a payment by month: 「12月 生活扶助 70,000 / 住宅扶助 40,000」, a deduction as ▲."""
    return "　".join(breakdown_parts(lines))


def breakdown_parts(lines) -> list[str]:
    """The breakdown, one text per month."""
    by_month = defaultdict(lambda: defaultdict(int))
    for line in lines:
        by_month[line.month][line.item] += line.amount
    parts = []
    for month in sorted(by_month):
        items = sorted(by_month[month].items(), key=lambda pair: ITEM_ORDER.get(pair[0], 99))
        text = " / ".join(f"{SHORT_ITEM.get(item, item)} {yen(amount)}" for item, amount in items if amount)
        parts.append(f"{month.month}月 {text}")
    return parts


def _detail_lines(parts: list[str], font: str, size: float, width: float, lines: int) -> list[str]:
    """A breakdown in at most `lines` lines: each month on a line of its own when they fit, else run on."""
    out = []
    for part in parts:
        out += _wrapped(part, font, size, width, lines + 1)
    return out if len(out) <= lines else _wrapped("　".join(parts), font, size, width, lines)


def _lines_of(payment_ids) -> dict[int, list[PaymentLine]]:
    """payment id → its lines, a few queries (CHUNK ids each), not one per payment."""
    out = defaultdict(list)
    ids = list(payment_ids)
    for start in range(0, len(ids), CHUNK):
        for line in PaymentLine.objects.filter(payment_id__in=ids[start : start + CHUNK]).order_by("month", "id"):
            out[line.payment_id].append(line)
    return out


def _wrapped(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """`text` cut into at most `lines` lines of `width`, the last ending in 「…」 when it does not fit."""
    out, rest = [], text
    while rest and len(out) < lines:
        cut = fitting(rest, font, size, width)
        out.append(rest[:cut])
        rest = rest[cut:]
    if rest and out:
        out[-1] = out[-1][: fitting(out[-1] + "…", font, size, width) - 1] + "…"
    return out or [""]


def _fit(c: Canvas, text: str, x: float, y: float, width: float, font: str, size: float, align="left") -> None:
    """One line of text in `width`: smaller type when long (down to 60 %), then cut with 「…」."""
    if len(text) * size > width and stringWidth(text, font, size) > width:
        size = max(size * width / stringWidth(text, font, size), size * 0.6)
        if stringWidth(text, font, size) > width:
            text = _wrapped(text, font, size, width, 1)[0]
    c.setFont(font, size)
    if align == "right":
        c.drawRightString(x + width, y, text)
    elif align == "center":
        c.drawCentredString(x + width / 2, y, text)
    else:
        c.drawString(x, y, text)


def _canvas(out, pagesize, title: str) -> Canvas:
    c = Canvas(out, pagesize=pagesize, pageCompression=1, initialFontName=FONT)
    c.setTitle(title)
    c.setCreator("Hogo")
    return c


def _save(draw) -> bytes:
    """Run `draw(out)` with page streams compressed but not ASCII85-armoured (a quarter faster)."""
    out = io.BytesIO()
    armoured = rl_config.useA85
    rl_config.useA85 = 0
    try:
        draw(out)
    finally:
        rl_config.useA85 = armoured
    return out.getvalue()


def _run_heading(run) -> str:
    return f"支給月 {wareki_month(run.month)}分　{run.get_kind_display()}　支給日 {wareki(run.pay_on)}"


# --- 窓口払 一覧 ----------------------------------------------------------------------------------------------

L_W, L_H = landscape(A4)
L_MARGIN = 12 * mm
COLUMNS = (  # label, width (mm), alignment
    ("No.", 12, "right"),
    ("ケース番号", 26, "left"),
    ("受取人", 52, "left"),
    ("支給額（円）", 30, "right"),
    ("内訳", 133, "left"),
    ("受領印", 20, "center"),
)
ROW = 12 * mm
HEADER_ROW = 7 * mm
TABLE_TOP = L_H - L_MARGIN - 22 * mm
ROWS_PER_PAGE = int((TABLE_TOP - HEADER_ROW - L_MARGIN - 14 * mm) // ROW)
PAD = 1.5 * mm


def counter_rows(run) -> list[tuple]:
    """(case number, payee name, amount, breakdown) of the run's counter payments, by case number."""
    payments = list(
        run.payments.filter(method=Method.COUNTER)
        .order_by("household__case_number", "payee", "id")
        .values_list("id", "household__case_number", "payee_name", "amount")
    )
    lines = defaultdict(list)
    for line in PaymentLine.objects.filter(run=run, payment__method=Method.COUNTER).order_by("month", "id"):
        lines[line.payment_id].append(line)
    return [(case, name, amount, breakdown_parts(lines[pk])) for pk, case, name, amount in payments]


def render_counter_list(run) -> bytes:
    """窓口払 一覧 of an approved run: every counter payment by case number with its breakdown and a box for
    the 受領印, a page subtotal on each page and the count and total at the end."""
    _require_frozen(run)
    rows = counter_rows(run)
    office = run.office
    pages = max(1, -(-len(rows) // ROWS_PER_PAGE))
    xs = [L_MARGIN]
    for _, width, _ in COLUMNS:
        xs.append(xs[-1] + width * mm)

    def header(c: Canvas, page: int) -> None:
        c.setFillColor(colors.black)
        c.setFont(HEAD_FONT, 16)
        c.drawCentredString(L_W / 2, L_H - L_MARGIN - 8 * mm, "窓口払 一覧")
        c.setFont(FONT, 9.5)
        c.drawString(L_MARGIN, L_H - L_MARGIN - 8 * mm, office.name)
        c.drawString(L_MARGIN, L_H - L_MARGIN - 15 * mm, _run_heading(run))
        c.drawRightString(L_W - L_MARGIN, L_H - L_MARGIN - 8 * mm, f"{page} / {pages} ページ")
        c.drawRightString(L_W - L_MARGIN, L_H - L_MARGIN - 15 * mm, f"決裁 {wareki(_approved_on(run))}")
        c.setFillColor(colors.Color(0.92, 0.94, 0.98))
        c.rect(xs[0], TABLE_TOP - HEADER_ROW, xs[-1] - xs[0], HEADER_ROW, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(HEAD_FONT, 9)
        for (label, _, _), x0, x1 in zip(COLUMNS, xs, xs[1:], strict=False):
            c.drawCentredString((x0 + x1) / 2, TABLE_TOP - HEADER_ROW + 2.2 * mm, label)

    def grid_lines(c: Canvas, count: int) -> float:
        bottom = TABLE_TOP - HEADER_ROW - count * ROW
        c.setStrokeColor(colors.grey)
        c.setLineWidth(0.5)
        for i in range(count + 2):
            y = TABLE_TOP if i == 0 else TABLE_TOP - HEADER_ROW - (i - 1) * ROW
            c.line(xs[0], y, xs[-1], y)
        for x in xs:
            c.line(x, TABLE_TOP, x, bottom)
        return bottom

    def draw(out) -> None:
        c = _canvas(out, landscape(A4), f"窓口払 一覧 {wareki_month(run.month)}分")
        total = 0
        for page in range(pages):
            chunk = rows[page * ROWS_PER_PAGE : (page + 1) * ROWS_PER_PAGE]
            header(c, page + 1)
            bottom = grid_lines(c, len(chunk))
            y = TABLE_TOP - HEADER_ROW
            for i, (case, name, amount, detail) in enumerate(chunk):
                base = y - ROW / 2 - 3
                number = page * ROWS_PER_PAGE + i + 1
                _fit(c, str(number), xs[0] + PAD, base, xs[1] - xs[0] - 2 * PAD, FONT, 9, "right")
                _fit(c, case, xs[1] + PAD, base, xs[2] - xs[1] - 2 * PAD, FONT, 9.5)
                name_w = xs[3] - xs[2] - 2 * PAD
                if stringWidth(name, FONT, 10) <= name_w:
                    c.setFont(FONT, 10)
                    c.drawString(xs[2] + PAD, base, name)
                else:  # a long name on two lines
                    c.setFont(FONT, 8)
                    for j, part in enumerate(_wrapped(name, FONT, 8, name_w, 2)):
                        c.drawString(xs[2] + PAD, base + 2 * mm - j * 4 * mm, part)
                _fit(c, yen(amount), xs[3] + PAD, base, xs[4] - xs[3] - 2 * PAD, HEAD_FONT, 10.5, "right")
                parts = _detail_lines(detail, FONT, 8, xs[5] - xs[4] - 2 * PAD, 3)
                c.setFont(FONT, 8)
                first = y - ROW / 2 + (len(parts) - 1) * 4.7 - 2.8
                for j, part in enumerate(parts):
                    c.drawString(xs[4] + PAD, first - j * 9.4, part)
                y -= ROW
                total += amount
            page_total = sum(row[2] for row in chunk)
            c.setFont(FONT, 9.5)
            c.drawString(xs[0], bottom - 6 * mm, f"このページ {len(chunk):,}件　{page_total:,}円")
            if page + 1 == pages:
                c.setFont(HEAD_FONT, 11)
                c.drawRightString(xs[-1], bottom - 6 * mm, f"合計　{len(rows):,}件　{sum(row[2] for row in rows):,}円")
            if not rows:
                c.setFont(FONT, 11)
                c.drawString(L_MARGIN, TABLE_TOP - HEADER_ROW - 8 * mm, "この支給に窓口払はありません。")
            c.showPage()
        c.save()

    return _save(draw)


def _approved_on(run) -> date:
    return timezone.localtime(run.approved_at).date() if run.approved_at else run.pay_on


# --- 保護費領収書 ---------------------------------------------------------------------------------------------

P_W, P_H = A4
P_MARGIN = 12 * mm
RECEIPTS_PER_PAGE = 3
SLOT = (P_H - 2 * P_MARGIN) / RECEIPTS_PER_PAGE
BOX = SLOT - 6 * mm


def _receipt(c: Canvas, slot: int, r: dict) -> None:
    """One receipt in its third of the page: r has office, month, kind, pay_on, case_number, payee, amount,
    detail, number and an optional note."""
    top = P_H - P_MARGIN - slot * SLOT
    bottom = top - BOX
    left, right = P_MARGIN, P_W - P_MARGIN
    c.setStrokeColor(colors.black)
    c.setLineWidth(1)
    c.rect(left, bottom, right - left, BOX)
    c.setFont(HEAD_FONT, 16)
    c.drawCentredString(P_W / 2, top - 10 * mm, "保　護　費　領　収　書")
    c.setFont(FONT, 8)
    c.drawRightString(right - 4 * mm, top - 6 * mm, f"整理番号 {r['number']}")
    _fit(c, f"{r['office']} 様", left + 5 * mm, top - 18 * mm, 110 * mm, FONT, 10.5)
    label_x, value_x, value_w = left + 5 * mm, left + 30 * mm, right - left - 35 * mm
    y = top - 26 * mm
    rows = [
        ("ケース番号", r["case_number"]),
        ("受取人", r["payee"]),
        ("支給月", f"{wareki_month(r['month'])}分（{r['kind']}）"),
        ("支給日", wareki(r["pay_on"])),
    ]
    for label, value in rows:
        c.setFont(FONT, 9)
        c.drawString(label_x, y, label)
        _fit(c, value, value_x, y, value_w, FONT, 10)
        y -= 5 * mm
    c.setFont(FONT, 10)
    c.drawString(label_x, y - 2 * mm, "金額")
    c.setFont(HEAD_FONT, 18)
    c.drawString(value_x, y - 2.5 * mm, f"￥{r['amount']:,}円")
    c.setLineWidth(0.6)
    c.line(value_x, y - 4 * mm, value_x + 80 * mm, y - 4 * mm)
    y -= 9 * mm
    c.setFont(FONT, 9)
    c.drawString(label_x, y, "内訳")
    parts = _detail_lines(r["detail"], FONT, 8, value_w, 3)
    c.setFont(FONT, 8)
    for j, part in enumerate(parts):
        c.drawString(value_x, y - j * 3.6 * mm, part)
    if r.get("note"):
        _fit(c, r["note"], value_x, y - len(parts) * 3.6 * mm, value_w, FONT, 8)
    c.setFont(FONT, 10.5)
    c.drawString(left + 5 * mm, bottom + 16 * mm, "上記の金額を領収しました。")
    c.drawString(left + 5 * mm, bottom + 6 * mm, "令和　　年　　月　　日")
    c.drawString(left + 75 * mm, bottom + 6 * mm, "受取人氏名")
    c.setLineWidth(0.5)
    c.line(left + 95 * mm, bottom + 5 * mm, right - 25 * mm, bottom + 5 * mm)
    c.circle(right - 14 * mm, bottom + 10 * mm, 7 * mm)
    c.setFont(FONT, 9)
    c.drawCentredString(right - 14 * mm, bottom + 8.5 * mm, "印")
    if slot + 1 < RECEIPTS_PER_PAGE:  # the cut line
        c.setStrokeColor(colors.grey)
        c.setDash(2, 3)
        c.setLineWidth(0.4)
        c.line(P_MARGIN / 2, top - SLOT + 3 * mm, P_W - P_MARGIN / 2, top - SLOT + 3 * mm)
        c.setDash()


def _render_receipts(receipts: list[dict], title: str) -> bytes:
    def draw(out) -> None:
        c = _canvas(out, A4, title)
        if not receipts:
            c.setFont(FONT, 11)
            c.drawString(P_MARGIN, P_H - P_MARGIN - 11, "印刷する領収書はありません。")
        for i, receipt in enumerate(receipts):
            slot = i % RECEIPTS_PER_PAGE
            if i and slot == 0:
                c.showPage()
            _receipt(c, slot, receipt)
        c.showPage()
        c.save()

    return _save(draw)


def render_receipts(payments) -> bytes:
    """One 保護費領収書 per counter payment of approved runs, in the order given (a bank transfer has no
    receipt and is refused), three to an A4 page with cut lines between them."""
    payments = list(payments)
    ids = [p.pk for p in payments]
    loaded = {}
    for start in range(0, len(ids), CHUNK):
        for p in Payment.objects.filter(pk__in=ids[start : start + CHUNK]).select_related("run__office", "household"):
            loaded[p.pk] = p
    lines = _lines_of(ids)
    receipts = []
    for pk in ids:
        payment = loaded[pk]
        _require_frozen(payment.run)
        if payment.method != Method.COUNTER:
            raise ValidationError(f"ケース番号 {payment.household.case_number} の支払は窓口払ではありません。")
        run = payment.run
        receipts.append(
            {
                "office": run.office.notice_head,
                "month": run.month,
                "kind": run.get_kind_display(),
                "pay_on": run.pay_on,
                "case_number": payment.household.case_number,
                "payee": payment.payee_name,
                "amount": payment.amount,
                "detail": breakdown_parts(lines[pk]),
                "number": payment.customer_code,
            }
        )
    return _render_receipts(receipts, "保護費領収書")


def render_repayment_receipt(counter_repayment) -> bytes:
    """The 保護費領収書 of a returned transfer (振込不能) paid again at the counter."""
    payment = Payment.objects.select_related("run__office", "household").get(pk=counter_repayment.returned.payment_id)
    run = payment.run
    receipt = {
        "office": run.office.notice_head,
        "month": run.month,
        "kind": "振込不能の再支給",
        "pay_on": counter_repayment.paid_on,
        "case_number": payment.household.case_number,
        "payee": payment.payee_name,
        "amount": counter_repayment.amount,
        "detail": breakdown_parts(_lines_of([payment.pk])[payment.pk]),
        "number": payment.customer_code,
        "note": f"（{wareki(run.pay_on)}の{run.get_kind_display()}の口座振込ができなかったため窓口でお支払いします）",
    }
    return _render_receipts([receipt], "保護費領収書（振込不能の再支給）")


# --- 代理納付 一覧 -------------------------------------------------------------------------------------------


def _account_text(p) -> str:
    if not p["bank_code"]:
        return "（口座なし）"
    kind = dict(AccountType.choices).get(p["account_type"], p["account_type"])
    return f"{banks.label(p['bank_code'], p['branch_code'])} {kind} {p['account_number']} {p['account_name']}"


def proxy_groups(run) -> list[tuple[dict, list[tuple]]]:
    """(payee, [(case number, item label, month, amount)]) of the run's 代理納付, payees by name and
    account, rows by case number. A payee is its name and account as the payment carries them."""
    payments = (
        run.payments.filter(payee=Payee.PROXY)
        .order_by("payee_name", "bank_code", "branch_code", "account_number", "household__case_number", "id")
        .values(
            "id",
            "payee_name",
            "bank_code",
            "branch_code",
            "account_type",
            "account_number",
            "account_name",
            "household__case_number",
            "proxy__item",
        )
    )
    lines = defaultdict(list)
    for line in PaymentLine.objects.filter(run=run, payment__payee=Payee.PROXY).order_by("month", "id"):
        lines[line.payment_id].append(line)
    items = dict(ProxyItem.choices)
    groups: dict[tuple, tuple] = {}
    for p in payments:
        key = (p["payee_name"], p["bank_code"], p["branch_code"], p["account_type"], p["account_number"])
        group = groups.setdefault(key, (p, []))
        for line in lines[p["id"]]:
            item = (line.source or {}).get("proxy") or p["proxy__item"] or ""
            group[1].append((p["household__case_number"], items.get(item, item), line.month, line.amount))
    return list(groups.values())


def render_proxy_list(run) -> bytes:
    """代理納付 一覧 of an approved run: per payee (name and account) its households' amounts, a subtotal per
    payee and the grand total."""
    _require_frozen(run)
    groups = proxy_groups(run)
    story = [
        *paragraphs(run.office.name, RIGHT),
        *paragraphs("代理納付 一覧", TITLE),
        *paragraphs(_run_heading(run), SMALL),
        Spacer(1, 2 * mm),
    ]
    total = count = 0
    for payee, rows in groups:
        subtotal = sum(row[3] for row in rows)
        total += subtotal
        count += len(rows)
        story += paragraphs(f"納付先　{payee['payee_name']}", HEAD)
        story += paragraphs(f"振込先　{_account_text(payee)}", SMALL)
        table = [["ケース番号", "対象", "対象月", "金額（円）"]]
        table += [[case, item, f"{wareki_month(month)}分", yen(amount)] for case, item, month, amount in rows]
        table.append(["小計", f"{len(rows)}件", "", yen(subtotal)])
        story.append(grid(table, [35, 60, 35, 40], numeric=(3,), style=_TOTAL_ROW))
    if not groups:
        story += paragraphs("この支給に代理納付はありません。", SMALL)
    story += [
        Spacer(1, 4 * mm),
        grid(
            [["総計", f"納付先 {len(groups)}件・{count}件", yen(total)]], [35, 95, 40], numeric=(2,), style=_TOTAL_ALL
        ),
    ]
    return build(story, f"代理納付 一覧 {wareki_month(run.month)}分")


_SHADE = colors.Color(0.95, 0.95, 0.95)
_TOTAL_ROW = (("BACKGROUND", (0, -1), (-1, -1), _SHADE),)
_TOTAL_ALL = (("BACKGROUND", (0, 0), (-1, -1), _SHADE),)
CSV_HEADER = [
    "納付先",
    "金融機関コード",
    "店舗コード",
    "預金種目",
    "口座番号",
    "口座名義",
    "ケース番号",
    "対象",
    "対象月",
    "金額",
]


def _cell(text: str) -> str:
    """A typed text as a cell: a leading character a spreadsheet would run as a formula is quoted."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def proxy_csv(run) -> bytes:
    """The rows of the 代理納付 一覧 as CSV: a header line, then one line per household and item, payees in
    the list's order. UTF-8 with BOM, CRLF."""
    _require_frozen(run)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for payee, rows in proxy_groups(run):
        for case, item, month, amount in rows:
            writer.writerow(
                [
                    _cell(payee["payee_name"]),
                    payee["bank_code"],
                    payee["branch_code"],
                    payee["account_type"],
                    payee["account_number"],
                    _cell(payee["account_name"]),
                    case,
                    item,
                    f"{month:%Y%m}",
                    amount,
                ]
            )
    return out.getvalue().encode("utf-8-sig")


# --- 支出命令書（保護費） --------------------------------------------------------------------------------------


def accounting_figures(run) -> dict:
    """What the summary shows, from the run's lines and payments: gross per budget line (with its items),
    the 法第78条の2 deduction, the net, and count and amount per method."""
    by_item = dict(run.lines.values_list("item").annotate(total=Sum("amount")).order_by("item"))
    offset = -by_item.pop(Item.OFFSET, 0)
    budget: dict[str, dict] = {}
    for item in sorted(by_item, key=lambda i: ITEM_ORDER.get(i, 99)):
        label = BUDGET_LINES.get(item, f"（{SHORT_ITEM.get(item, item)}）")
        budget.setdefault(label, {})[item] = by_item[item]
    methods = {"bank": [0, 0], "counter": [0, 0], "proxy": [0, 0]}
    for method, payee, count, total in (
        run.payments.values_list("method", "payee").annotate(count=Count("id"), total=Sum("amount")).order_by()
    ):
        key = "proxy" if payee == Payee.PROXY else method
        methods.setdefault(key, [0, 0])
        methods[key][0] += count
        methods[key][1] += total
    gross = sum(by_item.values())
    return {
        "budget": budget,
        "gross": gross,
        "offset": offset,
        "net": gross - offset,
        "methods": methods,
        "paid": sum(total for _, total in methods.values()),
    }


def _staff_name(user) -> str:
    staff = getattr(user, "staff", None)
    return staff.name if staff is not None else user.username


def render_accounting_summary(run) -> bytes:
    """支出命令書（保護費）of an approved run: gross by budget line, the 法第78条の2 deduction (歳入への振替),
    the net; count and amount by method; who approved and when; the pay day."""
    _require_frozen(run)
    figures = accounting_figures(run)
    rows = [["予算科目", "内訳", "金額（円）"]]
    for label, items in figures["budget"].items():
        detail = "・".join(f"{SHORT_ITEM.get(i, i)} {yen(a)}" for i, a in items.items())
        rows.append([label, detail, yen(sum(items.values()))])
    rows.append(["支出総額", "", yen(figures["gross"])])
    rows.append(["控除", f"{OFFSET_LABEL}（歳入への振替）", yen(-figures["offset"])])
    rows.append(["差引支給額", "", yen(figures["net"])])
    methods = figures["methods"]
    by_method = [["支給方法", "件数", "金額（円）"]]
    for key, label in (("bank", "口座振込"), ("counter", "窓口払"), ("proxy", "代理納付")):
        by_method.append([label, f"{methods[key][0]:,}", yen(methods[key][1])])
    by_method.append(["計", f"{sum(m[0] for m in methods.values()):,}", yen(figures["paid"])])
    approvals = [["区分", "役職", "氏名", "日付"]]
    drafted = timezone.localtime(run.drafted_at).date() if run.drafted_at else run.pay_on
    approvals.append(["起案", "", _staff_name(run.drafted_by), wareki(drafted)])
    for action in run.actions.filter(action=ActionKind.APPROVE).select_related("actor__staff").order_by("at", "id"):
        role = dict(Role.choices).get(action.role, action.role)
        approvals.append(["決裁", role, _staff_name(action.actor), wareki(timezone.localtime(action.at).date())])
    facts = [
        ["事務所", run.office.name],
        ["支給月・種類", f"{wareki_month(run.month)}分　{run.get_kind_display()}"],
        ["支給日", wareki(run.pay_on)],
        [
            "世帯数・支払件数",
            f"{run.payments.values('household_id').distinct().count():,}世帯　"
            f"{sum(m[0] for m in methods.values()):,}件",
        ],
    ]
    notes = [
        "・控除は被保護者の申出による徴収金（生活保護法第78条の2）で、支給額から差し引き歳入へ振り替えます。",
        "・移送費は医療扶助（同法第15条第6号）の扶助費として計上します。",
        f"・{BUDGET_NOTE}",
    ]
    if run.pending:
        notes.append(f"・起案中の決定がある世帯 {len(run.pending)}件を承知のうえで計算した支給です。")
    story = [
        *paragraphs(run.office.notice_head, RIGHT),
        *paragraphs("支出命令書（保護費）", TITLE),
        grid(
            facts,
            [40, 130],
            style=(
                ("BACKGROUND", (0, 0), (-1, -1), colors.white),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.92, 0.94, 0.98)),
            ),
        ),
        *paragraphs("予算科目別", HEAD),
        grid(
            rows,
            [50, 80, 40],
            numeric=(2,),
            style=(("BACKGROUND", (0, -3), (-1, -3), _SHADE), ("BACKGROUND", (0, -1), (-1, -1), _SHADE)),
        ),
        *paragraphs("支給方法別", HEAD),
        grid(by_method, [50, 40, 40], numeric=(1, 2), style=_TOTAL_ROW),
        *paragraphs("決裁", HEAD),
        grid(approvals, [25, 40, 55, 50]),
        Spacer(1, 3 * mm),
        *paragraphs(f"支給日　{wareki(run.pay_on)}", HEAD),
        Spacer(1, 3 * mm),
        *paragraphs("\n".join(notes), SMALL),
    ]
    return build(story, f"支出命令書（保護費） {wareki_month(run.month)}分")
