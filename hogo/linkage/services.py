"""The one import pipeline every source goes through (issue 18 item 1, decision 0029).

file → every row checked (layouts: nothing applied when anything is wrong) → the same file twice is
recognised by its SHA-256 and changes nothing → each row matched to a member (matching: exceptions,
never guesses) → what the row changes (effects), saved in bulk as insert-only facts → the household
recomputed by the engine from the day the change takes effect → a change decision drafted only
where an amount changes, in the name of the household's caseworker (seed 001 §2.6: 「仮データだけ
作成し、各CWで決定」) → exceptions and large changes wait for the CW → the SV approves the rest in
bulk → the notices print in one PDF per CW.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.audit.models import Action
from hogo.audit.services import Event, record, record_many
from hogo.benefits.engine import load_standards
from hogo.decisions import changes
from hogo.decisions.facts import CIRCUMSTANCE_FIELDS, engine_input_from, load_rows
from hogo.decisions.models import Decision, DecisionStatus
from hogo.decisions.recalc import review_reason
from hogo.households.income_services import rules_of
from hogo.households.models import Circumstance, CircumstanceKind, Income, IncomeKind, Member, StatusChange
from hogo.households.scoping import active_assignments, editable_among, households_visible_to, may_edit
from hogo.offices.models import Office, Role
from hogo.offices.queries import standing_of

from . import effects, layouts, matching
from .models import WAITING, LinkageRow, LinkageRun, LinkageSetting, Outcome, Source

IMPORTERS = (Role.SUPERVISOR, Role.CHIEF, Role.CLERK)
NOT_IMPORTER = "連携データを取り込めるのは査察指導員・課長・事務です。"
APPROVERS = (Role.SUPERVISOR, Role.CHIEF)
# 直方市 (seed 003 取組3): about 1,500 pension cases a year, 25.6 hours saved — about 1 minute a case
DEFAULT_MINUTES = {Source.PENSION: 1}
WAITING_DRAFT = "決裁待ちの決定があるため反映していません（その決定の後に「反映する」を押してください）"
NO_CASEWORKER = "担当CWがいないため反映していません"


def may_import(actor, office_id: int) -> bool:
    standing = standing_of(actor)
    return any(standing.has_role(role, office_id) for role in IMPORTERS)


def visible_runs(actor):
    """Runs of the offices where the actor is a supervisor, chief or clerk."""
    return LinkageRun.objects.filter(office_id__in=standing_of(actor).offices_with(*IMPORTERS))


def minutes_of(office: Office, source: str) -> int | None:
    setting = LinkageSetting.objects.filter(office=office, source=source).first()
    return setting.minutes_per_case if setting else DEFAULT_MINUTES.get(source)


@dataclass
class Imported:
    run: LinkageRun
    already: bool = False  # the same file was imported before: nothing changed
    dry_run: bool = False
    counts: dict = field(default_factory=dict)


def import_file(actor, office: Office, source: str, file_name: str, data: bytes, *, dry_run=False) -> Imported:
    """Check, match and apply one file of `source` for `office`; `actor` None is the operator's CLI.
    Raises layouts.FileRefused (every bad row and column named; nothing applied)."""
    if actor is not None and not may_import(actor, office.pk):
        record(actor, Action.DENIED, office_id=office.pk, detail={"linkage_import": source})
        raise PermissionDenied(NOT_IMPORTER)
    if source not in Source.values:
        raise ValidationError({"source": "データの種類を一覧から選んでください。"})
    parsed = layouts.read_file(source, data)
    digest = hashlib.sha256(data).hexdigest()
    earlier = LinkageRun.objects.filter(office=office, source=source, sha256=digest).first()
    if earlier is not None:
        return Imported(earlier, already=True, counts=counts_of(earlier))
    imported = None
    with transaction.atomic():
        # One import at a time per office: two files read, matched and drafted at once could both draft a
        # change for one household. Under the lock the same file is looked for again and rows are matched
        # against what the import before this one left.
        Office.objects.select_for_update().get(pk=office.pk)
        earlier = LinkageRun.objects.filter(office=office, source=source, sha256=digest).first()
        if earlier is not None:
            return Imported(earlier, already=True, counts=counts_of(earlier))
        matches = matching.match_rows(
            office.pk, parsed.rows, lambda row: effects.effective_day(source, row.values), parsed.layout.fact_keys
        )
        try:
            with transaction.atomic():
                run = LinkageRun.objects.create(
                    office=office,
                    source=source,
                    file_name=file_name[:200],
                    sha256=digest,
                    encoding=parsed.encoding,
                    uploaded_by=actor,
                    rows=len(parsed.rows),
                    minutes_per_case=minutes_of(office, source),
                )
        except IntegrityError:  # the same file, imported a moment ago by someone else
            imported = Imported(LinkageRun.objects.get(office=office, source=source, sha256=digest), already=True)
        else:
            rows = [
                LinkageRow(run=run, line=row.line, values=layouts.iso(row.values), outcome=Outcome.EXCEPTION)
                for row in parsed.rows
            ]
            LinkageRow.objects.bulk_create(rows, batch_size=2000)
            apply_rows(actor, run, list(zip(parsed.rows, rows, strict=True)), matches)
            counts = refresh_counts(run)
            record(
                actor,
                Action.CREATE,
                target=run,
                office_id=office.pk,
                detail={"source": source, "sha256": digest, "dry_run": dry_run, **counts},
            )
            imported = Imported(run, dry_run=dry_run, counts=counts)
            if dry_run:
                transaction.set_rollback(True)
    if imported.already:
        imported.counts = counts_of(imported.run)
    if dry_run and not imported.already:  # the entries above were rolled back with the run
        record(actor, Action.VIEW, office_id=office.pk, detail={"linkage_dry_run": source, **imported.counts})
    return imported


# --- applying rows ---------------------------------------------------------------------------------


def _state(office: Office, member_ids: set[int], household_ids: set[int]) -> effects.State:
    ids = list(member_ids)
    incomes: dict[int, list[Income]] = {}
    for income in Income.objects.current().filter(member_id__in=ids, kind=IncomeKind.PENSION).order_by("since"):
        incomes.setdefault(income.member_id, []).append(income)
    circumstances: dict[int, list[dict]] = {}
    facts = Circumstance.objects.filter(
        member_id__in=ids, kind__in=(CircumstanceKind.CARE_PREMIUM, CircumstanceKind.DISABILITY)
    ).values(*CIRCUMSTANCE_FIELDS)
    for row in facts:
        circumstances.setdefault(row["member_id"], []).append(row)
    starts: dict[int, date | None] = {}
    started = StatusChange.objects.filter(household_id__in=list(household_ids), to_status__in=("applying", "active"))
    for household_id, day in started.order_by("effective_date").values_list("household_id", "effective_date"):
        starts.setdefault(household_id, day.replace(day=1))
    return effects.State(
        incomes=incomes,
        circumstances=circumstances,
        members=Member.objects.in_bulk(ids),
        starts=starts,
        pension_rounding=rules_of(office).pension_rounding,
    )


def _drafters(household_ids) -> dict[int, object]:
    """Each household's caseworker today (the user who drafts its change, as seed 001 §2.6 asks)."""
    pairs = dict(
        active_assignments(timezone.localdate())
        .filter(household_id__in=list(household_ids))
        .values_list("household_id", "caseworker__user_id")
    )
    users = get_user_model().objects.in_bulk(set(pairs.values()))
    return {household_id: users[user_id] for household_id, user_id in pairs.items()}


