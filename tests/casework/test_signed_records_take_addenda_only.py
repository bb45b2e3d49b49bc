"""A record is edited by its author until confirmed and signed; a signed record is never edited,
only amended with a dated addendum; only the team's supervisor signs."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hogo.casework import services
from hogo.casework.models import Addendum, CaseRecord, RecordTemplate

BODY = "【日時】11月20日 10時\n【相手】世帯主\n【内容】通院の予定を聞いた。\n【今後の方針】来月訪問する。"


@pytest.fixture
def draft(cast, today):
    return services.create_record(
        cast.users["cw"], cast.households["own"], kind="phone", occurred_on=today - timedelta(days=1), body=BODY
    )


@pytest.fixture
def signed(cast, draft):
    services.update_record(cast.users["cw"], draft, body=BODY, confirm=True)
    return services.sign_record(cast.users["sv"], draft)


def test_confirming_checks_the_required_items_of_the_record_type(cast, draft):
    with pytest.raises(ValidationError) as refused:
        services.update_record(cast.users["cw"], draft, body="【日時】11月20日\n【相手】世帯主", confirm=True)
    assert (
        "【内容】" in refused.value.message_dict["body"][0]
        and "【今後の方針】" in refused.value.message_dict["body"][0]
    )


def test_the_office_configures_the_required_items(cast, draft):
    RecordTemplate.objects.create(office=cast.office_a, kind="phone", required_items=["相手", "服薬状況"])
    with pytest.raises(ValidationError, match="服薬状況"):
        services.update_record(cast.users["cw"], draft, body=BODY, confirm=True)


def test_a_draft_cannot_be_signed_before_the_caseworker_confirms_it(cast, draft):
    with pytest.raises(ValidationError):
        services.sign_record(cast.users["sv"], draft)


def test_only_the_teams_supervisor_signs(cast, draft):
    services.update_record(cast.users["cw"], draft, body=BODY, confirm=True)
    for role in ("cw", "cw_mate", "sv_other", "chief"):
        with pytest.raises(PermissionDenied):
            services.sign_record(cast.users[role], draft)


def test_a_signed_record_refuses_edits_in_the_service_and_in_the_model(cast, signed):
    with pytest.raises(ValidationError, match="追記してください"):
        services.update_record(cast.users["cw"], signed, body=BODY + "追加")
    signed.body = "書き換え"
    with pytest.raises(ValidationError):
        signed.save()
    assert CaseRecord.objects.get(pk=signed.pk).body == BODY


def test_editing_a_signed_record_in_the_browser_is_refused(cast, signed, login):
    response = login(cast.users["cw"]).post(reverse("record_save", args=[signed.public_id]), {"body": "書き換え"})
    assert response.status_code == 403
    assert CaseRecord.objects.get(pk=signed.pk).body == BODY


def test_an_addendum_is_dated_and_kept(cast, signed, login):
    response = login(cast.users["cw"]).post(
        reverse("record_addendum", args=[signed.public_id]),
        {"body": "12月1日に受診したと電話あり。"},
    )
    assert response.status_code == 302
    addendum = Addendum.objects.get(record=signed)
    assert addendum.created_at is not None and addendum.author == cast.users["cw"]
    addendum.body = "変更"
    with pytest.raises(ValidationError):
        addendum.save()


def test_an_addendum_is_found_by_search(cast, signed):
    from hogo.casework.queries import search_records

    services.add_addendum(cast.users["cw"], signed, body="整形外科を受診した")
    records, _ = search_records(cast.users["cw"], "受診")
    assert list(records) == [signed]


def test_only_the_author_edits_a_draft(cast, draft):
    with pytest.raises(PermissionDenied):
        services.update_record(cast.users["sv"], draft, body="上書き")


def test_a_required_item_left_unchecked_counts_as_missing():
    from hogo.casework.records_text import missing_items

    body = "【面接者】本人\n【生活状況】未確認。\n【今後の方針】（記入してください）"
    assert missing_items(body, ["面接者", "生活状況", "今後の方針", "健康状態"]) == [
        "生活状況",
        "今後の方針",
        "健康状態",
    ]
