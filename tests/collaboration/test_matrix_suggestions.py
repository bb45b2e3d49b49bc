"""The 表24 matrix as data, and the agencies it suggests for a household's issues."""

from hogo.collaboration import matching, services

TABLE_26 = [
    "みなと市地域包括支援センター",
    "みなと市社会福祉協議会",
    "みなと市中核機関（権利擁護センター、成年後見センター等）",
    "みなと市基幹相談支援センター",
    "みなと市ひきこもり支援センター",
    "みなと市医療施設",
    "みなと市保健所",
    "みなと市 動物愛護担当",
    "NPO法人 ねこの手",
]


def test_the_matrix_has_every_agency_row_and_ten_issues():
    data = matching.matrix()
    assert len(data["issues"]) == 10 and len(data["agencies"]) == 27
    assert all(len(row["marks"]) == 10 and set(row["marks"]) <= {"○", "△", "_"} for row in data["agencies"])


def test_each_field_carries_its_main_mark_in_its_own_column():
    assert matching.marks_of("community_care_centre")["care"] == "○"
    assert matching.marks_of("disability_hub")["disability"] == "○"
    assert matching.marks_of("guardianship_centre") == {"money": "○"}
    assert matching.marks_of("withdrawal_support_centre") == {"withdrawal": "○", "refusal": "△"}
    assert matching.marks_of("single_parent_centre") == {"single_parent": "○"}
    assert matching.marks_of("child_guidance_centre") == {"single_parent": "△", "school_refusal": "○"}
    assert matching.marks_of("medical_institution")["addiction"] == "○"


def test_the_needs_of_case_one_suggest_the_agencies_of_table_26(cast, case_one):
    names = [s.agency.name for s in services.suggestions_for(case_one)]
    for expected in TABLE_26:
        assert expected in names, expected
    assert "かわせ市地域包括支援センター" not in names  # another office's directory


def test_suggestions_are_ranked_and_say_why():
    agencies = [
        matching.Listed(1, "地域包括", "community_care_centre"),
        matching.Listed(2, "中核機関", "guardianship_centre"),
        matching.Listed(3, "学校", "school"),
        matching.Listed(4, "動物担当", "other", ("多頭飼育",)),
    ]
    found = matching.suggest(["care", "money", "多頭飼育"], agencies)
    assert [s.agency.name for s in found] == ["地域包括", "中核機関", "動物担当"]
    assert found[0].score == 3 and found[0].reasons == ["要介護者: ○（表24）", "金銭管理困難者: △（表24）"]
    assert found[2].reasons == ["多頭飼育: 事務所の登録"]


def test_no_issues_no_suggestions():
    assert matching.suggest([], [matching.Listed(1, "地域包括", "community_care_centre")]) == []
