"""Parsing e-Gov law XML down to article and paragraph, with citations."""

import pytest

from hogo.knowledge.egov import LawXmlError, article_citation, article_label, parse
from hogo.knowledge.importer import BUNDLED


@pytest.fixture(scope="module")
def law():
    return parse(BUNDLED.read_bytes())


def main_articles(law):
    return list(dict.fromkeys(p.article for p in law.passages if not p.suppl))


def test_title_and_number(law):
    assert (law.title, law.number) == ("生活保護法", "昭和二十五年法律第百四十四号")


def test_every_article_of_the_main_provision_is_there(law):
    articles = main_articles(law)
    assert len(articles) == 127  # 126 Article elements, one of them 第六十七条及び第六十八条
    assert articles[0] == "1" and articles[-1] == "87"


def test_branch_articles_keep_their_branch(law):
    assert "27の2" in main_articles(law) and "55の11" in main_articles(law)
    assert article_label("27_2") == "27の2" and article_citation("15_2_3") == "第15条の2の3"
    first = next(p for p in law.passages if p.article == "27の3" and not p.suppl)
    assert first.citation == "生活保護法第27条の3第1項" and first.caption == "調整会議"


def test_deleted_articles_are_kept_and_marked(law):
    deleted = [p for p in law.passages if p.deleted and not p.suppl]
    assert [p.article for p in deleted] == ["67", "68"] and all(p.text == "削除" for p in deleted)


def test_paragraph_citation_and_text_without_markup_whitespace(law):
    fifth = next(p for p in law.passages if p.citation == "生活保護法第24条第5項")
    assert fifth.text.startswith("第三項の通知は、申請のあつた日から十四日以内にしなければならない。ただし、")
    assert "\n" not in fifth.text


def test_a_single_paragraph_article_is_cited_without_a_paragraph(law):
    only = next(p for p in law.passages if p.article == "10" and not p.suppl)
    assert only.citation == "生活保護法第10条" and only.paragraph is None


def test_items_stay_with_their_paragraph(law):
    kinds = next(p for p in law.passages if p.article == "11" and not p.suppl)
    assert "一 生活扶助" in kinds.text and "八 葬祭扶助" in kinds.text


def test_supplementary_provisions_are_apart(law):
    suppl = [p for p in law.passages if p.suppl]
    assert suppl and all(p.citation.startswith("生活保護法附則") for p in suppl)
    assert len({p.suppl for p in suppl}) == 78


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<Law><broken", "XMLとして読めません"),
        (b"<html><body/></html>", "Law 要素"),
        (b"<Law><LawBody><LawTitle>x</LawTitle></LawBody></Law>", "条文"),
    ],
)
def test_malformed_or_foreign_xml_is_refused_with_a_reason(data, message):
    with pytest.raises(LawXmlError, match=message):
        parse(data)
