"""Regenerating follow-up items from the rules, a chunk of households at a time.

Idempotent: an item is identified by (household, key), so running twice creates nothing new; an
open item whose due date moved (a new visit grade, a check done early) is updated in place; an
item whose rule no longer applies is withdrawn; an open item for a certificate whose date was
renewed is closed as done, because entering the new date is where that work happened.
"""

import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from hogo.common.fault_hooks import pause_inside_chunk_for_tests
from hogo.decisions.models import Application
from hogo.households.models import Household, Income, IncomeKind, MedicalCare, Member, Residence, Status, StatusChange
from hogo.offices.models import Office

from . import schedule
from .models import FollowUp, FollowupRule, Source, State
from .rules import ensure_rules

OPEN_STATES = (State.OPEN, State.SNOOZED)
ASSISTED = (Status.ACTIVE, Status.SUSPENDED)
CHUNK_SIZE = 2000
# Amber from three days before the decision deadline, as the application screens colour it
# (hogo.decisions.deadlines.urgency).
APPLICATION_WARNING = timedelta(days=3)
APPLICATION_BASIS = "生活保護法第24条第5項（14日以内、特別な理由があるときは30日以内）"


def household_facts(household_ids: list[int], today: date) -> dict[int, schedule.HouseholdFacts]:
    """The facts the rules test, for a chunk of households, in a fixed number of queries."""
    rows = Household.objects.filter(pk__in=household_ids).values_list(
        "pk", "status", "residence", "visit_grade", "created_at"
    )
    started = dict(
        StatusChange.objects.filter(household_id__in=household_ids, to_status=Status.ACTIVE)
        .values("household_id")
        .annotate(last=Max("effective_date"))
        .values_list("household_id", "last")
    )
    last_year = date(today.year - 1, 1, 1)
    ended_recently = set(
        StatusChange.objects.filter(
            household_id__in=household_ids,
            to_status__in=(Status.TERMINATED, Status.SUSPENDED),
            effective_date__gte=last_year,
        ).values_list("household_id", flat=True)
    )
    facts: dict[int, set] = defaultdict(set)
    dates: dict[int, dict] = defaultdict(lambda: defaultdict(list))
    current = Q(left_on__isnull=True) | Q(left_on__gt=today)
    for hid, mid, medical, able, care, care_until, disability_until in Member.objects.filter(
        current, household_id__in=household_ids
    ).values_list(
        "household_id",
        "pk",
        "medical_care",
        "able_to_work",
        "care_level",
        "care_certified_until",
        "disability_certificate_until",
    ):
        if medical == MedicalCare.INPATIENT:
            facts[hid].add("inpatient")
        elif medical == MedicalCare.OUTPATIENT:
            facts[hid].add("outpatient")
        if able:
            facts[hid].add("able_to_work")
        if care:
            facts[hid].add("care_certified")
        if care_until:
            dates[hid]["care_certified_until"].append((f"m{mid}", care_until))
        if disability_until:
            facts[hid].add("disability_certificate")
            dates[hid]["disability_certificate_until"].append((f"m{mid}", disability_until))
    for hid, kind in (
        Income.objects.filter(member__household_id__in=household_ids, since__lte=today)
        .values_list("member__household_id", "kind")
        .distinct()
    ):
        if kind == IncomeKind.EARNINGS:
            facts[hid].add("has_earnings")
        elif kind == IncomeKind.PENSION:
            facts[hid].add("has_pension")
    result = {}
    for hid, status, residence, grade, created_at in rows:
        own = facts[hid]
        if status in ASSISTED:
            own.add("under_assistance")
        if status in ASSISTED or hid in ended_recently:
            own.add("recipient_this_or_last_year")
        if "has_earnings" not in own:
            own.add("no_earnings")
        own.add("at_home" if residence == Residence.HOME else "in_institution")
        result[hid] = schedule.HouseholdFacts(
            household_id=hid,
            facts=frozenset(own),
            anchor=started.get(hid) or created_at.date(),
            visit_grade=grade,
            dates={k: tuple(v) for k, v in dates[hid].items()},
        )
    return result


def _rules_by_office(office_ids) -> dict[int, list[FollowupRule]]:
    by_office = {}
    for office in Office.objects.filter(pk__in=office_ids):
        rules = [r for r in ensure_rules(office) if r.active and r.schedule != schedule.AFTER_RECEIPT]
        for rule in rules:
            rule.cached_spec = rule.spec()
        by_office[office.pk] = rules
    return by_office


