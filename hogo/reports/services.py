"""Running a report: who may run which report for which households, the checks on the month, the stored
run with the data version it used, and the background task that fills it (decision 0035).

- 課長 and 事務 run every report for their office;
- 査察指導員 run the survey and steering reports for what they see (their teams' households);
- ケースワーカー run the steering reports (14日・担当世帯数・確認事項) for their own caseload only;
- anyone else, and any office where the user holds no such role, is refused.
Bad input (an unknown report, a month in the future or before the office's first record, an office
the user may not run reports for) is a ValidationError naming the field; nothing is saved."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django_tasks import task

from hogo.audit.context import audit_context
from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.households.models import Household
from hogo.households.scoping import caseload_of, households_visible_to
from hogo.offices.models import Office, Role
from hogo.offices.queries import standing_of

from . import queries, rules
from .catalogue import OFFICE_WIDE, REPORTS
from .models import ReportRun, ReportSettings

NOT_ALLOWED = "この統計を作成する権限がありません。"


def threshold_of(office_id: int) -> int:
    found = ReportSettings.objects.filter(office_id=office_id).first()
    return found.suppression_threshold if found else 0


def offices_for(actor) -> list[Office]:
    """The offices where the actor may run some report."""
    roles = {Role.CHIEF, Role.CLERK, Role.SUPERVISOR, Role.CASEWORKER}
    ids = standing_of(actor).offices_with(*roles)
    return list(Office.objects.filter(pk__in=ids).order_by("name", "pk"))


def reports_for(actor, office_id: int) -> list[str]:
    """The reports the actor may run in the office, in the catalogue's order."""
    held = standing_of(actor).roles_by_office.get(office_id, frozenset())
    return [key for key, report in REPORTS.items() if held & set(report.roles)]


def scope_for(actor, office_id: int, report: str) -> str:
    """The households a run of `report` by `actor` counts: the office, the SV's teams, or the CW's own."""
    held = standing_of(actor).roles_by_office.get(office_id, frozenset())
    allowed = held & set(REPORTS[report].roles)
    if allowed & set(OFFICE_WIDE):
        return ReportRun.Scope.OFFICE
    if Role.SUPERVISOR in allowed:
        return ReportRun.Scope.TEAM
    if Role.CASEWORKER in allowed:
        return ReportRun.Scope.OWN
    raise PermissionDenied(NOT_ALLOWED)


def households_of(run_or_scope, office: Office, actor, on: date):
    scope = getattr(run_or_scope, "scope", run_or_scope)
    if scope == ReportRun.Scope.OFFICE:
        return Household.objects.filter(office=office)
    if scope == ReportRun.Scope.TEAM:
        return households_visible_to(actor, on).filter(office=office)
    return caseload_of(actor, on).filter(office=office)


def month_and_day(report: str, month: date, today: date) -> tuple[date, date]:
    """The month a run is stored under and its reference day: the month's last day, today for the month
    under way; for the 年次調査, July of the latest July begun."""
    if report == "annual":
        month = rules.annual_reference(month)
    end = rules.month_end(month)
    return month, min(end, today)


def check_request(actor, office: Office | None, report: str, month_text) -> tuple[str, date, date]:
    """The refusals, field by field, before anything is saved: (scope, month, reference day)."""
    errors = {}
    if report not in REPORTS:
        names = "、".join(f"{k}（{r.title}）" for k, r in REPORTS.items())
        errors["report"] = f"統計「{report}」はありません。次のどれかです: {names}。"
    if office is None or office.pk not in {o.pk for o in offices_for(actor)}:
        errors["office"] = "その福祉事務所の統計は作成できません（役割を持つ事務所だけです）。"
    month = None
    try:
        month = month_text if isinstance(month_text, date) else rules.parse_month(month_text)
        month = month.replace(day=1)
    except rules.RuleError as exc:
        errors["month"] = str(exc)
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    month, day = month_and_day(report, month, today)
    try:
        rules.check_month(month, this_month=today, first_month=queries.first_record_month(office.pk))
    except rules.RuleError as exc:
        if report == "annual" and month > today:
            raise ValidationError({"month": "年次調査（7月末）の基準日がまだ来ていません。"}) from None
        raise ValidationError({exc.field: str(exc)}) from None
    scope = scope_for(actor, office.pk, report)
    return scope, month, day


