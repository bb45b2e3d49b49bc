"""`{% team_trends office %}`: the 12-month trend charts of what the user sees in the office (the SV
dashboard's households), computed on the page — a team is a few hundred households."""

from django import template
from django.utils import timezone

from hogo.households.scoping import households_visible_to

from .. import charts, queries

register = template.Library()


@register.inclusion_tag("reports/_team_trends.html", takes_context=True)
def team_trends(context, office):
    request = context["request"]
    today = timezone.localdate()
    households = households_visible_to(request.user, today).filter(office=office)
    trends = queries.trends(households, today.replace(day=1), today=today)
    return {"charts": charts.trend_charts(trends)}


@register.filter
def zip_values(columns, values):
    """The column labels paired with one row's values (a transposed table)."""
    return list(zip(columns, values, strict=False))
