"""Bad input in a reply file: the whole file is refused (FileRefused, its messages naming the line and the
field) and nothing is applied — no ReplyImport, no Reply, no status change — even for the good replies in
it. A file in CP932 (Shift_JIS) is read like UTF-8."""

from datetime import timedelta

import pytest

from hogo.inquiries import services
from hogo.inquiries.models import Inquiry, InquiryStatus, Reply, ReplyImport
from hogo.linkage.layouts import FileRefused

from .reply_helpers import (
    MIZUHO,
    MUFG,
    SMBC,
    TOKYO_EIGYOBU,
    ask,
    ask_and_send,
    balance,
    import_file,
    no_account,
    reply_file,
    today,
    transaction,
)

AS_OF = today() - timedelta(days=5)


@pytest.fixture
def sent(cast):
    """みずほ 東京営業部 and 三菱ＵＦＪ (全店) asked about the head of `own`, sent today."""
    return ask_and_send(cast, (MIZUHO, TOKYO_EIGYOBU), (MUFG, ""), with_transactions=True)


def refused(cast, data: bytes) -> list[str]:
    states = list(Inquiry.objects.order_by("pk").values_list("status", "answered_on"))
    with pytest.raises(FileRefused) as caught:
        import_file(cast.users["clerk"], cast.office_a, data)
    assert not ReplyImport.objects.exists()
    assert not Reply.objects.exists()
    assert list(Inquiry.objects.order_by("pk").values_list("status", "answered_on")) == states
    return caught.value.refusal.messages


def good(sent):
    """A correct balance of the みずほ inquiry, to show a good reply is not applied beside a bad one."""
    return balance(sent[0].reference, MIZUHO, TOKYO_EIGYOBU, "1234567", AS_OF, 10_000)


def test_a_reply_for_an_unknown_reference_is_refused_naming_its_line(cast, sent):
    data = reply_file(cast.office_a, good(sent), no_account("980000269999999", MUFG))

    messages = refused(cast, data)

    assert messages == ["3行目・照会番号: 照会番号 980000269999999 の照会はありません。"]


def test_a_reply_for_another_offices_inquiry_is_refused(cast, sent):
    [in_b] = ask(cast.users["b_cw"], cast.households["b_household"], (SMBC, ""))
    services.export_batch(cast.users["b_clerk"], cast.office_b)

    messages = refused(cast, reply_file(cast.office_a, good(sent), no_account(in_b.reference, SMBC)))

    assert len(messages) == 1 and messages[0].startswith("3行目・照会番号:") and "他の福祉事務所" in messages[0]
    in_b.refresh_from_db()
    assert in_b.status == InquiryStatus.SENT


def test_a_file_of_another_office_is_refused_on_its_header(cast, sent):
    data = reply_file(cast.office_b, good(sent))

    messages = refused(cast, data)

    assert messages == ["1行目・事務所の市区町村コード: この事務所の回答ファイルではありません。"]


def test_a_trailer_with_the_wrong_count_is_refused(cast, sent):
    data = reply_file(cast.office_a, good(sent), no_account(sent[1].reference, MUFG), count=3)

    messages = refused(cast, data)

    assert messages == ["4行目・件数: データレコードは2件ですが、トレーラは3件です。"]


def test_a_trailer_with_the_wrong_sum_of_balances_is_refused(cast, sent):
    data = reply_file(
        cast.office_a,
        good(sent),
        balance(sent[1].reference, MUFG, "001", "7654321", AS_OF, 5_000, branch_name="本店"),
        total=15_001,
    )

    messages = refused(cast, data)

    assert messages == ["4行目・残高の合計: 残高の合計は15,000円ですが、トレーラは15,001円です。"]


@pytest.mark.parametrize("amount", ["12a00", "1.5", "", "１０００円"])
def test_a_malformed_balance_is_refused_naming_line_and_field(cast, sent, amount):
    bad = balance(sent[1].reference, MUFG, "001", "7654321", AS_OF, 0, branch_name="本店")
    bad[8] = amount

    messages = refused(cast, reply_file(cast.office_a, good(sent), bad, total=10_000))

    assert len(messages) == 1 and messages[0].startswith("3行目・残高:")


def test_a_malformed_transaction_amount_is_refused_naming_line_and_field(cast, sent):
    data = reply_file(cast.office_a, good(sent), transaction(sent[0].reference, "1234567", AS_OF, "-3,0x0"))

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("3行目・金額:")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ((7, "2026-02-30"), "基準日"),
        ((6, "12345"), "口座番号"),
        ((5, "普通預金"), "種目"),
        ((3, "01"), "店舗コード"),
        ((1, ""), "照会番号"),
    ],
)
def test_each_malformed_field_of_a_balance_is_named(cast, sent, change, field):
    bad = balance(sent[1].reference, MUFG, "001", "7654321", AS_OF, 0, branch_name="本店")
    index, value = change
    bad[index] = value

    messages = refused(cast, reply_file(cast.office_a, good(sent), bad))

    assert len(messages) == 1 and messages[0].startswith(f"3行目・{field}:")


