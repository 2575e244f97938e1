from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from . import forms, roles
from .concurrency import StaleEdit
from .models import AgendaItem, Attendance, Committee, Meeting, Person, Resolution

WORKSPACE = "meetings/workspace.html"
FORM_PAGE = "meetings/form_page.html"

# Where a meeting may go next. Publishing draft minutes is allowed: many councils publish them before approval.
TRANSITIONS = {
    Meeting.Status.HELD: {Meeting.Status.SCHEDULED},
    Meeting.Status.MINUTES_DRAFT: {Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED, Meeting.Status.PUBLISHED},
    Meeting.Status.MINUTES_APPROVED: {Meeting.Status.MINUTES_DRAFT},
    Meeting.Status.PUBLISHED: {Meeting.Status.MINUTES_DRAFT, Meeting.Status.MINUTES_APPROVED},
    Meeting.Status.CANCELLED: {Meeting.Status.SCHEDULED},
    Meeting.Status.SCHEDULED: {Meeting.Status.CANCELLED, Meeting.Status.HELD},
}


# The order the minutes list people in: present (chair first), apologies, absent, also in attendance.
STATUS_ORDER = ["present", "apologies", "absent", "in_attendance"]
ROLE_ORDER = ["chair", "vice_chair", "member", "substitute", "co-opted"]


def _action_model():
    # The actions app builds on this one; reach its model through the relation, never an import.
    return AgendaItem._meta.get_field("actions").related_model


def _get_meeting_for_viewer(request, pk):
    """A meeting the visitor may see: 404 for the public when it is not yet published."""
    meetings = Meeting.objects.visible_to(request.user).select_related("committee", "minutes_approved_at")
    return get_object_or_404(meetings, pk=pk)


def _get_meeting_for_clerk(request, pk):
    """404 where the visitor must not know the meeting exists, 403 where they may see but not change it."""
    meeting = _get_meeting_for_viewer(request, pk)
    roles.require_clerk(request.user)
    return meeting


