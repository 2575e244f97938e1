import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, Func, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from core import clock, roles
from core.concurrency import StaleEdit
from core.pagecache import page_cache
from meetings.models import AgendaItem, Committee, Meeting, WorkProgrammeItem, item_q, may_brief

from . import filters
from .exports import csv_response, xlsx_response
from .filters import ActionFilter, sort_actions
from .forms import BriefMeetingForm, LogChoiceForm, OwnerUpdateForm
from .models import Action, agreed_between_q, due_by_q, overdue_q


def _get_action_for_viewer(request, pk):
    actions = Action.objects.visible_to(request.user).with_meetings().select_related("source_resolution")
    action = get_object_or_404(actions, pk=pk)
    # visible_to vetted the source item only; a resolution cited from another item may be exempt or a draft.
    cited = action.source_resolution
    readable = AgendaItem.objects.filter(item_q(request.user))
    if cited and cited.item_id != action.source_item_id and not readable.filter(pk=cited.item_id).exists():
        action.source_resolution = None
    return action


@require_safe
def action_detail(request, pk):
    action = _get_action_for_viewer(request, pk)
    person = roles.person_for(request.user)
    is_owner = person is not None and action.owner_id == person.pk and action.is_outstanding
    context = {
        "action": action,
        "timeline": action.updates.select_related("by"),
        "show_who": roles.can_see_unpublished(request.user),
        "owner_form": OwnerUpdateForm(action=action) if is_owner else None,
    }
    return render(request, "actions/action_detail.html", context)


# --- the outstanding actions list ------------------------------------------------------------

PAGE_SIZE = 25


def rag_counts(actions):
    """Counts per RAG and overdue for the filtered list, in one query."""
    return actions.order_by().aggregate(
        total=Count("pk"),
        red=Count("pk", filter=Q(rag=Action.Rag.RED)),
        amber=Count("pk", filter=Q(rag=Action.Rag.AMBER)),
        green=Count("pk", filter=Q(rag=Action.Rag.GREEN)),
        overdue=Count("pk", filter=overdue_q()),
    )


@require_safe
@page_cache
def action_list(request):
    visible = Action.objects.visible_to(request.user).outstanding().with_related()
    action_filter = ActionFilter(request.GET, queryset=visible, request=request)
    actions = action_filter.qs
    counts = rag_counts(actions)
    paginator = Paginator(actions, PAGE_SIZE)
    paginator.count = counts["total"]  # already counted with the RAG tiles: one pass over the rows, not two
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filter": action_filter,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "counts": counts,
        "filters_applied": sum(1 for name in ActionFilter.base_filters if name != "sort" and request.GET.get(name)),
        "table_caption": "Outstanding actions"
        + (f", page {page.number} of {page.paginator.num_pages}" if page.paginator.num_pages > 1 else ""),
    }
    return render(request, _action_list_template(request), context)


def _action_list_template(request):
    """The whole page, unless htmx asks: then the rows, with the form redrawn beside them unless the form itself
    asked. Back and Forward re-request the whole page (history restore), so it is drawn from the address."""
    if not request.htmx or request.htmx.history_restore_request:
        return "actions/action_list.html"
    if request.htmx.trigger == "filters":
        return "actions/action_list.html#results"
    return "actions/action_list.html#results-and-form"


@require_safe
def owner_suggestions(request):
    typed = request.GET.get("owner", "")[:100]
    if not request.htmx:
        return redirect(f"{reverse('actions:list')}?{urlencode({'owner': typed})}")  # the list, filtered
    names = filters.owner_suggestions(request.user, typed)
    return render(request, "actions/action_list.html#owner-suggestions", {"owner_names": names})


# --- the owner's own actions -----------------------------------------------------------------


def _person_or_403(request):
    person = roles.person_for(request.user)
    if person is None:
        raise PermissionDenied("Your sign-in is not linked to a person on the council's records.")
    return person


def _get_action_for_owner(request, pk):
    action = get_object_or_404(Action.objects.with_related(), pk=pk)
    if action.owner_id is None or action.owner_id != _person_or_403(request).pk:
        raise PermissionDenied("Only the action's owner can give an owner's update.")
    return action


def _my_actions_page(request, person, replace=None):
    actions = sort_actions(Action.objects.outstanding().filter(owner=person).with_related(), "due")
    rows = [(a, replace[1] if replace and replace[0].pk == a.pk else OwnerUpdateForm(action=a)) for a in actions]
    return render(request, "actions/my_actions.html", {"person": person, "rows": rows})


@login_required
@require_safe
def my_actions(request):
    return _my_actions_page(request, _person_or_403(request))