def start_run(actor, office: Office, report: str, month, *, enqueue: bool = True) -> ReportRun:
    """Store the run (waiting) and hand it to the worker."""
    scope, month, day = check_request(actor, office, report, month)
    with transaction.atomic():
        run = ReportRun.objects.create(
            office=office,
            report=report,
            month=month,
            reference_date=day,
            scope=scope,
            requested_by=actor,
            threshold=threshold_of(office.pk),
        )
        record(
            actor, Action.CREATE, target=run, office_id=office.pk, detail={"report": report, "month": f"{month:%Y-%m}"}
        )
    if enqueue:
        run_report.enqueue(run.pk)
    return run


def visible_runs(actor):
    """Every run of the offices where the actor is chief or clerk; otherwise the actor's own runs."""
    offices = standing_of(actor).offices_with(*OFFICE_WIDE)
    return ReportRun.objects.filter(office_id__in=offices) | ReportRun.objects.filter(
        requested_by_id=actor.pk, office_id__in=standing_of(actor).office_ids
    )


def open_run(actor, public_id) -> ReportRun:
    run = visible_runs(actor).filter(public_id=public_id).select_related("office", "requested_by").first()
    if run is None:
        raise Http404("統計の集計が見つかりません。")
    return run


def _progress(run: ReportRun):
    def say(percent: int, step: str) -> None:
        ReportRun.objects.filter(pk=run.pk).update(progress=min(percent, 99), step=step[:100])

    return say


def compute(run: ReportRun) -> dict:
    """The run's tables, from the records as they are now (the run stores them with the version)."""
    households = households_of(run, run.office, run.requested_by, run.reference_date)
    say = _progress(run)
    month = run.month
    if run.report == "monthly":
        return queries.monthly(households, month, say)
    if run.report == "annual":
        return queries.annual(households, month, say)
    if run.report == "welfare":
        return queries.welfare(households, month, say)
    if run.report == "compliance":
        return queries.compliance(households, month, say, today=run.reference_date)
    if run.report == "caseload":
        return queries.caseload(households, month, run.office, say, day=run.reference_date)
    if run.report == "followups":
        return queries.followups(households, month, say, day=run.reference_date)
    if run.report == "spending":
        return queries.spending(households, month, say)
    return queries.receivables(run.office, month, say, day=run.reference_date)


def execute(run: ReportRun) -> ReportRun:
    """Fill the run: running, then done with its result and data version (or failed with the reason)."""
    ReportRun.objects.filter(pk=run.pk).update(status=ReportRun.Status.RUNNING, progress=1, step="開始しました")
    try:
        households = households_of(run, run.office, run.requested_by, run.reference_date)
        version = {**queries.data_version(households), "computed_at": timezone.now().isoformat()}
        result = compute(run)
    except Exception as exc:  # a failed run says so on its page; the worker's log keeps the trace
        ReportRun.objects.filter(pk=run.pk).update(
            status=ReportRun.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:500], finished_at=timezone.now()
        )
        raise
    ReportRun.objects.filter(pk=run.pk).update(
        status=ReportRun.Status.DONE,
        progress=100,
        step="完了",
        result=result,
        data_version=version,
        finished_at=timezone.now(),
    )
    run.refresh_from_db()
    return run


@task()
def run_report(run_id: int) -> str:
    with audit_context(source="reports"):
        run = ReportRun.objects.select_related("office", "requested_by").get(pk=run_id)
        if run.status == ReportRun.Status.DONE:
            return "done"  # a task delivered twice computes once
        return execute(run).status


def run_now(actor, office: Office, report: str, month) -> ReportRun:
    """For the CLI: store the run and compute it in this process."""
    return execute(start_run(actor, office, report, month, enqueue=False))