def _get_item_for_clerk(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    item = get_object_or_404(meeting.items.select_related("lead_officer", "contact_officer"), pk=pk)
    item.meeting = meeting
    return item


def _get_resolution_for_clerk(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    resolution = get_object_or_404(Resolution.objects.select_related("item"), item__meeting=meeting, pk=pk)
    resolution.item.meeting = meeting
    return resolution


def _form_page(request, form, title, action_url, hx_target="", meeting=None, submit="Save", hx_swap="", **extra):
    """A form on its own page without JavaScript, or just the form when htmx asked for it.

    `?panel=1` is a workspace panel fetching its form when opened: the panel itself closes it, so no Cancel.
    """
    hx_target = hx_target if request.htmx else ""
    context = {"form": form, "title": title, "action_url": action_url, "hx_target": hx_target, "submit": submit}
    in_panel = request.GET.get("panel") == "1"
    context.update(meeting=meeting, cancellable=bool(hx_target) and not in_panel, hx_swap=hx_swap, **extra)
    context["cancel_url"] = meeting.get_absolute_url() if meeting else ""
    return render(request, f"{FORM_PAGE}#form" if request.htmx else FORM_PAGE, context)


def _safe_next(request):
    url = request.POST.get("next", "")
    return url if url_has_allowed_host_and_scheme(url, {request.get_host()}) else ""


def _back_to(request, meeting, message, anchor=""):
    messages.success(request, message)
    return redirect(f"{meeting.get_absolute_url()}{anchor}")


# --- committees and meetings ------------------------------------------------------------------


def committee_list(request):
    committees = Committee.objects.all()
    return render(request, "meetings/committee_list.html", {"committees": committees})


def committee_detail(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    meetings = Meeting.objects.visible_to(request.user).filter(committee=committee)
    memberships = committee.memberships.current().select_related("person").order_by("role", "person__name")
    standing_items = committee.standing_items.active().visible_to(request.user)
    return render(
        request,
        "meetings/committee_detail.html",
        {
            "committee": committee,
            "upcoming": meetings.upcoming()[:10],
            "past": Paginator(meetings.past(), 20).get_page(request.GET.get("page")),
            "memberships": memberships,
            "standing_items": standing_items,
        },
    )


def meeting_create(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    roles.require_clerk(request.user)
    form = forms.MeetingForm(request.POST or None, initial={"venue": committee.default_venue})
    if form.is_valid():
        data = form.cleaned_data
        meeting = Meeting.create_with_agenda(
            committee, data["starts_at"], data["ends_at"], data["venue"], with_procedural=data["with_procedural"]
        )
        return _back_to(request, meeting, f"Meeting scheduled with {meeting.items.count()} agenda items.")
    url = reverse("meetings:meeting_create", args=[slug])
    return _form_page(request, form, f"Schedule a meeting of the {committee}", url, submit="Schedule meeting")


def committee_procedural(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    roles.require_clerk(request.user)
    form = forms.ProceduralItemsForm(request.POST or None, instance=committee)
    if form.is_valid():
        form.save()
        messages.success(request, "Procedural items saved: new agendas will start with them.")
        return redirect(committee)
    url = reverse("meetings:committee_procedural", args=[slug])
    return _form_page(request, form, f"Procedural items for the {committee}", url)


def _agenda_items(meeting):
    actions = _action_model().objects.with_related().order_by("created_at", "pk")
    return meeting.items.select_related("lead_officer", "contact_officer").prefetch_related(
        Prefetch("resolutions", queryset=Resolution.objects.order_by("order", "pk")),
        Prefetch("actions", queryset=actions),
    )


def meeting_detail(request, pk):
    meeting = _get_meeting_for_viewer(request, pk)
    if roles.is_clerk(request.user):
        return render(request, WORKSPACE, _workspace_context(meeting))
    attendances = meeting.attendances.select_related("person", "substitute_for").order_by("person__name")
    attendances = sorted(attendances, key=lambda a: (STATUS_ORDER.index(a.status), not a.in_chair))
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": _agenda_items(meeting),
            "attendances": attendances,
            "declarations": meeting.declarations.select_related("person", "item"),
            "show_exempt": roles.can_see_unpublished(request.user),
        },
    )


def _with_forms(items):
    """The inline forms each item carries on the workspace; built here so the template stays simple."""
    items = list(items)
    for item in items:
        item.outcome_form = getattr(item, "outcome_form", None) or forms.OutcomeForm(instance=item)
        item.resolution_form = forms.ResolutionForm(auto_id=f"item-{item.pk}-resolution-%s")
    return items


def _workspace_context(meeting, **extra):
    items = _with_forms(_agenda_items(meeting))
    context = {"meeting": meeting, "items": items, "item_form": forms.ItemForm(meeting=meeting)}
    for part in (_attendance_context(meeting), _declarations_context(meeting), _matters_context(meeting)):
        context.update(part)
    context["previous"] = meeting.previous()
    context["approve_form"] = forms.ApproveMinutesForm(meeting=meeting)
    context["next_statuses"] = [s for s in Meeting.Status if meeting.status in TRANSITIONS.get(s, ())]
    return {**context, **extra}


def _matters_context(meeting):
    actions = meeting.committee.actions
    due = actions.due_by(meeting).exclude(source_item__meeting=meeting).values("pk")
    matters = actions.with_related().filter(Q(pk__in=due) | Q(discharged_at_meeting=meeting))
    return {"matters": matters.order_by("due_date", "due_meeting__starts_at", "pk")}


def meeting_edit(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.MeetingDetailsForm(request.POST or None, instance=meeting)
    if form.is_valid():
        try:
            form.save(commit=False).save_versioned(form.cleaned_data["version"])
        except StaleEdit as stale:
            form = forms.stale_form(forms.MeetingDetailsForm, request.POST, stale.current)
        else:
            return _back_to(request, meeting, "Meeting details saved.")
    url = reverse("meetings:meeting_edit", args=[pk])
    return _form_page(request, form, "Meeting details", url, meeting=meeting)


@require_POST
def meeting_status(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    target = request.POST.get("to", "")
    allowed_from = TRANSITIONS.get(target, set())
    updates = {"status": target, "version": F("version") + 1}
    if target in (Meeting.Status.MINUTES_DRAFT, Meeting.Status.HELD, Meeting.Status.SCHEDULED):
        updates["minutes_approved_at"] = None
    if target == Meeting.Status.MINUTES_APPROVED:
        form = forms.ApproveMinutesForm(request.POST, meeting=meeting)
        if not form.is_valid():
            messages.error(request, "Choose the later meeting at which these minutes were approved.")
            return redirect(meeting)
        updates["minutes_approved_at"] = form.cleaned_data["approved_at"]
    with transaction.atomic():
        changed = Meeting.objects.filter(pk=meeting.pk, status__in=allowed_from).update(**updates)
    if not changed:
        messages.error(request, f"A meeting that is {meeting.get_status_display().lower()} cannot move to that.")
    else:
        messages.success(request, f"Meeting is now: {Meeting.Status(target).label}.")
    return redirect(_safe_next(request) or meeting)


# --- agenda -----------------------------------------------------------------------------------


def _render_agenda(request, meeting, **extra):
    context = {"meeting": meeting, "items": _with_forms(_agenda_items(meeting)), **extra}
    context.setdefault("item_form", forms.ItemForm(meeting=meeting))
    return render(request, f"{WORKSPACE}#agenda", context)


def item_add(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.ItemForm(request.POST or None, meeting=meeting)
    if form.is_valid():
        last = meeting.items.order_by("-order").values_list("order", flat=True).first() or 0
        item = form.save(commit=False)
        item.meeting, item.order = meeting, last + 1
        item.save()
        if request.htmx:
            return _render_agenda(request, meeting, item_form=forms.ItemForm(meeting=meeting), added=item)
        return _back_to(request, meeting, f"Item {item} added.", f"#item-{item.pk}")
    if request.htmx and request.method == "POST":
        return _render_agenda(request, meeting, item_form=form)
    url = reverse("meetings:item_add", args=[pk])
    return _form_page(request, form, "Add an agenda item", url, "#agenda", meeting, "Add item", "outerHTML")


def item_edit(request, meeting_pk, pk):
    item = _get_item_for_clerk(request, meeting_pk, pk)
    form = forms.ItemForm(request.POST or None, instance=item, meeting=item.meeting)
    if form.is_valid():
        try:
            item = form.save(commit=False)
            item.save_versioned(form.cleaned_data["version"])
        except StaleEdit as stale:
            form = forms.stale_form(forms.ItemForm, request.POST, stale.current, meeting=item.meeting)
        else:
            if request.htmx:
                context = {"item": item, "meeting": item.meeting, "item_saved_message": f"Item {item} saved."}
                response = render(request, f"{WORKSPACE}#item_saved", context)
                return retarget(reswap(response, "outerHTML"), f"#item-head-{pk}")
            return _back_to(request, item.meeting, f"Item {item} saved.", f"#item-{item.pk}")
    url = reverse("meetings:item_edit", args=[meeting_pk, pk])
    return _form_page(request, form, f"Edit item {item}", url, f"#item-edit-slot-{pk}", item.meeting)


@require_POST
def item_delete(request, meeting_pk, pk):
    item = _get_item_for_clerk(request, meeting_pk, pk)
    meeting = item.meeting
    if item.actions.exists():
        message = f"Item {item} has actions recorded against it, so it cannot be deleted."
        if request.htmx:
            return _render_agenda(request, meeting, agenda_error=message)
        messages.error(request, message)
        return redirect(meeting)
    item.delete()
    if request.htmx:
        return _render_agenda(request, meeting, agenda_message=f"Item {item} deleted.")
    return _back_to(request, meeting, f"Item {item} deleted.", "#agenda")


@require_POST
def item_move(request, meeting_pk, pk):
    item = _get_item_for_clerk(request, meeting_pk, pk)
    meeting = item.meeting
    with transaction.atomic():
        items = list(meeting.items.select_for_update().order_by("order", "pk"))
        here = next(i for i, it in enumerate(items) if it.pk == item.pk)
        there = here - 1 if request.POST.get("direction") == "up" else here + 1
        if 0 <= there < len(items):
            a, b = items[here], items[there]
            items[here], items[there] = b, a
            # Numbers travel with positions, so the printed agenda still reads 1, 2, 3…
            a.number, b.number = b.number, a.number
            AgendaItem.objects.filter(pk__in=[a.pk, b.pk]).update(number="")
            for n, it in enumerate(items, start=1):
                it.order = n
            AgendaItem.objects.bulk_update(items, ["order", "number"])
    if request.htmx:
        return _render_agenda(request, meeting, moved=item.pk, direction=request.POST.get("direction"))
    return _back_to(request, meeting, "Agenda order changed.", f"#item-{item.pk}")


@require_POST
def items_renumber(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    with transaction.atomic():
        items = list(meeting.items.select_for_update().order_by("order", "pk"))
        meeting.items.update(number="")
        for n, it in enumerate(items, start=1):
            it.order, it.number = n, str(n)
        AgendaItem.objects.bulk_update(items, ["order", "number"])
    if request.htmx:
        return _render_agenda(request, meeting, agenda_message=f"Items renumbered 1 to {len(items)}.")
    return _back_to(request, meeting, "Items renumbered.", "#agenda")


@require_POST
def item_outcome(request, meeting_pk, pk):
    item = _get_item_for_clerk(request, meeting_pk, pk)
    form = forms.OutcomeForm(request.POST, instance=item)
    saved = False
    if form.is_valid():
        try:
            form.save(commit=False).save_versioned(form.cleaned_data["version"])
            saved = True
        except StaleEdit as stale:
            form = forms.stale_form(forms.OutcomeForm, request.POST, stale.current)
            item = stale.current
    if request.htmx:
        item.outcome_form = form
        return render(request, f"{WORKSPACE}#outcome", {"item": item, "meeting": item.meeting, "saved": saved})
    if saved:
        return _back_to(request, item.meeting, f"Minutes of item {item} saved.", f"#item-{item.pk}")
    url = reverse("meetings:item_outcome", args=[meeting_pk, pk])
    return _form_page(request, form, f"Minutes of item {item}", url, meeting=item.meeting)


# --- resolutions ------------------------------------------------------------------------------


def _render_resolutions(request, item, form=None, **extra):
    item.resolution_form = form or forms.ResolutionForm(auto_id=f"item-{item.pk}-resolution-%s")
    return render(request, f"{WORKSPACE}#resolutions", {"item": item, "meeting": item.meeting, **extra})


@require_POST
def resolution_add(request, meeting_pk, pk):
    item = _get_item_for_clerk(request, meeting_pk, pk)
    form = forms.ResolutionForm(request.POST, auto_id=f"item-{item.pk}-resolution-%s")
    if form.is_valid():
        resolution = form.save(commit=False)
        last = item.resolutions.order_by("-order").values_list("order", flat=True).first() or 0
        resolution.item, resolution.order = item, last + 1
        resolution.save()
        if request.htmx:
            return _render_resolutions(request, item, added=resolution)
        return _back_to(request, item.meeting, "Resolution added.", f"#resolution-{resolution.pk}")
    if request.htmx:
        return _render_resolutions(request, item, form)
    url = reverse("meetings:resolution_add", args=[meeting_pk, pk])
    return _form_page(request, form, f"Add a resolution to item {item}", url, meeting=item.meeting)


def resolution_edit(request, meeting_pk, pk):
    resolution = _get_resolution_for_clerk(request, meeting_pk, pk)
    meeting = resolution.item.meeting
    form = forms.ResolutionForm(request.POST or None, instance=resolution)
    if form.is_valid():
        try:
            form.save(commit=False).save_versioned(form.cleaned_data["version"])
        except StaleEdit as stale:
            form = forms.stale_form(forms.ResolutionForm, request.POST, stale.current)
        else:
            if request.htmx:
                response = _render_resolutions(request, resolution.item, edited=resolution.pk)
                return retarget(reswap(response, "outerHTML"), f"#resolutions-{resolution.item_id}")
            return _back_to(request, meeting, "Resolution saved.", f"#resolution-{resolution.pk}")
    url = reverse("meetings:resolution_edit", args=[meeting_pk, pk])
    return _form_page(request, form, "Edit resolution", url, f"#resolution-edit-slot-{pk}", meeting)


@require_POST
def resolution_delete(request, meeting_pk, pk):
    resolution = _get_resolution_for_clerk(request, meeting_pk, pk)
    item = resolution.item
    if resolution.actions.exists() or resolution.standing_items.exists():
        message = "This resolution has an action or standing item made from it, so it cannot be deleted."
        if request.htmx:
            return _render_resolutions(request, item, resolutions_error=message)
        messages.error(request, message)
        return redirect(item.meeting)
    resolution.delete()
    if request.htmx:
        return _render_resolutions(request, item, resolutions_message="Resolution deleted.")
    return _back_to(request, item.meeting, "Resolution deleted.", f"#item-{item.pk}")


@require_POST
def resolution_move(request, meeting_pk, pk):
    resolution = _get_resolution_for_clerk(request, meeting_pk, pk)
    item = resolution.item
    with transaction.atomic():
        siblings = list(item.resolutions.select_for_update().order_by("order", "pk"))
        here = next(i for i, r in enumerate(siblings) if r.pk == resolution.pk)
        there = here - 1 if request.POST.get("direction") == "up" else here + 1
        if 0 <= there < len(siblings):
            siblings[here], siblings[there] = siblings[there], siblings[here]
        for n, r in enumerate(siblings, start=1):
            r.order = n
        Resolution.objects.bulk_update(siblings, ["order"])
    if request.htmx:
        return _render_resolutions(request, item, moved=resolution.pk, direction=request.POST.get("direction"))
    return _back_to(request, item.meeting, "Resolutions reordered.", f"#item-{item.pk}")


# --- attendance and declarations --------------------------------------------------------------


def _attendance_context(meeting, **extra):
    memberships = meeting.committee.memberships.current(meeting.date).select_related("person").order_by("person__name")
    memberships = sorted(memberships, key=lambda m: ROLE_ORDER.index(m.role))
    attendances = {a.person_id: a for a in meeting.attendances.select_related("person", "substitute_for")}
    member_ids = {m.person_id for m in memberships}
    rows = [(m, attendances.get(m.person_id)) for m in memberships]
    others = sorted((a for pid, a in attendances.items() if pid not in member_ids), key=lambda a: a.person.name)
    members = [m.person for m in memberships]
    return {
        "meeting": meeting,
        "member_rows": rows,
        "other_attendances": others,
        "attendee_form": extra.pop("attendee_form", None) or forms.AttendeeForm(meeting=meeting),
        "substitute_form": extra.pop("substitute_form", None) or forms.SubstituteForm(meeting=meeting, members=members),
        "public_form": extra.pop("public_form", None) or forms.PublicAttendanceForm(instance=meeting),
        **extra,
    }


def _attendance_done(request, meeting, message, **extra):
    if request.htmx:
        return render(request, f"{WORKSPACE}#attendance", _attendance_context(meeting, message=message, **extra))
    return _back_to(request, meeting, message, "#attendance")


@require_POST
def attendance_set(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.AttendanceStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose a person and present, apologies, absent or in the Chair.", status=400)
    person, status = form.cleaned_data["person"], form.cleaned_data["status"]
    with transaction.atomic():
        if status == "chair":
            meeting.attendances.filter(in_chair=True).update(in_chair=False)
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={"status": "present" if status == "chair" else status, "in_chair": status == "chair"},
        )
    label = "in the Chair" if status == "chair" else Attendance.Status(status).label.lower()
    message = f"{person.display_name}: {label}."
    return _attendance_done(request, meeting, message, focus_person=person.pk, focus_status=status)


def attendee_add(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.AttendeeForm(request.POST or None, meeting=meeting)
    if form.is_valid():
        with transaction.atomic():
            person = form.person_to_record()
            meeting.attendances.create(
                person=person, status=Attendance.Status.IN_ATTENDANCE, capacity=form.cleaned_data["capacity"]
            )
        return _attendance_done(request, meeting, f"{person.display_name} added as also in attendance.")
    if request.htmx and request.method == "POST":
        return render(request, f"{WORKSPACE}#attendance", _attendance_context(meeting, attendee_form=form))
    url = reverse("meetings:attendee_add", args=[pk])
    return _form_page(request, form, "Add someone also in attendance", url, "#attendance", meeting, "Add", "outerHTML")


def substitute_add(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    members = [m.person for m in meeting.committee.memberships.current(meeting.date).select_related("person")]
    form = forms.SubstituteForm(request.POST or None, meeting=meeting, members=members)
    if form.is_valid():
        person, absent = form.cleaned_data["person"], form.cleaned_data["substitute_for"]
        with transaction.atomic():
            meeting.attendances.create(person=person, substitute_for=absent, status=Attendance.Status.PRESENT)
            meeting.attendances.get_or_create(person=absent, defaults={"status": Attendance.Status.APOLOGIES})
        return _attendance_done(request, meeting, f"{person.display_name} substitutes for {absent.display_name}.")
    if request.htmx and request.method == "POST":
        return render(request, f"{WORKSPACE}#attendance", _attendance_context(meeting, substitute_form=form))
    url = reverse("meetings:substitute_add", args=[pk])
    return _form_page(request, form, "Record a substitute", url, "#attendance", meeting, "Add substitute", "outerHTML")


@require_POST
def attendance_remove(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    attendance = get_object_or_404(meeting.attendances.select_related("person"), pk=pk)
    attendance.delete()
    return _attendance_done(request, meeting, f"{attendance.person.display_name} removed from the attendance.")


@require_POST
def public_attendance(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.PublicAttendanceForm(request.POST, instance=meeting)
    if form.is_valid():
        try:
            form.save(commit=False).save_versioned(form.cleaned_data["version"])
        except StaleEdit as stale:
            form = forms.stale_form(forms.PublicAttendanceForm, request.POST, stale.current)
        else:
            return _attendance_done(request, meeting, "Public attendance saved.")
    if request.htmx:
        return render(request, f"{WORKSPACE}#attendance", _attendance_context(meeting, public_form=form))
    url = reverse("meetings:public_attendance", args=[pk])
    return _form_page(request, form, "Public attendance", url, meeting=meeting)


def _declarations_context(meeting, **extra):
    declarations = meeting.declarations.select_related("person", "item")
    form = extra.pop("declaration_form", None) or forms.DeclarationForm(meeting=meeting)
    return {"meeting": meeting, "declarations": declarations, "declaration_form": form, **extra}


def declaration_add(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.DeclarationForm(request.POST or None, meeting=meeting)
    if form.is_valid():
        declaration = form.save(commit=False)
        declaration.meeting = meeting
        declaration.save()
        message = f"Declaration by {declaration.person.display_name} recorded."
        if request.htmx:
            return render(request, f"{WORKSPACE}#declarations", _declarations_context(meeting, message=message))
        return _back_to(request, meeting, message, "#declarations")
    if request.htmx and request.method == "POST":
        return render(request, f"{WORKSPACE}#declarations", _declarations_context(meeting, declaration_form=form))
    url = reverse("meetings:declaration_add", args=[pk])
    return _form_page(
        request, form, "Record a declaration of interest", url, "#declarations", meeting, "Record", "outerHTML"
    )


@require_POST
def declaration_delete(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    get_object_or_404(meeting.declarations, pk=pk).delete()
    if request.htmx:
        context = _declarations_context(meeting, message="Declaration removed.")
        return render(request, f"{WORKSPACE}#declarations", context)
    return _back_to(request, meeting, "Declaration removed.", "#declarations")


# --- pages everyone uses ---------------------------------------------------------------------


def item_detail(request, meeting_pk, pk):
    meeting = _get_meeting_for_viewer(request, meeting_pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, pk=pk)
    return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")


@login_required
def person_detail(request, pk):
    # Contact details are for council users; a sign-in without a role is no more than the public.
    if not roles.can_see_unpublished(request.user):
        raise PermissionDenied("People's pages are for members and officers of the council.")
    person = get_object_or_404(Person, pk=pk)
    memberships = person.memberships.current().select_related("committee")
    return render(request, "meetings/person_detail.html", {"person": person, "memberships": memberships})
