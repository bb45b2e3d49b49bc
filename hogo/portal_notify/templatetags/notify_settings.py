"""`{% notify_settings_form %}`: the notification settings form, for the recipient's 設定 page (my_settings).
It posts to my_notify_settings, which comes back to the page it was posted from."""

from django import template

from hogo.portal_notify.views import settings_context

register = template.Library()


@register.inclusion_tag("portal_notify/_settings_form.html", takes_context=True)
def notify_settings_form(context):
    request = context["request"]
    return {
        **settings_context(request),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "back": request.path,
    }
