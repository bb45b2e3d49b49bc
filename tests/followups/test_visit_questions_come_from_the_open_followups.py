"""The visit sheet's 「今回聞くこと」 comes from the household's open follow-ups: each rule's code has
its question, a declaration not yet recognised asks to check it, and a question is asked once."""

from types import SimpleNamespace

from hogo.followups.models import Source
from hogo.followups.queries import visit_questions


def row(code="", source=Source.RULE, title=""):
    rule = SimpleNamespace(code=code) if code else None
    return SimpleNamespace(item=SimpleNamespace(rule=rule, rule_id=1 if code else None, source=source, title=title))


def test_each_code_has_its_question_and_prefixes_match():
    asked = visit_questions([row("job_search_report"), row("income_declaration_monthly"), row("assets_declaration")])
    assert asked == [
        "求職活動の状況（ハローワークの利用、応募先）を聞き、求職活動報告を受け取る",
        "収入の変化を確認し、収入申告書と給与明細・年金通知を受け取る",
        "資産申告書（預貯金通帳の写し）を受け取る",
    ]


def test_a_question_shared_by_two_codes_is_asked_once():
    assert visit_questions([row("medical_opinion_yearly"), row("care_certification")]) == [
        "通院・服薬の状況、介護サービスの利用を聞く"
    ]


def test_a_declaration_waiting_for_recognition_asks_to_check_it_and_others_ask_nothing():
    asked = visit_questions([row(source=Source.DECLARATION, title="収入申告書の認定"), row("home_visit")])
    assert asked == ["未認定の収入申告書について内容を確かめる"]