MATCH_FIELDS = ["member", "household", "candidates", "reason", "outcome"]


def apply_rows(actor, run: LinkageRun, pairs: list[tuple[layouts.Row, LinkageRow]], matches: dict) -> None:
    """Decide and save each row's outcome: exceptions, facts recorded, drafts where amounts change."""
    for parsed, row in pairs:
        match = matches[parsed.line]
        row.member_id, row.household_id, row.candidates = match.member_id, match.household_id, match.candidates
        row.reason = match.problem
        row.outcome = Outcome.EXCEPTION if match.problem else Outcome.TO_CONFIRM
    if run.source == Source.RESIDENT_CHANGE:  # never applied silently: each waits for its caseworker
        LinkageRow.objects.bulk_update([row for _, row in pairs], MATCH_FIELDS, batch_size=2000)
        return
    matched = [(p, r) for p, r in pairs if r.member_id is not None]
    households = {r.household_id for _, r in matched}
    state = _state(run.office, {r.member_id for _, r in matched}, households)
    waiting = set(
        Decision.objects.filter(household_id__in=households, status=DecisionStatus.DRAFT).values_list(
            "household_id", flat=True
        )
    )
    drafters = _drafters(households)
    effect_of = effects.BY_SOURCE[run.source]
    applied: list[tuple[LinkageRow, effects.Effect]] = []
    for parsed, row in matched:
        effect = effect_of(parsed.values, state.members[row.member_id], state, actor)
        row.change = effect.change[:300]
        if effect.problem:
            row.outcome, row.reason = Outcome.EXCEPTION, effect.problem[:200]
        elif not effect.changes_anything:
            row.outcome = Outcome.UNCHANGED
        elif effect.amounts_from and row.household_id in waiting:
            row.outcome, row.reason = Outcome.EXCEPTION, WAITING_DRAFT
        elif effect.amounts_from and row.household_id not in drafters:
            row.outcome, row.reason = Outcome.EXCEPTION, NO_CASEWORKER
        else:
            row.outcome = Outcome.APPLIED
            applied.append((row, effect))
    _save_effects(actor, run, applied)
    _draft(actor, run, [(row, effect) for row, effect in applied if effect.amounts_from], drafters)
    LinkageRow.objects.bulk_update(
        [row for _, row in pairs],
        [*MATCH_FIELDS, "change", "decision", "old_total", "new_total", "review"],
        batch_size=2000,
    )


