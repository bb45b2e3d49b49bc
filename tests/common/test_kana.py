import pytest

from hogo.common.kana import normalize_kana_name, search_key


@pytest.mark.parametrize("typed", ["やまだ　たろう", "ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ", "  やまだ   たろう "])
def test_readings_are_stored_as_full_width_katakana_with_one_space(typed):
    assert normalize_kana_name(typed) == "ヤマダ タロウ"


def test_long_vowel_mark_and_middle_dot_are_kana():
    assert normalize_kana_name("すずきー・まりあ") == "スズキー・マリア"


@pytest.mark.parametrize("bad", ["Yamada", "山田", "やまだ1", "やまだ!", "", "   "])
def test_malformed_readings_are_refused(bad):
    with pytest.raises(ValueError):
        normalize_kana_name(bad)


def test_search_keys_ignore_width_script_and_spaces():
    assert search_key("ﾔﾏﾀﾞ ﾀﾛｳ") == search_key("やまだたろう") == search_key("ヤマダ　タロウ") == "ヤマダタロウ"
    assert search_key("ＡＢＣ１２３") == "ABC123"
