"""Figures on an office's inquiries (issue 19): how long replies take per institution and per channel, how
old the unanswered ones are, how many inquiries an application needs, and the days the electronic deposit
inquiry saved.

Roundings, so a person never sees a float:
- a number of days is whole days (`(answered_on - sent_on).days`);
- a median of an even count is the mean of the two middle values rounded half up to whole days (四捨五入);
- an average is rounded half up to one decimal place (四捨五入), a `Decimal`.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from . import banks
from .models import Channel, Inquiry, InquiryKind, InquiryStatus

# Open inquiries by days since they were sent: (label, first day, last day; None: no end).
AGE_BUCKETS = (("0〜7日", 0, 7), ("8〜14日", 8, 14), ("15〜30日", 15, 30), ("31日以上", 31, None))
SAVED_LABEL = "電子照会で短縮した日数（推計）"
SAVED_BASIS = (
    "（文書照会の回答日数の中央値 − 電子照会の回答日数の中央値）× 電子照会の回答件数。"
    "文書照会には金融機関以外への照会も含みます。"
)


def median_days(days: list[int]) -> int | None:
    """The middle value; of an even count, the mean of the two middle values rounded half up."""
    if not days:
        return None
    ordered = sorted(days)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle] + 1) // 2


def average(values: list[int]) -> Decimal | None:
    """The mean rounded half up to one decimal place."""
    if not values:
        return None
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def turnaround(days: list[int]) -> dict:
    """count, median (whole days), average (one decimal), fastest and slowest of these reply times."""
    return {
        "count": len(days),
        "median": median_days(days),
        "average": average(days),
        "fastest": min(days) if days else None,
        "slowest": max(days) if days else None,
    }


def institution_of(inquiry: dict) -> str:
    """A bank by its name (every branch together), anyone else as written on the inquiry."""
    if inquiry["kind"] == InquiryKind.DEPOSIT and inquiry["bank_code"]:
        return banks.bank_name(inquiry["bank_code"]) or inquiry["institution_name"]
    return inquiry["institution_name"]


def _age_buckets(ages: list[int]) -> list[dict]:
    return [
        {"label": label, "count": sum(low <= age and (high is None or age <= high) for age in ages)}
        for label, low, high in AGE_BUCKETS
    ]


def figures(office_id: int, today: date, since: date | None = None) -> dict:
    """The office's inquiry figures on `today`; with `since`, only inquiries sent (or, for those never sent,
    made) from that day.

    - "by_channel": [{"channel", "label", count, median, average, fastest, slowest}] electronic then paper,
      over inquiries with a reply (sent_on → answered_on);
    - "by_institution": [{"institution", "channel_label", count, median, average, …}] most inquiries first;
    - "open_by_age": [{"label", "count"}] sent inquiries still waiting, by days since sent; "open": their total;
      "overdue": how many of them are past their due date; "drafts": inquiries made but not yet sent;
    - "per_application": {"applications", "inquiries", "average", "max"} over applications with at least one
      inquiry (cancelled ones not counted);
    - "saved": {"label", "basis", "days", "paper_median", "electronic_median", "electronic_answered"} — an
      estimate; "days" is None until both channels have replies (negative if paper was faster).
    """
    inquiries = Inquiry.objects.filter(household__office_id=office_id)
    if since is not None:
        inquiries = inquiries.filter(Q(sent_on__gte=since) | Q(sent_on__isnull=True, created_at__date__gte=since))
    rows = list(
        inquiries.values(
            "kind", "channel", "status", "bank_code", "institution_name", "sent_on", "due_on", "answered_on"
        )
    )
    answered = [r for r in rows if r["sent_on"] and r["answered_on"]]
    days_of = {id(r): (r["answered_on"] - r["sent_on"]).days for r in answered}

    by_channel = []
    medians = {}
    for channel in (Channel.ELECTRONIC, Channel.PAPER):
        days = [days_of[id(r)] for r in answered if r["channel"] == channel]
        medians[channel] = (median_days(days), len(days))
        by_channel.append({"channel": channel.value, "label": channel.label, **turnaround(days)})

    grouped: dict[tuple[str, str], list[int]] = {}
    for r in answered:
        grouped.setdefault((institution_of(r), r["channel"]), []).append(days_of[id(r)])
    by_institution = sorted(
        (
            {"institution": name, "channel": channel, "channel_label": Channel(channel).label, **turnaround(days)}
            for (name, channel), days in grouped.items()
        ),
        key=lambda row: (-row["count"], row["institution"], row["channel"]),
    )

    waiting = [r for r in rows if r["status"] == InquiryStatus.SENT and r["sent_on"]]
    ages = [(today - r["sent_on"]).days for r in waiting]

    per_application = list(
        inquiries.exclude(status=InquiryStatus.CANCELLED)
        .filter(application__isnull=False)
        .values("application")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    )

    (paper_median, _), (electronic_median, electronic_answered) = medians[Channel.PAPER], medians[Channel.ELECTRONIC]
    saved_days = None
    if paper_median is not None and electronic_median is not None:
        saved_days = (paper_median - electronic_median) * electronic_answered
    return {
        "today": today,
        "since": since,
        "by_channel": by_channel,
        "by_institution": by_institution,
        "open_by_age": _age_buckets(ages),
        "open": len(waiting),
        "overdue": sum(1 for r in waiting if r["due_on"] and r["due_on"] < today),
        "drafts": sum(1 for r in rows if r["status"] == InquiryStatus.DRAFT),
        "per_application": {
            "applications": len(per_application),
            "inquiries": sum(per_application),
            "average": average(per_application),
            "max": max(per_application, default=None),
        },
        "saved": {
            "label": SAVED_LABEL,
            "basis": SAVED_BASIS,
            "days": saved_days,
            "paper_median": paper_median,
            "electronic_median": electronic_median,
            "electronic_answered": electronic_answered,
            "estimate": True,
        },
    }
