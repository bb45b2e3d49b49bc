"""Screens of the inquiries (issue 19): a household's inquiries, asking banks and writing letters (CW, SV),
one inquiry with its replies, the office's sending and replies (clerk, SV), the figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.refusals import put_errors_on_fields, read_query, report, report_form
from hogo.households.scoping import may_edit
from hogo.households.services import open_household_for_edit
from hogo.linkage.layouts import FileRefused
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import banks, figures, letters, services
from .forms import (
    ASKED,
    BANK_ROWS,
    BankSearchForm,
    CancelForm,
    DepositInquiryForm,
    LetterInquiryForm,
    ReplyFileForm,
    ReplyForm,
)
from .models import Channel, Inquiry, InquiryBatch, InquiryStatus

FIGURE_ROLES = (Role.CHIEF, Role.SUPERVISOR, Role.CLERK)


def _members(household):
    return list(household.members.filter(left_on__isnull=True).order_by("id"))


@login_required
@require_http_methods(["GET", "POST"])
def inquiry_new_banks(request, public_id):
    household = open_household_for_edit(request.user, public_id, services.NOT_CASEWORKING)
    members = _members(household)
    search = BankSearchForm(request.GET or None)
    found = banks.search(read_query(request, search).get("q") or "")
    application = services.application_of(household)
    initial = {"balance_date": application.received_on if application else timezone.localdate()}
    form = DepositInquiryForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = services.Person(member=next(m for m in members if m.pk == data["member"]))
        try:
            made = services.ask_banks(
                request.user,
                household,
                person,
                bank_codes=data["bank_codes"],
                balance_dates=data["balance_dates"],
                with_transactions=data["with_transactions"],
            )
        except ValidationError as exc:
            put_errors_on_fields(form, _on_bank_fields(exc))
        else:
            messages.success(
                request, f"預貯金の照会を{len(made)}件作成しました。今日の送付分として事務が書き出します。"
            )
            return redirect("household_detail", public_id=household.public_id)
    return render(
        request,
        "inquiries/new_banks.html",
        {
            "household": household,
            "form": form,
            "main_fields": [
                form[name] for name in ("member", "balance_date", "second_balance_date", "with_transactions")
            ],
            "bank_rows": [(form[f"bank_{i}"], form[f"branch_{i}"]) for i in range(1, BANK_ROWS + 1)],
            "search": search,
            "found": found,
        },
    )


def _on_bank_fields(exc: ValidationError) -> ValidationError:
    """The service names `banks`: the form shows it on the first bank row."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return ValidationError({("bank_1" if k == "banks" else k): v for k, v in errors.items()})


