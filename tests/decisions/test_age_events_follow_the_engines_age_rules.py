"""What changes by age alone from one month to the next (`age_rules.age_events`, pure): the 第1類 age
band on the first of the month, the school stage from 1 April (学校教育法第17条), and the end of the
児童養育加算 period (the first 31 March after reaching 18); born 1 April and 2 April differ by a year."""

from datetime import date

from hogo.decisions.age_rules import age_events


def test_a_child_ageing_out_is_found_in_april_after_the_31_march_following_eighteen():
    born = date(2008, 6, 10)  # reaches 18 on 2026-06-09: a child until 2027-03-31

    assert "児童養育加算の対象（18歳に達する日以後の最初の3月31日まで）を終えた" in age_events(born, date(2027, 4, 1))
    assert not any("児童養育加算" in e for e in age_events(born, date(2026, 4, 1)))
    assert not any("児童養育加算" in e for e in age_events(born, date(2027, 3, 1)))


def test_born_on_1_april_ages_out_a_year_before_born_on_2_april():
    assert any("児童養育加算" in e for e in age_events(date(2008, 4, 1), date(2026, 4, 1)))
    assert not any("児童養育加算" in e for e in age_events(date(2008, 4, 2), date(2026, 4, 1)))
    assert any("児童養育加算" in e for e in age_events(date(2008, 4, 2), date(2027, 4, 1)))


def test_school_stages_start_in_april():
    assert "小学校に入学する年度になった" in age_events(date(2020, 4, 2), date(2027, 4, 1))
    assert "小学校に入学する年度になった" in age_events(date(2020, 4, 1), date(2026, 4, 1))
    assert "中学校に進む年度になった" in age_events(date(2014, 9, 1), date(2027, 4, 1))
    assert "高等学校等に進む年度になった" in age_events(date(2011, 9, 1), date(2027, 4, 1))
    assert "高等学校等の年齢を終えた" in age_events(date(2008, 9, 1), date(2027, 4, 1))
    assert not any("学校" in e for e in age_events(date(2014, 9, 1), date(2027, 5, 1)))


def test_the_age_band_changes_in_the_month_the_first_day_falls_in_the_new_age():
    born = date(1961, 11, 15)  # 65 on 2026-11-15: on 1 December the age is 65

    assert age_events(born, date(2026, 12, 1)) == ["第1類の年齢区分が60〜64歳から65〜69歳になった"]
    assert age_events(born, date(2026, 11, 1)) == []


def test_a_birthday_on_the_second_counts_from_the_first_of_that_month():
    born = date(1961, 12, 2)  # reaches 65 at the end of 1 December (年齢計算ニ関スル法律)

    assert age_events(born, date(2026, 12, 1)) == ["第1類の年齢区分が60〜64歳から65〜69歳になった"]


def test_a_child_born_in_the_month_has_no_age_event_yet():
    assert age_events(date(2026, 11, 20), date(2026, 12, 1)) == []
    assert age_events(date(2026, 12, 5), date(2026, 12, 1)) == []
