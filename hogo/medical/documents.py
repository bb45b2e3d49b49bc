"""The medical app's documents (issue 20): the 医療要否意見書 sent to a 指定医療機関, the 医療券・調剤券・介護券
printed in bulk, and the registration file for 医療扶助のオンライン資格確認 (docs/medical/online_registration.md).

- `render_opinion`: platypus flowables through `hogo.common.pdf` (`paragraphs`, `grid`, `build` escape all
  text; no Paragraph is built here). The legal basis is quoted from 生活保護法 as the corpus reads it
  (corpus/life_protection_act.xml): 第15条 (医療扶助) and 第50条第1項 (指定医療機関の義務).
- `render_tickets`: drawn on the ReportLab canvas directly, two tickets on an A4 page, because a run
  prints thousands of them (platypus builds and measures flowables for every one). `drawString` takes no markup: a name
  typed as `<b>…&` prints as those characters.
- `registration_file`: one CSV row per ticket (a void ticket as a cancellation row), UTF-8, CRLF.

Dates shown to people are in 和暦; the registration file, read by a machine, carries YYYYMMDD."""

import calendar
import csv
import io
from datetime import date

from django.db.models import prefetch_related_objects
from django.utils import timezone
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from hogo.common.pdf import BASE, FONT, HEAD, HEAD_FONT, NUMBER, RIGHT, SMALL, TITLE, build, fitting, grid, paragraphs
from hogo.common.wareki import wareki, wareki_month

from .models import Care, Opinion, Ticket, TicketKind

# --- the law, as corpus/life_protection_act.xml reads it ---------------------------------------------------

ARTICLE_15 = (
    "生活保護法第15条　医療扶助は、困窮のため最低限度の生活を維持することのできない者に対して、"
    "左に掲げる事項の範囲内において行われる。"
    "一　診察　二　薬剤又は治療材料　三　医学的処置、手術及びその他の治療並びに施術　"
    "四　居宅における療養上の管理及びその療養に伴う世話その他の看護　"
    "五　病院又は診療所への入院及びその療養に伴う世話その他の看護　六　移送"
)
ARTICLE_50 = (
    "同法第50条第1項　指定医療機関は、厚生労働大臣の定めるところにより、懇切丁寧に被保護者の医療を"
    "担当しなければならない。"
)

# --- 医療要否意見書 ---------------------------------------------------------------------------------------------

REFERENCE = ParagraphStyle("reference", parent=BASE, fontName=HEAD_FONT, fontSize=17, leading=20)
BIG_REFERENCE = ParagraphStyle("big_reference", parent=REFERENCE, fontSize=20, leading=24, alignment=2)
DOC_TITLE = ParagraphStyle("doc_title", parent=TITLE, fontSize=16, leading=20, spaceAfter=2 * mm)
FORM_TITLE = ParagraphStyle("form_title", parent=TITLE, fontSize=14, leading=16, spaceAfter=1 * mm)
ADDRESSEE = ParagraphStyle("addressee", parent=HEAD, spaceBefore=0)
QUOTE = ParagraphStyle("quote", parent=SMALL, fontSize=7.5, leading=10)
CENTER = ParagraphStyle("center", parent=BASE, alignment=1)
LABEL_SHADE = colors.Color(0.92, 0.94, 0.98)  # as grid's header row
LABEL_COLUMN = (("BACKGROUND", (0, 0), (-1, -1), colors.white), ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE))
MAX_MONTHS = 12  # services.enter_reply accepts 1–12 months


def _spaced(parts: list[str], widths: list[float], style=SMALL) -> Table:
    """Short texts at fixed places on one line, unruled, where the doctor writes between them."""
    table = Table([[paragraphs(part, style) for part in parts]], colWidths=[w * mm for w in widths])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def render_opinion(opinion: Opinion) -> bytes:
    """The 医療要否意見書 as sent to the request's institution: the office's part filled in, the doctor's
    part blank, the 意見書番号 printed large on both so that the reply comes back to its opinion."""
    opinion = Opinion.objects.select_related(
        "request__household__office", "request__member", "request__institution", "renewal_of"
    ).get(pk=opinion.pk)
    return build(opinion_story(opinion), f"医療要否意見書 {opinion.reference}")


