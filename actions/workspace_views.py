"""The clerk's in-place action controls and 'make this an action', used on the meeting workspace.

Each control is one POST that goes through an Action verb (so the timeline gets its entry) and
answers htmx with just the action's row, or a plain browser with a redirect and a message.
"""

from contextlib import contextmanager

from django.contrib import messages
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from core import hooks, roles
from core.concurrency import StaleEdit
from meetings.models import Meeting, Resolution
from meetings.people import owner_people, resolve_owner

from .models import Action, AlreadyAnAction
from .workspace_forms import (
    CloseForm,
    DischargeForm,
    DueChangeForm,
    MakeActionForm,
    NoteForm,
    OwnerChangeForm,
    ProposalForm,
    RagForm,
    UpdateForm,
)

ROW = "actions/workspace/action_row.html"
ROW_MEETINGS = [Action._meta.get_field(name) for name in ("due_meeting", "discharged_at_meeting")]
MATTERS_SHOWN = 25  # as many as a page of the tracker


class ActionsOnMeetings(hooks.MeetingExtension):
    """What the actions app adds to a meeting's pages (core/hooks.py): each item's actions, and the
    committee's matters arising in the clerk's workspace. Registered in ActionsConfig.ready()."""

    def agenda_items(self, items):
        return items.prefetch_related(
            Prefetch("actions", queryset=Action.objects.with_meetings().order_by("created_at", "pk"))
        )

    def item_stake(self, user):
        # Owning an action from an item gives its officer the need to know that item.
        return Q(pk__in=Action.objects.filter(owner__user=user).values("source_item_id"))

    def context(self, meeting):
        matters = Action.objects.matters_arising(meeting).with_meetings()
        # Those due at this meeting first; a decade of overdue ones waits in the tracker, one link away.
        rows, more = matters.order_by(F("due_on").desc(nulls_last=True), "pk").head(MATTERS_SHOWN)
        tracker = f"{reverse('actions:list')}?committee={meeting.committee.slug}&due_by={meeting.date:%Y-%m-%d}"
        return {"matters": rows, "matters_more": more, "matters_tracker": tracker}


ACTIONS_ON_MEETINGS = ActionsOnMeetings(
    section_template="actions/meeting/matters.html",
    item_template="actions/meeting/item_actions.html",
    resolution_template="actions/meeting/resolution_tools.html",
    public_item_template="actions/meeting/public_item_actions.html",
    item_summary_template="actions/meeting/item_summary.html",
    resolution_footer_template="actions/meeting/resolution_actions.html",
)
MAKE = "actions/workspace/make_action.html"


def _get_action_for_clerk(request, pk):
    """404 for an action the visitor may not know of, 403 for one they may see but not change."""
    action = get_object_or_404(Action.objects.visible_to(request.user).for_row(), pk=pk)
    roles.require_clerk(request.user)
    return action


@contextmanager
def _action_for_clerk_to_change(request, pk):
    """_get_action_for_clerk, with the action's own row locked until the block ends, so that the verb called in
    the block works from it instead of reading and locking it again (Versioned.held_for_change)."""
    with transaction.atomic():
        visible = Action.objects.visible_to(request.user).for_row().select_for_update(of=("self",))
        action = get_object_or_404(visible, pk=pk)
        roles.require_clerk(request.user)
        with action.held_for_change():
            yield action


def _safe_next(request):
    url = request.POST.get("next", "")
    return url if url_has_allowed_host_and_scheme(url, {request.get_host()}) else ""


