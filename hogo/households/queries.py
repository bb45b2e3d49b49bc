"""Reads shared by several screens. All start from `households_visible_to`."""

import re

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from hogo.common.kana import search_key

from .models import Household, Member, Relation
from .scoping import active_assignments, caseload_of, households_visible_to

SORTS = {
    "case_number": ("case_number",),
    "kana": ("head_kana", "case_number"),
    "status": ("status", "case_number"),
    "type": ("household_type", "case_number"),
    "caseworker": ("caseworker_name", "case_number"),
}
_CASE_NUMBER_LIKE = re.compile(r"^[0-9A-Z-]+$")


def with_summary(households: QuerySet[Household]) -> QuerySet[Household]:
    """Add the head's name, reading and age data, member count and the current caseworker."""
    heads = Member.objects.filter(household=OuterRef("pk"), relation=Relation.HEAD)
    today = timezone.localdate()
    current_cw = active_assignments(today).filter(household=OuterRef("pk"))
    return households.annotate(
        head_name=Subquery(heads.values("name")[:1]),
        head_kana=Subquery(heads.values("name_kana")[:1]),
        head_birth_date=Subquery(heads.values("birth_date")[:1]),
        member_count=Count("members", filter=Q(members__left_on__isnull=True)),
        caseworker_name=Subquery(current_cw.values("caseworker__name")[:1]),
    )


def matching(households: QuerySet[Household], query: str) -> QuerySet[Household]:
    """Households whose case number, or any member's name or reading, matches `query`
    (全角/半角 and hiragana/katakana do not matter)."""
    key = search_key(query or "")
    if not key:
        return households
    by_name = Exists(
        Member.objects.filter(household=OuterRef("pk")).filter(
            Q(search_kana__contains=key) | Q(search_name__contains=key)
        )
    )
    rule = by_name
    if _CASE_NUMBER_LIKE.match(key.upper()):
        rule |= Q(case_number__icontains=key.upper())
    return households.filter(rule)


def search(user, query: str = "", sort: str = "kana", caseload_only: bool = False, caseworker_id: int | None = None):
    base = caseload_of(user) if caseload_only else households_visible_to(user)
    if caseworker_id:
        base = base.filter(
            Exists(
                active_assignments(timezone.localdate()).filter(household=OuterRef("pk"), caseworker_id=caseworker_id)
            )
        )
    order = SORTS.get(sort, SORTS["kana"])
    return with_summary(matching(base, query)).select_related("office").order_by(*order)