def test_a_transaction_of_an_account_not_reported_is_refused(cast, sent):
    data = reply_file(cast.office_a, good(sent), transaction(sent[0].reference, "9999999", AS_OF, 100))

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("3行目・口座番号:")


def test_a_reply_from_another_bank_than_asked_is_refused(cast, sent):
    data = reply_file(cast.office_a, no_account(sent[0].reference, SMBC))

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("2行目・金融機関コード:")


def test_a_branch_not_in_zengin_code_is_refused(cast, sent):
    data = reply_file(cast.office_a, balance(sent[1].reference, MUFG, "999", "7654321", AS_OF, 1, branch_name="?"))

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("2行目・店舗コード:") and "999" in messages[0]


def test_no_account_and_an_account_for_the_same_reference_are_refused(cast, sent):
    data = reply_file(cast.office_a, good(sent), no_account(sent[0].reference, MIZUHO))

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("2行目・照会番号:")


def test_a_file_without_its_trailer_or_end_is_refused(cast, sent):
    data = reply_file(cast.office_a, good(sent))
    without_end = data.rsplit(b"9\r\n", 1)[0]

    messages = refused(cast, without_end)

    assert len(messages) == 1 and "トレーラ" in messages[0]


def test_a_record_with_the_wrong_number_of_fields_is_refused(cast, sent):
    data = reply_file(cast.office_a, good(sent), [*no_account(sent[1].reference, MUFG), "余分"])

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("3行目") and "項目数" in messages[0]


def test_a_file_neither_utf8_nor_cp932_is_refused(cast, sent):
    messages = refused(cast, reply_file(cast.office_a, good(sent)) + b"\x81\xff")

    assert len(messages) == 1 and "文字コード" in messages[0]


def test_every_bad_line_is_named_not_only_the_first(cast, sent):
    data = reply_file(cast.office_a, no_account("1", MIZUHO), no_account("2", MIZUHO), good(sent))

    messages = refused(cast, data)

    assert [m.split("・")[0] for m in messages] == ["2行目", "3行目"]


def test_a_cp932_file_is_read_like_utf8(cast, sent):
    data = reply_file(
        cast.office_a,
        balance(sent[0].reference, MIZUHO, TOKYO_EIGYOBU, "1234567", AS_OF, 10_000, branch_name="東京営業部"),
        transaction(sent[0].reference, "1234567", AS_OF, -500, "振込　ヤマダ"),
        no_account(sent[1].reference, MUFG),
        encoding="cp932",
    )

    result = import_file(cast.users["clerk"], cast.office_a, data)

    assert result.answered == 2
    account = sent[0].replies.get().accounts.get()
    assert account.branch_name == "東京営業部"
    assert [t.description for t in account.transactions.all()] == ["振込 ヤマダ"]


def test_two_balances_of_one_account_on_one_date_are_refused(cast, sent):
    again = balance(sent[0].reference, MIZUHO, TOKYO_EIGYOBU, "1234567", AS_OF, 20_000)

    messages = refused(cast, reply_file(cast.office_a, good(sent), again))

    assert len(messages) == 1 and messages[0].startswith("3行目・基準日:")


def test_a_transaction_whose_account_number_is_in_two_branches_is_refused(cast, sent):
    ref = sent[1].reference
    data = reply_file(
        cast.office_a,
        balance(ref, MUFG, "001", "1000001", AS_OF, 100, branch_name="本店"),
        balance(ref, MUFG, "002", "1000001", AS_OF, 200, branch_name="丸の内"),
        transaction(ref, "1000001", AS_OF, -50, "ATM"),
    )

    messages = refused(cast, data)

    assert len(messages) == 1 and messages[0].startswith("4行目・口座番号:")


def test_a_malformed_trailer_or_header_date_is_named(cast, sent):
    data = reply_file(cast.office_a, good(sent), count="二")
    data = data.replace(today().isoformat().encode(), b"2026-13-01", 1)

    messages = refused(cast, data)

    assert [m.split(":")[0] for m in messages] == ["1行目・作成日", "3行目・件数"]


def test_a_reply_for_an_inquiry_not_yet_sent_is_refused(cast, sent):
    [draft] = ask(cast.users["cw"], cast.households["own"], (SMBC, ""))

    messages = refused(cast, reply_file(cast.office_a, good(sent), no_account(draft.reference, SMBC)))

    assert len(messages) == 1 and messages[0].startswith("3行目・照会番号:") and "送付していない" in messages[0]


def test_a_file_with_a_second_header_is_refused(cast, sent):
    second = ["1", cast.office_a.municipality_code, (today() - timedelta(days=1)).isoformat()]
    data = reply_file(cast.office_a, good(sent), second, count=1)

    messages = refused(cast, data)

    assert len(messages) == 1 and "見出しレコード" in messages[0]