def _row_meeting(request, action):
    """The meeting whose workspace the row is drawn on (None elsewhere). The due and discharging meetings the row
    also shows are read with it, in one query, unless the action has them already."""
    pk = request.POST.get("workspace_meeting", "") or request.GET.get("meeting", "")
    shown = [f for f in ROW_MEETINGS if getattr(action, f.attname)]
    known = {getattr(action, f.name).pk: getattr(action, f.name) for f in shown if f.is_cached(action)}
    wanted = {getattr(action, f.attname) for f in shown} | ({int(pk)} if pk.isdigit() else set())
    meetings = known | Meeting.objects.defer("public_attendance").in_bulk(wanted - known.keys())
    for field in shown:
        field.set_cached_value(action, meetings[getattr(action, field.attname)])
    meeting = meetings.get(int(pk)) if pk.isdigit() else None
    return meeting if meeting and meeting.committee_id == action.committee_id else None


def _stale_message(current):
    return (
        f"{current.reference} was changed by someone else after you opened it, so your change was not saved. "
        f"It is now {current.get_rag_display()}, {current.get_status_display().lower()}: check it below."
    )


def _respond(request, action, message="", error="", form=None, control=""):
    if not request.htmx:
        (messages.error if error else messages.success)(request, f"{action.reference}: {error or message}")
        return redirect(_safe_next(request) or action.get_absolute_url())
    # A verb leaves the action as saved, relations and all; a refused one may be behind someone else's change.
    shown = Action.objects.with_meetings().get(pk=action.pk) if error else action
    context = {
        "action": shown,
        "workspace_meeting": _row_meeting(request, action),
        "row_message": message,
        "row_error": error,
        "row_form": form,
        "row_control": control,
        "row_next": _safe_next(request),
        "show_controls": True,  # the clerk was using them: keep them open for the next change
    }
    return render(request, ROW, context)


@require_GET
def row_controls(request, pk):
    """One action's row with its controls drawn, fetched when the clerk opens them."""
    action = _get_action_for_clerk(request, pk)
    if not request.htmx:
        return redirect(action)  # the action's page shows the same controls
    page = request.htmx.current_url_abs_path or ""
    context = {
        "action": action,
        "workspace_meeting": _row_meeting(request, action),
        "show_controls": True,
        "row_next": page if url_has_allowed_host_and_scheme(page, {request.get_host()}) else "",
    }
    return render(request, ROW, context)


def _names_itself(field):
    return getattr(field.widget, "is_date_input", False)  # "Discharged on must be a real date" says which field


def _control_form(request, form_class, action):
    if form_class in (DischargeForm, DueChangeForm):
        return form_class(request.POST, action=action)
    if form_class is OwnerChangeForm:
        return form_class(request.POST, action=action, people=list(owner_people()))
    return form_class(request.POST)


def _form_errors(form):
    return " ".join(
        f"{form.fields[name].label}: {e}" if name in form.fields and not _names_itself(form.fields[name]) else e
        for name, errs in form.errors.items()
        for e in errs
    )


def _control(request, pk, form_class, control, verb, done):
    error = ""
    with _action_for_clerk_to_change(request, pk) as action:
        form = _control_form(request, form_class, action)
        if not form.is_valid():
            error = _form_errors(form)
        else:
            try:
                verb(action, form.cleaned_data, by=request.user, expected_version=form.cleaned_data["version"])
            except StaleEdit as stale:
                error = _stale_message(stale.current)
            except ValueError as refused:
                error = str(refused)
    # Drawn after the commit: the row's lock is not held while the page is rendered.
    if error:
        return _respond(request, action, error=error, form=form, control=control)
    return _respond(request, action, message=done(form.cleaned_data))


@require_POST
def set_rag(request, pk):
    def verb(a, d, **kw):
        return a.set_rag(d["rag"], reason=d["reason"], **kw)

    return _control(request, pk, RagForm, "rag", verb, lambda d: f"RAG set to {Action.Rag(d['rag']).label}.")


@require_POST
def add_update(request, pk):
    def verb(a, d, **kw):
        return a.add_update(d["text"], rag=d["rag"] or None, **kw)

    return _control(request, pk, UpdateForm, "update", verb, lambda d: "Update added.")


@require_POST
def mark_completed(request, pk):
    def verb(a, d, **kw):
        return a.mark_completed(note=d["note"], **kw)

    return _control(request, pk, NoteForm, "complete", verb, lambda d: "Marked completed, awaiting discharge.")


