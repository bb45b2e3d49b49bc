"""The registration file for 医療扶助のオンライン資格確認 follows docs/medical/online_registration.md: UTF-8,
CRLF, a header line, then a line a ticket in the order given — a live ticket registers (取消区分 0), a
void one cancels (取消区分 1) and its correction names it; the 有効期間 is the month's first and last day;
a kana name a spreadsheet would run as a formula is quoted."""

import csv
import io
from datetime import date
from pathlib import Path

from hogo.households.models import Member
from hogo.medical.documents import REGISTRATION_HEADER, recipient_number, registration_file
from hogo.medical.models import InstitutionKind

from .test_documents_tickets_show_number_month_institution_recipient_and_self_pay import institution, ticket

DOC = "docs/medical/online_registration.md"


def rows_of(data: bytes) -> list[dict]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = list(csv.reader(io.StringIO(text, newline="")))
    assert lines[0] == REGISTRATION_HEADER
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]


def test_a_live_ticket_is_a_registration_line_with_every_field(cast):
    place = institution(cast.office_a)
    made = ticket(cast, place, "9800002602M00001", month=date(2028, 2, 1), self_pay=4200)
    (row,) = rows_of(registration_file([made]))
    member = made.member
    assert row == {
        "公費負担者番号": cast.office_a.municipality_code,
        "受給者番号": recipient_number(member.pk),
        "券番号": "9800002602M00001",
        "券種別": "1",
        "対象月": "202802",
        "機関コード": "1310001",
        "氏名カナ": "ヤマダ タロウ",
        "生年月日": "19500501",
        "性別": "1",
        "本人支払額": "4200",
        "介護扶助額": "",
        "有効期間開始日": "20280201",
        "有効期間終了日": "20280229",  # a leap year's February
        "取消区分": "0",
        "訂正前券番号": "",
    }


def test_a_void_ticket_cancels_and_its_correction_registers_naming_it(cast):
    provider = institution(cast.office_a, code="1370001", kind=InstitutionKind.CARE, name="架空ケア")
    old = ticket(cast, provider, "K-OLD", kind="care", self_pay=500, cost=3000, void=True)
    new = ticket(cast, provider, "K-NEW", kind="care", self_pay=0, cost=2800, replaces=old)
    cancel, register = rows_of(registration_file([old, new]))
    assert (cancel["券番号"], cancel["券種別"], cancel["取消区分"], cancel["介護扶助額"]) == ("K-OLD", "3", "1", "3000")
    assert (register["券番号"], register["取消区分"], register["訂正前券番号"]) == ("K-NEW", "0", "K-OLD")
    assert (register["本人支払額"], register["介護扶助額"]) == ("0", "2800")


def test_a_kana_name_starting_like_a_formula_is_quoted_and_a_woman_is_coded_2(cast):
    member = cast.households["own"].members.get()
    Member.objects.filter(pk=member.pk).update(name_kana="=HYPERLINK(1)", sex="female")
    (row,) = rows_of(registration_file([ticket(cast, institution(cast.office_a), "M-1")]))
    assert row["氏名カナ"] == "'=HYPERLINK(1)" and row["性別"] == "2"


def test_the_documented_layout_lists_every_column_in_order():
    doc = Path(__file__).parents[2].joinpath(DOC).read_text(encoding="utf-8")
    table = [line.split("|")[2].strip() for line in doc.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert table == REGISTRATION_HEADER
