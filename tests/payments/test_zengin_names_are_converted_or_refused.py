"""Names go into the 全銀 file in its character set: what can be converted is (full-width, hiragana, lower case,
small kana, ー, ・, spaces), what cannot (kanji, emoji, other symbols) is refused naming the character and the
field, and so is a name longer than its field."""

import pytest

from hogo.payments.zengin import ZenginError, build_file, to_zengin_kana

from .zengin_helpers import OFFICE, PAY_ON, transfer


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("ｶﾞｯｺｳ", "ｶﾞﾂｺｳ"),
        ("キャッシュ", "ｷﾔﾂｼﾕ"),
        ("ファミリー", "ﾌｱﾐﾘ-"),
        ("ｻｰﾋﾞｽ", "ｻ-ﾋﾞｽ"),
        ("ポール・スミス", "ﾎﾟ-ﾙ.ｽﾐｽ"),
        ("ヴァイオリン", "ｳﾞｱｲｵﾘﾝ"),
        ("ケ・ヶ・ヵ", "ｹ.ｹ.ｶ"),
        ("ｊｏｈｎ ｓｍｉｔｈ", "JOHN SMITH"),
        ("john smith", "JOHN SMITH"),
        ("１２３－４５", "123-45"),
        ("カ）ヤマダショウテン", "ｶ)ﾔﾏﾀﾞｼﾖｳﾃﾝ"),
        ("（カ）「ミナト」／ＡＢ，．", "(ｶ)｢ﾐﾅﾄ｣/AB,."),
        ("¥ ￥", "\\ \\"),
        ("  ヤマダ   タロウ  ", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("", ""),
    ],
)
def test_what_can_be_converted_is_converted(given, written):
    assert to_zengin_kana(given, "受取人名", 30) == written


def test_a_combining_voiced_mark_is_read_as_one_kana():
    assert to_zengin_kana("カ\u3099", "受取人名", 30) == "ｶﾞ"


@pytest.mark.parametrize(
    ("given", "bad"), [("山田 太郎", "山"), ("ヤマダ😀", "😀"), ("ヤマダ＠", "＠"), ("A&B", "&"), ("ヤマダ〜", "〜")]
)
def test_what_cannot_be_carried_is_refused_naming_the_first_such_character(given, bad):
    with pytest.raises(ZenginError) as refused:
        to_zengin_kana(given, "受取人名", 30)
    assert (
        str(refused.value)
        == f"受取人名の「{bad}」は全銀の文字にできません（半角カナ・英大文字・数字で入力してください）。"
    )
    assert refused.value.field == "受取人名"


def test_a_name_that_needs_more_bytes_than_its_field_is_refused():
    assert to_zengin_kana("ガ" * 15, "受取人名", 30) == "ｶﾞ" * 15
    with pytest.raises(ZenginError) as refused:
        to_zengin_kana("ガ" * 15 + "ア", "受取人名", 30)
    assert refused.value.field == "受取人名"
    assert "31文字" in str(refused.value)


def test_a_refused_name_in_the_file_says_which_transfer_it_is():
    with pytest.raises(ZenginError) as refused:
        build_file(OFFICE, PAY_ON, [transfer(), transfer(), transfer(name="佐藤 花子")])
    assert refused.value.field == "受取人名"
    assert refused.value.index == 2
    assert refused.value.line == 4
    assert str(refused.value).startswith("3件目の振込：受取人名の「佐」は全銀の文字にできません")


def test_a_transfer_without_a_name_is_refused():
    with pytest.raises(ZenginError) as refused:
        build_file(OFFICE, PAY_ON, [transfer(name="　")])
    assert refused.value.field == "受取人名"


def test_the_office_name_is_checked_too():
    with pytest.raises(ZenginError) as refused:
        build_file(OFFICE.__class__(**{**OFFICE.__dict__, "name": "みなと市"}), PAY_ON, [transfer()])
    assert refused.value.field == "振込依頼人名"
    assert refused.value.line == 1
    assert "「市」" in str(refused.value)
