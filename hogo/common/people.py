"""How a person is named on a screen: the staff member's or the agency member's name, never the
login id — which is shown only where nothing else is known of the account (an account with neither)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist

# The one-to-one records that carry a person's name: hogo.offices Staff, hogo.collaboration AgencyMember
# (named through the user's reverse accessors, so the core imports no leaf app).
NAMED_BY = ("staff", "agency_member")


def name_of(user) -> str:
    """The person's name; the login id for an account with no staff or agency record; "" for none."""
    if user is None:
        return ""
    for accessor in NAMED_BY:
        try:
            name = getattr(user, accessor).name
        except (ObjectDoesNotExist, AttributeError):
            continue
        if name:
            return name
    return user.get_username()


def names_by_id(user_ids) -> dict[int, str]:
    """name_of for many accounts at once, by user id (ids of deleted accounts are left out)."""
    ids = {pk for pk in user_ids if pk is not None}
    users = get_user_model().objects.filter(pk__in=ids).select_related(*NAMED_BY)
    return {user.pk: name_of(user) for user in users}
