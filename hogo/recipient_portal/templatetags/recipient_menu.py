from django import template

from hogo.recipient_portal.nav import menu

register = template.Library()


@register.inclusion_tag("recipient_portal/_menu.html", takes_context=True)
def recipient_menu(context):
    match = getattr(context.get("request"), "resolver_match", None)
    return {"entries": menu(match.url_name if match else "")}
