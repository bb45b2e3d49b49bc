"""The pages every member of staff opens all day read in a number of queries that does not grow with the
rows they show (no N+1): the home page with a caseload of 1 or 12 households, the search with 2 or 20
results, the household page and the visit sheet of a household of 1 or 6 members with 0 or 8 case
records. The ceilings are today's counts with a little room (issue 25: the load test's pages)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hogo.casework import services as casework
from hogo.common.kana import search_key
from hogo.households.models import Member

from ..factories import make_household

CEILING = {"home": 36, "search": 28, "household page": 62, "visit sheet": 32}


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow_caseload(cast, extra: int):
    return [
        make_household(cast.office_a, cast.staff["cw"], head_name=f"山川 {i}郎", head_kana=f"ヤマカワ {i}ロウ")
        for i in range(extra)
    ]


def grow_household(cast, household, members: int, records: int):
    for i in range(members):
        name, kana = f"山田 {i}子", f"ヤマダ {i}コ"
        Member.objects.create(
            household=household,
            name=name,
            name_kana=kana,
            search_name=search_key(name),
            search_kana=search_key(kana),
            birth_date=timezone.localdate() - timedelta(days=365 * (10 + i)),
            sex="female",
            relation="child",
        )
    for i in range(records):
        casework.create_record(
            cast.users["cw"],
            household,
            kind="phone",
            occurred_on=timezone.localdate() - timedelta(days=i + 1),
            body=f"電話で通院の状況を聞いた（{i}）",
        )


@pytest.mark.django_db
def test_home_reads_as_many_queries_for_twelve_households_as_for_one(cast, login):
    client = login(cast.users["cw"])
    few = queries(client, "/")
    grow_caseload(cast, 11)
    many = queries(client, "/")
    assert many == few and many <= CEILING["home"], (few, many)


@pytest.mark.django_db
def test_search_reads_as_many_queries_for_twenty_results_as_for_two(cast, login):
    client = login(cast.users["sv"])
    few = queries(client, "/households/?q=ヤマ")
    grow_caseload(cast, 18)
    many = queries(client, "/households/?q=ヤマ")
    assert many == few and many <= CEILING["search"], (few, many)


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["household page", "visit sheet"])
def test_a_household_page_reads_as_many_queries_for_six_members_and_eight_records_as_for_one(cast, login, page):
    small, big = cast.households["own"], make_household(cast.office_a, cast.staff["cw"])
    client = login(cast.users["cw"])
    suffix = "visit-sheet/" if page == "visit sheet" else ""
    grow_household(cast, small, members=0, records=1)  # the same sections shown on both pages
    grow_household(cast, big, members=5, records=8)
    queries(client, f"/households/{small.public_id}/{suffix}")  # first reads fill the per-day caches
    few = queries(client, f"/households/{small.public_id}/{suffix}")
    many = queries(client, f"/households/{big.public_id}/{suffix}")
    assert many <= few + 2 and many <= CEILING[page], (few, many, CEILING[page])
