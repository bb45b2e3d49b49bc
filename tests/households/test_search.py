"""Search by kana or kanji, insensitive to 全角/半角 and hiragana/katakana, or by case number."""

import pytest

from hogo.households import queries


@pytest.mark.parametrize(
    "query", ["やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "やまだ　たろう", "ヤマダタロウ", "山田", "山田太郎", "山田 太郎"]
)
def test_the_head_is_found_however_the_name_is_typed(cast, query):
    found = list(queries.search(cast.users["cw"], query))
    assert [h.pk for h in found] == [cast.households["own"].pk]


def test_case_number_is_found_with_full_width_digits(cast):
    number = cast.households["own"].case_number
    full_width = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert [h.pk for h in queries.search(cast.users["cw"], full_width)] == [cast.households["own"].pk]


def test_search_never_reaches_beyond_what_the_user_may_see(cast):
    assert list(queries.search(cast.users["cw"], "はやし")) == []
    assert [h.pk for h in queries.search(cast.users["b_cw"], "はやし")] == [cast.households["b_household"].pk]


def test_results_sort_by_reading(cast):
    names = [h.head_kana for h in queries.search(cast.users["chief"], "", sort="kana")]
    assert names == sorted(names)


def test_results_carry_head_and_caseworker(cast):
    row = queries.search(cast.users["cw"], "やまだ").get()
    assert row.head_name == "山田 太郎" and row.caseworker_name == "佐藤 一郎" and row.member_count == 1


def test_search_by_kana_through_the_page_uses_htmx_partial(cast, login):
    client = login(cast.users["cw"])
    response = client.get("/households/?q=まつもと", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and str(cast.households["mate"].public_id) in body


def test_long_lists_are_paged_and_each_page_is_audited(cast, login):
    from hogo.audit.models import Action, AuditEntry

    from ..factories import make_household

    for i in range(100):
        make_household(cast.office_a, None, head_name=f"多数 {i}", head_kana="タスウ")
    client = login(cast.users["chief"])
    first = client.get("/households/?q=たすう")
    assert first.context["page"].paginator.count == 100 and first.context["page"].paginator.num_pages == 1
    client.get("/households/?sort=kana&page=2")
    last = AuditEntry.objects.filter(action=Action.LIST).latest("seq")
    assert last.detail["page"] == 2 and last.detail["count"] == 104 and len(last.detail["shown"]) == 4