@require_POST
def discharge(request, pk):
    def verb(a, d, **kw):
        return a.discharge(on=d["on"], at_meeting=d["at_meeting"], note=d["evidence"], **kw)

    return _control(request, pk, DischargeForm, "discharge", verb, lambda d: "Discharged.")


@require_POST
def reopen(request, pk):
    def verb(a, d, **kw):
        return a.reopen(reason=d["note"], **kw)

    return _control(request, pk, NoteForm, "reopen", verb, lambda d: "Reopened.")


@require_POST
def close(request, pk):
    def verb(a, d, **kw):
        return a.close(d["reason"], **kw)

    return _control(request, pk, CloseForm, "close", verb, lambda d: "Closed without being done.")


@require_POST
def accept_rag(request, pk):
    def verb(a, d, **kw):
        return a.accept_proposed_rag(reason=d["reason"], **kw)

    return _control(request, pk, ProposalForm, "proposal", verb, lambda d: "Proposed RAG accepted.")


@require_POST
def reject_rag(request, pk):
    def verb(a, d, **kw):
        return a.reject_proposed_rag(reason=d["reason"], **kw)

    return _control(request, pk, ProposalForm, "proposal", verb, lambda d: "Proposed RAG rejected.")


@require_POST
def change_owner(request, pk):
    def verb(a, d, **kw):
        return a.change_owner(owner=d["owner_person"], owner_post=d["owner"], reason=d["reason"], **kw)

    return _control(request, pk, OwnerChangeForm, "owner", verb, lambda d: "Owner changed.")


@require_POST
def change_due(request, pk):
    def verb(a, d, **kw):
        return a.change_due(due_date=d["due_date"], due_note=d["due_note"], reason=d["reason"], **kw)

    return _control(request, pk, DueChangeForm, "due", verb, lambda d: "Due date changed.")


@require_GET
def owner_check(request):
    """As the clerk types an owner: whether it names one person, and if not, who it might mean."""
    roles.require_clerk(request.user)
    typed = request.GET.get("owner", "")[:200].strip()
    person, candidates = resolve_owner(typed, list(owner_people())) if typed else (None, [])
    context = {"typed": typed, "person": person, "candidates": candidates}
    template = "actions/workspace/owner_check.html" if request.htmx else "actions/workspace/owner_check_page.html"
    return render(request, template, context)


def make_action(request, pk):
    """From a resolution: an action, a promise to a future committee, or a new standing item."""
    visible = Meeting.objects.visible_to(request.user)
    resolution = get_object_or_404(
        Resolution.objects.select_related("item__meeting__committee").filter(item__meeting__in=visible), pk=pk
    )
    roles.require_clerk(request.user)
    people = list(owner_people())
    form = MakeActionForm(request.POST or None, resolution=resolution, people=people)
    if form.is_valid():
        try:
            made = form.save(by=request.user)
        except AlreadyAnAction as refused:
            return _made(request, resolution, None, refused=str(refused))
        return _made(request, resolution, made)
    context = {"form": form, "resolution": resolution, "meeting": resolution.item.meeting, "people": people}
    return render(request, f"{MAKE}#form" if request.htmx else MAKE, context)


def _made(request, resolution, made, refused=""):
    meeting = resolution.item.meeting
    is_action = isinstance(made, Action)
    message = f"Action {made.reference} recorded." if is_action else f"“{made}” is now a standing item."
    message = refused or message
    if not request.htmx:
        (messages.error if refused else messages.success)(request, message)
        return redirect(f"{meeting.get_absolute_url()}?item={resolution.item_id}#resolution-{resolution.pk}")
    context = {"resolution": resolution, "message": message, "workspace_meeting": meeting, "refused": refused}
    if is_action:
        context["action"] = Action.objects.with_meetings().get(pk=made.pk)
    return render(request, f"{MAKE}#made", context)
