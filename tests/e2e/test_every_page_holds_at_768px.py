"""Every page a user can reach holds on a tablet and reads as one Japanese office system (issue 17).

A small demo (the project's own loader, a few households per office) plus some work in flight (a
determination that became a receivable and is overdue, one waiting for the supervisor, a decision
draft, an application) is built; then for each role the test logs in and walks the start page, the
header menu and the pages linked from them (breadth first, at most two addresses per URL name, at
most MAX_PAGES per role), at 768 px in Chromium, and checks each page for:

- "500":      a server error;
- "refused link": a page links to a page the user may not open (HTTP 403);
- "overflow": a page wider than the viewport (it scrolls sideways);
- "cramped":  a table cell so narrow that its text runs about two characters a line;
- "hidden control": a button or field of a table that is reached only by scrolling the table sideways;
- "iso date": a date written 2026-12-16 in the visible text (dates are shown in 和暦);
- "code":     an untranslated choice value (`living`, `supervisor`, `care_premium` …) in the visible text.

Django's own admin (/admin/) shows raw field values and usernames by design: it is checked for
server errors and overflow only. All problems are gathered and reported at once. A new screen is
covered as soon as a menu or a page links to it. Known problems that need a file another change
owns are listed in KNOWN."""

import os
import re
import time
from collections import defaultdict, deque
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.urls import Resolver404, resolve
from django.utils import timezone

from hogo.approvals import services as approvals
from hogo.checkins import services as checkins
from hogo.checkins.models import Checkin
from hogo.collaboration import services as collaboration
from hogo.collaboration.models import AgencyMember
from hogo.decisions import services as decisions
from hogo.decisions.models import Application, RecalcResult, RecalcRun
from hogo.households.demo import OFFICES
from hogo.households.models import Household
from hogo.inquiries import services as inquiries
from hogo.linkage import demo as linkage_demo
from hogo.linkage import services as linkage
from hogo.medical import services as medical
from hogo.medical import transport
from hogo.offices.models import Office, Role, Staff
from hogo.payments import services as payments
from hogo.receivables import services as receivables
from hogo.receivables.models import Receivable
from hogo.recipients import services as recipients
from hogo.reports import services as reports
from hogo.transfer import keys
from hogo.transfer import services as transfer

from ..approvals.inbox_work import decision_draft
from ..bundles import from_portal
from ..checkins.checkin_helpers import checkin_answer
from ..factories import PASSWORD, make_staff
from ..medical import medical_helpers
from ..payments.payment_helpers import first_transfer_returned
from ..recipients.helpers import PDF, income_submission, jpeg
from ..voice.voice_helpers import certificate_row
from .shots import shoot
from .test_login_search_open_household import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROLES = {
    "cw": "a-cw001",
    "sv": "a-sv01",
    "chief": "a-chief",
    "clerk": "a-clerk",
    "collector": "collector",
    "admin": "admin",
    "agency": "a-houkatsu",
    "doctor": "doctor",
}
MAX_PAGES = 80  # per role
PER_URL_NAME = 2  # addresses visited per URL name (two decisions, two records …)
MORE_OF = {"household_detail": 6}  # every household of office A: one under application, one with a conference …
MAX_DEPTH = 3  # start page → menu and its links → a household → its records
SKIP_PATHS = re.compile(r"/logout/|\.(pdf|csv|zip|json|txt)$|/(export|download)")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# HOGO_CRAWL_SHOTS=1 saves var/shots/crawl-<role>-<url name>-<n>-{768,1280}.png of every page with a
# problem and of the screens the issue names (to be looked at; off by default, it doubles the time).
# HOGO_CRAWL_ROLES=sv,admin crawls only those roles.
SHOTS_WANTED = bool(os.environ.get("HOGO_CRAWL_SHOTS"))
SHOT_NAMES = {
    "household_detail",
    "visit_sheet",
    "application_detail",
    "household_ledger",
    "team",
    "home",
    "approval_inbox",
    "need_test_detail",
    "visit_list",
    "agency_home",
}

