"""Synthetic demo data: two offices, their staff and N households, then each app's own demo data
for them (decisions, follow-ups, case records, partner agencies). Nothing here is real.

Staffing follows the standards: one caseworker per 80 households (社会福祉法第16条) and one
supervisor per ~7 caseworkers (the usual 査察指導員 span). The households themselves come from
hogo.households.demo, the rest from each app's own `demo` module.
"""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from hogo.audit.context import audit_context
from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.casework.demo import seed_case_records
from hogo.collaboration.demo import seed_agencies
from hogo.collaboration.models import AgencyMember
from hogo.common.passwords import DEMO_PASSWORD
from hogo.decisions.demo import approve_starts
from hogo.followups.demo import seed_followups
from hogo.households.demo import DEMO_HISTORY_YEARS, OFFICES, DemoOffice, Generator, create_households, years_before
from hogo.households.models import Sex
from hogo.linkage.demo import seed_linkage
from hogo.offices.models import Office, Role, RoleAssignment, Staff, Team, TeamMembership
from hogo.payments.demo import seed_payments
from hogo.receivables.demo import seed_receivables
from hogo.voice.guides import seed_guides

HOUSEHOLDS_PER_CASEWORKER = 80
CASEWORKERS_PER_SUPERVISOR = 7
# Published, so the password policy refuses it; where the demo is not allowed it must be changed at login.
DEFAULT_PASSWORD = DEMO_PASSWORD


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    office: str
    created: bool


def _ensure_office(spec: DemoOffice) -> Office:
    office, _ = Office.objects.get_or_create(
        municipality_code=spec.municipality_code,
        defaults={
            "name": spec.name,
            "default_grade_area": spec.grade_area,
            "default_winter_region": spec.winter_region,
            "latitude": Decimal(spec.centre[0]),
            "longitude": Decimal(spec.centre[1]),
        },
    )
    return office


def _ensure_staff(
    username, name, kana, password_hash, office, role, since, team=None, superuser=False
) -> tuple[Staff, bool]:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"password": password_hash, "is_staff": superuser, "is_superuser": superuser}
    )
    staff, _ = Staff.objects.get_or_create(user=user, defaults={"name": name, "name_kana": kana})
    if created:
        RoleAssignment.objects.create(staff=staff, office=office, role=role, valid_from=since)
        if team is not None:
            TeamMembership.objects.create(staff=staff, team=team, valid_from=since)
    return staff, created


def _ensure_staffing(
    gen: Generator, spec: DemoOffice, office: Office, households: int, password_hash: str, since: date, accounts
) -> list[Staff]:
    """The office's teams, supervisors, caseworkers, chief and clerk (office A also has the admin);
    each account is added to `accounts`. Returns the caseworkers."""
    n_cw = max(1, math.ceil(households / HOUSEHOLDS_PER_CASEWORKER))
    n_sv = max(1, math.ceil(n_cw / CASEWORKERS_PER_SUPERVISOR))
    teams = [Team.objects.get_or_create(office=office, name=f"保護第{i + 1}係")[0] for i in range(n_sv)]

    def staff(username, role, team=None, superuser=False):
        sex = gen.rng.choice([Sex.MALE, Sex.FEMALE])
        name, kana, _ = gen.person(sex)
        member, created = _ensure_staff(username, name, kana, password_hash, office, role, since, team, superuser)
        accounts.append(Account(username, role, office.name, created))
        return member

    for i, team in enumerate(teams):
        staff(f"{spec.key}-sv{i + 1:02d}", Role.SUPERVISOR, team)
    caseworkers = [staff(f"{spec.key}-cw{i + 1:03d}", Role.CASEWORKER, teams[i % n_sv]) for i in range(n_cw)]
    staff(f"{spec.key}-chief", Role.CHIEF)
    staff(f"{spec.key}-clerk", Role.CLERK)
    if spec.key == "a":
        staff("admin", Role.ADMIN, superuser=True)
    return caseworkers


@audit_context(source="hogo demo")
@transaction.atomic
def load_demo(
    households: int, seed: int = 1, password: str = DEFAULT_PASSWORD, today: date | None = None
) -> list[Account]:
    """Create the demo offices, staff and households, then each app's demo data for them. Running it
    again with the same arguments creates nothing new: staff are found by username, households by
    office and case number, and each app's seeding skips an office it already seeded."""
    today = today or timezone.localdate()
    gen = Generator(seed, today)
    password_hash = make_password(password)  # one hash for all demo accounts: they share one password
    since = years_before(today, DEMO_HISTORY_YEARS)  # before any household's history (issue 17)
    accounts: list[Account] = []
    per_office = [households - households // 2, households // 2]

    for spec, count in zip(OFFICES, per_office, strict=True):
        office = _ensure_office(spec)
        caseworkers = _ensure_staffing(gen, spec, office, count, password_hash, since, accounts)
        created = create_households(gen, spec, office, count, caseworkers, today)
        refresh_planner_statistics()
        approve_starts(office, today, seed)
        seed_followups(office, today, seed)
        seed_case_records(office, today, seed)
        seed_receivables(office, today, seed)
        seed_linkage(office, today)
        seed_payments(office, today, seed)
        seed_guides(office)  # the portal's starter guides (decision 0038)
        for username in seed_agencies(office, spec.key, password_hash, spec.city):
            accounts.append(Account(username, "agency", office.name, True))
        if created:
            record(
                None,
                Action.BULK_LOAD,
                office_id=office.pk,
                detail={"households": created, "seed": seed, "synthetic": True},
            )
    refresh_planner_statistics()
    return accounts


def refresh_planner_statistics() -> None:
    """ANALYZE on PostgreSQL. Its planner sizes tables by statistics that autovacuum gathers only after a
    commit, so inside this one transaction thousands of new rows look like none, and a join over them (the
    current incomes, an anti-join on `supersedes`) was planned as nested loops that took minutes for 1,000
    households. ANALYZE counts the transaction's own rows; SQLite plans without such statistics."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def existing_accounts():
    """(username, role, office) of every current role holder and agency member, for `make run` to print."""
    rows = RoleAssignment.objects.active_on(timezone.localdate()).select_related("staff__user", "office")
    found = [
        (r.staff.user.username, r.role, r.office.name) for r in rows.order_by("office_id", "staff__user__username")
    ]
    found += [
        (m.user.username, "agency", m.agency.office.name)
        for m in AgencyMember.objects.select_related("user", "agency__office").order_by("user__username")
    ]
    return found