def _save_effects(actor, run: LinkageRun, applied: list[tuple[LinkageRow, effects.Effect]]) -> None:
    """The facts of every applied row, in bulk, each with its audit entry (the source run named)."""
    incomes = [income for _, effect in applied for income in effect.incomes]
    # an entry that ends an income must exist before… nothing refers to it, so one insert does
    Income.objects.bulk_create(incomes, batch_size=2000)
    facts = [fact for _, effect in applied for fact in effect.circumstances]
    Circumstance.objects.bulk_create(facts, batch_size=2000)
    members = []
    for row, effect in applied:
        if effect.member_fields:
            member = Member(pk=row.member_id, **effect.member_fields)
            members.append((member, sorted(effect.member_fields)))
    by_fields: dict[tuple, list[Member]] = {}
    for member, names in members:
        by_fields.setdefault(tuple(names), []).append(member)
    for names, group in by_fields.items():
        Member.objects.bulk_update(group, list(names), batch_size=2000)
    run_id = str(run.public_id)
    office_id = run.office_id
    events = [
        Event(Action.CREATE, Income.audit_type, str(i.public_id), office_id, {"linkage_run": run_id, "kind": i.kind})
        for i in incomes
    ]
    events += [
        Event(Action.CREATE, Circumstance.audit_type, str(c.public_id), office_id, {"linkage_run": run_id})
        for c in facts
    ]
    member_ids = {m.pk for m, _ in members}
    public = dict(Member.objects.filter(pk__in=member_ids).values_list("pk", "public_id"))
    events += [
        Event(Action.UPDATE, Member.audit_type, str(public[m.pk]), office_id, {"linkage_run": run_id, "fields": names})
        for m, names in members
    ]
    if events:
        record_many(actor, events)


