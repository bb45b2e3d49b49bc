"""What the receivables app puts in the approval inbox (registered in apps.py): 法第63条・第78条
determinations at the user's step, and the user's own determinations that were returned."""

from django.urls import reverse

from hogo.approvals.inbox import Rows, returned_line, returned_to, waiting_for, waiting_line, with_head_name

from .models import Determination


def _line(make):
    def line(determination: Determination):
        articles = [a for a, n in (("第63条", determination.principal63), ("第78条", determination.principal78)) if n]
        return make(
            determination,
            title=f"返還金・徴収金の決定（法{'・'.join(articles) or '第63条'}） {determination.total:,}円",
            url=reverse("determination_detail", kwargs={"public_id": determination.public_id}),
        )

    return line


def _determinations(queryset):
    return with_head_name(queryset.select_related("household", "drafted_by__staff"))


def waiting_determinations(user) -> Rows:
    return Rows(_determinations(waiting_for(user, Determination.objects.all())), _line(waiting_line))


def returned_determinations(user) -> Rows:
    return Rows(_determinations(returned_to(user, Determination.objects.all())), _line(returned_line))
