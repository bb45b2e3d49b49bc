"""The period label of a 収入申告 (shown in the recipient's list and receipt, and sent to the core) is in
和暦: 「令和8年11月分」, not 「2026年11月分」."""

from django.urls import reverse

from hogo.recipient_portal.models import RecipientPerson, Submission

from .recipient_helpers import HEAD_A, income_post, signed_in, two_households


def test_the_income_months_period_label_is_in_wareki(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    assert client.post(reverse("my_submission_new", args=["income"]), income_post(head.pk)).status_code == 302
    assert Submission.objects.get().period_label == "令和8年11月分"


def test_two_months_are_both_in_wareki_across_the_new_year(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    data = income_post(head.pk)
    data.update(person_2=str(head.pk), income_kind_2="pension", month_2="2027-01", amount_2="60000")
    data["month_1"] = "2026-12"
    assert client.post(reverse("my_submission_new", args=["income"]), data).status_code == 302
    assert Submission.objects.get().period_label == "令和8年12月分・令和9年1月分"
