"""Partner-agency members see only the conferences they belong to, only after signing the pledge,
only while a member; every view and refusal is audited."""

from django.urls import reverse

from hogo.audit.models import Action, AuditEntry
from hogo.collaboration import services
from hogo.collaboration.models import Pledge


def denied(username, why):
    return AuditEntry.objects.filter(
        actor_username=username, action=Action.DENIED, target_type="conference", detail__why=why
    ).exists()


def test_materials_are_hidden_until_the_pledge_is_signed(cast, conference, members, client):
    services.share_materials(cast.users["cw"], conference, facts=["composition", "issues"])
    client.force_login(members["community"].user)
    page = client.get(reverse("agency_conference", args=[conference.public_id])).content.decode()
    assert "誓約に署名する" in page and "【世帯構成" not in page
    client.post(reverse("agency_pledge", args=[conference.public_id]))
    assert Pledge.objects.filter(conference=conference, member=members["community"]).exists()
    page = client.get(reverse("agency_conference", args=[conference.public_id])).content.decode()
    assert "【世帯構成（続柄・年齢）】" in page
    assert AuditEntry.objects.filter(
        actor_username="houkatsu", action=Action.VIEW, target_type="conference", detail__materials=True
    ).exists()


def test_opening_materials_without_a_pledge_is_refused_and_audited(cast, conference, members):
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.open_for_member(members["health"].user, conference.public_id, need_pledge=True)
    assert denied("hokenjo", "no_pledge")


def test_a_member_who_left_loses_access_at_once(cast, conference, members, client):
    client.force_login(members["community"].user)
    client.post(reverse("agency_pledge", args=[conference.public_id]))
    membership = conference.memberships.get(member=members["community"])
    services.remove_member(cast.users["cw"], membership)
    assert client.get(reverse("agency_conference", args=[conference.public_id])).status_code == 404
    assert denied("houkatsu", "left")


def test_an_agency_of_another_conference_or_office_sees_nothing(cast, conference, members, client):
    client.force_login(members["b_community"].user)
    assert client.get(reverse("agency_conference", args=[conference.public_id])).status_code == 404
    assert denied("b_houkatsu", "not_member")


def test_agency_members_see_no_household_and_land_on_their_conferences(cast, conference, members, client):
    client.force_login(members["community"].user)
    assert client.get(reverse("home")).url == reverse("agency_home")
    assert client.get(reverse("household_detail", args=[cast.households["own"].public_id])).status_code == 404
    assert conference.purpose[:20] in client.get(reverse("agency_home")).content.decode()


def test_only_invited_agencies_can_become_members(cast, conference, members):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.add_member(cast.users["cw"], conference, members["b_community"])


def test_date_answers_are_recorded_for_the_member(cast, conference, members, client):
    from datetime import timedelta

    from django.utils import timezone

    candidate = services.add_candidate_date(cast.users["cw"], conference, timezone.now() + timedelta(days=7))
    client.force_login(members["health"].user)
    client.post(reverse("agency_dates", args=[conference.public_id]), {f"date_{candidate.pk}": "yes"})
    assert candidate.answers.get(member=members["health"]).available is True
