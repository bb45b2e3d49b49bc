"""Each bad parameter the black-box probe of issue 16 sent is answered with a message naming what is
wrong — a form error or a flash message on the styled page — never a server error, and saves nothing.
(The visit pages and the offset were already fixed by issue 14; these tests keep them so.)"""

import json
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hogo.collaboration.models import CandidateDate
from hogo.knowledge.models import CaseExample
from hogo.receivables.models import Determination, Entry
from tests.collaboration.conftest import agencies, case_one, conference, members  # noqa: F401  (fixtures)
from tests.receivables.conftest import back_payment_lines, debt78, today  # noqa: F401  (fixtures)
from tests.receivables.form_rows import determination, line
from tests.roles import collector_of


def said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def collector(cast):
    return collector_of(cast.office_a)


@pytest.mark.parametrize("name, month", [("visit_list", "9999-12"), ("visit_calendar", "0001-01")])
def test_a_month_outside_the_calendar_shows_this_month_with_a_message(cast, login, name, month):
    response = login(cast.users["cw"]).get(reverse(name), {"month": month})
    assert response.status_code == 200
    assert said(response) == ["表示する月は 2026-04 のように入力してください（1900年から2199年まで）。"]


def test_a_route_stop_that_is_not_an_id_shows_the_styled_page_with_a_message(cast, login):
    response = login(cast.users["cw"]).get(reverse("visit_route"), {"stop": "xyz"})
    assert response.status_code == 200 and said(response) == ["訪問先は訪問予定の一覧から選んでください。"]
    assert "<header" in response.content.decode()  # the site's page, not a bare error text


def test_a_conference_date_that_does_not_exist_is_refused_on_its_field(cast, login, conference):  # noqa: F811
    response = login(cast.users["cw"]).post(
        reverse("conference_date", args=[conference.public_id]), {"starts_at": "2026-02-30T10:00"}
    )
    assert response.status_code == 302
    assert said(response) == ["候補日時は正しい日時で入力してください（例: 2026-04-01 14:00）。"]
    assert not CandidateDate.objects.exists()


def test_an_offset_amount_that_is_not_a_number_is_refused_on_its_field(cast, login, debt78, collector):  # noqa: F811
    before = Entry.objects.count()
    response = login(collector).post(reverse("receivable_offset", args=[debt78.public_id]), {"amount": "abc"})
    assert response.status_code == 302 and said(response) == ["今月の徴収額は数字で入力してください。"]
    assert Entry.objects.count() == before


def test_a_determination_amount_too_large_for_the_database_is_a_message(cast, login):
    household = cast.households["own"]
    response = login(cast.users["cw"]).post(
        reverse("determination_new", args=[household.public_id]),
        determination(
            line("2026-04", "living", f"{10**20}"),
            cause="recipient",
            means_existed="2026年7月に年金の遡及支給があった。",
            surcharge_percent="0",
            due_on=(timezone.localdate() + timedelta(days=30)).isoformat(),
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors == [f"1行目の金額は100,000,000円以下で入力してください（{10**20}）。"]
    assert not Determination.objects.exists()


def import_as_sv(login, cast, payload: bytes):
    upload = SimpleUploadedFile("examples.json", payload, content_type="application/json")
    return login(cast.users["sv"]).post(reverse("knowledge_example_import"), {"file": upload})


@pytest.mark.parametrize("row", ["a string", 42, None, ["title"], True])
def test_a_case_example_row_that_is_not_an_object_is_refused_with_its_number(cast, login, row):
    payload = json.dumps({"format": "hogo-case-examples", "examples": [row]}).encode()
    response = import_as_sv(login, cast, payload)
    assert response.status_code == 302
    assert said(response) == ["取り込みませんでした: 1件目: 事例の項目（表題・概要・対応…）の組ではありません。"]
    assert not CaseExample.objects.exists()


@pytest.mark.parametrize("depth", [50, 100_000])
def test_a_deeply_nested_case_example_file_is_refused_with_a_message(cast, login, depth):
    payload = b'{"format": "hogo-case-examples", "examples": [' + b"[" * depth + b"]" * depth + b"]}"
    response = import_as_sv(login, cast, payload)
    assert response.status_code == 302
    assert said(response) == ["取り込みませんでした: 事例ファイルの入れ子が深すぎます（20段まで）。"]
    assert not CaseExample.objects.exists()


def test_a_case_example_file_over_the_size_limit_is_refused_before_it_is_read(cast, login):
    payload = b'{"format": "hogo-case-examples", "examples": []}' + b" " * (5 * 1024 * 1024)
    response = import_as_sv(login, cast, payload)
    assert response.status_code == 302
    assert said(response) == ["取り込みませんでした: 事例ファイル（JSON）が大きすぎます（5MBまでです）。"]


def test_a_case_example_field_of_the_wrong_type_is_refused_on_that_field(cast, login):
    row = {"title": 5, "situation": ["a"], "handling": "対応", "work_area": [], "characteristics": [["x"]]}
    payload = json.dumps({"format": "hogo-case-examples", "examples": [row]}).encode()
    [message] = said(import_as_sv(login, cast, payload))
    assert message.startswith("取り込みませんでした: 1件目 title: 文字で入力してください。")
    assert "1件目 situation: 文字で入力してください。" in message and "1件目 work_area:" in message
    assert not CaseExample.objects.exists()


def test_a_case_example_file_of_many_bad_rows_lists_the_first_100_errors(cast, login):
    payload = json.dumps({"format": "hogo-case-examples", "examples": [1] * 5_000}).encode()
    [message] = said(import_as_sv(login, cast, payload))
    assert message.count("件目:") == 100
    assert message.endswith("ほかに4,900件の誤りがあります（最初の100件だけを示しました）。")
