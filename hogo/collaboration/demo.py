"""Demo directory of partner agencies (one per kind of 表24, fictional names) and one agency
member login per demo office, so the conference screens can be tried."""

from datetime import date

from django.contrib.auth import get_user_model

from . import matching
from .models import Agency, AgencyMember


def seed_agencies(office, key: str, password_hash: str, city: str) -> list[str]:
    if Agency.objects.filter(office=office).exists():
        return []
    created = [
        Agency.objects.create(office=office, name=f"{city}{label}", kind=kind, area=city)
        for kind, label in matching.kinds()
    ]
    Agency.objects.create(
        office=office, name=f"{city} 動物愛護担当", kind="other", extra_issues=["多頭飼育"], area=city
    )
    community = next(a for a in created if a.kind == "community_care_centre")
    username = f"{key}-houkatsu"
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"password": password_hash})
    AgencyMember.objects.get_or_create(
        user=user, defaults={"agency": community, "name": "包括 担当（デモ）", "valid_from": date(2020, 4, 1)}
    )
    return [username]
