"""Pages that show case numbers and amounts write an audit entry naming what they show: a mass
recalculation's page (its exceptions by case number, old and new totals) and the 14-day figures (the
overdue applications by case number) (decision 0022)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import Action, AuditEntry
from hogo.decisions.models import Application, RecalcResult, RecalcRun


def last_seq():
    return AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_opening_a_recalculation_records_the_run_and_the_households_listed_once(cast, login):
    run = RecalcRun.objects.create(
        office=cast.office_a, as_of=timezone.localdate(), reason="基準改定", requested_by=cast.users["clerk"]
    )
    RecalcRun.objects.filter(pk=run.pk).update(status=RecalcRun.Status.DONE, total=2, processed=2)
    for name in ("own", "mate"):
        RecalcResult.objects.create(
            run=run,
            household=cast.households[name],
            outcome="changed",
            old_total=90000,
            new_total=91000,
            exception="決裁できませんでした",
        )
    client = login(cast.users["chief"])
    before = last_seq()
    page = client.get(reverse("recalc_detail", args=[run.public_id])).content.decode()
    assert str(cast.households["own"].case_number) in page
    (entry,) = AuditEntry.objects.filter(seq__gt=before)
    assert (entry.action, entry.target_type, entry.target_id) == (Action.VIEW, "recalc_run", str(run.public_id))
    assert entry.office_id == cast.office_a.pk and entry.detail["view"] == "recalc_detail"
    expected = {str(cast.households[name].public_id) for name in ("own", "mate")}
    assert set(entry.detail["shown"]) == expected and entry.detail["shown_count"] == 2
    # the progress fragment, polled every 2 s while a run works, shows no one and writes nothing
    client.get(reverse("recalc_detail", args=[run.public_id]), HTTP_HX_REQUEST="true")
    assert AuditEntry.objects.filter(seq__gt=before).count() == 1


def test_the_figures_record_the_overdue_applications_they_list(cast, applying, login):
    _, application = applying
    Application.objects.filter(pk=application.pk).update(received_on=timezone.localdate() - timedelta(days=30))
    client = login(cast.users["chief"])
    before = last_seq()
    client.get(reverse("decision_figures"))
    (entry,) = AuditEntry.objects.filter(seq__gt=before)
    assert entry.action == Action.LIST and entry.detail["view"] == "decision_figures"
    assert entry.detail["shown"] == [str(application.public_id)]
