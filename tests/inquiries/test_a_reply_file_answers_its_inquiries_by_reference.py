"""Reply matching: each reference in the service's reply file answers its inquiry — accounts with their
balances on the asked dates and their transactions are kept as they came; the inquiry is answered (or
no_record when the bank has no account) on the file's date; balances_of gives each account's latest
balance with where it came from."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from hogo.audit.models import AuditEntry
from hogo.inquiries import services
from hogo.inquiries.models import Account, InquiryStatus, Reply, ReplyImport

from .reply_helpers import (
    MIZUHO,
    MUFG,
    SMBC,
    TOKYO_EIGYOBU,
    ask_and_send,
    balance,
    import_file,
    no_account,
    reply_file,
    today,
    transaction,
)

EARLIER, LATER = today() - timedelta(days=60), today() - timedelta(days=2)


@pytest.fixture
def sent(cast):
    """Three inquiries about the head of `own`, sent today: みずほ 東京営業部, 三菱ＵＦＪ and 三井住友 (全店)."""
    return ask_and_send(
        cast, (MIZUHO, TOKYO_EIGYOBU), (MUFG, ""), (SMBC, ""), balance_dates=[EARLIER, LATER], with_transactions=True
    )


def answer_all(cast, sent, answered_on):
    mizuho, mufg, smbc = (i.reference for i in sent)
    return reply_file(
        cast.office_a,
        balance(mizuho, MIZUHO, TOKYO_EIGYOBU, "1234567", EARLIER, 120_000),
        balance(mizuho, MIZUHO, TOKYO_EIGYOBU, "1234567", LATER, 85_000),
        transaction(mizuho, "1234567", LATER - timedelta(days=5), -35_000, "ATM"),
        balance(mufg, MUFG, "001", "7654321", LATER, 3_000, branch_name="本店", kind="定期"),
        no_account(smbc, SMBC),
        created_on=answered_on,
    )


def test_each_reply_answers_the_inquiry_of_its_reference(cast, sent):
    answered_on = today() - timedelta(days=1)

    result = import_file(cast.users["clerk"], cast.office_a, answer_all(cast, sent, answered_on))

    assert result.answered == 3 and result.skipped == 0 and not result.already
    mizuho, mufg, smbc = (type(i).objects.get(pk=i.pk) for i in sent)
    assert (mizuho.status, mufg.status, smbc.status) == (
        InquiryStatus.ANSWERED,
        InquiryStatus.ANSWERED,
        InquiryStatus.NO_RECORD,
    )
    assert {mizuho.answered_on, mufg.answered_on, smbc.answered_on} == {answered_on}
    assert [r.source for r in Reply.objects.all()] == [result.source] * 3


def test_the_accounts_balances_and_transactions_are_kept_as_they_came(cast, sent):
    import_file(cast.users["clerk"], cast.office_a, answer_all(cast, sent, today()))

    [reply] = sent[0].replies.all()
    assert reply.found and reply.answered_on == today()
    [account] = reply.accounts.all()
    assert (account.bank_code, account.branch_code, account.branch_name) == (MIZUHO, TOKYO_EIGYOBU, "東京営業部")
    assert (account.account_type, account.account_number) == ("普通", "1234567")
    assert [(b.as_of, b.amount) for b in account.balances.all()] == [(EARLIER, 120_000), (LATER, 85_000)]
    assert [(t.on, t.amount, t.description) for t in account.transactions.all()] == [
        (LATER - timedelta(days=5), -35_000, "ATM")
    ]
    [mufg_account] = sent[1].replies.get().accounts.all()
    assert (mufg_account.branch_code, mufg_account.account_type) == ("001", "定期")
    [none] = sent[2].replies.all()
    assert not none.found and not none.accounts.exists()


def test_balances_of_the_household_give_each_accounts_latest_balance_and_its_source(cast, sent):
    import_file(cast.users["clerk"], cast.office_a, answer_all(cast, sent, today()))

    balances = services.balances_of(cast.households["own"])

    assert [(b["bank"], b["as_of"], b["amount"]) for b in balances] == [
        ("みずほ", LATER, 85_000),
        ("三菱ＵＦＪ", LATER, 3_000),
    ]
    first = balances[0]
    assert first["reference"] == sent[0].reference and first["inquiry"] == sent[0]
    assert first["account"] == "普通 1234567" and first["branch"] == "東京営業部"
    assert first["person"] == "山田 太郎" and first["answered_on"] == today()
    assert services.balances_of(cast.households["mate"]) == []


def test_a_file_answering_some_inquiries_leaves_the_others_waiting(cast, sent):
    data = reply_file(cast.office_a, no_account(sent[1].reference, MUFG))

    import_file(cast.users["sv"], cast.office_a, data)

    statuses = [type(i).objects.get(pk=i.pk).status for i in sent]
    assert statuses == [InquiryStatus.SENT, InquiryStatus.NO_RECORD, InquiryStatus.SENT]


def test_a_later_file_answering_an_answered_inquiry_again_is_skipped(cast, sent):
    import_file(cast.users["clerk"], cast.office_a, reply_file(cast.office_a, no_account(sent[2].reference, SMBC)))
    again = reply_file(
        cast.office_a,
        balance(sent[2].reference, SMBC, "001", "1111111", LATER, 9_999, branch_name="本店"),
        no_account(sent[1].reference, MUFG),
    )

    result = import_file(cast.users["clerk"], cast.office_a, again, name="reply-2.csv")

    assert (result.answered, result.skipped) == (1, 1)
    assert sent[2].replies.count() == 1 and not Account.objects.filter(account_number="1111111").exists()
    assert type(sent[2]).objects.get(pk=sent[2].pk).status == InquiryStatus.NO_RECORD


def test_the_import_is_kept_with_its_sha256_and_audited(cast, sent):
    data = answer_all(cast, sent, today())

    result = import_file(cast.users["clerk"], cast.office_a, data, name="kaito_20261202.csv")

    source = ReplyImport.objects.get()
    assert source == result.source and source.replies == 3 and source.file_name == "kaito_20261202.csv"
    assert AuditEntry.objects.filter(target_type="inquiry_reply_import", target_id=str(source.public_id)).exists()


@pytest.mark.parametrize("who", ["cw", "chief", "b_clerk"])
def test_only_a_clerk_or_supervisor_of_the_office_imports_replies(cast, sent, who):
    with pytest.raises(PermissionDenied):
        import_file(cast.users[who], cast.office_a, answer_all(cast, sent, today()))

    assert not Reply.objects.exists() and not ReplyImport.objects.exists()


def test_accounts_of_one_number_in_two_branches_or_types_are_kept_apart(cast):
    # account numbers are unique only within a branch (and 総合口座 keeps 普通 and 定期 under one number)
    [all_branches] = ask_and_send(cast, (MUFG, ""), balance_dates=[LATER])
    ref = all_branches.reference
    data = reply_file(
        cast.office_a,
        balance(ref, MUFG, "001", "1000001", LATER, 100, branch_name="本店"),
        balance(ref, MUFG, "002", "1000001", LATER, 200, branch_name="丸の内"),
        balance(ref, MUFG, "001", "1000001", LATER, 300_000, branch_name="本店", kind="定期"),
    )

    import_file(cast.users["clerk"], cast.office_a, data)

    accounts = all_branches.replies.get().accounts.order_by("branch_code", "account_type")
    assert [(a.branch_code, a.account_type, [b.amount for b in a.balances.all()]) for a in accounts] == [
        ("001", "定期", [300_000]),
        ("001", "普通", [100]),
        ("002", "普通", [200]),
    ]
