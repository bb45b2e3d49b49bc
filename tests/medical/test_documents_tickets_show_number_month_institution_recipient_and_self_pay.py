"""A printed 医療券・調剤券・介護券 shows what the institution needs: the kind, the number, the month in 和暦
and its 有効期間, the institution, the recipient (name, kana, birth date in 和暦, sex), the case number and
the office as issuer, the 本人支払額 (「なし」 when 0), for a 介護券 the 介護扶助 amount; a void ticket says
「無効」 and a correction names the ticket it replaces. Two tickets go on a page, in the order given.

The builders here are shared by the other document tests of the app."""

import re
from datetime import date

from hogo.medical.documents import recipient_number, render_tickets
from hogo.medical.models import Care, Institution, InstitutionKind, MedicalPeriod, MedicalRequest, Opinion, Ticket

from ..decisions.notice_helpers import poppler

MONTH = date(2026, 11, 1)


def institution(office, code="1310001", kind=InstitutionKind.MEDICAL, name="架空中央病院") -> Institution:
    return Institution.objects.create(
        office=office,
        code=code,
        name=name,
        address="東京都みなと市二丁目3番4号",
        kind=kind,
        designated_from=date(2000, 4, 1),
    )


def request_for(cast, place: Institution, complaint="腰痛のため通院したい") -> MedicalRequest:
    household = cast.households["own"]
    return MedicalRequest.objects.create(
        household=household,
        member=household.members.get(),
        received_on=date(2026, 10, 20),
        complaint=complaint,
        institution=place,
        recorded_by=cast.users["cw"],
    )


def period_for(cast, place: Institution, care=Care.OUTPATIENT) -> MedicalPeriod:
    request = request_for(cast, place)
    opinion = Opinion.objects.create(reference=f"R{place.code}", request=request, issued_on=date(2026, 10, 21))
    return MedicalPeriod.objects.create(
        household=request.household,
        member=request.member,
        institution=place,
        opinion=opinion,
        care=care,
        starts_on=date(2026, 11, 1),
        ends_on=date(2027, 1, 31),
        decided_by=cast.users["cw"],
    )


def ticket(cast, place: Institution, number: str, kind="medical", household="own", member=None, **fields) -> Ticket:
    home = cast.households[household]
    return Ticket.objects.create(
        number=number,
        kind=kind,
        household=home,
        member=member or home.members.get(),
        institution=place,
        month=fields.pop("month", MONTH),
        issued_by=cast.users["clerk"],
        **fields,
    )


def squeezed(text: str) -> str:
    """Text with every space (full-width too) and line break removed: pdftotext spaces letters apart."""
    return re.sub(r"\s", "", text)


def pdf_text(tickets, tmp_path) -> str:
    """The tickets' text, squeezed (compare with `squeezed` strings); pages are kept apart by a form feed."""
    path = tmp_path / "tickets.pdf"
    path.write_bytes(render_tickets(tickets))
    return "\f".join(squeezed(page) for page in poppler("pdftotext", "-raw", path, "-").split("\f"))


def pages(tickets, tmp_path) -> int:
    path = tmp_path / "tickets.pdf"
    path.write_bytes(render_tickets(tickets))
    info = poppler("pdfinfo", path)
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_a_medical_ticket_shows_its_number_month_institution_recipient_issuer_and_no_self_pay(cast, tmp_path):
    place = institution(cast.office_a)
    made = ticket(cast, place, "1310012611M00001", period=period_for(cast, place))
    text = pdf_text([made], tmp_path)
    member = made.member
    for expected in (
        "医療券",
        "1310012611M00001",
        "令和8年11月分",
        "令和8年11月1日から令和8年11月30日まで",
        "架空中央病院（1310001）",
        "東京都みなと市二丁目3番4号",
        "山田 太郎（ヤマダ タロウ）",
        "昭和25年5月1日生　男",
        f"ケース番号　{cast.households['own'].case_number}",
        f"発行者　{cast.office_a.notice_head}",
        f"受給者番号　{recipient_number(member.pk)}",
        cast.office_a.municipality_code,
        "入院外（通院）",
    ):
        assert squeezed(expected) in text, expected
    assert "本人支払額" in text and "なし" in text
    assert "無効" not in text


def test_a_self_pay_prints_in_yen_and_a_care_ticket_shows_the_care_amount(cast, tmp_path):
    place = institution(cast.office_a)
    provider = institution(cast.office_a, code="1370001", kind=InstitutionKind.CARE, name="架空ケアセンター")
    medical = ticket(cast, place, "M-1", self_pay=12345)
    care = ticket(cast, provider, "K-1", kind="care", self_pay=2000, cost=3850)
    text = pdf_text([medical, care], tmp_path)
    assert "12,345円" in text and "なし" not in text
    assert "介護券" in text and "指定介護機関" in text and "架空ケアセンター（1370001）" in text
    assert "介護扶助の額（1割）" in text and "3,850円" in text and "2,000円" in text


def test_a_dispensing_ticket_says_the_self_pay_is_charged_on_the_medical_ticket(cast, tmp_path):
    pharmacy = institution(cast.office_a, code="1340001", kind=InstitutionKind.PHARMACY, name="架空薬局")
    text = pdf_text([ticket(cast, pharmacy, "D-1", kind="dispensing")], tmp_path)
    assert "調剤券" in text and "指定医療機関（薬局）" in text
    assert "なし（本人支払額は医療券に計上）" in text


def test_a_void_ticket_says_void_and_its_correction_names_the_ticket_it_replaces(cast, tmp_path):
    place = institution(cast.office_a)
    old = ticket(cast, place, "M-OLD", self_pay=5000, void=True, void_reason="訂正: 収入の認定誤り")
    new = ticket(cast, place, "M-NEW", self_pay=3000, replaces=old)
    text = pdf_text([old, new], tmp_path)
    assert text.count("この券は無効です") == 1
    assert "この券は無効です：訂正:収入の認定誤り" in text
    assert "訂正（訂正前の券番号M-OLDは無効）" in text
    assert text.index("M-OLD") < text.index("M-NEW")


def test_two_tickets_go_on_a_page_in_the_order_given(cast, tmp_path):
    place = institution(cast.office_a)
    other = institution(cast.office_a, code="1310002", name="架空東病院")
    made = [
        ticket(cast, place, "M-3"),
        ticket(cast, other, "M-1"),
        ticket(cast, place, "M-2", household="mate"),
    ]
    assert pages(made, tmp_path) == 2
    text = pdf_text(made, tmp_path)
    assert text.index("M-3") < text.index("M-1") < text.index("M-2")
    assert "\f" in text[text.index("M-1") : text.index("M-2")]  # the third ticket starts the second page


def test_recipient_numbers_are_stable_and_a_mistyped_digit_fails_the_check():
    number = recipient_number(42)
    assert number == recipient_number(42) and len(number) == 7 and number.startswith("000042")
    for i in range(6):
        typo = number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1 :]
        assert typo[-1] != recipient_number(int(typo[:-1]))[-1]