# Known problems whose fix is in a file another change owns right now: (url_name, problem kind) →
# (a pattern of the text the problem is seen in, why it is there and which file has to change). Only a
# problem whose context matches the pattern is let through; anything else on the same page still fails.
KNOWN: dict[tuple[str, str], tuple[str, str]] = {}


def is_known(name: str, kind: str, detail: str) -> bool:
    marker, _why = KNOWN.get((name, kind), (None, ""))
    return marker is not None and re.search(marker, detail) is not None


def choice_codes() -> set[str]:
    """Every snake_case ASCII value of a choice field of the project's models."""
    codes = set()
    for model in apps.get_models():
        if not model.__module__.startswith("hogo."):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or []:
                if isinstance(value, str) and re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", value) and len(value) > 2:
                    codes.add(value)
    return codes


def build_work(today: date):
    """Work in flight in office A of the demo: a receivable (approved determination) now overdue and in a
    dunning batch, a determination and a decision waiting for the supervisor, an application being
    investigated, a conference with the partner agency, a 一斉更正 run."""
    office = Office.objects.get(municipality_code=OFFICES[0].municipality_code)
    users = {
        role: Staff.objects.get(user__username=name).user
        for role, name in ROLES.items()
        if role in ("cw", "sv", "chief")
    }
    make_staff(office, Role.COLLECTOR, username="collector", name="徴収 担当")
    own = list(Household.objects.filter(office=office, status="active").order_by("pk"))
    determination = receivables.draft_determination(
        users["cw"],
        own[0],
        lines=[{"month": f"{today.year - 1}-04", "assistance": "living", "amount": 35_000}],
        cause="recipient",
        due_on=today + timedelta(days=1),
        means_existed="年金の遡及支給があった月に資力があった。",
    )
    approvals.approve(users["sv"], determination)
    approvals.approve(users["chief"], determination)
    Receivable.objects.filter(determination=determination).update(due_on=today - timedelta(days=40))
    receivables.draft_determination(
        users["cw"],
        own[1],
        lines=[{"month": f"{today.year - 1}-05", "assistance": "housing", "amount": 20_000}],
        cause="recipient",
        due_on=today + timedelta(days=30),
        means_existed="保険金の受領があった。",
    )
    decision_draft(own[2], users["cw"], days_ago=2, on=today.replace(day=1))
    collector = Staff.objects.get(user__username="collector").user
    receivables.create_batch(
        collector,
        office.pk,
        criteria={"min_days": 30, "min_amount": 0, "kinds": ["63"]},
        receivables=list(Receivable.objects.filter(office=office)),
    )
    partner = AgencyMember.objects.get(user__username=ROLES["agency"])
    conference = collaboration.open_conference(
        users["cw"],
        own[0],
        purpose="受診と日常生活の支援方針を協議する",
        invitations=[(partner.agency, "見守りの分担")],
    )
    collaboration.add_member(users["cw"], conference, partner)
    collaboration.add_candidate_date(users["cw"], conference, timezone.now() + timedelta(days=7))
    run = RecalcRun.objects.create(office=office, as_of=today, reason="基準改定", requested_by=users["chief"], total=1)
    RecalcResult.objects.create(run=run, household=own[2], outcome="unchanged", old_total=80000, new_total=80000)
    # inquiries of the first household: two banks (one sent in today's batch) and a letter to an insurer
    head = own[0].members.get(relation="head")
    inquiries.ask_banks(
        users["cw"], own[0], inquiries.Person(member=head), bank_codes=[("0001", "001")], balance_dates=[today]
    )
    keys.new_key("core", office.municipality_code)
    inquiries.export_batch(users["sv"], office, today)
    inquiries.ask_banks(
        users["cw"], own[0], inquiries.Person(member=head), bank_codes=[("0005", "")], balance_dates=[today]
    )
    inquiries.ask_by_letter(
        users["cw"],
        own[0],
        inquiries.Person(member=head),
        kind="life_insurance",
        institution_name="みなと生命保険株式会社",
        institution_address="東京都みなと市二丁目2番2号",
        asked="生命保険契約の有無",
    )
    # medical assistance: a decided period with a pharmacy, a reply waiting for the 嘱託医, the month's tickets,
    # a care plan and an approved routine 移送費
    make_staff(office, Role.MEDICAL_ADVISOR, username="doctor", name="嘱託医 森")
    places = medical_helpers.institutions(office)
    doctor = Staff.objects.get(user__username="doctor").user
    medical_helpers.decided_period(
        users["cw"],
        doctor,
        own[0],
        places.hospital,
        pharmacy=places.pharmacy,
        received_on=today.replace(day=1),
        starts_on=today.replace(day=1),
    )
    medical_helpers.replied_opinion(users["cw"], own[0], places.clinic, received_on=today.replace(day=1))
    medical.issue_month(users["sv"], office, today.replace(day=1))
    ride = transport.request_transport(
        users["cw"],
        own[0],
        member=head,
        institution=places.hospital,
        route="自宅 → みなと駅",
        means=transport.PUBLIC_TRANSPORT,
        fare=230,
        trips=4,
        doctor_reason="",
        routine=True,
        starts_on=today.replace(day=1),
    )
    approvals.approve(users["sv"], ride)
    # a pension file from the demo's sample: drafts, exceptions (an ambiguous match, a closed case)
    linkage.import_file(users["sv"], office, "pension", "a-pension.csv", linkage_demo.pension_sample(office, today))
    # payments: this month's run (the pending draft above listed), approved; the bank returns one transfer
    clerk = Staff.objects.get(user__username=ROLES["clerk"]).user
    run = payments.compute_run(clerk, office, today.replace(day=1), include_pending=True)
    run = approvals.approve(users["chief"], run)
    payments.import_results(clerk, office, "kekka.txt", first_transfer_returned(run))
    # reports: a finished 月次調査 of the office (its tables and charts) and a caseworker's own caseload figures
    reports.run_now(users["chief"], office, "monthly", today.replace(day=1))
    reports.run_now(users["cw"], office, "caseload", today.replace(day=1))
    portal_work(office, users["cw"], own[1], today)
    for household in Household.objects.filter(office=office, status="applying"):
        if not Application.objects.filter(household=household).exists():
            decisions.receive_application(
                users["cw"],
                household,
                received_on=today - timedelta(days=3),
                applicant_name=household.members.first().name,
                applicant_relation="本人",
                reason="失業により生活が困難",
                documents=["application_form"],
            )