def opinion_story(opinion: Opinion) -> list:
    request = opinion.request
    office, member, institution = request.household.office, request.member, request.institution
    renewal = opinion.renewal_of
    facts = [
        ["意見書番号", paragraphs(opinion.reference, REFERENCE)],
        ["受診者", f"{member.name}（{member.name_kana}）"],
        ["生年月日・性別", f"{wareki(member.birth_date)}生　{member.get_sex_display()}"],
        ["傷病届の日", wareki(request.received_on)],
        ["届出の内容（症状）", request.complaint],
    ]
    if renewal is not None:
        facts.append(
            [
                "継続の別",
                f"継続（現在の医療扶助の期間 {wareki(renewal.starts_on)}から{wareki(renewal.ends_on)}まで）",
            ]
        )
    else:
        facts.append(["継続の別", "新規"])
    opening = (
        "下記の方から医療扶助を受けたいとの届出（傷病届）がありました。医療扶助（生活保護法第15条）の要否を"
        "判断するため、貴院の主治医のご意見をお伺いします。お手数ですが、次ページの「主治医の意見」にご記入のうえ、"
        "意見書番号を付してご返送ください。"
    )
    return [
        *paragraphs(f"意見書番号 {opinion.reference}", RIGHT),
        *paragraphs(wareki(opinion.issued_on), RIGHT),
        Spacer(1, 2 * mm),
        *paragraphs(institution.address, BASE),
        *paragraphs(f"{institution.name} 御中", ADDRESSEE),
        *paragraphs("（主治医 様）", SMALL),
        Spacer(1, 2 * mm),
        *paragraphs(office.notice_head, RIGHT),
        *(paragraphs(f"（{office.name}）", RIGHT) if office.name not in office.notice_head else []),
        Spacer(1, 2 * mm),
        *paragraphs("医療要否意見書", DOC_TITLE),
        *paragraphs(opening, BASE),
        Spacer(1, 1 * mm),
        *paragraphs("記", CENTER),
        Spacer(1, 1 * mm),
        grid(facts, [40, 130], style=LABEL_COLUMN),
        Spacer(1, 1 * mm),
        *paragraphs("（参考）関係法令", QUOTE),
        *paragraphs(ARTICLE_15, QUOTE),
        *paragraphs(ARTICLE_50, QUOTE),
        PageBreak(),
        _doctor_form(opinion),
    ]


def _doctor_form(opinion: Opinion):
    """The part the doctor fills in and returns: a page of its own, headed by the 意見書番号 in large type."""
    office = opinion.request.household.office
    member = opinion.request.member
    rows = [
        ["意見書番号", paragraphs(opinion.reference, REFERENCE)],
        ["受診者", f"{member.name}（{member.name_kana}）　{wareki(member.birth_date)}生"],
        ["傷病名", [Spacer(1, 9 * mm)]],
        ["入院・入院外", _spaced([f"□ {Care.INPATIENT.label}", f"□ {Care.OUTPATIENT.label}"], [50, 60])],
        [
            "今後の診療見込み期間",
            _spaced(["", f"か月（1〜{MAX_MONTHS}か月でご記入ください）"], [15, 100]),
        ],
        [
            "主治医の意見",
            [*paragraphs("医療の要否、治療の内容・見込み、就労の可否など", SMALL), Spacer(1, 22 * mm)],
        ],
        ["医療機関名・医師名", [Spacer(1, 6 * mm), *paragraphs("（記名又は署名）", SMALL)]],
        ["記入日", _spaced(["令和", "", "年", "", "月", "", "日"], [10, 10, 6, 8, 6, 8, 6], NUMBER)],
    ]
    return KeepTogether(
        [
            *paragraphs(f"意見書番号 {opinion.reference}", BIG_REFERENCE),
            Spacer(1, 2 * mm),
            *paragraphs("医療要否意見書（主治医の意見・返送用）", FORM_TITLE),
            *paragraphs(
                f"{office.notice_head} 宛　　ご記入のうえ、この用紙のまま、意見書番号 {opinion.reference} を"
                "付してご返送ください。",
                SMALL,
            ),
            Spacer(1, 1 * mm),
            grid(rows, [40, 130], style=LABEL_COLUMN),
        ]
    )


