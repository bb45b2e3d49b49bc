"""What changes for a member by age alone from one month to the next (issue 15 item 3: a child ageing
out of 児童養育加算, the school stage, the 第1類 age band). Pure functions over the engine's own age
rules (no Django import), so the list of changes and the engine's amounts cannot disagree:

- 第1類 age band: the engine takes ages on the first day of the month (standards `rules.json`,
  `age_reference_day`), counted by 年齢計算ニ関スル法律 (`legal_age`);
- school stage: from 1 April by 学校教育法第17条 (`school_stage`);
- 児童養育加算 (and the 「児童」 of 母子加算): until 「18歳に達する日以後の最初の3月31日」
  (`end_of_child_period`).
"""

from datetime import date, timedelta

from hogo.benefits.engine.rules import age_band, end_of_child_period, legal_age, school_stage

BAND_LABELS = {
    "0-2": "0〜2歳",
    "3-5": "3〜5歳",
    "6-11": "6〜11歳",
    "12-17": "12〜17歳",
    "18-19": "18〜19歳",
    "20-40": "20〜40歳",
    "41-59": "41〜59歳",
    "60-64": "60〜64歳",
    "65-69": "65〜69歳",
    "70-74": "70〜74歳",
    "75+": "75歳以上",
}
STAGE_EVENTS = {
    "elementary": "小学校に入学する年度になった",
    "junior_high": "中学校に進む年度になった",
    "high_school": "高等学校等に進む年度になった",
    "none": "高等学校等の年齢を終えた",
}


def month_before(month: date) -> date:
    return (month.replace(day=1) - timedelta(days=1)).replace(day=1)


def age_events(birth: date, month: date) -> list[str]:
    """What changes by age for a person born on `birth`, from the first of `month` against the first of
    the month before (empty when nothing does)."""
    month = month.replace(day=1)
    before = month_before(month)
    if birth >= month:
        return []  # not yet born on the first of the month
    events = []
    band_before = age_band(legal_age(birth, before)) if birth < before else None
    band_now = age_band(legal_age(birth, month))
    if band_before is not None and band_before != band_now:
        events.append(f"第1類の年齢区分が{BAND_LABELS[band_before]}から{BAND_LABELS[band_now]}になった")
    stage_now = school_stage(birth, month)
    if birth < before and school_stage(birth, before) != stage_now and stage_now in STAGE_EVENTS:
        events.append(STAGE_EVENTS[stage_now])
    if before <= end_of_child_period(birth) < month:
        events.append("児童養育加算の対象（18歳に達する日以後の最初の3月31日まで）を終えた")
    return events
