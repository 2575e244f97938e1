from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from . import roles
from .models import AgendaItem, Committee, Meeting, Person, Resolution


def _get_meeting_for_viewer(request, pk):
    """A meeting the visitor may see: 404 for the public when it is not yet published."""
    meetings = Meeting.objects.visible_to(request.user).select_related("committee", "minutes_approved_at")
    return get_object_or_404(meetings, pk=pk)


def committee_list(request):
    committees = Committee.objects.all()
    return render(request, "meetings/committee_list.html", {"committees": committees})


def committee_detail(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    meetings = Meeting.objects.visible_to(request.user).filter(committee=committee)
    memberships = committee.memberships.current().select_related("person").order_by("role", "person__name")
    return render(
        request,
        "meetings/committee_detail.html",
        {
            "committee": committee,
            "upcoming": meetings.upcoming()[:10],
            "past": meetings.past()[:20],
            "memberships": memberships,
            "standing_items": committee.standing_items.active(),
        },
    )


def meeting_detail(request, pk):
    meeting = _get_meeting_for_viewer(request, pk)
    items = meeting.items.select_related("lead_officer", "contact_officer").prefetch_related(
        Prefetch("resolutions", queryset=Resolution.objects.order_by("order", "pk")),
        "actions__owner",
    )
    attendances = meeting.attendances.select_related("person", "substitute_for").order_by("person__name")
    declarations = meeting.declarations.select_related("person", "item")
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "attendances": attendances,
            "declarations": declarations,
            "show_exempt": roles.can_see_unpublished(request.user),
        },
    )


def item_detail(request, meeting_pk, pk):
    meeting = _get_meeting_for_viewer(request, meeting_pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, pk=pk)
    return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")


@login_required
def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    memberships = person.memberships.current().select_related("committee")
    return render(request, "meetings/person_detail.html", {"person": person, "memberships": memberships})
