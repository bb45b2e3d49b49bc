"""Japanese BM25 search over the law: the 14-day question, synonyms, 附則 ranked below articles,
and clear messages for queries that cannot be searched."""

import json

import pytest
from django.core.management import CommandError, call_command

from hogo.knowledge import search as knowledge
from hogo.knowledge.importer import ensure_bundled


@pytest.fixture
def corpus(db):
    ensure_bundled()


def test_the_fourteen_day_question_finds_article_24_paragraph_5_first(corpus):
    first = knowledge.search("申請から何日以内に決定しないといけない？")[0]
    assert first.citation == "生活保護法第24条第5項"
    assert "十四日以内" in first.text


@pytest.mark.parametrize(
    "word, expected", [("仕送り", "扶養"), ("不正受給", "徴収"), ("返還", "費用"), ("申請から決定", "14")]
)
def test_caseworker_words_expand_to_the_laws_words(word, expected):
    assert expected in knowledge.query_terms(word) or any(expected in t for t in knowledge.query_terms(word))


def test_fraud_is_found_under_article_78(corpus):
    assert "生活保護法第78条第1項" in [h.citation for h in knowledge.search("不正受給したらどうなる？")]


def test_supplementary_provisions_rank_below_the_article(corpus):
    hits = knowledge.search("保護の実施機関 申請 十四日", limit=5)
    assert not any("附則" in h.citation for h in hits[:3])
    assert knowledge.SUPPLEMENTARY_WEIGHT < 1


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "質問を入力してください"),
        ("あ" * 2001, "2000文字までにしてください"),
        ("！？…・", "記号や助詞だけ"),
        ("のに", "記号や助詞だけ"),
    ],
)
def test_queries_that_cannot_be_searched_say_why(corpus, query, message):
    with pytest.raises(knowledge.QueryError, match=message):
        knowledge.search(query)


def test_the_command_prints_json_lines_with_the_required_fields(corpus, capsys):
    call_command("knowledge", "search", "申請から何日以内に決定しないといけない？", limit=3, json=True)
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert len(lines) == 3
    assert {"source", "law_title", "article", "paragraph", "citation", "text", "score"} <= set(lines[0])
    assert (lines[0]["article"], lines[0]["paragraph"], lines[0]["law_title"]) == ("24", 5, "生活保護法")


def test_the_command_refuses_an_empty_query(corpus):
    with pytest.raises(CommandError, match="質問を入力してください"):
        call_command("knowledge", "search", "  ")


def test_ask_says_it_is_reference_information(corpus, capsys):
    call_command("knowledge", "ask", "保護費は差し押さえられる？", limit=2)
    out = capsys.readouterr().out
    assert "生活保護法第58条" in out and "参考情報です" in out


def test_highlight_marks_matched_words_and_escapes_the_rest():
    html = knowledge.highlight("<b>申請</b>の日から十四日以内", ["申請", "十四日"])
    assert html == "&lt;b&gt;<mark>申請</mark>&lt;/b&gt;の日から<mark>十四日</mark>以内"
