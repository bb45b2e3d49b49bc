"""The household page's panel of art. 63/78 determinations and receivables (registered in apps.py)."""

from hogo.households.scoping import may_edit


def context(request, household) -> dict:
    return {
        "may_edit": may_edit(request.user, household),
        "determinations": household.determinations.all()[:5],
        "receivables": household.receivables.all()[:5],
    }
