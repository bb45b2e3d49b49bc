"""Inquiry letters (法第29条の照会) and their reminders as PDF, for the kinds asked on paper: 生命保険会社,
勤務先 (給与), 年金事務所, 扶養義務者 (扶養照会). Deposit inquiries go to the banks electronically
(`services.export_batch`) and never print here.

Each letter is one page or more of its own: the office's header (照会番号, date in 和暦, addressee, the
head of the office), a title by kind, the request with its legal basis, the person asked about, what is
asked and by when, and at the bottom a reply form (回答書) that carries the 照会番号 in large type so that
the reply comes back matched to its inquiry (`services.enter_reply`).

The legal basis, as the act reads (生活保護法, corpus/life_protection_act.xml):
- 第29条第1項: the 保護の実施機関 may ask 官公署, 日本年金機構 or 共済組合等 for 資料の提供, and 銀行, 信託会社,
  the 雇主 of the person or 「その他の関係人」 for a 報告, on the person's 資産及び収入の状況 (第1号) or
  on those of the person's 扶養義務者 (第2号), when needed for deciding or carrying out 保護.
- 第29条第2項: the bodies of 別表第一 — its 八の項 names 日本年金機構 for the pension benefits — provide
  what is asked 「速やかに」.
- 扶養照会: 第4条第2項 (the support of 民法's 扶養義務者 comes before 保護), 第29条 and 第77条 (the costs
  of 保護 and the 扶養義務者). The letter asks; it does not demand, and says that a reply saying support
  is not possible is welcome too (seed 004: 扶養調査は必要最小限に).

Every piece of text reaches the PDF through `paragraphs` or `grid`, which escape it: no Paragraph is
built here."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from hogo.common.pdf import BASE, HEAD, HEAD_FONT, NUMBER, RIGHT, SMALL, TITLE, build, grid, paragraphs
from hogo.common.wareki import wareki, wareki_text

from .models import Channel, Inquiry, InquiryKind, InquiryStatus
from .services import DUE_DAYS

TITLES = {
    InquiryKind.LIFE_INSURANCE: "生命保険契約の有無等について（照会）",
    InquiryKind.SALARY: "給与の支払状況について（照会）",
    InquiryKind.PENSION: "年金の受給状況について（照会）",
    InquiryKind.SUPPORT: "扶養義務の履行について（照会）",
}
REMINDER_TITLES = {
    InquiryKind.LIFE_INSURANCE: "生命保険契約の有無等について（再照会）",
    InquiryKind.SALARY: "給与の支払状況について（再照会）",
    InquiryKind.PENSION: "年金の受給状況について（再照会）",
    InquiryKind.SUPPORT: "扶養義務の履行について（再度のお願い）",
}
BASIS = {
    InquiryKind.LIFE_INSURANCE: "生活保護法第29条第1項",
    InquiryKind.SALARY: "生活保護法第29条第1項",
    InquiryKind.PENSION: "生活保護法第29条第1項及び第2項",
    InquiryKind.SUPPORT: "生活保護法第4条第2項、第29条第1項及び第77条",
}
# what the article lets the office ask of this addressee, in the act's words (第29条第1項, 第2項, 第4条第2項)
ARTICLE_29_REPORT = (
    "生活保護法第29条第1項　保護の実施機関及び福祉事務所長は、保護の決定若しくは実施又は第七十七条若しくは"
    "第七十八条の規定の施行のために必要があると認めるときは、次の各号に掲げる者の当該各号に定める事項につき、"
    "（中略）銀行、信託会社、次の各号に掲げる者の雇主その他の関係人に、報告を求めることができる。"
    "（第1号　要保護者　氏名及び住所又は居所、資産及び収入の状況（以下略）、"
    "第2号　前号に掲げる者の扶養義務者　氏名及び住所又は居所、資産及び収入の状況（以下略））"
)
ARTICLE_29_PENSION = (
    "生活保護法第29条第1項　保護の実施機関及び福祉事務所長は、保護の決定若しくは実施（中略）のために必要が"
    "あると認めるときは、次の各号に掲げる者の当該各号に定める事項につき、官公署、日本年金機構若しくは（中略）"
    "共済組合等に対し、必要な書類の閲覧若しくは資料の提供を求め（中略）ることができる。"
)
ARTICLE_29_2 = (
    "同条第2項　別表第一の上欄に掲げる官公署の長、日本年金機構又は共済組合等は、それぞれ同表の下欄に掲げる"
    "情報につき、保護の実施機関又は福祉事務所長から前項の規定による求めがあつたときは、速やかに、当該情報を"
    "記載し、若しくは記録した書類を閲覧させ、又は資料の提供を行うものとする。"
)
ARTICLE_4_2 = (
    "生活保護法第4条第2項　民法（明治二十九年法律第八十九号）に定める扶養義務者の扶養及び他の法律に定める"
    "扶助は、すべてこの法律による保護に優先して行われるものとする。"
)
ARTICLE_77 = (
    "同法第77条第1項　被保護者に対して民法の規定により扶養の義務を履行しなければならない者があるときは、"
    "その義務の範囲内において、保護費を支弁した都道府県又は市町村の長は、その費用の全部又は一部を、"
    "その者から徴収することができる。"
)
QUOTES = {
    InquiryKind.LIFE_INSURANCE: [ARTICLE_29_REPORT],
    InquiryKind.SALARY: [ARTICLE_29_REPORT],
    InquiryKind.PENSION: [ARTICLE_29_PENSION, ARTICLE_29_2],
    InquiryKind.SUPPORT: [ARTICLE_4_2, ARTICLE_77],
}
OPENINGS = {
    InquiryKind.LIFE_INSURANCE: (
        "日頃から生活保護行政にご協力をいただき、厚くお礼申し上げます。"
        "下記の方について、{purpose}必要がありますので、{basis}の規定により、"
        "貴社との生命保険契約の有無等についてご報告をお願いします。"
    ),
    InquiryKind.SALARY: (
        "日頃から生活保護行政にご協力をいただき、厚くお礼申し上げます。"
        "下記の方について、{purpose}必要がありますので、{basis}の規定により、"
        "給与の支払状況についてご報告をお願いします。"
    ),
    InquiryKind.PENSION: (
        "日頃から生活保護行政にご協力をいただき、厚くお礼申し上げます。"
        "下記の方について、{purpose}必要がありますので、{basis}の規定により、"
        "年金の受給状況について資料の提供をお願いします。"
    ),
    InquiryKind.SUPPORT: (
        "突然のお便りで失礼いたします。"
        "下記の方の生活保護について、当事務所で保護の決定及び実施のための調査をしております。"
        "生活保護法第4条第2項では、民法に定める扶養義務者による扶養は、生活保護に優先して行われるものと"
        "されています。つきましては、あなた様のご事情の許す範囲で、下記の方への援助（仕送りなどの金銭的な援助のほか、"
        "電話や訪問などによる精神的な支えを含みます。）についてお聞かせいただきたく、ご回答をお願いいたします。"
    ),
}
CLOSINGS = {
    InquiryKind.SUPPORT: [
        "このお願いは、援助やご回答を強制するものではありません。ご事情により援助が難しい場合も、"
        "その旨をご回答いただければ幸いです。",
        "お知らせいただいた内容は、生活保護の決定及び実施に必要な範囲でのみ取り扱います。",
    ],
}
CLOSING = "お手数をおかけしますが、回答書にご記入のうえ、回答期限までにご返送くださいますようお願いいたします。"
# the reply form's choices and the line for the contents, by kind
CHOICES = {InquiryKind.SUPPORT: ("援助できる（該当あり）", "援助は難しい（該当なし）")}
DEFAULT_CHOICES = ("該当あり", "該当なし")
DETAIL_LABELS = {
    InquiryKind.LIFE_INSURANCE: "保険の種類・証券番号・契約者・解約返戻金の額など",
    InquiryKind.SALARY: "支給月ごとの総支給額・控除額・手取額、賞与、雇用の期間など",
    InquiryKind.PENSION: "年金の種類・年金額（年額）・支払月・受給権の発生日など",
    InquiryKind.SUPPORT: (
        "援助の方法（仕送り・引取り・精神的な支援など）、金額（月額）、難しい場合はその事情（差し支えない範囲で）"
    ),
}
AMOUNT_LABELS = {
    InquiryKind.LIFE_INSURANCE: "解約返戻金の額",
    InquiryKind.SALARY: "総支給額（月額）",
    InquiryKind.PENSION: "年金額（年額）",
    InquiryKind.SUPPORT: "援助の金額（月額）",
}

REFERENCE = ParagraphStyle("reference", parent=BASE, fontName=HEAD_FONT, fontSize=17, leading=20)
FORM_TITLE = ParagraphStyle("form_title", parent=TITLE, fontSize=14, leading=16, spaceAfter=1 * mm)
LETTER_TITLE = ParagraphStyle("letter_title", parent=TITLE, fontSize=15, leading=20, spaceAfter=2 * mm)
ADDRESSEE = ParagraphStyle("addressee", parent=HEAD, spaceBefore=0)
QUOTE = ParagraphStyle("quote", parent=SMALL, fontSize=7.5, leading=10)
CENTER = ParagraphStyle("center", parent=BASE, alignment=1)
CUT = ParagraphStyle("cut", parent=SMALL, alignment=1, textColor=colors.grey)
LABEL_SHADE = colors.Color(0.92, 0.94, 0.98)  # as grid's header row
LABEL_COLUMN = (("BACKGROUND", (0, 0), (-1, -1), colors.white), ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE))


def _refuse_unless_paper(inquiry: Inquiry) -> None:
    if inquiry.channel != Channel.PAPER or inquiry.kind not in TITLES:
        raise ValidationError(
            {"kind": f"照会番号 {inquiry.reference} は文書で送る照会ではありません（預貯金は電子照会で送ります）。"}
        )


def render_letters(inquiries) -> bytes:
    """One PDF, one letter per inquiry (each from a new page), in the order given (the print order).
    Paper inquiries only, never a cancelled one: either refuses the lot (ValidationError). An answered
    inquiry prints again as it was sent (for the file)."""
    inquiries = list(inquiries)
    if not inquiries:
        raise ValidationError("印刷する照会を選んでください。")
    for inquiry in inquiries:
        _refuse_unless_paper(inquiry)
        if inquiry.status == InquiryStatus.CANCELLED:
            raise ValidationError(
                {"status": f"照会番号 {inquiry.reference} は「{inquiry.get_status_display()}」のため印刷できません。"}
            )
    story = []
    for inquiry in inquiries:
        if story:
            story.append(PageBreak())
        story += letter_story(inquiry)
    return build(story, "照会書")


def render_reminder(inquiry: Inquiry, on: date | None = None) -> bytes:
    """The reminder (督促・再照会) of a paper inquiry sent and not answered: it names the first letter's date
    and 照会番号 and asks for the reply within two weeks of its own date, with the same reply form."""
    _refuse_unless_paper(inquiry)
    if inquiry.status != InquiryStatus.SENT or inquiry.sent_on is None:
        raise ValidationError(
            {
                "status": f"照会番号 {inquiry.reference} は送付済みで回答を待つ照会ではありません"
                f"（{inquiry.get_status_display()}）。"
            }
        )
    return build(reminder_story(inquiry, on or inquiry.reminded_on or timezone.localdate()), "照会への回答のお願い")


def letter_story(inquiry: Inquiry) -> list:
    """The flowables of one letter: header, request, the facts (記), the law quoted, the reply form."""
    kind = inquiry.kind
    dated = inquiry.sent_on or timezone.localdate()
    due = wareki(inquiry.due_on) if inquiry.due_on else "この照会の日から2週間以内"
    closing = [*CLOSINGS.get(kind, []), CLOSING]
    return [
        *_header(inquiry, dated),
        *paragraphs(TITLES[kind], LETTER_TITLE),
        *paragraphs(OPENINGS[kind].format(purpose=wareki_text(inquiry.purpose), basis=BASIS[kind]), BASE),
        *_facts(inquiry, due),
        Spacer(1, 2 * mm),
        *[p for text in closing for p in paragraphs(text, BASE)],
        *_quotes(kind),
        _reply_form(inquiry),
    ]


def reminder_story(inquiry: Inquiry, on: date) -> list:
    kind = inquiry.kind
    due = wareki(on + timedelta(days=DUE_DAYS[Channel.PAPER]))
    first = f"{wareki(inquiry.sent_on)}付け（照会番号 {inquiry.reference}）でお送りした「{TITLES[kind]}」"
    if kind == InquiryKind.SUPPORT:
        body = (
            f"{first}について、まだご回答をいただいていないようですので、改めてお願いいたします。"
            "このお願いは、援助やご回答を強制するものではありません。"
            "ご事情により援助が難しい場合も、その旨をご回答いただければ幸いです。"
            "お手数をおかけしますが、回答書にご記入のうえ、回答期限までにご返送くださいますようお願いいたします。"
            "なお、既にご返送いただいている場合は、行き違いですのでご容赦ください。"
        )
    else:
        body = (
            f"{first}について、まだご回答をいただいておりません。ご多忙のところ恐縮ですが、"
            "回答書にご記入のうえ、回答期限までにご返送くださいますようお願いします。"
            "なお、既にご返送いただいている場合は、行き違いですのでご容赦ください。"
        )
    return [
        *_header(inquiry, on),
        *paragraphs(REMINDER_TITLES[kind], LETTER_TITLE),
        *paragraphs(body, BASE),
        *_facts(inquiry, due, first_sent=inquiry.sent_on),
        *_quotes(kind),
        _reply_form(inquiry),
    ]


def _header(inquiry: Inquiry, dated: date) -> list:
    office = inquiry.household.office
    honorific = "様" if inquiry.kind == InquiryKind.SUPPORT else "御中"
    return [
        *paragraphs(f"照会番号 {inquiry.reference}", RIGHT),
        *paragraphs(wareki(dated), RIGHT),
        Spacer(1, 2 * mm),
        *paragraphs(inquiry.institution_address, BASE),
        *paragraphs(f"{inquiry.institution_name} {honorific}", ADDRESSEE),
        Spacer(1, 2 * mm),
        *paragraphs(office.notice_head, RIGHT),
        *(paragraphs(f"（{office.name}）", RIGHT) if office.name not in office.notice_head else []),
        Spacer(1, 1 * mm),
    ]


def _facts(inquiry: Inquiry, due: str, first_sent: date | None = None) -> list:
    rows = [
        ["照会に係る方", f"{inquiry.person_name}（{inquiry.person_kana}）"],
    ]
    if inquiry.person_birth_date:
        rows.append(["生年月日", wareki(inquiry.person_birth_date)])
    if inquiry.person_address:
        rows.append(["住所", inquiry.person_address])
    rows.append(["照会事項", paragraphs(wareki_text(inquiry.asked), SMALL)])
    if inquiry.kind == InquiryKind.SUPPORT:  # the other letters say it in their first sentence
        rows.append(["照会の目的", wareki_text(inquiry.purpose)])
    rows.append(["根拠", BASIS[inquiry.kind]])
    if first_sent:
        rows.append(["最初の照会", f"{wareki(first_sent)}付け　照会番号 {inquiry.reference}"])
    rows.append(["回答期限", due])
    return [
        Spacer(1, 1 * mm),
        *paragraphs("記", CENTER),
        Spacer(1, 1 * mm),
        grid(rows, [38, 132], style=LABEL_COLUMN),
    ]


def _quotes(kind: str) -> list:
    story = [Spacer(1, 1 * mm), *paragraphs("（参考）関係法令", QUOTE)]
    for text in QUOTES[kind]:
        story += paragraphs(text, QUOTE)
    return story


def _spaced(parts: list[str], widths: list[float], style=SMALL) -> Table:
    """Short texts at fixed places on one line, unruled: where a reply is written between them
    (令和　年　月　日, an amount before 円). Spaces typed inside one text would be collapsed."""
    table = Table([[paragraphs(part, style) for part in parts]], colWidths=[w * mm for w in widths])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _reply_form(inquiry: Inquiry):
    """The 回答書 at the bottom, kept on one page (the next one when the letter leaves too little room),
    headed by the 照会番号 in large type."""
    office = inquiry.household.office
    kind = inquiry.kind
    yes, no = CHOICES.get(kind, DEFAULT_CHOICES)
    rows = [
        ["照会番号", paragraphs(inquiry.reference, REFERENCE)],
        ["照会に係る方", f"{inquiry.person_name}（{inquiry.person_kana}）"],
        ["回答", _spaced([f"□ {yes}", f"□ {no}"], [60, 60])],
        [AMOUNT_LABELS[kind], _spaced(["", "円"], [60, 10], NUMBER)],
        ["内容", [*paragraphs(DETAIL_LABELS[kind], SMALL), Spacer(1, 8 * mm)]],
        ["回答日", _spaced(["令和", "", "年", "", "月", "", "日"], [10, 10, 6, 8, 6, 8, 6], NUMBER)],
        ["回答者（名称・氏名）", [Spacer(1, 4 * mm), *paragraphs("（記名又は署名）　電話", SMALL)]],
    ]
    return KeepTogether(
        [
            *paragraphs("- " * 60, CUT),
            *paragraphs("回答書", FORM_TITLE),
            *paragraphs(
                f"{office.notice_head} 宛　　この回答書は、照会番号が分かるようにそのままご返送ください。", SMALL
            ),
            Spacer(1, 1 * mm),
            grid(rows, [40, 130], style=LABEL_COLUMN),
        ]
    )