# --- 医療券・調剤券・介護券 --------------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN = 12 * mm
TICKETS_PER_PAGE = 2
SLOT_H = (PAGE_H - 2 * MARGIN) / TICKETS_PER_PAGE
BOX_H = SLOT_H - 8 * mm
LEFT, RIGHT_EDGE = MARGIN, PAGE_W - MARGIN
LABEL_W = 34 * mm
ROW_H = 8.2 * mm
VALUE_X = LEFT + LABEL_W + 2 * mm
VALUE_W = RIGHT_EDGE - VALUE_X - 3 * mm
TEXT = 9.5
MIN_TEXT = 6.5
RED = colors.Color(0.8, 0.05, 0.05)
INSTITUTION_LABEL = {
    TicketKind.MEDICAL: "指定医療機関",
    TicketKind.DISPENSING: "指定医療機関（薬局）",
    TicketKind.CARE: "指定介護機関",
}
KIND_LABEL = dict(TicketKind.choices)
SEX_CODE = {"male": "1", "female": "2"}
SELF_PAY = "本人支払額"
RELATED = ("member", "institution", "household__office", "period", "replaces")


def yen(amount: int) -> str:
    return f"{amount:,}円"


def self_pay_text(ticket: Ticket) -> str:
    return yen(ticket.self_pay) if ticket.self_pay else "なし"


def month_span(month: date) -> tuple[date, date]:
    """The first and last day of the ticket's month (its 有効期間)."""
    return month.replace(day=1), month.replace(day=calendar.monthrange(month.year, month.month)[1])


def recipient_number(member_id: int) -> str:
    """受給者番号 (Hogo's own): the member's id in 6 digits (more when it outgrows them) and a check digit
    (Luhn, modulus 10), so a mistyped digit is caught. Stable: a member keeps it across months and tickets."""
    body = f"{member_id:06d}"
    total = 0
    for i, digit in enumerate(reversed(body)):
        d = int(digit) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return f"{body}{(10 - total % 10) % 10}"


# At most this many distinct rows of one relation are loaded in one query: Django asks SQLite for them as
# `id = … OR id = …`, and beyond 1,000 terms SQLite refuses (「Expression tree is too large」).
CHUNK = 500


def _chunks(tickets: list[Ticket], size: int):
    """The tickets in consecutive runs, each referring to at most `size` distinct rows of every relation a
    document loads (a household's office comes with its household): 2,000 tickets of 50 members at 40
    institutions stay one run, 13,000 tickets of as many members are cut every `size` tickets."""
    keys = [f"{name.split('__')[0]}_id" for name in RELATED]
    start, seen = 0, [set() for _ in keys]
    for i, ticket in enumerate(tickets):
        values = [getattr(ticket, key) for key in keys]
        if any(v is not None and v not in held and len(held) >= size for v, held in zip(values, seen, strict=True)):
            yield tickets[start:i]
            start, seen = i, [set() for _ in keys]
        for v, held in zip(values, seen, strict=True):
            if v is not None:
                held.add(v)
    if start < len(tickets):
        yield tickets[start:]


def _load(tickets) -> list[Ticket]:
    """The tickets as a list with what a document shows loaded in a few queries (not one per ticket), in
    chunks of at most CHUNK rows of each relation (one query per relation and chunk)."""
    tickets = list(tickets)
    for chunk in _chunks(tickets, CHUNK):
        prefetch_related_objects(chunk, *RELATED)
    return tickets


