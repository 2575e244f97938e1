import json
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from actions.models import Action
from core import roles
from meetings.models import AgendaItem, Committee, Meeting, Membership, member_committees, shown_items

from . import api
from .calendars import actions_calendar, meetings_calendar, since
from .http import object_response, open_data
from .models import CalendarToken

OPENAPI = Path(__file__).resolve().parent / "openapi.json"

# --- calendars -----------------------------------------------------------------------------------


@require_safe
def committee_calendar(request, slug):
    """A committee's meetings, as the visitor may see them on the committee page."""
    committee = get_object_or_404(Committee, slug=slug)
    meetings = Meeting.objects.visible_to(request.user).filter(committee=committee, starts_at__gte=since())
    return meetings_calendar(request, committee.name, meetings, f"{committee.slug}.ics")


def _token_user(key):
    user = CalendarToken.user_for(key)
    if user is None:
        raise Http404("This calendar address has been revoked or never existed.")
    return user


@require_safe
def my_committees_calendar(request, key):
    user = _token_user(key)
    meetings = Meeting.objects.visible_to(user).filter(committee_id__in=member_committees(user), starts_at__gte=since())
    return meetings_calendar(request, "My committees", meetings, "my-committees.ics")


@require_safe
def actions_due_calendar(request, key):
    user = _token_user(key)
    owned = Action.objects.visible_to(user).outstanding().filter(owner__user=user, due_on__isnull=False)
    return actions_calendar(request, "My actions due", owned.order_by("due_on", "pk"), "actions-due.ics")


@login_required
@require_safe
def calendar_addresses(request):
    """Where a councillor or officer finds, renews or revokes their private calendar addresses."""
    if not roles.can_see_unpublished(request.user):
        raise PermissionDenied("Private calendars are for members and officers of the council.")
    token = CalendarToken.objects.filter(user=request.user).first()
    context = {"token": token, "committees": Committee.objects.filter(pk__in=member_committees(request.user))}
    return render(request, "opendata/calendars.html", context)


@login_required
@require_POST
def calendar_token(request):
    if not roles.can_see_unpublished(request.user):
        raise PermissionDenied("Private calendars are for members and officers of the council.")
    if request.POST.get("revoke"):
        CalendarToken.revoke(request.user)
        messages.success(request, "Your private calendar addresses no longer work.")
    else:
        CalendarToken.issue(request.user)
        messages.success(request, "New private calendar addresses made: any earlier ones no longer work.")
    return redirect("opendata:calendars")


# --- the open-data API -----------------------------------------------------------------------------


@open_data
def openapi(request):
    return JsonResponse(json.loads(OPENAPI.read_text()))


@open_data
def system(request):
    return JsonResponse(api.system(request))


@open_data
def bodies(request):
    return api.paged(request, [None], lambda _: api.body(request), "bodies")


@open_data
def body(request):
    return JsonResponse(api.body(request))


@open_data
def papers(request):
    return api.paged(request, [], lambda paper: paper, "papers")


@open_data
def organizations(request):
    return api.paged(request, Committee.objects.order_by("pk"), lambda c: api.organization(request, c), "organizations")


@open_data
def organization(request, pk):
    return JsonResponse(api.organization(request, get_object_or_404(Committee, pk=pk)))


def _current_memberships():
    return Membership.objects.current().order_by("pk")


@open_data
def people(request):
    people = api.public_people().prefetch_related(Prefetch("memberships", queryset=_current_memberships()))
    return api.paged(request, people, lambda p: api.person(request, p, p.memberships.all()), "people")


@open_data
def person(request, pk):
    found = get_object_or_404(api.public_people(), pk=pk)
    return JsonResponse(api.person(request, found, _current_memberships().filter(person=found)))


@open_data
def memberships(request):
    return api.paged(request, _current_memberships(), lambda m: api.membership(request, m), "memberships")


@open_data
def membership(request, pk):
    return JsonResponse(api.membership(request, get_object_or_404(_current_memberships(), pk=pk)))


@open_data
def meetings(request):
    found = api.public_meetings()
    if request.GET.get("organization", "").isdigit():
        found = found.filter(committee_id=int(request.GET["organization"]))
    return api.paged(request, found, lambda m: api.meeting_object(request, m), "meetings")


@open_data
def meeting(request, pk):
    return JsonResponse(api.meeting_object(request, get_object_or_404(api.public_meetings(), pk=pk)))


@open_data
def agenda_items(request):
    items = AgendaItem.objects.filter(meeting__in=Meeting.objects.visible_to(api.PUBLIC))
    items = items.select_related("meeting").prefetch_related("resolutions").order_by("pk")
    return api.paged(request, items, lambda i: api.agenda_item(request, i, i.meeting, _shown(i)), "agenda_items")


def _shown(item):
    return shown_items(api.PUBLIC, item.meeting, [item])  # the public page's rule (no query for the public)


@open_data
def agenda_item(request, pk):
    meetings = Meeting.objects.visible_to(api.PUBLIC)
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk, meeting__in=meetings)
    return JsonResponse(api.agenda_item(request, item, item.meeting, _shown(item)))


@open_data
def actions(request):
    return api.paged(request, api.public_actions(), lambda a: api.action_object(request, a), "actions")


@open_data
def action(request, pk):
    return object_response(api.action_object(request, get_object_or_404(api.public_actions(), pk=pk)))


@open_data
def recommendations(request):
    found = api.public_recommendations()
    return api.paged(request, found, lambda r: api.recommendation_object(request, r), "recommendations")


@open_data
def recommendation(request, pk):
    found = get_object_or_404(api.public_recommendations(), pk=pk)
    return JsonResponse(api.recommendation_object(request, found))
