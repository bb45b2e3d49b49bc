"""The recipient's notifications (お知らせの一覧, 既読) and where copies go (通知の設定), by request.household."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from hogo.recipient_portal.access import recipient_required

from .delivery import configured_channels
from .forms import ContactForm, MarkReadForm
from .models import Channel, Contact, Notification


@recipient_required
@require_http_methods(["GET", "POST"])
def my_notifications(request):
    notifications = Notification.objects.filter(household=request.household)
    if request.method == "POST":
        form = MarkReadForm(request.POST)
        if not form.is_valid():
            messages.error(request, "既読にするお知らせが見つかりません。")
            return redirect("my_notifications")
        unread = notifications.filter(read_at__isnull=True)
        if form.cleaned_data["notification"]:
            unread = unread.filter(pk=form.cleaned_data["notification"])
        unread.update(read_at=timezone.now())
        return redirect("my_notifications")
    return render(request, "portal_notify/notifications.html", {"notifications": notifications[:100]})


def _initial(contact: Contact | None) -> dict:
    if contact is None:
        return {}
    return {
        "email": contact.email,
        "sms": contact.sms,
        "line": contact.line,
        "consent": contact.consented_at is not None,
    }


def settings_context(request, form=None) -> dict:
    """What the settings form needs: also used by the tag that puts the form on the 設定 page."""
    contact = Contact.objects.filter(account=request.recipient).first()
    channels = configured_channels()
    return {
        "notify_form": form or ContactForm(initial=_initial(contact)),
        "notify_channels": [label for value, label in Channel.choices if value in channels],
        "notify_unused": [label for value, label in Channel.choices if value not in channels],
    }


@recipient_required
@require_http_methods(["GET", "POST"])
def my_notify_settings(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        given = any(data[f] for f in ("email", "sms", "line"))
        with transaction.atomic():
            contact, _ = Contact.objects.select_for_update().get_or_create(account=request.recipient)
            contact.email, contact.sms, contact.line = data["email"], data["sms"], data["line"]
            if not (given and data["consent"]):
                contact.consented_at = None
            elif contact.consented_at is None:
                contact.consented_at = timezone.now()
            contact.save()
        messages.success(
            request, "お知らせの送り先を保存しました。" if given else "お知らせはポータルの中だけで表示します。"
        )
        back = data["next"]
        if back and url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            return redirect(back)
        return redirect("my_notify_settings")
    return render(request, "portal_notify/settings.html", settings_context(request, form if form.is_bound else None))