def _draft(actor, run: LinkageRun, applied, drafters: dict) -> None:
    """Recompute each household from the earliest day its rows change it and draft one change decision
    where an amount changes (the engine, the comparison and the writing `changes` shares with 一斉更正)."""
    by_household: dict[int, list[tuple[LinkageRow, effects.Effect]]] = {}
    for row, effect in applied:
        by_household.setdefault(row.household_id, []).append((row, effect))
    if not by_household:
        return
    ids = sorted(by_household)
    standards = load_standards()
    households, members, incomes = load_rows(ids)
    history = changes.approved_by_household(ids)
    drafts = []
    for household_id in ids:
        rows = by_household[household_id]
        day = min(effect.amounts_from for _, effect in rows)
        own = members.get(household_id, [])
        facts = engine_input_from(households[household_id], own, incomes, day)
        comparison = changes.compare_facts(facts, history.get(household_id, []), day, standards)
        for row, _ in rows:
            row.old_total, row.new_total = comparison.old_total, comparison.new_total
        if comparison.problem:
            for row, _ in rows:
                row.outcome = Outcome.EXCEPTION
                row.reason = f"記録はしましたが、変更決定を起案できません（{comparison.problem}）"[:200]
            continue
        if not comparison.changed:
            continue  # the facts are recorded; the amounts stay (APPLIED)
        lines = [f"{row.change}（{Source(run.source).label}のデータ）" for row, _ in rows]
        reasons = changes.reasons_text(lines, comparison)
        _, draft = changes.build_draft(drafters[household_id], households[household_id], own, comparison, reasons)
        drafts.append(draft)
        review = review_reason(comparison.old_total, comparison.new_total, comparison.calc.need)
        for row, _ in rows:
            row.outcome, row.decision, row.review = Outcome.DRAFTED, draft, review
    office_of = dict.fromkeys(ids, run.office_id)
    changes.save_drafts(actor, drafts, office_of, {"linkage_run": str(run.public_id)})
    for draft in drafts:
        for row, _ in by_household[draft.household_id]:
            row.decision_id = draft.pk


def counts_of(run: LinkageRun) -> dict:
    return {
        "rows": run.rows,
        "matched": run.matched,
        "drafted": run.drafted,
        "unchanged": run.unchanged,
        "applied": run.applied,
        "exceptions": run.exceptions,
        "to_confirm": run.to_confirm,
    }


