"""The 5-wrong-codes limit holds for requests that arrive at the same time: each attempt is counted (a row
committed before its code is checked), so attempts in flight see each other and no more than five codes of a
login are ever checked in the window — for 利用開始 and for the TOTP second step alike."""

import pyotp
import pytest
from django.core.exceptions import ValidationError

from hogo.recipient_portal import services
from hogo.recipient_portal.models import ActivationAttempt, RecipientAccount

from .recipient_helpers import PASSWORD, deliver, household

WRONG = "0000-0000-0000-0000"


def guess_in_parallel(monkeypatch, checker: str, attempt):
    """Start one attempt; while its code is being checked, five more arrive. Returns how many codes were
    checked in all."""
    real = getattr(services, checker)
    checked, inside = [], []

    def counting(*args, **kwargs):
        checked.append(1)
        if not inside:
            inside.append(1)
            for _ in range(5):  # the parallel requests, while the first is still being checked
                with pytest.raises(ValidationError):
                    attempt()
        return real(*args, **kwargs)

    monkeypatch.setattr(services, checker, counting)
    with pytest.raises(ValidationError):
        attempt()
    return len(checked)


def test_parallel_activation_guesses_are_checked_at_most_five_times(db, monkeypatch):
    deliver(household())
    checked = guess_in_parallel(monkeypatch, "code_hash", lambda: services.activate("R10000001", WRONG, PASSWORD))
    assert checked == services.MAX_WRONG
    assert RecipientAccount.objects.get().activated_at is None


def test_parallel_totp_guesses_are_checked_at_most_five_times(db, monkeypatch):
    deliver(household())
    account = RecipientAccount.objects.get()
    account.totp_secret = pyotp.random_base32()
    account.save()
    checked = guess_in_parallel(monkeypatch, "normalized_code", lambda: services.verify_totp(account, "000000"))
    assert checked == services.MAX_WRONG


def test_an_attempt_is_counted_before_its_code_is_checked(db, monkeypatch):
    deliver(household())
    seen = []
    real = services.code_hash
    monkeypatch.setattr(
        services, "code_hash", lambda code: seen.append(ActivationAttempt.objects.count()) or real(code)
    )
    with pytest.raises(ValidationError):
        services.activate("R10000001", WRONG, PASSWORD)
    assert seen == [1]
