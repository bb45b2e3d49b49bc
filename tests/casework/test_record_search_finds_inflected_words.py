"""Full-text Japanese search over case records: a word is found however it is inflected, every
word of the query must match, and nobody finds records outside their scope."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.casework import services
from hogo.casework.queries import search_records
from hogo.common.search_terms import index_text, terms


@pytest.fixture
def records(cast, today):
    cw = cast.users["cw"]
    own = cast.households["own"]
    return {
        "clinic": services.create_record(
            cw,
            own,
            kind="visit",
            occurred_on=today - timedelta(days=3),
            body="本人は膝の痛みで整形外科に通院した。服薬を続けている。",
        ),
        "job": services.create_record(
            cw,
            own,
            kind="phone",
            occurred_on=today - timedelta(days=2),
            body="ハローワークで求職活動をしていると話した。",
        ),
        "other_office": services.create_record(
            cast.users["b_cw"], cast.households["b_household"], kind="visit", occurred_on=today, body="通院している。"
        ),
    }


def test_terms_are_normalised_forms_of_content_words():
    assert terms("通院した") == ["通院"]
    assert terms("通院しています") == ["通院"]
    assert "求職" in terms("求職している") and "ハローワーク" in terms("ハローワークで")
    assert index_text("病院に通院した").startswith(" ") and " 通院 " in index_text("病院に通院した")


@pytest.mark.parametrize("query", ["通院", "通院した", "通院している", "通院します"])
def test_a_record_saying_tsuin_shita_is_found_by_any_inflection(cast, records, query):
    found, _ = search_records(cast.users["cw"], query)
    assert records["clinic"] in found


def test_every_word_must_match(cast, records):
    found, words = search_records(cast.users["cw"], "通院して求職")
    assert list(found) == [] and words == ["通院", "求職"]
    found, _ = search_records(cast.users["cw"], "整形外科 通院")
    assert list(found) == [records["clinic"]]


def test_records_of_another_office_are_never_found(cast, records):
    found, _ = search_records(cast.users["cw"], "通院")
    assert records["other_office"] not in found


def test_filters_by_type_and_date(cast, records, today):
    found, _ = search_records(cast.users["cw"], "", kind="phone")
    assert list(found) == [records["job"]]
    found, _ = search_records(cast.users["cw"], "", date_from=today - timedelta(days=2), date_to=today)
    assert records["clinic"] not in found and records["job"] in found


def test_a_query_of_only_particles_finds_nothing(cast, records):
    found, words = search_records(cast.users["cw"], "のに")
    assert list(found) == [] and words == []


def test_the_search_page_lists_results_and_is_audited(cast, records, login):
    from hogo.audit.models import AuditEntry

    page = login(cast.users["sv"]).get(reverse("record_search"), {"q": "通院した"}).content.decode()
    assert "整形外科" in page and "探した語: 通院" in page
    assert AuditEntry.objects.filter(actor_username="sv", action="search", detail__query="通院した").exists()


def test_search_within_one_household(cast, records, login):
    response = login(cast.users["cw"]).get(
        reverse("record_search"), {"q": "求職", "household": str(cast.households["own"].public_id)}
    )
    assert [r.pk for r in response.context["results"]] == [records["job"].pk]


def test_dates_before_today_only_for_new_records(cast):
    with pytest.raises(ValidationError) as refused:
        services.create_record(
            cast.users["cw"], cast.households["own"], kind="visit", occurred_on=date(2999, 1, 1), body="x"
        )
    assert refused.value.message_dict["occurred_on"] == ["日付を正しく入力してください（未来の日付は使えません）。"]