def portal_work(office, cw, household, today: date):
    """The recipient portal's work in the core (issue 23): an account, a 収入申告 with a photo and a PDF
    received from the portal, a check-in answered, a 受給証明書 requested and an anonymous opinion."""
    account, _ = recipients.issue_account(cw, household, role="head", member=household.members.get(relation="head"))
    checkins.set_plan(cw, household, interval_months=1, starts_on=today, active=True)
    checkins.run_daily(today)
    submission, attachments = income_submission(account, photo=jpeg(), pdf=PDF)
    opinion = {"office": office.municipality_code, "key": "op-crawl", "anonymous": True, "category": "service"}
    opinion |= {"text": "窓口の待ち時間が長いです。", "submitted_at": timezone.now().isoformat()}
    records = {
        "submission": [submission],
        "checkin_answer": [checkin_answer(Checkin.objects.get(household=household), account, health="poor")],
        "certificate_request": [certificate_row(office, household, account)],
        "opinion": [opinion],
    }
    transfer.import_bundle(from_portal(office.municipality_code, records, attachments), "from-portal.zip")


PAGE_FACTS = """() => {
  const width = window.innerWidth;
  const wide = [];
  if (document.documentElement.scrollWidth > width) {
    for (const el of document.querySelectorAll('main *, header *')) {
      const r = el.getBoundingClientRect();
      const pos = getComputedStyle(el).position;
      const scrolled = el.closest('.table-wrap') !== null && pos !== 'absolute' && pos !== 'fixed';
      if (r.right > width + 1 && r.width > 0 && !scrolled) {
        const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
          ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
        wide.push(name + ' ' + Math.round(r.right) + 'px');
        if (wide.length >= 3) break;
      }
    }
  }
  // a table cell so narrow that its text runs about two characters a line
  const cramped = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    let text = cell.innerText;
    for (const h of cell.querySelectorAll('*')) {  // text placed out of the cell's flow (hidden labels …)
      if (getComputedStyle(h).position === 'absolute') text = text.replace(h.innerText, '');
    }
    text = text.replace(/\\s+/g, '');
    if (text.length < 4 || cell.offsetParent === null) continue;
    const style = getComputedStyle(cell);
    const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const size = parseFloat(style.fontSize);
    const lines = (cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom))
      / (parseFloat(style.lineHeight) || 1.2 * size);
    if (inner < 2.5 * size && lines >= 2) cramped.push(text.slice(0, 12));
  }
  // a button or field of a table that can only be reached by scrolling the table sideways
  const hidden = [];
  for (const wrap of document.querySelectorAll('.table-wrap')) {
    const edge = wrap.getBoundingClientRect().right;
    for (const el of wrap.querySelectorAll('button, input:not([type=hidden]), select, textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > edge + 1) hidden.push((el.innerText || el.name || el.tagName).trim().slice(0, 20));
    }
  }
  const links = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.hasAttribute('download')) continue;
    links.push(a.getAttribute('href'));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, wide, cramped, hidden,
          text: document.body.innerText, links};
}"""