def regenerate_chunk(household_ids: list[int], today: date) -> dict:
    """Bring the rule and application items of these households up to date. Returns counts."""
    counts = {"created": 0, "updated": 0, "withdrawn": 0, "closed": 0}
    with transaction.atomic():
        office_of = dict(Household.objects.filter(pk__in=household_ids).values_list("pk", "office_id"))
        rules = _rules_by_office(set(office_of.values()))
        facts = household_facts(list(office_of), today)
        last_done = {
            (h, r): d
            for h, r, d in FollowUp.objects.filter(household_id__in=office_of, source=Source.RULE, state=State.DONE)
            .values("household_id", "rule_id")
            .annotate(last=Max("done_on"))
            .values_list("household_id", "rule_id", "last")
        }
        existing: dict[tuple, dict[str, FollowUp]] = defaultdict(dict)
        for item in FollowUp.objects.filter(household_id__in=office_of, source=Source.RULE).only(
            "pk", "household_id", "rule_id", "key", "state", "due_on", "warn_on"
        ):
            existing[(item.household_id, item.rule_id)][item.key] = item
        to_create, to_update = [], []
        for hid, office_id in office_of.items():
            household = facts[hid]
            for rule in rules.get(office_id, ()):
                _plan_rule(
                    rule,
                    household,
                    last_done.get((hid, rule.pk)),
                    existing.get((hid, rule.pk), {}),
                    today,
                    to_create,
                    to_update,
                    counts,
                )
        _plan_applications(office_of, today, to_create, to_update, counts)
        insert_items(to_create)
        if to_update:
            FollowUp.objects.bulk_update(
                to_update, ["key", "due_on", "warn_on", "state", "done_on", "done_note"], batch_size=1000
            )
        pause_inside_chunk_for_tests()  # the chunk's writes are made and not committed (tests/scale)
    counts["created"] = len(to_create)
    return counts


class NewItem(NamedTuple):
    household_id: int
    rule_id: int | None
    source: str
    key: str
    subject_id: str
    title: str
    period_label: str
    basis: str  # empty for rule items: their basis is the rule's
    due_on: date
    warn_on: date


ROWS_PER_INSERT = 500  # 8,000 parameters: inside SQLite's (32,766) and PostgreSQL's (65,535) limits
INSERT_COLUMNS = (
    "public_id",
    "household_id",
    "rule_id",
    "source",
    "key",
    "subject_id",
    "title",
    "period_label",
    "basis",
    "due_on",
    "warn_on",
    "state",
    "snooze_reason",
    "done_on",
    "done_note",
    "created_at",
)


def insert_items(items: list[NewItem], done_note: str = "") -> None:
    """Insert new items with multi-row statements: the nightly run creates hundreds of thousands
    of rows on its first night, and building a model instance per row costs more than the insert.
    An item that already exists (same household and key) is left as it is. With `done_note`, the
    items are history: done on their due date (the demo's past checks)."""
    if not items:
        return
    table = connection.ops.quote_name(FollowUp._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in INSERT_COLUMNS)
    row_sql = "(" + ", ".join(["%s"] * len(INSERT_COLUMNS)) + ")"
    uuid_field, created_field = FollowUp._meta.get_field("public_id"), FollowUp._meta.get_field("created_at")
    now = created_field.get_db_prep_value(timezone.now(), connection)
    as_date = connection.ops.adapt_datefield_value
    state = State.DONE if done_note else State.OPEN
    rows = [
        (
            uuid_field.get_db_prep_value(uuid.uuid4(), connection),
            *item[:8],
            as_date(item.due_on),
            as_date(item.warn_on),
            state,
            "",
            as_date(item.due_on) if done_note else None,
            done_note,
            now,
        )
        for item in items
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy_then_insert(cursor, table, columns, rows)
            return
        for start in range(0, len(rows), ROWS_PER_INSERT):
            batch = rows[start : start + ROWS_PER_INSERT]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_sql] * len(batch))} ON CONFLICT DO NOTHING",
                [value for row in batch for value in row],
            )


def _copy_then_insert(cursor, table: str, columns: str, rows: list[tuple]) -> None:
    """PostgreSQL: COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING (several
    times faster than parameterised inserts, and still safe when a caseworker's action inserts the
    same item meanwhile)."""
    with transaction.atomic():
        cursor.execute(
            f"CREATE TEMPORARY TABLE followup_staging ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY followup_staging ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM followup_staging ON CONFLICT DO NOTHING")
        cursor.execute("DROP TABLE followup_staging")


