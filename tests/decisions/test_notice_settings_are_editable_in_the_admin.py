"""The office settings a notice is printed from (実施機関の長, 文書番号の記号, the body and prefecture the
教示 names) are edited in the admin, with defaults a new office can print from."""

from django.urls import reverse

from hogo.offices.models import Office

FIELDS = ("head_title", "notice_number_prefix", "body_name", "prefecture")


def test_the_admin_shows_and_saves_the_notice_settings(cast, login):
    admin_user = cast.users["admin"]
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    office = cast.office_a
    client = login(admin_user)
    url = reverse("admin:offices_office_change", args=[office.pk])
    page = client.get(url).content.decode()
    for name in FIELDS:
        assert f'name="{name}"' in page, name
    data = {
        "name": office.name,
        "municipality_code": office.municipality_code,
        "default_grade_area": office.default_grade_area,
        "default_winter_region": office.default_winter_region,
        "caseload_standard": office.caseload_standard,
        "latitude": "",
        "longitude": "",
        "head_title": "みなと市福祉事務所長 港 太郎",
        "notice_number_prefix": "み福保",
        "body_name": "みなと市",
        "prefecture": "東京都",
    }
    assert client.post(url, data).status_code == 302
    office.refresh_from_db()
    assert (office.notice_head, office.notice_number_prefix, office.notice_body, office.notice_prefecture) == (
        "みなと市福祉事務所長 港 太郎",
        "み福保",
        "みなと市",
        "東京都",
    )


def test_a_new_office_prints_from_defaults():
    office = Office(name="さくら市福祉事務所", municipality_code="131016")
    assert office.notice_head == "さくら市福祉事務所長" and office.notice_number_prefix == "福保"
    assert office.notice_body == "さくら市" and office.notice_prefecture == "東京都"  # 13: 東京都 (JIS X 0401)