@login_required
@require_POST
def owner_update(request, pk):
    action = _get_action_for_owner(request, pk)
    if not action.is_outstanding:
        # The committee has finished with it; only the clerk may reopen it, so the owner may not re-rate it.
        status = action.get_status_display().lower()
        messages.error(request, f"{action.reference} is {status}, so it takes no more owner's updates.")
        return HttpResponseClientRedirect(action.get_absolute_url()) if request.htmx else redirect(action)
    form = OwnerUpdateForm(request.POST, action=action)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            action.add_update(
                data["text"], by=request.user, rag=data["rag"] or None, as_owner=True, expected_version=data["version"]
            )
            saved = True
        except StaleEdit as stale:
            form = _stale_owner_form(request, stale.current)
    if saved and not request.htmx:
        messages.success(request, f"Your update on {action.reference} is on its timeline.")
        next_url = request.POST.get("next", "")
        safe = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure())
        return redirect(next_url if safe else "actions:mine")
    if not request.htmx:
        return _my_actions_page(request, action.owner, replace=(action, form))
    action = Action.objects.with_related().get(pk=action.pk)
    form = OwnerUpdateForm(action=action) if saved else form
    return render(request, "actions/my_actions.html#owner-row", {"action": action, "form": form, "saved": saved})


def _stale_owner_form(request, current):
    """Keep what the owner typed, against the current version, and say what changed."""
    data = request.POST.copy()
    form = OwnerUpdateForm(data, action=current)
    data[form.add_prefix("version")] = current.version
    form.is_valid()
    form.add_error(
        None,
        f"Someone else changed this action while you were writing: it is now {current.get_rag_display()}, "
        f"{current.get_status_display()}. Your update was not saved. Check it and send it again.",
    )
    return form


# --- a councillor's committees ---------------------------------------------------------------


@login_required
@require_safe
def my_committees(request):
    person = _person_or_403(request)
    memberships = person.memberships.current().select_related("committee").order_by("committee__name")
    roles_by_committee = {m.committee_id: m for m in memberships}
    committees = committee_summaries(Committee.objects.filter(pk__in=roles_by_committee))
    rows = [(c, roles_by_committee[c.pk]) for c in committees]
    return render(request, "actions/my_committees.html", {"rows": rows})


def committee_summaries(committees):
    """Each committee with its next meeting and its outstanding and overdue counts, in one query; the counts
    are sub-queries on the (committee, status) index, not a join through every action the committee ever had."""
    upcoming = Meeting.objects.upcoming().filter(committee=OuterRef("pk"))
    outstanding = Action.objects.outstanding().filter(committee=OuterRef("pk")).order_by()
    count = Func(F("pk"), function="COUNT")
    return committees.annotate(
        next_meeting_pk=Subquery(upcoming.values("pk")[:1]),
        next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
        outstanding_count=Subquery(outstanding.annotate(n=count).values("n")),
        overdue_count=Subquery(outstanding.filter(overdue_q()).annotate(n=count).values("n")),
    ).order_by("name")


# --- the chair's pre-meeting brief -------------------------------------------------------------


def _get_committee_for_staff(request, slug):
    """Briefs show the committee's draft and exempt business: its members and the clerks (need to know)."""
    committee = get_object_or_404(Committee, slug=slug)
    if not may_brief(request.user, committee):
        raise PermissionDenied("The pre-meeting brief is for the committee's members and the clerks.")
    return committee


@login_required
@require_safe
def brief(request, slug):
    committee = _get_committee_for_staff(request, slug)
    every = request.GET.get("every") == "1"  # older meetings in the choice too
    form = BriefMeetingForm(request.GET if "meeting" in request.GET else None, committee=committee, every=every)
    meeting = form.cleaned_data["meeting"] if form.is_valid() else committee.next_meeting()
    if meeting and not form.is_bound:
        form = BriefMeetingForm(initial={"meeting": meeting.pk}, committee=committee, every=every)
    context = {"committee": committee, "meeting": meeting, "form": form, "as_at": clock.now()}
    if meeting:
        context.update(brief_sections(meeting))
    return render(request, "actions/brief.html", context)


BRIEF_SHOWN = 25  # as many as a page of the tracker