def ticket_rows(ticket: Ticket) -> list[tuple[str, str]]:
    """The ticket's table: (label, value) in print order."""
    kind, member, institution = ticket.kind, ticket.member, ticket.institution
    first, last = month_span(ticket.month)
    rows = [
        ("対象月", f"{wareki_month(ticket.month)}分"),
        ("有効期間", f"{wareki(first)}から{wareki(last)}まで"),
        ("公費負担者番号", f"{ticket.household.office.municipality_code}　　受給者番号　{recipient_number(member.pk)}"),
        ("氏名（ふりがな）", f"{member.name}（{member.name_kana}）"),
        ("生年月日・性別", f"{wareki(member.birth_date)}生　{member.get_sex_display()}"),
        (INSTITUTION_LABEL[kind], f"{institution.name}（{institution.code}）"),
        ("所在地", institution.address),
    ]
    if kind == TicketKind.MEDICAL and ticket.period is not None:
        rows.append(("入院・入院外", ticket.period.get_care_display()))
    if kind == TicketKind.DISPENSING:
        rows.append((SELF_PAY, f"{self_pay_text(ticket)}（本人支払額は医療券に計上）"))
    else:
        rows.append((SELF_PAY, self_pay_text(ticket)))
    if kind == TicketKind.CARE:
        rows.append(("介護扶助の額（1割）", yen(ticket.cost) if ticket.cost is not None else "（未設定）"))
    if ticket.replaces is not None:
        rows.append(("備考", f"訂正（訂正前の券番号 {ticket.replaces.number} は無効）"))
    return rows


