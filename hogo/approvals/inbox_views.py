"""The two inbox pages: 決裁待ち (what waits for the user, oldest first, grouped by kind) and
差戻し (the user's own drafts that came back, with the reason). Both list records that name
households, so each showing is audited with the households shown."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.shortcuts import render

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.refusals import read_query

from . import inbox
from .forms import InboxPageForm

PER_PAGE = 50


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    page: Page
    paged: bool  # whether the page shows this group alone (?kind=…)

    @property
    def count(self) -> int:
        return self.page.paginator.count


def _groups(request, sources) -> list[Group]:
    wanted = read_query(request, InboxPageForm(request.GET or None, kinds=[(s.key, s.label) for s in sources]))
    kind, number = wanted.get("kind") or "", wanted.get("page") or 1
    groups = []
    for source in sources:
        if kind and source.key != kind:
            continue
        rows = source.rows(request.user)
        if rows is None:
            continue
        page = Paginator(rows, PER_PAGE).get_page(number if kind else 1)
        groups.append(Group(source.key, source.label, page, paged=bool(kind)))
    return groups


def _list_page(request, view: str, sources, **context):
    """Group, page, audit (the households shown and the count per group) and render one of the two lists."""
    groups = _groups(request, sources)
    shown = [row for group in groups for row in group.page.object_list]
    record(
        request.user,
        Action.LIST,
        detail={
            "view": view,
            "households": sorted({row.household_public_id for row in shown if row.household_public_id}),
            "counts": {group.key: group.count for group in groups},
        },
    )
    total = sum(group.count for group in groups)
    return render(request, f"approvals/{view}.html", {"groups": groups, "total": total, **context})


@login_required
def approval_inbox(request):
    if not inbox.approves_anything(request.user):
        raise PermissionDenied("決裁待ちの一覧は、決裁の段階を受け持つ職員（査察指導員・課長）が使います。")
    return _list_page(request, "approval_inbox", inbox.waiting_sources(), drafts=inbox.drafts_anything(request.user))


@login_required
def returned_drafts(request):
    if not inbox.drafts_anything(request.user):
        raise PermissionDenied("差し戻された起案の一覧は、起案する職員（ケースワーカー・査察指導員など）が使います。")
    return _list_page(
        request,
        "returned_drafts",
        inbox.returned_sources(),
        approves=inbox.approves_anything(request.user),
        shown_days=inbox.RETURNED_SHOWN_DAYS,
    )