def brief_sections(meeting):
    committee = meeting.committee
    actions = Action.objects.filter(committee=committee).with_related()
    due = actions.outstanding().filter(due_by_q(meeting.date) | overdue_q()).exclude(status=Action.Status.COMPLETED)
    # Due at this meeting first; the long-overdue rest is counted and one link away in the tracker.
    due_actions, due_more = due.order_by(F("due_on").desc(nulls_last=True), "pk").head(BRIEF_SHOWN)
    awaiting, awaiting_more = sort_actions(actions.filter(status=Action.Status.COMPLETED), "due").head(BRIEF_SHOWN)
    tracker = f"{reverse('actions:list')}?committee={committee.slug}"
    previous = meeting.previous()
    return {
        "chair": committee.chair(meeting.date),
        "items": meeting.items.select_related("lead_officer"),
        "standing_items": committee.standing_items.active(meeting.date),
        "due_actions": due_actions,
        "due_more": due_more,
        "due_tracker": f"{tracker}&due_by={max(meeting.date, clock.today()):%Y-%m-%d}",
        "awaiting_discharge": awaiting,
        "awaiting_more": awaiting_more,
        "awaiting_tracker": f"{tracker}&status=completed",
        "work_items": WorkProgrammeItem.objects.for_meeting(meeting),
        "previous": previous,
        "declarations": previous.declarations.select_related("person", "item") if previous else [],
    }


# --- the action log for the agenda pack, and its public face ---------------------------------------


LOG_PAGE_SIZE = 50  # rows a page: half the rendering of 100 (issue 10b); earlier rows are one click away


def log_actions(user, committee, show, year=None):
    """The log's rows, and the meeting a 'since' view counts from. Bounded by default: this municipal year
    and whatever is still outstanding, so ten years of history cost nothing until someone asks for them."""
    # The meeting each action keeps a copy of (Action.source_meeting), not the item's: one join fewer to sort.
    visible = Action.objects.visible_to(user).with_related().order_by("source_meeting__starts_at", "created_at", "pk")
    actions = visible.filter(committee=committee)
    # A period's conditions name the committee in each arm (agreed_between_q), and are read without the filter on
    # it: with that filter beside them, PostgreSQL read the committee's decade of actions to find this year's.
    if year:
        start = datetime.date(year, *clock.MUNICIPAL_YEAR_STARTS)
        return visible.agreed_between(start, clock.add_years(start, 1), committee), None
    if show == "outstanding":
        return actions.outstanding(), None
    if show == "discharged":
        last = Meeting.objects.visible_to(user).filter(committee=committee).past().first()
        discharged = actions.filter(status=Action.Status.DISCHARGED)
        return (discharged.filter(discharged_on__gte=last.date) if last else discharged), last
    if show == "current":
        this_year = agreed_between_q(clock.municipal_year(), clock.today() + datetime.timedelta(days=1), committee)
        return visible.filter(Q(committee=committee, status__in=Action.OUTSTANDING) | this_year), None
    return actions, None


def earlier_years(committee):
    """The municipal years before this one in which the committee agreed actions, newest first."""
    actions = Action.objects.filter(committee=committee)
    # Each earliest by its own index, stopping at the first: an aggregate over the committee's decade joined to
    # its meetings cost the log 30 ms at 100,000 actions.
    with_actions = committee.meetings.filter(Exists(actions.filter(source_meeting=OuterRef("pk"))))
    firsts = [
        with_actions.order_by("starts_at").values_list("starts_at", flat=True).first(),
        actions.order_by("created_at").values_list("created_at", flat=True).first(),
    ]
    first = min(filter(None, firsts), default=None)
    if first is None:
        return []
    this_year = clock.municipal_year()
    start = clock.municipal_year(clock.local_date(first))
    years = []
    while start < this_year:
        years.append((start.year, clock.municipal_year_label(start.year)))
        start = clock.add_years(start, 1)
    return years[::-1]


@require_safe
@page_cache  # the HTML only: the exports stream, and a streamed response is never kept
def action_log(request, slug, fmt="html"):
    committee = get_object_or_404(Committee, slug=slug)
    show, year = LogChoiceForm(request.GET).choice()
    actions, since = log_actions(request.user, committee, show, year)
    filename = f"action-log-{committee.slug}-{year or show}-{clock.today():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(actions, f"{filename}.csv")
    if fmt == "xlsx":
        return xlsx_response(actions, f"{filename}.xlsx", f"{committee.name}: action log")
    page = Paginator(actions.paged_by_ids(), LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    label = f"Actions agreed in {clock.municipal_year_label(year)}" if year else None
    context = {
        "committee": committee,
        "form": LogChoiceForm({"show": show}),
        "show": show,
        "year": year,
        "since": since,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "earlier_years": earlier_years(committee),
        "show_label": label or dict(LogChoiceForm.SHOW)[show],
    }
    pages = f", page {page.number} of {page.paginator.num_pages}" if page.paginator.num_pages > 1 else ""
    context["table_caption"] = f"Action log for {committee.name}: {context['show_label']}{pages}"
    return render(request, "actions/action_log.html", context)


@require_safe
def log_index(request):
    return render(request, "actions/log_index.html", {"committees": Committee.objects.all()})
