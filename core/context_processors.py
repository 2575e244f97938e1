from django.conf import settings

from . import hooks, roles


def scrutiny(request):
    user = request.user
    return {
        "council_name": settings.COUNCIL_NAME,
        "is_clerk": roles.is_clerk(user),
        "is_councillor": roles.is_councillor(user),
        "is_officer": roles.is_officer(user),
        "can_see_unpublished": roles.can_see_unpublished(user),
        "meeting_extensions": hooks.meeting_extensions,
    }