class _Tickets:
    """Draws tickets on a canvas. What every ticket of a layout shares (the box, the kind, the labels and
    rules) is drawn once as a PDF form and placed by reference; each ticket adds only its own text, in one
    text object. This keeps a run of thousands of tickets to a few seconds."""

    def __init__(self, c: Canvas):
        self.c = c
        self.forms: dict[tuple, str] = {}

    def draw(self, ticket: Ticket, slot: int) -> None:
        c = self.c
        top = PAGE_H - MARGIN - slot * SLOT_H
        bottom = top - BOX_H
        rows = ticket_rows(ticket)
        key = (slot, ticket.kind, tuple(label for label, _ in rows))
        name = self._form(key, top)
        c.doForm(name)
        office = ticket.household.office
        text = c.beginText()
        self._line(text, ticket.number, RIGHT_EDGE - 4 * mm, top - 14 * mm, HEAD_FONT, 15, right=True)
        y = top - 19 * mm
        for label, value in rows:
            base = y - ROW_H / 2 - 3
            if label == SELF_PAY:
                self._fit(text, value, base, HEAD_FONT, 11)
            else:
                self._fit(text, value, base)
            y -= ROW_H
        issued = timezone.localtime(ticket.issued_at).date()
        self._line(text, f"発行日　{wareki(issued)}", LEFT + 4 * mm, bottom + 10 * mm, FONT, 9)
        self._line(text, f"ケース番号　{ticket.household.case_number}", LEFT + 4 * mm, bottom + 4.5 * mm, FONT, 9)
        self._line(text, f"発行者　{office.notice_head}", RIGHT_EDGE - 4 * mm, bottom + 10 * mm, FONT, 9, right=True)
        if office.name not in office.notice_head:
            self._line(text, f"（{office.name}）", RIGHT_EDGE - 4 * mm, bottom + 4.5 * mm, FONT, 9, right=True)
        c.drawText(text)
        if ticket.void:
            self._void_stamp(ticket, top)

    def _form(self, key: tuple, top: float) -> str:
        if key in self.forms:
            return self.forms[key]
        name = self.forms[key] = f"ticket{len(self.forms)}"
        c = self.c
        slot, kind, labels = key
        c.beginForm(name)
        bottom = top - BOX_H
        c.setStrokeColor(colors.black)
        c.setLineWidth(1.2)
        c.rect(LEFT, bottom, RIGHT_EDGE - LEFT, BOX_H)
        c.setFont(FONT, 8)
        c.drawString(LEFT + 4 * mm, top - 7.5 * mm, "生活保護法による")
        c.drawRightString(RIGHT_EDGE - 4 * mm, top - 7.5 * mm, "券番号")
        c.setFont(HEAD_FONT, 20)
        c.drawString(LEFT + 4 * mm, top - 14 * mm, "　".join(KIND_LABEL[kind]))
        y = top - 19 * mm
        c.setLineWidth(0.6)
        c.setStrokeColor(colors.grey)
        table_top = y
        for label in labels:
            c.setFillColor(LABEL_SHADE)
            c.rect(LEFT + 3 * mm, y - ROW_H, LABEL_W - 1 * mm, ROW_H, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(FONT, 8.5)
            c.drawString(LEFT + 4.5 * mm, y - ROW_H / 2 - 3, label)
            y -= ROW_H
            c.line(LEFT + 3 * mm, y, RIGHT_EDGE - 3 * mm, y)
        c.line(LEFT + 3 * mm, table_top, RIGHT_EDGE - 3 * mm, table_top)
        c.line(LEFT + 3 * mm, table_top, LEFT + 3 * mm, y)
        c.line(LEFT + LABEL_W + 2 * mm, table_top, LEFT + LABEL_W + 2 * mm, y)
        c.line(RIGHT_EDGE - 3 * mm, table_top, RIGHT_EDGE - 3 * mm, y)
        if slot + 1 < TICKETS_PER_PAGE:  # the cut line under the ticket
            c.setStrokeColor(colors.grey)
            c.setDash(2, 3)
            c.setLineWidth(0.4)
            c.line(MARGIN / 2, top - SLOT_H + 4 * mm, PAGE_W - MARGIN / 2, top - SLOT_H + 4 * mm)
        c.endForm()
        return name

    @staticmethod
    def _line(text, value: str, x: float, y: float, font: str, size: float, right: bool = False) -> None:
        if right:
            x -= stringWidth(value, font, size)
        text.setFont(font, size)
        text.setTextOrigin(x, y)
        text.textOut(value)

    def _fit(self, text, value: str, y: float, font: str = FONT, size: float = TEXT) -> None:
        """A value in its cell: smaller type when long; below the smallest size, two lines; beyond that
        cut with 「…」 (an address of 200 characters still prints its first 140 or so). A text no wider
        than one em a character needs no measuring (the fonts' glyphs are at most 1 em wide)."""
        if len(value) * size > VALUE_W:
            width = stringWidth(value, font, size)
            if width > VALUE_W:
                smaller = size * VALUE_W / width
                if smaller < MIN_TEXT:
                    self._wrap(text, value, y, font)
                    return
                size = smaller
        self._line(text, value, VALUE_X, y, font, size)

    def _wrap(self, text, value: str, y: float, font: str) -> None:
        lines, rest = [], value
        for _ in range(2):
            cut = fitting(rest, font, MIN_TEXT, VALUE_W)
            lines.append(rest[:cut])
            rest = rest[cut:]
            if not rest:
                break
        if rest:
            lines[-1] = lines[-1][: fitting(lines[-1] + "…", font, MIN_TEXT, VALUE_W) - 1] + "…"
        for i, part in enumerate(lines):
            self._line(text, part, VALUE_X, y + (MIN_TEXT + 1) * (0.5 - i), font, MIN_TEXT)

    def _void_stamp(self, ticket: Ticket, top: float) -> None:
        """「無効」 across the ticket in red, with the reason, and 【無効】 by the kind: a void ticket printed
        for the file is never mistaken for a live one."""
        c = self.c
        c.saveState()
        c.setStrokeColor(RED)
        c.setFillColor(RED)
        c.setFont(HEAD_FONT, 20)
        c.drawString(LEFT + 50 * mm, top - 14 * mm, "【無効】")
        c.setStrokeAlpha(0.7)
        c.setFillAlpha(0.7)
        c.setLineWidth(3)
        cx, cy = (LEFT + RIGHT_EDGE) / 2, top - BOX_H / 2
        c.rect(cx - 45 * mm, cy - 15 * mm, 90 * mm, 30 * mm)
        c.setFont(HEAD_FONT, 60)
        c.drawCentredString(cx, cy - 10 * mm, "無　効")
        c.setFont(HEAD_FONT, 10)
        reason = f"この券は無効です：{ticket.void_reason}" if ticket.void_reason else "この券は無効です"
        c.drawCentredString(cx, cy - 21 * mm, reason[:60])
        c.restoreState()


def render_tickets(tickets) -> bytes:
    """All the tickets, in the order given, in one PDF: two to an A4 page with a cut line between them.
    A void ticket prints with 「無効」 across it. 2,000 tickets take about two seconds (printed by
    tests/medical/test_documents_tickets_render_in_bulk.py). The page streams are compressed but not
    ASCII85-armoured (ReportLab's default, which takes a quarter of the time and adds a quarter to the size)."""
    tickets = _load(tickets)
    out = io.BytesIO()
    armoured = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c = Canvas(out, pagesize=A4, pageCompression=1, initialFontName=FONT)
        c.setTitle("医療券・調剤券・介護券")
        c.setCreator("Hogo")
        if not tickets:
            c.setFont(FONT, 11)
            c.drawString(MARGIN, PAGE_H - MARGIN - 11, "印刷する券はありません。")
        drawer = _Tickets(c)
        for i, ticket in enumerate(tickets):
            slot = i % TICKETS_PER_PAGE
            if i and slot == 0:
                c.showPage()
            drawer.draw(ticket, slot)
        c.showPage()
        c.save()
    finally:
        rl_config.useA85 = armoured
    return out.getvalue()


def by_institution(tickets) -> list[tuple]:
    """The tickets grouped by institution (in the order of first appearance): what a bulk print sends
    to each institution, one `render_tickets` each."""
    groups: dict[int, tuple] = {}
    for ticket in _load(tickets):
        groups.setdefault(ticket.institution_id, (ticket.institution, []))[1].append(ticket)
    return list(groups.values())


# --- the registration file for 医療扶助のオンライン資格確認 ----------------------------------------------------

REGISTRATION_HEADER = [
    "公費負担者番号",
    "受給者番号",
    "券番号",
    "券種別",
    "対象月",
    "機関コード",
    "氏名カナ",
    "生年月日",
    "性別",
    "本人支払額",
    "介護扶助額",
    "有効期間開始日",
    "有効期間終了日",
    "取消区分",
    "訂正前券番号",
]
KIND_CODE = {TicketKind.MEDICAL: "1", TicketKind.DISPENSING: "2", TicketKind.CARE: "3"}
LIVE, CANCELLED = "0", "1"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A typed text as a cell: a leading character a spreadsheet would run as a formula is dropped after
    a quote (the only typed columns are the kana name)."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def registration_file(tickets) -> bytes:
    """The tickets as Hogo's registration file for 医療扶助のオンライン資格確認 (its own layout, described in
    docs/medical/online_registration.md): a header line, then one line per ticket in the order given — a
    live ticket registers (取消区分 0), a void one cancels its registration (取消区分 1). UTF-8, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REGISTRATION_HEADER)
    for t in _load(tickets):
        first, last = month_span(t.month)
        writer.writerow(
            [
                t.household.office.municipality_code,
                recipient_number(t.member_id),
                t.number,
                KIND_CODE[t.kind],
                f"{t.month:%Y%m}",
                t.institution.code,
                _cell(t.member.name_kana),
                f"{t.member.birth_date:%Y%m%d}",
                SEX_CODE.get(t.member.sex, "9"),
                t.self_pay,
                "" if t.cost is None else t.cost,
                f"{first:%Y%m%d}",
                f"{last:%Y%m%d}",
                CANCELLED if t.void else LIVE,
                t.replaces.number if t.replaces_id else "",
            ]
        )
    return out.getvalue().encode("utf-8")
