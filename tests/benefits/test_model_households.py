"""The ministry's model households, reproduced to the yen.

Expected figures: 厚生労働省 第55回社会保障審議会生活保護基準部会 資料4
(https://www.mhlw.go.jp/content/12002000/001662704.pdf), モデル世帯の生活扶助基準額（生活扶助本体:
第1類×逓減率＋第2類＋特例加算＋経過的加算）, for 令和7年10月〜令和8年9月 (特例加算 1,500円) and from
令和8年10月 (2,500円), 級地 1-1, 2-1 and 3-2, as transcribed in github.com/Ailiber1/seikatsuhogo
data/kijun_r8.json (model_households). The 2023-10 version (特例加算 1,000円) has no published model
figure we could obtain, and its 経過的加算 table is a known gap: see test_versions.py.
"""

from datetime import date

import pytest

from .helpers import AGE_FOR_BAND, calc, household, member

MODEL = [
    (
        "夫婦子1人（30代夫婦・子3〜5歳）",
        ["20-40", "20-40", "3-5"],
        {"1-1": (153400, 156060), "2-1": (145790, 148790), "3-2": (135410, 138410)},
    ),
    (
        "夫婦子2人（40代夫婦・中学生・小学生）",
        ["41-59", "41-59", "12-17", "6-11"],
        {"1-1": (181760, 184760), "2-1": (171260, 175260), "3-2": (158760, 162760)},
    ),
    (
        "高齢夫婦（65歳）",
        ["65-69", "65-69"],
        {"1-1": (121900, 123900), "2-1": (116230, 118230), "3-2": (108160, 110160)},
    ),
    ("高齢単身（65歳）", ["65-69"], {"1-1": (76880, 76880), "2-1": (72490, 73490), "3-2": (67850, 68850)}),
    ("高齢夫婦（75歳）", ["75+", "75+"], {"1-1": (112390, 112470), "2-1": (105620, 107620), "3-2": (98680, 100680)}),
    ("高齢単身（75歳）", ["75+"], {"1-1": (71900, 71900), "2-1": (66390, 67390), "3-2": (62400, 63400)}),
    (
        "母子（30代親・小学生）",
        ["20-40", "6-11"],
        {"1-1": (122700, 124310), "2-1": (116610, 118610), "3-2": (108500, 110500)},
    ),
    (
        "母子（40代親・中学生・小学生）",
        ["41-59", "12-17", "6-11"],
        {"1-1": (156260, 159230), "2-1": (148730, 151730), "3-2": (138040, 141040)},
    ),
    ("若年単身（50代）", ["41-59"], {"1-1": (77240, 77240), "2-1": (72930, 73930), "3-2": (68240, 69240)}),
]
VERSIONS = {0: "2026-04-01", 1: "2026-10-01"}
CASES = [
    (name, bands, grade, VERSIONS[v], figures[v])
    for name, bands, by_grade in MODEL
    for grade, figures in by_grade.items()
    for v in (0, 1)
]


@pytest.mark.parametrize("name,bands,grade,as_of,expected", CASES, ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CASES])
def test_model_household_living_base_matches_the_ministry(name, bands, grade, as_of, expected):
    relations = ["head"] + ["spouse" if "夫婦" in name and i == 0 else "child" for i in range(len(bands) - 1)]
    members = [
        member(f"m{i}", AGE_FOR_BAND[band], rel, as_of=as_of)
        for i, (band, rel) in enumerate(zip(bands, relations, strict=True))
    ]
    result = calc(household(as_of=as_of, grade=grade, members=members))
    assert result.living_base == expected
    assert date.fromisoformat(as_of) >= date(2025, 10, 1)
