"""Once a bundle from the portal acknowledges a core bundle that carried a submission's status, that status
is not sent again; a later status is."""

from django.utils import timezone

from hogo.followups.services import recognise_declaration
from hogo.recipients.models import Submission, SubmissionStatus
from tests.recipients.helpers import imported

from .status_helpers import next_bundle, portal_acknowledges


def test_an_acknowledged_status_is_not_sent_again_and_a_new_one_is(cast):
    _account, submission = imported(cast)
    first, sent = next_bundle(cast)
    assert sent == [(submission.key, "received")]

    portal_acknowledges(cast, first)

    assert Submission.objects.get().status_acknowledged == SubmissionStatus.RECEIVED
    assert next_bundle(cast)[1] == []
    recognise_declaration(
        cast.users["cw"],
        submission.declaration,
        outcome="no_change",
        recognised_on=timezone.localdate(),
        reason="変動なし",
    )
    latest, sent = next_bundle(cast)
    assert sent == [(submission.key, "recognised")]
    portal_acknowledges(cast, latest)
    assert next_bundle(cast)[1] == []


def test_an_acknowledgement_from_another_offices_portal_changes_nothing_here(cast):
    from hogo.transfer import services
    from tests.bundles import acknowledged_by_portal

    _account, submission = imported(cast)
    first, _sent = next_bundle(cast)
    other = cast.office_b.municipality_code

    services.import_bundle(acknowledged_by_portal(other, first), "from-other-portal.zip")

    assert Submission.objects.get().status_acknowledged == ""
    assert next_bundle(cast)[1] == [(submission.key, "received")]
