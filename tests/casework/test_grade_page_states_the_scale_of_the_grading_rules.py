"""The grade page states the points each grade needs as the grading rules define them — one place,
so a change of the scale changes what the page says."""

from django.urls import reverse

from hogo.casework import grading


def test_the_scale_is_written_from_the_thresholds():
    assert grading.thresholds_text() == "A 7点以上・B 4点以上・C 2点以上・それ未満 D"


def test_the_page_follows_a_changed_scale(cast, rules, login, monkeypatch):
    monkeypatch.setattr(grading, "THRESHOLDS", (("A", 8), ("B", 5), ("C", 3)))
    page = login(cast.users["cw"]).get(reverse("visit_grade", args=[cast.households["own"].public_id]))
    assert "A 8点以上・B 5点以上・C 3点以上・それ未満 D" in page.content.decode()
