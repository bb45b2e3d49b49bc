"""A status the core sent in a bundle the portal refused (quarantined) or never received is not lost: the
core sends it again in every next bundle, marked with that bundle's id, until the portal acknowledges one."""

from hogo.recipients.models import Submission
from tests.recipients.helpers import imported

from .status_helpers import next_bundle, portal_acknowledges


def test_a_status_the_portal_did_not_acknowledge_is_in_the_next_bundle_again(cast):
    _account, submission = imported(cast)

    first, sent = next_bundle(cast)
    assert sent == [(submission.key, "received")]
    # the portal refused `first` (stale, import_failed, …): its next bundle acknowledges nothing of it
    portal_acknowledges(cast)

    second, again = next_bundle(cast)
    assert again == [(submission.key, "received")]
    assert second != first and Submission.objects.get().status_sent_bundle == second


def test_a_late_acknowledgement_of_an_older_bundle_does_not_stop_a_newer_status(cast, login):
    from django.urls import reverse

    _account, submission = imported(cast)
    first, _sent = next_bundle(cast)
    login(cast.users["cw"]).get(reverse("recipient_submission", args=[submission.public_id]))  # 確認中
    second, sent = next_bundle(cast)
    assert sent == [(submission.key, "checking")]

    portal_acknowledges(cast, first)  # the portal accepted `first` only (`second` was lost)

    _third, again = next_bundle(cast)
    assert again == [(submission.key, "checking")]
