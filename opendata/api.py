"""A read-only open-data API shaped on OParl 1.1 (https://oparl.org/spezifikation/), in plain JSON.

Objects: System, Body (the council), Organization (a committee), Person (a committee member),
Membership, Meeting, AgendaItem; and the extensions Action and Recommendation, which OParl lacks
(documented in opendata/openapi.json). Ids are the objects' own URLs; lists are paged OParl-style
(`data`, `pagination`, `links`). Plain views returning JsonResponse, not Django REST framework:
seven read-only shapes need no serializers, viewsets or a second permission system, and the
visibility rules stay the pages' own.

The API always answers as the public, signed in or not: published meetings only, exempt items as
OParl's `public: false` with no content, actions under Action.visible_to for an anonymous visitor,
recommendations under Recommendation.objects.visible_to for one.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, ActionUpdate
from meetings.models import AgendaItem, Meeting, Membership, Person, Resolution, shown_items
from recommendations.models import Recommendation, RecommendationEvent

PUBLIC = AnonymousUser()
OPARL = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 50


def oparl_type(name):
    return f"{OPARL}{name}"


def extension_type(request, name):
    return request.build_absolute_uri(f"{reverse('opendata:openapi')}#/components/schemas/{name}")


def url(request, name, *args):
    return request.build_absolute_uri(reverse(f"opendata:{name}", args=args))


def iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


# --- the public querysets: the pages' rules, for an anonymous visitor ----------------------------


def public_meetings():
    items = AgendaItem.objects.order_by("order", "pk").prefetch_related(
        Prefetch("resolutions", queryset=Resolution.objects.order_by("order", "pk"))
    )
    return (
        Meeting.objects.visible_to(PUBLIC)
        .select_related("committee")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("-starts_at", "pk")
    )


def public_actions():
    timeline = ActionUpdate.objects.with_words().order_by("at", "pk")
    return (
        Action.objects.visible_to(PUBLIC)
        .select_related("committee", "owner", "source_item__meeting", "discharged_at_meeting")
        .prefetch_related(Prefetch("updates", queryset=timeline, to_attr="timeline"))
        .order_by("pk")
    )


def public_recommendations():
    """Made at a published, non-exempt item (the tracker's rule for the public), with their timelines."""
    timeline = RecommendationEvent.objects.order_by("at", "pk")
    return (
        Recommendation.objects.visible_to(PUBLIC)
        .select_related("body", "lead", "source_item__meeting", "response_meeting")
        .prefetch_related(Prefetch("events", queryset=timeline, to_attr="timeline"))
        .order_by("pk")
    )


def public_people():
    """The people a committee page lists as members (name and role only: contact details are for council users)."""
    return Person.objects.filter(memberships__in=Membership.objects.current()).distinct().order_by("pk")


# --- objects ---------------------------------------------------------------------------------------


def system(request):
    return {
        "id": url(request, "system"),
        "type": oparl_type("System"),
        "oparlVersion": "https://schema.oparl.org/1.1/",
        "name": f"Scrutiny: {settings.COUNCIL_NAME}",
        "body": url(request, "bodies"),
        "website": request.build_absolute_uri("/"),
    }


def body(request):
    return {
        "id": url(request, "body"),
        "type": oparl_type("Body"),
        "system": url(request, "system"),
        "name": settings.COUNCIL_NAME,
        "organization": url(request, "organizations"),
        "person": url(request, "people"),
        "meeting": url(request, "meetings"),
        "paper": url(request, "papers"),
        "agendaItem": url(request, "agenda_items"),
        "legislativeTerm": [],
        "web": request.build_absolute_uri("/"),
        "scrutiny:action": url(request, "actions"),
        "scrutiny:recommendation": url(request, "recommendations"),
    }


def organization(request, committee):
    return {
        "id": url(request, "organization", committee.pk),
        "type": oparl_type("Organization"),
        "body": url(request, "body"),
        "name": committee.name,
        "shortName": committee.short_name,
        "organizationType": "Gremium",
        "classification": "Scrutiny committee",
        "meeting": f"{url(request, 'meetings')}?organization={committee.pk}",
        "web": request.build_absolute_uri(committee.get_absolute_url()),
    }


def membership(request, m):
    return {
        "id": url(request, "membership", m.pk),
        "type": oparl_type("Membership"),
        "person": url(request, "person", m.person_id),
        "organization": url(request, "organization", m.committee_id),
        "role": m.get_role_display(),
        "startDate": m.start_date.isoformat() if m.start_date else None,
        "endDate": m.end_date.isoformat() if m.end_date else None,
    }


def person(request, p, memberships):
    return {
        "id": url(request, "person", p.pk),
        "type": oparl_type("Person"),
        "body": url(request, "body"),
        "name": p.display_name,
        "membership": [membership(request, m) for m in memberships],
    }


def agenda_item(request, item, meeting, shown):
    data = {
        "id": url(request, "agenda_item", item.pk),
        "type": oparl_type("AgendaItem"),
        "meeting": url(request, "meeting", meeting.pk),
        "number": item.number,
        "order": item.order,
        "public": not item.exempt,
        "web": request.build_absolute_uri(f"{meeting.get_absolute_url()}#item-{item.pk}"),
    }
    if item.pk in shown:
        data["name"] = item.title
        data["resolutionText"] = "\n".join(r.text for r in item.resolutions.all())
        data["scrutiny:minutesText"] = item.minutes_text
    else:
        data["name"] = "Exempt item"
    return data


def meeting_object(request, meeting):
    items = list(meeting.items.all())
    shown = shown_items(PUBLIC, meeting, items)
    return {
        "id": url(request, "meeting", meeting.pk),
        "type": oparl_type("Meeting"),
        "name": f"{meeting.committee.name}, {meeting.date:%-d %B %Y}",
        "meetingState": meeting.get_status_display(),
        "cancelled": meeting.status == Meeting.Status.CANCELLED,
        "start": iso(meeting.starts_at),
        "end": iso(meeting.ends_at),
        "organization": [url(request, "organization", meeting.committee_id)],
        "agendaItem": [agenda_item(request, item, meeting, shown) for item in items],
        "scrutiny:venue": meeting.venue,
        "web": request.build_absolute_uri(meeting.get_absolute_url()),
    }


def action_object(request, action):
    discharged_at = action.discharged_at_meeting
    return {
        "id": url(request, "action", action.pk),
        "type": extension_type(request, "Action"),
        "reference": action.reference,
        "text": action.text,
        "status": action.status,
        "rag": action.rag,
        "owner": action.owner_display,
        "due": action.due_on.isoformat() if action.due_on else None,
        "dueNote": action.due_note,
        "discharged": action.discharged_on.isoformat() if action.discharged_on else None,
        "dischargedAtMeeting": url(request, "meeting", discharged_at.pk)
        if discharged_at and discharged_at.is_public
        else None,
        "organization": url(request, "organization", action.committee_id),
        "agendaItem": url(request, "agenda_item", action.source_item_id) if action.source_item_id else None,
        "timeline": [
            {
                "at": iso(u.at),
                "kind": u.kind,
                "text": u.text,
                "rag": u.rag_after or None,
                "status": u.status_after or None,
            }
            for u in action.timeline
        ],
        "created": iso(action.created_at),
        "modified": iso(action.updated_at),
        "web": request.build_absolute_uri(action.get_absolute_url()),
    }


def day(value):
    return value.isoformat() if value else None


def recommendation_object(request, rec):
    """A recommendation to another body: the response, the plan, progress and the outcome, as its page shows them."""
    meeting = rec.response_meeting
    response = None
    if rec.response:
        response = {
            "decision": rec.response,
            "text": rec.response_text,
            "decidedBy": rec.response_by,
            "date": day(rec.response_on),
            "meeting": url(request, "meeting", meeting.pk) if meeting and meeting.is_public else None,
        }
    implementation = None
    if rec.is_accepted:
        implementation = {"plan": rec.plan_what, "who": rec.plan_who, "due": day(rec.plan_by), "rag": rec.rag or None}
    outcome = {"outcome": rec.outcome, "date": day(rec.outcome_on), "note": rec.outcome_note} if rec.outcome else None
    return {
        "id": url(request, "recommendation", rec.pk),
        "type": extension_type(request, "Recommendation"),
        "reference": rec.reference,
        "number": rec.number,
        "reportTitle": rec.report_title,
        "text": rec.text,
        "addressedTo": {"name": rec.body.name, "kind": rec.body.kind},
        "lead": rec.lead_display,
        "stage": rec.stage,
        "made": day(rec.made_on),
        "responseDue": day(rec.response_due_on),
        "responseOverdue": rec.response_overdue(),
        "response": response,
        "implementation": implementation,
        "outcome": outcome,
        "organization": url(request, "organization", rec.committee_id),
        "agendaItem": url(request, "agenda_item", rec.source_item_id),
        "timeline": [{"at": iso(e.at), "kind": e.kind, "text": e.text, "rag": e.rag or None} for e in rec.timeline],
        "created": iso(rec.created_at),
        "web": request.build_absolute_uri(rec.get_absolute_url()),
    }


# --- lists -----------------------------------------------------------------------------------------


def paged(request, queryset, to_json, name):
    paginator = Paginator(queryset, PAGE_SIZE)
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        number = 0
    if number < 1 or (number > paginator.num_pages):
        raise Http404("No such page.")
    page = paginator.page(number)
    base = url(request, name)
    extra = "".join(f"&{k}={v}" for k, v in request.GET.items() if k != "page")

    def link(n):
        return f"{base}?page={n}{extra}"

    links = {"first": link(1), "last": link(paginator.num_pages), "self": link(number)}
    if page.has_previous():
        links["prev"] = link(number - 1)
    if page.has_next():
        links["next"] = link(number + 1)
    return JsonResponse(
        {
            "data": [to_json(obj) for obj in page.object_list],
            "pagination": {
                "totalElements": paginator.count,
                "elementsPerPage": PAGE_SIZE,
                "currentPage": number,
                "totalPages": paginator.num_pages,
            },
            "links": links,
        }
    )
