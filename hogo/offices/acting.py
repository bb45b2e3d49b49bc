"""The acting office: the office a staff member works in.

Work on an object (a household, a receivable, a recalculation run) is done in the object's office.
Work without one (registering a household, writing a case example, starting a recalculation, the
team dashboard) is done in the user's acting office: automatic when they hold the roles the work
needs in one office only, otherwise the office they chose with 事務所の切り替え, kept in the session.
Never "the first office" of a list: for staff with roles in two offices that would be arbitrary."""

from datetime import date

from django.core.exceptions import PermissionDenied

from hogo.audit.models import Action
from hogo.audit.services import record

from .models import Office, Role
from .queries import standing_of

SESSION_KEY = "hogo_acting_office"
NO_ROLE = "この操作をする権限がありません。"
CHOOSE_FIRST = (
    "複数の福祉事務所で役割をお持ちです。メニューの「事務所の切り替え」で、作業する事務所を選んでから操作してください。"
)
NOT_YOUR_OFFICE = "その事務所では役割を持っていないため、切り替えられません。"


def _offices_holding(actor, roles, on: date | None = None) -> list[int]:
    return standing_of(actor, on).offices_with(*(roles or Role.values))


def may_choose_office(user) -> bool:
    """Only staff holding roles in two offices or more have anything to choose."""
    return len(standing_of(user).office_ids) > 1


def offices_to_choose(user) -> list[tuple[Office, list[str]]]:
    """The offices where the user holds a role today, by name, each with the names of those roles."""
    roles_by_office = standing_of(user).roles_by_office
    offices = Office.objects.filter(pk__in=roles_by_office).order_by("name", "pk")
    return [(office, sorted(Role(role).label for role in roles_by_office[office.pk])) for office in offices]


def chosen_office_id(request) -> int | None:
    """The office the user chose in this session, while they still hold a role there."""
    chosen = request.session.get(SESSION_KEY)
    return chosen if chosen in standing_of(request.user).office_ids else None


def acting_office_of(
    actor, roles, chosen_office_id: int | None = None, *, denied: str = NO_ROLE, on: date | None = None
) -> Office:
    """The office in which `actor` does work needing one of `roles`: the only office where they hold
    one, or else the chosen office if they hold one there. PermissionDenied when there is none, or
    when several qualify and none of them is chosen."""
    qualifying = _offices_holding(actor, roles, on)
    if not qualifying:
        raise PermissionDenied(denied)
    if len(qualifying) == 1:
        return Office.objects.get(pk=qualifying[0])
    if chosen_office_id in qualifying:
        return Office.objects.get(pk=chosen_office_id)
    raise PermissionDenied(CHOOSE_FIRST)


def acting_office(request, *roles: str, denied: str = NO_ROLE) -> Office:
    """`acting_office_of` for the user of this request, with the office chosen in their session."""
    return acting_office_of(request.user, roles, request.session.get(SESSION_KEY), denied=denied)


def office_for(actor, office: Office | None, roles, *, denied: str = NO_ROLE, on: date | None = None) -> Office:
    """For a service: the office it was given, once it is checked that the actor holds one of `roles`
    there; without one, the actor's only office with those roles."""
    if office is None:
        return acting_office_of(actor, roles, denied=denied, on=on)
    if office.pk not in _offices_holding(actor, roles, on):
        raise PermissionDenied(denied)
    return office


def choose_office(request, office_id: int) -> Office:
    """Make `office_id` the user's acting office for this session, if they hold a role there."""
    if office_id not in standing_of(request.user).office_ids:
        record(
            request.user,
            Action.DENIED,
            target_type="office",
            target_id=str(office_id),
            detail={"why": "no_role", "acting_office": office_id},
        )
        raise PermissionDenied(NOT_YOUR_OFFICE)
    office = Office.objects.get(pk=office_id)
    request.session[SESSION_KEY] = office.pk
    record(
        request.user,
        Action.UPDATE,
        target_type="office",
        target_id=str(office.pk),
        office_id=office.pk,
        detail={"acting_office": office.pk},
    )
    return office
