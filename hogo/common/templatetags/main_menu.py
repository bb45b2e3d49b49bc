"""The header menu, as the apps registered it (hogo.common.registry)."""

from django import template

from hogo.common import registry

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[registry.MenuLink]:
    request = context.get("request")
    return registry.menu_for(request) if request is not None else []