def same_origin_path(href: str, base: str) -> str | None:
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    if href.startswith(base):
        href = href[len(base) :]
    if not href.startswith("/") or href.startswith("//"):
        return None
    parts = urlsplit(href)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return None if SKIP_PATHS.search(parts.path) else path


def url_name(path: str) -> str:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return path
    return match.view_name


def problems_of(facts: dict, codes_re, text_checked: bool) -> list[tuple[str, str]]:
    found = []
    if facts["scrollWidth"] > facts["width"]:
        found.append(("overflow", f"{facts['scrollWidth']}px wide > {facts['width']}px: {', '.join(facts['wide'])}"))
    if facts["cramped"]:
        found.append(("cramped", "cells of two characters a line: " + " / ".join(dict.fromkeys(facts["cramped"]))))
    if facts["hidden"]:
        found.append(
            ("hidden control", "reached only by scrolling a table: " + ", ".join(dict.fromkeys(facts["hidden"])))
        )
    if not text_checked:
        return found
    text = facts["text"]
    found += [("iso date", seen) for seen in dict.fromkeys(in_context(text, m) for m in ISO_DATE.finditer(text))]
    found += [("code", seen) for seen in dict.fromkeys(in_context(text, m) for m in codes_re.finditer(text))]
    return found


def in_context(text: str, match: re.Match) -> str:
    """The match with a few characters around it, on one line."""
    around = text[max(0, match.start() - 12) : match.end() + 6]
    return "「" + " ".join(around.split()) + "」"


