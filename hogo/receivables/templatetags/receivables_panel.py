from django import template

from hogo.households.scoping import may_edit

register = template.Library()


@register.inclusion_tag("receivables/_household_panel.html", takes_context=True)
def receivables(context, household):
    return {
        "household": household,
        "may_edit": may_edit(context["request"].user, household),
        "determinations": household.determinations.all()[:5],
        "receivables": household.receivables.all()[:5],
    }
