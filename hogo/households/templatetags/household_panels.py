"""The household page's panels, as the apps registered them (hogo.common.registry)."""

from django import template
from django.utils.safestring import mark_safe

from hogo.common import registry

register = template.Library()


@register.simple_tag(takes_context=True)
def household_panels(context, household):
    """Render every panel this user sees, in order. Each panel's template gets its own values, the
    household and the CSRF token, as an inclusion tag's template would."""
    rendered = []
    for template_name, values in registry.panels_for(context["request"], household):
        values = {"household": household, **values}
        csrf_token = context.get("csrf_token")
        if csrf_token is not None:
            values["csrf_token"] = csrf_token
        panel_template = context.template.engine.get_template(template_name)
        rendered.append(panel_template.render(context.new(values)))
    return mark_safe("\n\n".join(rendered))  # each part is a rendered (auto-escaped) template
