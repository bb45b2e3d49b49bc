"""The 医療要否意見書 issued through the service prints what the institution needs to answer it: the
office and the date in 和暦, the institution as addressee, the patient (name, kana, birth date in 和暦,
sex), the 傷病届's complaint, the 意見書番号 on the letter and on the doctor's page, the doctor's fields,
the instruction to return it quoting the number, and 生活保護法第15条・第50条 as the act reads them."""

from datetime import date, timedelta

from django.utils import timezone

from hogo.common.wareki import wareki
from hogo.medical import services
from hogo.medical.documents import ARTICLE_15, ARTICLE_50, render_opinion
from hogo.medical.models import MedicalPeriod

from ..decisions.notice_helpers import poppler
from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import (
    institution,
    period_for,
    squeezed,
)


def issued(cast, complaint="右膝の痛みで歩けない"):
    household = cast.households["own"]
    place = institution(cast.office_a)
    request = services.record_request(
        cast.users["cw"],
        household,
        member=household.members.get(),
        received_on=timezone.localdate() - timedelta(days=1),
        complaint=complaint,
        institution=place,
    )
    return services.issue_opinion(cast.users["cw"], request)


def opinion_pages(opinion, tmp_path) -> list[str]:
    path = tmp_path / "opinion.pdf"
    path.write_bytes(render_opinion(opinion))
    return [squeezed(page) for page in poppler("pdftotext", path, "-").split("\f") if page.strip()]


def test_the_letter_names_office_date_addressee_patient_complaint_and_the_reference(cast, tmp_path):
    opinion = issued(cast)
    letter, form = opinion_pages(opinion, tmp_path)
    today = timezone.localdate()
    assert opinion.reference == f"{cast.office_a.municipality_code}{today:%y%m}00001"
    for expected in (
        f"意見書番号 {opinion.reference}",
        wareki(today),
        "東京都みなと市二丁目3番4号",
        "架空中央病院 御中",
        cast.office_a.notice_head,
        "医療要否意見書",
        "山田 太郎（ヤマダ タロウ）",
        "昭和25年5月1日生 男",
        wareki(today - timedelta(days=1)),
        "右膝の痛みで歩けない",
        "新規",
    ):
        assert squeezed(expected) in letter, expected
    assert letter.count(opinion.reference) == 2  # at the head and, large, in 記


def test_the_doctors_page_carries_the_reference_the_fields_and_how_to_return_it(cast, tmp_path):
    opinion = issued(cast)
    letter, form = opinion_pages(opinion, tmp_path)
    for expected in (
        "医療要否意見書（主治医の意見・返送用）",
        "傷病名",
        "入院・入院外",
        "□ 入院",
        "□ 入院外（通院）",
        "今後の診療見込み期間",
        "か月（1〜12か月でご記入ください）",
        "主治医の意見",
        "医療機関名・医師名",
        "記入日",
        f"{cast.office_a.notice_head} 宛",
        f"意見書番号 {opinion.reference} を付してご返送ください",
    ):
        assert squeezed(expected) in form, expected
    assert form.count(opinion.reference) == 3  # the heading, the first row, the instruction


def test_the_letter_quotes_articles_15_and_50_as_the_act_reads_them(cast, tmp_path):
    letter, _ = opinion_pages(issued(cast), tmp_path)
    assert squeezed(ARTICLE_15) in letter and squeezed(ARTICLE_50) in letter


def test_a_renewal_says_so_with_the_current_period(cast, tmp_path):
    period: MedicalPeriod = period_for(cast, institution(cast.office_a, code="1310005"))
    request = period.opinion.request
    renewal = services.issue_opinion(cast.users["cw"], request, renewal_of=period)
    letter, _ = opinion_pages(renewal, tmp_path)
    assert (
        squeezed(f"継続（現在の医療扶助の期間 {wareki(date(2026, 11, 1))}から{wareki(date(2027, 1, 31))}まで）")
        in letter
    )