@login_required
@require_http_methods(["GET", "POST"])
def inquiry_new_letter(request, public_id):
    household = open_household_for_edit(request.user, public_id, services.NOT_CASEWORKING)
    members = _members(household)
    kind = request.GET.get("kind", "")
    form = LetterInquiryForm(
        request.POST or None, members=members, initial={"kind": kind, "asked": ASKED.get(kind, "")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = next((m for m in members if m.pk == data["member"]), None)
        person = services.Person(
            member=member,
            name=data["person_name"],
            kana=data["person_kana"],
            birth_date=data["person_birth_date"],
            address=data["person_address"],
        )
        try:
            inquiry = services.ask_by_letter(
                request.user,
                household,
                person,
                kind=data["kind"],
                institution_name=data["institution_name"],
                institution_address=data["institution_address"],
                asked=data["asked"],
            )
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, f"照会（{inquiry.reference}）を作成しました。文書を印刷して送付してください。")
            return redirect("inquiry_detail", public_id=inquiry.public_id)
    return render(request, "inquiries/new_letter.html", {"household": household, "form": form})


@login_required
def inquiry_detail(request, public_id):
    inquiry = services.open_inquiry(request.user, public_id)
    replies = inquiry.replies.prefetch_related("accounts__balances", "accounts__transactions")
    may_act = may_edit(request.user, inquiry.household)
    may_reply = may_act or services.may_send(request.user, inquiry.household.office_id)
    return render(
        request,
        "inquiries/detail.html",
        {
            "inquiry": inquiry,
            "replies": replies,
            "overdue": inquiry.overdue_on(timezone.localdate()),
            "cancel_form": CancelForm() if may_act and inquiry.is_open else None,
            "reply_form": ReplyForm(initial={"answered_on": timezone.localdate()})
            if may_reply
            and inquiry.status in (InquiryStatus.SENT, InquiryStatus.CANCELLED)
            and inquiry.channel == Channel.PAPER
            else None,
            "may_remind": may_act and inquiry.status == InquiryStatus.SENT and inquiry.channel == Channel.PAPER,
            "may_print": may_act and inquiry.channel == Channel.PAPER and inquiry.is_open,
        },
    )


@login_required
@require_POST
def inquiry_cancel(request, public_id):
    inquiry = services.open_inquiry(request.user, public_id)
    report_form(
        request,
        CancelForm(request.POST),
        lambda reason: services.cancel(request.user, inquiry, reason),
        "照会を取り消しました。",
    )
    return redirect("inquiry_detail", public_id=inquiry.public_id)


@login_required
@require_POST
def inquiry_reply(request, public_id):
    inquiry = services.open_inquiry(request.user, public_id)
    report_form(
        request,
        ReplyForm(request.POST),
        lambda **data: services.enter_reply(request.user, inquiry, **data),
        "回答を記録しました。",
        label=inquiry.reference,
    )
    return redirect("inquiry_detail", public_id=inquiry.public_id)


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def inquiry_letter(request, public_id):
    inquiry = services.open_inquiry(request.user, public_id)
    if inquiry.channel != Channel.PAPER or not may_edit(request.user, inquiry.household):
        raise PermissionDenied("文書の照会は、担当CWと係の査察指導員が印刷します。")
    return _pdf(letters.render_letters([inquiry]), f"inquiry-{inquiry.reference}.pdf")


@login_required
@require_POST
def inquiry_remind(request, public_id):
    """The reminder letter in one click: recorded as sent today, printed at once."""
    inquiry = services.open_inquiry(request.user, public_id)
    reminded = report(request, lambda: services.remind(request.user, inquiry), "督促状を作成しました。")
    if reminded is None:
        return redirect("inquiry_detail", public_id=inquiry.public_id)
    return _pdf(letters.render_reminder(reminded), f"reminder-{inquiry.reference}.pdf")


# --- the office: sending and replies (clerk, SV) ----------------------------------------------------------


def _sending_office(request):
    return acting_office(request, *services.SENDERS, denied=services.NOT_SENDER)


@login_required
@require_http_methods(["GET", "POST"])
def inquiry_office(request):
    office = _sending_office(request)
    reply_form = ReplyFileForm(request.POST or None, request.FILES or None)
    refused = []
    if request.method == "POST" and reply_form.is_valid():
        upload = reply_form.cleaned_data["data"]
        try:
            imported = services.import_replies(request.user, office, upload.name, upload.read())
        except FileRefused as exc:
            refused = exc.refusal.messages
        else:
            if imported.already:
                messages.info(request, "この回答ファイルは既に取り込まれています（何も変更していません）。")
            else:
                skipped = f"（既に回答のある照会 {imported.skipped}件は除きました）" if imported.skipped else ""
                messages.success(request, f"回答を{imported.answered}件取り込みました{skipped}。")
            return redirect("inquiry_office")
    waiting = Inquiry.objects.filter(household__office=office, status=InquiryStatus.DRAFT).select_related("household")
    electronic = waiting.filter(channel=Channel.ELECTRONIC).order_by("reference")
    paper = waiting.filter(channel=Channel.PAPER).order_by("reference")
    record(
        request.user,
        Action.LIST,
        target_type="inquiry",
        office_id=office.pk,
        detail={"view": "inquiry_office", **shown(i.public_id for i in [*electronic, *paper])},
    )
    return render(
        request,
        "inquiries/office.html",
        {
            "office": office,
            "electronic": electronic,
            "paper": paper,
            "batches": InquiryBatch.objects.filter(office=office)[:30],
            "today_done": InquiryBatch.objects.filter(office=office, day=timezone.localdate()).exists(),
            "reply_form": reply_form,
            "refused": refused,
        },
    )


@login_required
@require_POST
def inquiry_batch_export(request):
    office = _sending_office(request)
    report(
        request,
        lambda: services.export_batch(request.user, office),
        lambda b: f"今日の預貯金の照会 {b.count}件を書き出しました。ファイルを照会サービスへ送ってください。",
    )
    return redirect("inquiry_office")


@login_required
def inquiry_batch_file(request, public_id):
    office = _sending_office(request)
    batch = get_object_or_404(InquiryBatch, public_id=public_id, office=office)
    record(request.user, Action.VIEW, target=batch, detail={"download": True, "count": batch.count})
    response = HttpResponse(services.bundle_of(batch), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="deposit-inquiries-{batch.day:%Y%m%d}.zip"'
    return response


@login_required
def inquiry_letters(request):
    """Every letter of the office waiting to be sent, in one PDF (reference order)."""
    office = _sending_office(request)
    paper = list(
        Inquiry.objects.filter(household__office=office, status=InquiryStatus.DRAFT, channel=Channel.PAPER)
        .select_related("household__office")
        .order_by("reference")
    )
    if not paper:
        raise Http404("印刷を待つ文書の照会はありません。")
    record(
        request.user,
        Action.VIEW,
        target_type="inquiry",
        office_id=office.pk,
        detail={"view": "inquiry_letters", **shown(i.public_id for i in paper)},
    )
    return _pdf(letters.render_letters(paper), f"inquiry-letters-{timezone.localdate():%Y%m%d}.pdf")


@login_required
@require_POST
def inquiry_letters_sent(request):
    office = _sending_office(request)
    paper = list(
        Inquiry.objects.filter(
            household__office=office, status=InquiryStatus.DRAFT, channel=Channel.PAPER
        ).select_related("household")
    )
    report(request, lambda: services.mark_letters_sent(request.user, paper), lambda n: f"{n}件を送付済みにしました。")
    return redirect("inquiry_office")


@login_required
def inquiry_figures(request):
    offices = standing_of(request.user).offices_with(*FIGURE_ROLES)
    if not offices:
        raise PermissionDenied("照会の集計を見られるのは課長・査察指導員・事務です。")
    office = acting_office(request, *FIGURE_ROLES)
    return render(
        request,
        "inquiries/figures.html",
        {"office": office, "figures": figures.figures(office.pk, timezone.localdate())},
    )


def household_panel(request, household) -> dict:
    """The household page's section of inquiries (registered in apps.py)."""
    inquiries = list(household.inquiries.order_by("-created_at")[:20])
    today = timezone.localdate()
    return {
        "inquiries": [(i, i.overdue_on(today)) for i in inquiries],
        "may_ask": may_edit(request.user, household),
    }
