"""The household page's panels and the home page's sections, as the apps registered them
(hogo.common.registry)."""

from django import template
from django.utils.safestring import mark_safe

from hogo.common import registry

register = template.Library()


def _render_parts(context, parts, shared: dict) -> str:
    """Render each (template, values) part with the shared values and the CSRF token, as an
    inclusion tag's template would."""
    rendered = []
    for template_name, values in parts:
        values = {**shared, **values}
        csrf_token = context.get("csrf_token")
        if csrf_token is not None:
            values["csrf_token"] = csrf_token
        part_template = context.template.engine.get_template(template_name)
        rendered.append(part_template.render(context.new(values)))
    return mark_safe("\n\n".join(rendered))  # each part is a rendered (auto-escaped) template


@register.simple_tag(takes_context=True)
def household_panels(context, household):
    """Every panel this user sees on the household page, in order."""
    return _render_parts(context, registry.panels_for(context["request"], household), {"household": household})


@register.simple_tag(takes_context=True)
def home_sections(context):
    """Every section this user sees on the home page, in order."""
    return _render_parts(context, registry.home_sections_for(context["request"]), {})
