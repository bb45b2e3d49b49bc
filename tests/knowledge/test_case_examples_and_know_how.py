"""Case examples: structured, filtered, refused for publishing while identifying details remain,
shared as a file (all or nothing, idempotent), searched with the law by their own office only.
Know-how: short Q&A with author and date, reviewable by the SV."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hogo.knowledge import examples, search
from hogo.knowledge.models import CaseExample

CLEAN = {
    "title": "認知症が疑われる高齢者の受診拒否",
    "work_area": "medical",
    "characteristics": ["elderly", "refusal"],
    "situation": "80代のAさんは単身で、火の消し忘れが続いたが受診を拒否していた。",
    "handling": "地域包括支援センターと同行訪問し、認知症初期集中支援チームにつないだ。",
    "outcome": "要介護認定につながった。",
    "lessons": "拒否があっても関係機関と見守りの体制を先に作る。",
}


@pytest.fixture
def published(cast):
    example = examples.write_example(cast.users["cw"], CLEAN)
    return examples.publish_example(cast.users["sv"], example)


@pytest.mark.parametrize(
    "leak, finding",
    [
        ("山田 太郎さんは", "氏名「山田 太郎」"),
        ("電話 03-1234-5678 に", "電話番号"),
        ("〒123-4567 の", "郵便番号"),
        ("東京都みなと市一丁目1番1号の", "住所"),
    ],
)
def test_publishing_is_refused_while_identifying_details_remain(cast, leak, finding):
    example = examples.write_example(cast.users["cw"], {**CLEAN, "situation": leak + CLEAN["situation"]})
    with pytest.raises(ValidationError, match=finding):
        examples.publish_example(cast.users["sv"], example)
    assert CaseExample.objects.get(pk=example.pk).published_at is None


def test_a_case_number_of_the_office_is_refused(cast):
    number = cast.households["own"].case_number
    example = examples.write_example(cast.users["cw"], {**CLEAN, "handling": f"ケース{number}の対応を参考にした。"})
    with pytest.raises(ValidationError, match="ケース番号"):
        examples.publish_example(cast.users["sv"], example)


def test_only_supervisors_and_chiefs_publish(cast):
    example = examples.write_example(cast.users["cw"], CLEAN)
    with pytest.raises(PermissionDenied):
        examples.publish_example(cast.users["cw"], example)


def test_filters_by_work_area_characteristic_and_words(cast, published):
    office = cast.office_a
    assert examples.filtered_examples(office, work_area="medical") == [published]
    assert examples.filtered_examples(office, work_area="repayment") == []
    assert examples.filtered_examples(office, characteristic="refusal") == [published]
    assert examples.filtered_examples(office, characteristic="addiction") == []
    assert examples.filtered_examples(office, query="受診を拒否した") == [published]


def test_a_published_example_is_found_with_the_law_by_its_own_office_only(cast, published):
    hits = search.search("受診を拒否する高齢者への対応", limit=10, offices=[cast.office_a.pk])
    assert "処遇検討事例「認知症が疑われる高齢者の受診拒否」" in [h.citation for h in hits]
    other = search.search("受診を拒否する高齢者への対応", limit=10, offices=[cast.office_b.pk])
    assert all(not h.citation.startswith("処遇検討事例") for h in other)


def test_export_and_import_between_offices_all_or_nothing_and_idempotent(cast, published):
    data = examples.export_examples(cast.office_a)
    result = examples.import_examples(cast.users["b_sv"], data, "みなと市.json")
    assert result == {"added": 1, "skipped": 0}
    assert examples.import_examples(cast.users["b_sv"], data, "みなと市.json") == {"added": 0, "skipped": 1}
    bad = json.loads(data)
    bad["examples"].append({**CLEAN, "title": "二件目", "work_area": "unknown"})
    bad["examples"].append({**CLEAN, "title": "三件目", "situation": "林 正男さんの件"})
    with pytest.raises(ValidationError) as refused:
        examples.import_examples(cast.users["b_sv"], json.dumps(bad, ensure_ascii=False).encode(), "bad.json")
    messages = refused.value.messages
    assert any(m.startswith("2件目 work_area") for m in messages) and any(
        "3件目" in m and "林 正男" in m for m in messages
    )
    assert CaseExample.objects.filter(office=cast.office_b).count() == 1


def test_a_file_that_is_not_an_export_is_refused(cast):
    with pytest.raises(ValidationError, match="事例ファイル"):
        examples.import_examples(cast.users["sv"], b"not json", "x.json")


def test_know_how_is_searchable_with_author_and_reviewed_by_the_sv(cast, login):
    entry = examples.write_know_how(
        cast.users["cw"],
        question="保護費の支給日を電話で聞かれたら",
        answer="毎月の支給日（1日、休日の場合は前の開庁日）を伝え、口座振込の確認方法を案内する。",
    )
    assert (
        search.search("支給日を電話で聞かれた", offices=[cast.office_a.pk])[0].citation
        == "ノウハウ「保護費の支給日を電話で聞かれたら」"
    )
    with pytest.raises(PermissionDenied):
        examples.review_know_how(cast.users["cw"], entry)
    examples.review_know_how(cast.users["sv"], entry)
    page = login(cast.users["cw"]).get(reverse("knowledge_know_how")).content.decode()
    assert "佐藤 一郎" in page and "高橋 誠 確認済み" in page


@pytest.mark.parametrize("role, expected", [("cw", 200), ("sv", 200), ("clerk", 200), ("admin", 403)])
def test_pages_per_role(cast, login, role, expected):
    client = login(cast.users[role])
    for name in ("knowledge_examples", "knowledge_example_new", "knowledge_know_how"):
        assert client.get(reverse(name)).status_code == expected