def _plan_rule(rule, household, last_done, existing: dict, today, to_create, to_update, counts):
    spec = rule.cached_spec
    open_items = [i for i in existing.values() if i.state in OPEN_STATES]
    if not schedule.applies(spec, household):
        for item in open_items:
            item.state = State.WITHDRAWN
            to_update.append(item)
            counts["withdrawn"] += 1
        return
    planned = [
        occ._replace(key=rule_key(rule.pk, occ.key)) for occ in schedule.occurrences(spec, household, last_done, today)
    ]
    planned_keys = {o.key for o in planned}
    if rule.schedule == schedule.BEFORE_DATE:
        for item in open_items:
            if item.key not in planned_keys:
                item.state, item.done_on, item.done_note = State.DONE, today, "期限日が更新されました。"
                to_update.append(item)
                counts["closed"] += 1
    for occ in planned:
        item = existing.get(occ.key)
        if item is None and occ.reschedules and open_items:
            item = open_items[0]
        if item is None:
            to_create.append(
                NewItem(
                    household.household_id,
                    rule.pk,
                    Source.RULE,
                    occ.key,
                    "",
                    rule.title,
                    occ.period_label,
                    "",
                    occ.due_on,
                    occ.warn_on,
                )
            )
        elif item.state in OPEN_STATES and (item.key, item.due_on, item.warn_on) != (occ.key, occ.due_on, occ.warn_on):
            item.key, item.due_on, item.warn_on = occ.key, occ.due_on, occ.warn_on
            to_update.append(item)
            counts["updated"] += 1


def rule_key(rule_id: int, occurrence_key: str) -> str:
    return f"rule:{rule_id}:{occurrence_key}"


def application_key(application_id) -> str:
    return f"application:{application_id}"


def _plan_applications(office_of: dict, today, to_create, to_update, counts):
    applications = list(
        Application.objects.filter(household_id__in=office_of).only(
            "pk", "public_id", "household_id", "received_on", "extended_days", "decided_on"
        )
    )
    if not applications:
        return
    items = {i.key: i for i in FollowUp.objects.filter(household_id__in=office_of, source=Source.APPLICATION)}
    for application in applications:
        _sync_application(application, items.get(application_key(application.pk)), to_create, to_update, counts)


def _sync_application(application, item, to_create, to_update, counts):
    deadline = application.deadline
    if application.decided_on is None:
        if item is None:
            to_create.append(
                NewItem(
                    application.household_id,
                    None,
                    Source.APPLICATION,
                    application_key(application.pk),
                    str(application.public_id),
                    "保護申請の決定",
                    "",
                    APPLICATION_BASIS,
                    deadline,
                    max(application.received_on, deadline - APPLICATION_WARNING),
                )
            )
        elif item.state in OPEN_STATES and item.due_on != deadline:
            item.due_on, item.warn_on = deadline, max(application.received_on, deadline - APPLICATION_WARNING)
            to_update.append(item)
            counts["updated"] += 1
    elif item is not None and item.state in OPEN_STATES:
        item.state, item.done_on, item.done_note = State.DONE, application.decided_on, "決定しました。"
        to_update.append(item)
        counts["closed"] += 1


def sync_application(application) -> None:
    """Called on an application's domain events (hogo.decisions.signals): its deadline item opens, moves or
    closes at once."""
    item = FollowUp.objects.filter(household_id=application.household_id, key=application_key(application.pk)).first()
    to_create, to_update, counts = [], [], defaultdict(int)
    _sync_application(application, item, to_create, to_update, counts)
    insert_items(to_create)
    for changed in to_update:
        changed.save(update_fields=["due_on", "warn_on", "state", "done_on", "done_note"])


def chunks_of_households(office_ids=None, size: int | None = None):
    size = size or CHUNK_SIZE  # read when called, so that a test can make the chunks small
    ids = Household.objects.order_by("pk")
    if office_ids:
        ids = ids.filter(office_id__in=office_ids)
    ids = list(ids.values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def regenerate_all(today: date, office_ids=None, size: int | None = None) -> dict:
    total = defaultdict(int)
    for chunk in chunks_of_households(office_ids, size):
        for name, value in regenerate_chunk(chunk, today).items():
            total[name] += value
        total["households"] += len(chunk)
    return dict(total)
