"""Who may do what. Groups name the roles; a user's Person links them to committees and actions.

The group names are read once per request and cached on the user object, so templates and
views can ask repeatedly without adding queries.
"""

from django.core.exceptions import PermissionDenied

CLERK, COUNCILLOR, OFFICER = "Clerk", "Councillor", "Officer"
ROLE_GROUPS = (CLERK, COUNCILLOR, OFFICER)


def group_names(user):
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_scrutiny_groups"):
        user._scrutiny_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._scrutiny_groups


def is_clerk(user):
    return user.is_authenticated and (user.is_superuser or CLERK in group_names(user))


def is_councillor(user):
    return COUNCILLOR in group_names(user)


def is_officer(user):
    return OFFICER in group_names(user)


def can_see_unpublished(user):
    """Members and officers of the council see draft business; the public sees published minutes only."""
    return user.is_authenticated and (user.is_superuser or bool(group_names(user)))


def person_for(user):
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_scrutiny_person"):
        # The reverse of Person.user: core knows the relation by name, never the meetings module.
        user._scrutiny_person = getattr(user, "person", None)
    return user._scrutiny_person


def require_clerk(user):
    if not is_clerk(user):
        raise PermissionDenied("Only democratic services officers can change this.")
