"""The certificates the office issues on a portal request (decision 0038), through hogo.common.pdf
(`paragraphs`, `grid` and `build` escape every text: a purpose typed as `<font size=30>` prints as typed).

- 受給証明書: that the household receives 生活保護 since the start of its protection, as of the day it is
  issued (和暦), in the name of the head of the implementing body (実施機関の長).
- 診療依頼書: a request to the clinic the recipient named to see the member (the 医療要否意見書 of
  hogo/medical needs a registered 指定医療機関 and a 傷病届; the CW records those there)."""

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hogo.common.pdf import BASE, RIGHT, SMALL, TITLE, build, grid, paragraphs
from hogo.common.wareki import wareki

from .models import CertificateKind, CertificateRequest

ARTICLE_15 = "生活保護法第15条（医療扶助）・第34条（医療扶助の方法）"


def render(request: CertificateRequest, *, today, since, head_name: str, number: str) -> bytes:
    if request.kind == CertificateKind.MEDICAL:
        return build(_medical(request, today=today, number=number), f"診療依頼書 {number}")
    return build(_receipt(request, today=today, since=since, head_name=head_name, number=number), "生活保護受給証明書")


def _heading(request, today, number) -> list:
    return [*paragraphs(number, RIGHT), *paragraphs(wareki(today), RIGHT), Spacer(1, 4 * mm)]


def _signature(office) -> list:
    return [Spacer(1, 8 * mm), *paragraphs(office.notice_head, RIGHT), *paragraphs(f"（{office.name}）", RIGHT)]


def _receipt(request, *, today, since, head_name, number) -> list:
    office = request.household.office
    facts = [
        ["世帯主の氏名", head_name],
        ["保護を受けている期間", f"{wareki(since)}から現在まで" if since else "現在受けています"],
        ["証明の日", f"{wareki(today)}現在"],
        ["使う目的", request.purpose or "（記載なし）"],
    ]
    return [
        *_heading(request, today, number),
        *paragraphs("生活保護受給証明書", TITLE),
        *paragraphs(
            f"下記の世帯は、{wareki(since) + 'から' if since else ''}生活保護法による保護を受けていることを証明します。"
            f"（{wareki(today)}現在）",
            BASE,
        ),
        Spacer(1, 4 * mm),
        grid(facts, [45, 125]),
        *_signature(office),
    ]


def _medical(request, *, today, number) -> list:
    office = request.household.office
    member = request.member
    facts = [
        ["受診する人", f"{member.name}（{member.name_kana}）" if member else "（未指定）"],
        ["生年月日", f"{wareki(member.birth_date)}生" if member else ""],
        ["受診の理由（申請者の記載）", request.reason or "（記載なし）"],
    ]
    return [
        *_heading(request, today, number),
        *paragraphs(f"{request.clinic} 御中", BASE),
        Spacer(1, 4 * mm),
        *paragraphs("診療依頼書", TITLE),
        *paragraphs(
            "下記の方は、生活保護法による保護を受けています。診察をお願いします。"
            "医療券は福祉事務所から別にお送りします。",
            BASE,
        ),
        Spacer(1, 4 * mm),
        grid(facts, [45, 125]),
        *paragraphs(f"（参考）{ARTICLE_15}", SMALL),
        *_signature(office),
    ]
