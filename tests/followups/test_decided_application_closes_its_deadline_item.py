"""The 14-day deadline item closes on the decisions app's `application_decided` event, not on a save
of the Application: the decisions app may set the decision date however it likes, as long as it
says so."""

import pytest
from django.db.models.signals import post_save
from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.decisions.models import Application
from hogo.decisions.signals import application_decided
from hogo.followups.models import FollowUp, Source, State
from tests.decisions import conftest as decision_fixtures

applying, drafted = decision_fixtures.applying, decision_fixtures.drafted  # the decisions tests' fixtures


def deadline_item(application) -> FollowUp:
    return FollowUp.objects.get(source=Source.APPLICATION, subject_id=str(application.public_id))


@pytest.fixture
def open_item(drafted):
    _household, application, _test, _decision = drafted
    item = deadline_item(application)
    assert item.state == State.OPEN
    return item


def test_approving_a_start_decision_closes_the_fourteen_day_item(cast, drafted, open_item):
    _household, application, _test, decision = drafted
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    open_item.refresh_from_db()
    assert open_item.state == State.DONE
    assert open_item.done_on == Application.objects.get(pk=application.pk).decided_on


def test_a_decision_date_set_with_update_and_the_signal_closes_the_item(drafted, open_item):
    _household, application, _test, _decision = drafted
    today = timezone.localdate()
    Application.objects.filter(pk=application.pk).update(decided_on=today)  # no save, so no post_save
    application_decided.send(sender=Application, application=Application.objects.get(pk=application.pk))
    open_item.refresh_from_db()
    assert open_item.state == State.DONE
    assert open_item.done_on == today


def test_nothing_listens_to_saves_of_an_application(db):
    assert not post_save.has_listeners(Application)
