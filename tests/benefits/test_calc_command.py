"""`hogo calc`: JSON in, JSON or Japanese text out; bad input exits 2 with one line naming the field."""

import json
import os
import subprocess
import sys

import pytest

THREE_PERSON = {
    "as_of": "2026-10-01",
    "grade_area": "1-1",
    "winter_region": "VI",
    "prefecture": "東京都",
    "municipality": "新宿区",
    "members": [
        {"id": "m1", "birth_date": "1990-06-15", "relation": "head"},
        {"id": "m2", "birth_date": "2016-05-01", "relation": "child"},
        {"id": "m3", "birth_date": "2020-02-10", "relation": "child"},
    ],
    "rent": 60000,
    "incomes": [
        {"member": "m1", "kind": "employment", "gross": 120000, "tax": 0, "social_insurance": 15000, "commuting": 5000}
    ],
}


def hogo_calc(payload, *args):
    env = {**os.environ, "HOGO_ENV_FILE": "", "DJANGO_SETTINGS_MODULE": "hogo.settings.test"}
    return subprocess.run(
        [sys.executable, "-m", "hogo.cli", "calc", "-", *args],
        input=json.dumps(payload, ensure_ascii=False),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_json_output_has_the_documented_fields():
    result = hogo_calc(THREE_PERSON)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    for key in (
        "minimum_cost_of_living",
        "recognized_income",
        "benefit",
        "need",
        "standards_version",
        "explanation",
        "winter_addition",
        "housing_assistance",
        "education_assistance",
    ):
        assert key in out
    assert set(out["living_assistance"]) >= {"base", "additions"}
    # by hand: 第1類 46,930 (36歳) + 46,460 (10歳) + 46,460 (6歳) = 139,850; ×0.75 = 104,887.5 → 104,887 → 104,890;
    # + 第2類 44,730 + 特例加算 2,500×3 + 経過的加算 0 (2026-10: 170−1,000 → 0) = 157,120
    assert out["living_assistance"]["base"] == 157120
    assert out["housing_assistance"] == 60000 and out["need"] is True


def test_explain_prints_a_japanese_breakdown_a_caseworker_can_check():
    result = hogo_calc(THREE_PERSON, "--explain")
    text = result.stdout
    assert result.returncode == 0
    for words in (
        "第1類×逓減率",
        "第2類（3人世帯）",
        "特例加算",
        "児童養育加算",
        "母子加算",
        "住宅扶助",
        "基礎控除",
        "最低生活費",
        "扶助額",
        "根拠:",
        "令和8年10月1日",
        "参考",
    ):
        assert words in text, words


@pytest.mark.parametrize(
    "change,field",
    [
        ({"grade_area": "4-1"}, "grade_area"),
        ({"winter_region": "VII"}, "winter_region"),
        ({"prefecture": "北海道"}, "winter_region"),  # 北海道 is Ⅰ区, the input says Ⅵ区
        ({"winter_region": None, "prefecture": "どこか県"}, "winter_region"),
        ({"members": [{"id": "m1", "birth_date": "2027-01-01", "relation": "head"}]}, "members[0].birth_date"),
        ({"incomes": [{"member": "m1", "kind": "pension", "gross": -1}]}, "incomes[0].gross"),
        ({"as_of": "2023-09-01"}, "as_of"),
        ({"incomes": [{"member": "nobody", "kind": "pension", "gross": 1000}]}, "incomes[0].member"),
        ({"as_of": "2026-13-01"}, "as_of"),
        ({"members": []}, "members"),
        ({"period": {"start": "2026-11-01"}}, "period"),
        ({"rent": 1.5}, "rent"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(change, field):
    result = hogo_calc({**THREE_PERSON, **change})
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and "Traceback" not in result.stderr


def test_malformed_json_exits_2():
    env = {**os.environ, "HOGO_ENV_FILE": "", "DJANGO_SETTINGS_MODULE": "hogo.settings.test"}
    result = subprocess.run(
        [sys.executable, "-m", "hogo.cli", "calc", "-"],
        input="{not json",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