def refresh_counts(run: LinkageRun) -> dict:
    """The run's figures from its rows (after an import and after each thing a caseworker resolves)."""
    by = dict(run.items.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n"))
    run.matched = run.items.filter(Q(member__isnull=False) | Q(household__isnull=False)).count()
    run.drafted = run.items.exclude(decision=None).values("decision").distinct().count()
    run.unchanged = by.get(Outcome.UNCHANGED, 0)
    run.applied = by.get(Outcome.APPLIED, 0)
    run.exceptions = by.get(Outcome.EXCEPTION, 0)
    run.to_confirm = by.get(Outcome.TO_CONFIRM, 0)
    run.save(update_fields=["matched", "drafted", "unchanged", "applied", "exceptions", "to_confirm"])
    return counts_of(run)


# --- what a caseworker does with a row ----------------------------------------------------------------

DATE_KEYS = ("birth_date", "revision_month", "month", "valid_from", "valid_until", "issued_on", "moved_on")


def parsed_of(row: LinkageRow) -> layouts.Row:
    """The row's values as the pipeline reads them (dates back from their stored ISO text)."""
    values = dict(row.values)
    for key in DATE_KEYS:
        if values.get(key):
            values[key] = date.fromisoformat(values[key])
    return layouts.Row(row.line, values)


def rows_waiting_for(actor):
    """Rows a caseworker (or supervisor) should act on: exceptions and 住民異動 whose household — or, for
    an ambiguous match, one of whose candidates' households — the actor may change; drafts with a large
    change waiting for a look; all within the actor's offices. A fixed number of queries however many
    rows wait: the candidates' households in one query, what the actor may change in one pass."""
    standing = standing_of(actor)
    offices = standing.offices_with(Role.CASEWORKER, Role.SUPERVISOR)
    rows = LinkageRow.objects.filter(run__office_id__in=offices).select_related("run", "household", "member")
    waiting = rows.filter(outcome__in=WAITING) | rows.filter(
        outcome=Outcome.DRAFTED, handled_at__isnull=True, decision__status=DecisionStatus.DRAFT
    ).exclude(review="")
    found = list(waiting.order_by("run__uploaded_at", "line")[:500])
    handles = _handled_by(actor, found)
    return [row for row in found if handles(row)]


def _household_ids_of(rows: list[LinkageRow]) -> dict[int, set[int]]:
    """Each row's households (by row pk): its own, else its candidates' (one query for all rows)."""
    candidate_ids = {pk for row in rows if row.household_id is None for pk in row.candidates}
    home = dict(Member.objects.filter(pk__in=candidate_ids).values_list("pk", "household_id")) if candidate_ids else {}
    return {
        row.pk: {row.household_id}
        if row.household_id is not None
        else {home[pk] for pk in row.candidates if pk in home}
        for row in rows
    }


def _handled_by(actor, rows: list[LinkageRow]):
    """A test of "the actor may settle this row" for each of `rows`, with the queries done once."""
    households = _household_ids_of(rows)
    editable = editable_among(actor, set().union(*households.values())) if rows else set()
    standing = standing_of(actor)

    def handles(row: LinkageRow) -> bool:
        if households[row.pk]:
            return bool(households[row.pk] & editable)
        return standing.has_role(Role.SUPERVISOR, row.run.office_id)

    return handles


def _may_handle(actor, row: LinkageRow) -> bool:
    """Who may settle a row: those who may change its household (or a candidate's); a row that names
    no household of the office (nobody found) is the office's supervisors' to settle."""
    return _handled_by(actor, [row])(row)


def _may_read(actor, row: LinkageRow) -> bool:
    """The office's importers read a row that names no household, or one whose household (or one of
    whose candidates' households) they may see: a supervisor of another team does not."""
    if not may_import(actor, row.run.office_id):
        return False
    households = _household_ids_of([row])[row.pk]
    return not households or households_visible_to(actor).filter(pk__in=households).exists()


def open_row(actor, public_id) -> LinkageRow:
    """One row, for a caseworker who may change its household (or a candidate's), and for the office's
    importers who may see that household; audited."""
    rows = LinkageRow.objects.select_related("run__office", "household", "member", "decision")
    row = rows.filter(public_id=public_id).first()
    if row is None or not (_may_handle(actor, row) or _may_read(actor, row)):
        raise Http404("連携データの行が見つかりません。")
    record(actor, Action.VIEW, target=row, detail={"run": str(row.run.public_id)})
    return row


def candidates_of(actor, row: LinkageRow) -> list[Member]:
    """The members a caseworker may choose for an exception: its candidates in households they may change."""
    members = Member.objects.filter(pk__in=row.candidates).select_related("household")
    return [m for m in members if may_edit(actor, m.household)]


def _require_waiting(row: LinkageRow, *outcomes) -> None:
    if row.outcome not in outcomes:
        raise ValidationError(f"この行は既に「{row.get_outcome_display()}」です。")


@transaction.atomic
def resolve(actor, row: LinkageRow, member: Member) -> LinkageRow:
    """An exception settled by the caseworker: the row is about `member` (one of its candidates, or the
    matched member again once a waiting draft is decided); the row's change is applied as at import."""
    row = LinkageRow.objects.select_for_update().select_related("run__office").get(pk=row.pk)
    _require_waiting(row, Outcome.EXCEPTION)
    if row.run.source == Source.RESIDENT_CHANGE:
        raise ValidationError("住民異動は「確認して反映する」から反映してください。")
    allowed = set(row.candidates) | ({row.member_id} if row.member_id else set())
    if member.pk not in allowed:
        raise ValidationError({"member": "候補の世帯員から選んでください。"})
    if not may_edit(actor, member.household):
        raise PermissionDenied("この世帯を変更する権限がありません。")
    if member.household.status not in matching.OPEN:
        raise ValidationError({"member": "保護を受けていない世帯の世帯員です。反映せず「対応不要」としてください。"})
    match = matching.Match(member.pk, member.household_id)
    apply_rows(actor, row.run, [(parsed_of(row), row)], {row.line: match})
    row.handled_by, row.handled_at = actor, timezone.now()
    row.save(update_fields=["handled_by", "handled_at"])
    refresh_counts(row.run)
    record(actor, Action.UPDATE, target=row, detail={"resolved": str(member.public_id), "outcome": row.outcome})
    return row


@transaction.atomic
def dismiss(actor, row: LinkageRow, reason: str) -> LinkageRow:
    """An exception or 住民異動 the caseworker handles otherwise (or that needs nothing), with the reason."""
    row = LinkageRow.objects.select_for_update().select_related("run").get(pk=row.pk)
    _require_waiting(row, *WAITING)
    if not _may_handle(actor, row):
        raise PermissionDenied("この行を扱う権限がありません。")
    if not reason.strip():
        raise ValidationError({"reason": "対応不要とする理由を入力してください。"})
    row.outcome, row.reason = Outcome.DISMISSED, reason.strip()[:200]
    row.handled_by, row.handled_at = actor, timezone.now()
    row.save(update_fields=["outcome", "reason", "handled_by", "handled_at"])
    refresh_counts(row.run)
    record(actor, Action.UPDATE, target=row, detail={"dismissed": row.reason})
    return row


@transaction.atomic
def mark_reviewed(actor, row: LinkageRow) -> LinkageRow:
    """The caseworker has looked at a large change: its draft may now be approved with the rest."""
    row = LinkageRow.objects.select_for_update().get(pk=row.pk)
    if not row.waiting_review:
        raise ValidationError("この行に確認待ちの大きな変更はありません。")
    if not may_edit(actor, row.household):
        raise PermissionDenied("この世帯を変更する権限がありません。")
    LinkageRow.objects.filter(decision_id=row.decision_id).update(handled_by=actor, handled_at=timezone.now())
    record(actor, Action.UPDATE, target=row, detail={"reviewed": row.review})
    row.refresh_from_db()
    return row


def may_approve(actor, run: LinkageRun) -> bool:
    standing = standing_of(actor)
    return any(standing.has_role(role, run.office_id) for role in APPROVERS)


def approvable(run: LinkageRun):
    """The run's drafts that wait for approval and for nobody's look: no large change left unreviewed."""
    rows = run.items.filter(outcome=Outcome.DRAFTED, decision__status=DecisionStatus.DRAFT)
    held = rows.exclude(review="").filter(handled_at__isnull=True).values_list("decision_id", flat=True)
    ids = set(rows.values_list("decision_id", flat=True)) - set(held)
    return Decision.objects.filter(pk__in=ids).select_related("household__office").order_by("household__case_number")


def approve_run(actor, run: LinkageRun) -> dict:
    """Approve at the actor's step every draft of the run not held for a caseworker's look; each goes
    through the approvals module's rules (refusals counted and audited, not raised)."""
    if not may_approve(actor, run):
        raise PermissionDenied("一括承認できるのは査察指導員と課長です。")
    comment = f"連携データ（{run.get_source_display()}）の一括承認"
    return approvals.approve_each(actor, list(approvable(run)), comment=comment)


def notice_groups(run: LinkageRun) -> list[dict]:
    """The run's approved decisions by the caseworker who drafted them, each in print order (case number)."""
    ids = run.items.exclude(decision=None).values_list("decision_id", flat=True)
    decided = (
        Decision.objects.filter(pk__in=set(ids), status=DecisionStatus.APPROVED)
        .select_related("drafted_by__staff", "household__office", "application")
        .order_by("drafted_by_id", "household__case_number", "id")
    )
    groups: dict[int, dict] = {}
    for decision in decided:
        group = groups.setdefault(decision.drafted_by_id, {"drafter": decision.drafted_by, "decisions": []})
        group["decisions"].append(decision)
    return list(groups.values())