def crawl(page, base: str, role: str, username: str, codes_re) -> tuple[list[str], list[tuple]]:
    """Visit what `username` can reach; return the paths visited and (url_name, path, kind, detail)."""
    log_in(page, username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    start = urlsplit(page.url).path
    queue = deque([(start, 0, "")])
    seen_paths = {start}
    per_name = defaultdict(int)
    visited, found = [], []
    while queue and len(visited) < MAX_PAGES:
        # a kind of page not seen yet goes first: the cap is spent on breadth, not on a second household
        fresh = next((i for i, (p, _, _) in enumerate(queue) if per_name[url_name(p)] == 0), 0)
        path, depth, linked_from = queue[fresh]
        del queue[fresh]
        name = url_name(path)
        if per_name[name] >= MORE_OF.get(name, PER_URL_NAME):
            continue
        per_name[name] += 1
        try:
            response = page.goto(path, wait_until="load")
        except Exception as exc:  # a download, or a page that never loads
            if "Download is starting" in str(exc):
                continue
            found.append((name, path, "error", str(exc).splitlines()[0]))
            continue
        visited.append(path)
        if response is not None and response.status >= 500:
            found.append((name, path, "500", f"HTTP {response.status}"))
            continue
        if response is not None and response.status == 403:
            found.append((name, path, "refused link", f"{linked_from} links here, but opening it is refused"))
            continue
        if response is not None and "text/html" not in (response.headers.get("content-type") or ""):
            continue
        facts = page.evaluate(PAGE_FACTS)
        problems = problems_of(facts, codes_re, not path.startswith("/admin/"))
        found += [(name, path, kind, detail) for kind, detail in problems]
        if SHOTS_WANTED and (problems or per_name[name] == 1 and name in SHOT_NAMES):
            shoot(page, f"crawl-{role}-{name.replace(':', '_')}-{per_name[name]}")
        if depth >= MAX_DEPTH:
            continue
        for href in facts["links"]:
            target = same_origin_path(href, base)
            if target and target not in seen_paths:
                seen_paths.add(target)
                queue.append((target, depth + 1, name))
    page.context.clear_cookies()
    return visited, found


def test_every_page_of_every_role_holds_at_768px_and_speaks_japanese(page, live_server, capsys, settings, tmp_path):
    settings.HOGO_TRANSFER_KEYS_DIR = tmp_path / "keys"  # the deposit-inquiry batch is signed by the office
    from hogo.demo.load import load_demo

    today = timezone.localdate()
    load_demo(households=12, seed=1, password=PASSWORD, today=today)
    build_work(today)
    codes = choice_codes()
    codes_re = re.compile(
        r"(?<![A-Za-z0-9_./-])(" + "|".join(sorted(codes, key=len, reverse=True)) + r")(?![A-Za-z0-9_])"
    )

    report, names, known_seen, started = [], set(), set(), time.monotonic()
    new_problems = defaultdict(list)  # (url_name, kind, detail) → [(role, path)]
    only = os.environ.get("HOGO_CRAWL_ROLES", "").split(",")  # e.g. "sv,admin" while fixing a screen
    for role, username in ROLES.items():
        if only != [""] and role not in only:
            continue
        visited, found = crawl(page, live_server.url, role, username, codes_re)
        report.append(f"{role}: {len(visited)} pages")
        names |= {url_name(path) for path in visited}
        if os.environ.get("HOGO_CRAWL_LIST"):
            with capsys.disabled():
                print(f"\n{role}: " + " ".join(url_name(path) for path in visited))
        for name, path, kind, detail in found:
            if kind == "500" or not is_known(name, kind, detail):
                new_problems[(name, kind, detail)].append((role, path))
            else:
                known_seen.add((name, kind))
    with capsys.disabled():
        print(f"\ncrawl at 768 px, {time.monotonic() - started:.0f} s, {len(names)} URL names: " + "; ".join(report))
        if set(KNOWN) - known_seen:  # fixed since: the entry can go
            print("KNOWN entries not seen in this crawl: " + ", ".join(map(str, sorted(set(KNOWN) - known_seen))))
    lines = [
        f"{name} — {kind}: {detail}  [{', '.join(dict.fromkeys(r for r, _ in seen))}] {seen[0][1]}"
        for (name, kind, detail), seen in new_problems.items()
    ]
    assert not lines, "Pages that do not hold at 768 px, fail, or leak codes or ISO dates:\n" + "\n".join(lines)
