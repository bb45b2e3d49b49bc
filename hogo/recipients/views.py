"""The core's pages of the recipient portal (issue 23): issuing an account with its one-time code (shown
once, with the activation letter printed from the same page), a new code, ending an account; a submission
from the portal with what it declared and its attachments, and returning it (差し戻し) with a reason."""

import re
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.refusals import put_errors_on_fields, report
from hogo.common.wareki import wareki_month
from hogo.households.services import open_household, open_household_record

from . import services
from .forms import IssueForm, LetterForm, ReturnForm
from .models import SubmittedDocument
from .transfer import ASSET_KINDS, CHANGE_KINDS, INCOME_KINDS


def _manageable(request, household):
    if not services.may_manage(request.user, household):
        raise PermissionDenied(services.NOT_YOURS)
    return household


def _code_page(request, account, code):
    return render(request, "recipients/code.html", {"account": account, "code": code, "form": LetterForm()})


@login_required
@require_http_methods(["GET", "POST"])
def account_issue(request, public_id):
    household = _manageable(request, open_household(request.user, public_id))
    form = IssueForm(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        try:
            account, code = services.issue_account(request.user, household, **form.cleaned_data)
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            return _code_page(request, account, code)
    return render(request, "recipients/issue.html", {"household": household, "form": form})


@login_required
@require_POST
def account_reissue(request, public_id):
    account = services.open_account(request.user, public_id)
    _manageable(request, account.household)
    try:
        code = services.reissue_code(request.user, account)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("household_detail", public_id=account.household.public_id)
    return _code_page(request, account, code)


@login_required
@require_POST
def account_end(request, public_id):
    account = services.open_account(request.user, public_id)
    _manageable(request, account.household)
    report(
        request, lambda: services.end_account(request.user, account), f"ログインID {account.login} の利用を終えました。"
    )
    return redirect("household_detail", public_id=account.household.public_id)


@login_required
@require_POST
def account_letter(request, public_id):
    account = services.open_account(request.user, public_id)
    _manageable(request, account.household)
    form = LetterForm(request.POST)
    if not form.is_valid():
        raise ValidationError("利用開始コードがありません。")
    pdf = services.letter_for(request.user, account, form.cleaned_data["code"])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="portal-letter-{account.login}.pdf"'
    return response


def _month(text) -> str:
    try:
        return wareki_month(date(int(str(text)[:4]), int(str(text)[5:7]), 1)) + "分"
    except ValueError:
        return str(text)


def _day(text):
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None


def _sent_files(content: dict, documents) -> list[dict]:
    """Every file as the portal sent it, with the SHA-256 of the bytes it sent (the recipient's receipt lists
    the same hashes): a photo is re-encoded here, so its Photo.sha256 cannot be compared."""
    listed = content.get("attachments")
    sent = [
        {
            "label": str(item.get("label") or "")[:200],
            "kind": "PDF" if item.get("ext") == "pdf" else "写真",
            "sha256": item["sha256"],
        }
        for item in (listed if isinstance(listed, list) else [])
        if isinstance(item, dict) and re.fullmatch(r"[0-9a-f]{64}", str(item.get("sha256")))
    ]
    if not sent:  # sent before the portal listed its files: a PDF is kept as sent, its hash is the sender's
        sent = [{"label": d.label, "kind": "PDF", "sha256": d.sha256} for d in documents]
    return sent


def _submission_page(request, submission, form):
    people = {str(m.public_id): m.name for m in submission.household.members.all()}
    content = submission.content or {}
    incomes = [
        {
            **i,
            "name": people.get(str(i.get("person")), "?"),
            "label": INCOME_KINDS.get(i.get("kind"), ""),
            "month_label": _month(i.get("month")),
        }
        for i in content.get("incomes", [])
    ]
    assets = [
        {**i, "name": people.get(str(i.get("person")), "世帯"), "label": ASSET_KINDS.get(i.get("kind"), "")}
        for i in content.get("items", [])
    ]
    return render(
        request,
        "recipients/submission.html",
        {
            "submission": submission,
            "household": submission.household,
            "declaration": submission.declaration,
            "incomes": incomes,
            "assets": assets,
            "change": CHANGE_KINDS.get(content.get("change"), ""),
            "content": content,
            "change_date": _day(content.get("date")) if content.get("change") else None,
            "photos": submission.declaration.photos.all(),
            "documents": submission.documents.all(),
            "sent_files": _sent_files(content, submission.documents.all()),
            "may_manage": services.may_manage(request.user, submission.household),
            "form": form,
        },
    )


@login_required
@require_GET
def submission(request, public_id):
    item = services.open_submission(request.user, public_id)
    services.mark_opened(request.user, item)
    return _submission_page(request, item, ReturnForm())


@login_required
@require_POST
def submission_return(request, public_id):
    item = services.open_submission(request.user, public_id)
    _manageable(request, item.household)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.return_submission(request.user, item, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(request, "差し戻しました。次のバンドルで受給者に届きます。")
            return redirect("recipient_submission", public_id=item.public_id)
    return _submission_page(request, item, form)


@login_required
@require_GET
def document(request, public_id):
    doc = open_household_record(request.user, SubmittedDocument, public_id, "書類が見つかりません。")
    record(request.user, Action.VIEW, target=doc, detail={"bytes": doc.size})
    response = FileResponse(doc.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="document.pdf"'
    response["Content-Security-Policy"] = "sandbox"
    return response


def household_panel(request, household) -> dict:
    """The household page's section of the recipient portal (registered in apps.py)."""
    return {
        "accounts": list(household.portal_accounts.select_related("member").order_by("pk")),
        "submissions": list(household.portal_submissions.select_related("declaration__recognition")[:10]),
        "may_manage": services.may_manage(request.user, household),
    }
