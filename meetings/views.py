from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, ProtectedError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import reswap, retarget

from core import clock, hooks, roles
from core.concurrency import StaleEdit

from . import forms
from .models import (
    AgendaItem,
    Attendance,
    Committee,
    Meeting,
    MinutesChanged,
    Person,
    RecordedVote,
    Resolution,
    may_brief,
    shown_items,
)

WORKSPACE = "meetings/workspace.html"
FORM_PAGE = "meetings/form_page.html"

# The order the minutes list people in: present (chair first), apologies, absent, also in attendance.
STATUS_ORDER = ["present", "apologies", "absent", "in_attendance"]
ROLE_ORDER = ["chair", "vice_chair", "member", "substitute", "co-opted"]


def _get_meeting_for_viewer(request, pk):
    """A meeting the visitor may see: 404 for the public when it is not yet published."""
    meetings = Meeting.objects.visible_to(request.user).select_related("committee", "approved_at_meeting")
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


def _get_item_or_gone(meeting, pk):
    """The meeting's item; None if it has been deleted (someone else got there first); 404 if it is another's."""
    item = AgendaItem.objects.filter(pk=pk).first()
    if item is not None and item.meeting_id != meeting.pk:
        raise Http404("No such item on this meeting.")
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


def _made_from(protected):
    """What keeps a record from being deleted (other apps point at it with PROTECT), in words."""
    kinds = sorted({str(obj._meta.verbose_name_plural) for obj in protected.protected_objects})
    return " and ".join(kinds) or "other records"


def _safe_next(request):
    url = request.POST.get("next", "")
    return url if url_has_allowed_host_and_scheme(url, {request.get_host()}) else ""


def _back_to(request, meeting, message, anchor=""):
    messages.success(request, message)
    return redirect(f"{meeting.get_absolute_url()}{anchor}")


# --- committees and meetings ------------------------------------------------------------------


@require_safe
def committee_list(request):
    committees = Committee.objects.all()
    return render(request, "meetings/committee_list.html", {"committees": committees})


@require_safe
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
            "may_brief": may_brief(request.user, committee),
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
    items = meeting.items.select_related("lead_officer", "contact_officer").prefetch_related(
        Prefetch(
            "resolutions",
            queryset=Resolution.objects.order_by("order", "pk").prefetch_related(
                Prefetch("recorded_votes", queryset=RecordedVote.objects.select_related("person"))
            ),
        )
    )
    return hooks.agenda_items(items)  # what apps built on meetings show under each item (core/hooks.py)


def _page_asks(request, name):
    """A workspace setting carried in the address (?item=, ?edit=1): this request's, or (htmx) the page's."""
    if name in request.GET:
        return request.GET[name]
    page = request.htmx.current_url if request.htmx else ""
    return (parse_qs(urlsplit(page or "").query).get(name) or [""])[0]


def _agenda_view(request, items=None):
    """Which item is open (one at a time) and whether 'Edit agenda' mode is on, from the address."""
    wanted = _page_asks(request, "item")
    open_item = int(wanted) if wanted.isdigit() else None
    if items is not None and open_item not in {item.pk for item in items}:
        open_item = None
    return {"open_item": open_item, "editing": _page_asks(request, "edit") == "1"}


@require_safe
def meeting_detail(request, pk):
    meeting = _get_meeting_for_viewer(request, pk)
    if roles.is_clerk(request.user):
        return render(request, WORKSPACE, _workspace_context(request, meeting))
    attendances = meeting.attendances.select_related("person", "substitute_for").order_by("person__name")
    attendances = sorted(attendances, key=lambda a: (STATUS_ORDER.index(a.status), not a.in_chair))
    items = list(_agenda_items(meeting))
    context = {"meeting": meeting, "items": items, "attendances": attendances}
    context["declarations"] = meeting.declarations.select_related("person", "item")
    context["shown_items"] = shown_items(request.user, meeting, items)  # need to know: the rest show as exempt
    return render(request, "meetings/meeting_detail.html", context)


@require_safe
def item_body(request, meeting_pk, pk):
    """One agenda item, drawn open, when the clerk opens it in the workspace: the page draws only the open item's
    minutes, resolutions and actions, so it stays short whatever the agenda. A plain request (no htmx) gets the
    workspace with the item open, which is what the item's own links ask for without JavaScript."""
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    editing = "&edit=1" if request.GET.get("edit") == "1" else ""
    get_object_or_404(meeting.items.only("pk"), pk=pk)
    if not request.htmx:
        return redirect(f"{meeting.get_absolute_url()}?item={pk}{editing}#item-{pk}")
    item = next(item for item in _with_forms(_agenda_items(meeting), open_item=pk) if item.pk == pk)
    context = {"meeting": meeting, "item": item, "open_item": pk, "editing": bool(editing)}
    return render(request, f"{WORKSPACE}#item", context)


def _with_forms(items, open_item):
    """Each item's neighbours (its pager), and the open item's inline forms: the one item drawn whole (the
    others' come with them when opened); built here so the template stays simple."""
    items = list(items)
    for n, item in enumerate(items):
        if item.pk == open_item:
            item.minutes_form = getattr(item, "minutes_form", None) or forms.MinutesForm(instance=item)
            item.resolution_form = forms.ResolutionForm(auto_id=f"item-{item.pk}-resolution-%s")
        item.previous_item = items[n - 1] if n else None
        item.next_item = items[n + 1] if n + 1 < len(items) else None
    return items


def _workspace_context(request, meeting):
    items = list(_agenda_items(meeting))
    view = _agenda_view(request, items)
    items = _with_forms(items, view["open_item"])
    context = {"meeting": meeting, "items": items, "item_form": forms.ItemForm(meeting=meeting), **view}
    context["agenda_signature"] = meeting.agenda_signature(items)
    for part in (_attendance_context(meeting), _declarations_context(meeting), hooks.workspace_context(meeting)):
        context.update(part)
    context.update(_lifecycle_context(meeting))
    return context


def _lifecycle_context(meeting):
    return {
        "drawn_at": clock.now().isoformat(),
        "previous": meeting.previous(),
        "approve_form": forms.ApproveMinutesForm(meeting=meeting),
        "next_statuses": meeting.next_statuses(),
    }


def meeting_edit(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    form = forms.MeetingDetailsForm(request.POST or None, instance=meeting)
    if request.method == "POST":
        saved, form = form.save_if_current()
        if saved:
            return _back_to(request, meeting, "Meeting details saved.")
    url = reverse("meetings:meeting_edit", args=[pk])
    return _form_page(request, form, "Meeting details", url, meeting=meeting)


@require_POST
def meeting_status(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    target = request.POST.get("to", "")
    approved_at = None
    if target == Meeting.Status.MINUTES_APPROVED:
        form = forms.ApproveMinutesForm(request.POST, meeting=meeting)
        approved_at = form.cleaned_data["approved_at"] if form.is_valid() else None
    seen_at = parse_datetime(request.POST.get("seen_at", ""))
    asking = request.POST.get("version") == str(meeting.version) and not request.POST.get("confirmed")
    if asking and target in Meeting.CONFIRMED_MOVES and target in meeting.next_statuses():  # stale: refused below
        return _confirm_move(request, meeting, target)
    try:
        meeting.move_to(target, request.POST.get("version"), approved_at, seen_at=seen_at, by=request.user)
    except MinutesChanged as changed:
        context = {"meeting": meeting, "target": target, "changes": changed.changes, "drawn_at": clock.now()}
        context.update(approved_at=approved_at, next=_safe_next(request), label=Meeting.Status(target).label)
        return render(request, "meetings/confirm_status.html", context, status=409)
    except StaleEdit:
        messages.error(request, forms.STALE_STATUS_MESSAGE)
    except ValueError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Meeting is now: {Meeting.Status(target).label}.")
    return redirect(_safe_next(request) or meeting)


def _confirm_move(request, meeting, target):
    """Publishing and cancelling say what will happen, and who will see what, before they are done."""
    context = {"meeting": meeting, "target": target, "label": Meeting.Status(target).label}
    context.update(consequences=meeting.consequences(target), next=_safe_next(request))
    context.update(seen_at=request.POST.get("seen_at", ""), version=request.POST.get("version", ""))
    return render(request, "meetings/confirm_move.html", context)


# --- agenda -----------------------------------------------------------------------------------


def _render_agenda(request, meeting, **extra):
    items = list(_agenda_items(meeting))
    context = {"meeting": meeting, "items": items, "agenda_signature": meeting.agenda_signature(items)}
    context.update(_agenda_view(request, items), **extra)
    _with_forms(items, context["open_item"])
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
            form = forms.ItemForm(meeting=meeting)
            return _render_agenda(
                request, meeting, item_form=form, added_item=item, open_item=item.pk, focus_item=item.pk
            )
        return _back_to(request, meeting, f"Item {item} added.", f"?item={item.pk}#item-{item.pk}")
    if request.htmx and request.method == "POST":
        return _render_agenda(request, meeting, item_form=form)
    url = reverse("meetings:item_add", args=[pk])
    return _form_page(request, form, "Add an agenda item", url, "#agenda", meeting, "Add item", "outerHTML")


def item_edit(request, meeting_pk, pk):
    item = _get_item_for_clerk(request, meeting_pk, pk)
    form = forms.ItemForm(request.POST or None, instance=item, meeting=item.meeting)
    saved, form = form.save_if_current() if request.method == "POST" else (False, form)
    if saved and request.htmx:
        context = {"item": item, "meeting": item.meeting, "item_saved_message": f"Item {item} saved.", "editing": True}
        context["agenda_signature"] = item.meeting.agenda_signature()
        response = render(request, f"{WORKSPACE}#item_saved", context)
        return retarget(reswap(response, "outerHTML"), f"#item-head-{pk}")
    if saved:
        return _back_to(request, item.meeting, f"Item {item} saved.", f"?edit=1&item={item.pk}#item-{item.pk}")
    url = reverse("meetings:item_edit", args=[meeting_pk, pk])
    return _form_page(request, form, f"Edit item {item}", url, f"#item-edit-slot-{pk}", item.meeting)


@require_POST
def item_delete(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    item = _get_item_or_gone(meeting, pk)
    if item is None:
        return _agenda_refused(request, meeting, "That item had already been deleted by someone else.")
    try:
        item.check_version(request.POST.get("version"))
        item.delete()
    except StaleEdit:
        return _agenda_refused(request, meeting, forms.stale_agenda_message(item))
    except ProtectedError as protected:
        message = f"Item {item} has {_made_from(protected)} recorded against it, so it cannot be deleted."
        return _agenda_refused(request, meeting, message)
    if request.htmx:
        return _render_agenda(request, meeting, agenda_message=f"Item {item} deleted.")
    return _back_to(request, meeting, f"Item {item} deleted.", "?edit=1#agenda")


def _agenda_refused(request, meeting, message):
    """The agenda as it now is, with why the change was refused; typed minutes survive the swap (workspace.js)."""
    if request.htmx:
        return _render_agenda(request, meeting, agenda_error=message)
    messages.error(request, message)
    return redirect(f"{meeting.get_absolute_url()}?edit=1#agenda")


@require_POST
def item_move(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    item = get_object_or_404(meeting.items, pk=pk)
    direction = request.POST.get("direction")
    try:
        meeting.move_item(item, direction, request.POST.get("version"))
    except StaleEdit:
        return _agenda_refused(request, meeting, forms.stale_agenda_message(item))
    if request.htmx:
        return _render_agenda(request, meeting, moved=item.pk, direction=direction)
    return _back_to(request, meeting, "Agenda order changed.", f"?edit=1#item-{item.pk}")


@require_POST
def items_renumber(request, pk):
    meeting = _get_meeting_for_clerk(request, pk)
    try:
        count = meeting.renumber_items(request.POST.get("agenda", ""))
    except StaleEdit:
        return _agenda_refused(request, meeting, forms.STALE_AGENDA_MESSAGE)
    if request.htmx:
        return _render_agenda(request, meeting, agenda_message=f"Items renumbered 1 to {count}.")
    return _back_to(request, meeting, "Items renumbered.", "?edit=1#agenda")


@require_POST
def item_minutes(request, meeting_pk, pk):
    meeting = _get_meeting_for_clerk(request, meeting_pk)
    item = _get_item_or_gone(meeting, pk)
    if item is None:
        # Deleted while this clerk was typing: give back what they typed rather than a bare 404.
        context = {"meeting": meeting, "typed": request.POST.get("minutes_text", ""), "gone_pk": pk}
        return render(request, f"{WORKSPACE}#minutes_gone" if request.htmx else "meetings/item_gone.html", context)
    item.meeting = meeting
    saved, form = forms.MinutesForm(request.POST, instance=item).save_if_current()
    item = form.instance
    if request.htmx:
        item.minutes_form = form
        return render(request, f"{WORKSPACE}#minutes", {"item": item, "meeting": meeting, "saved": saved})
    if saved:
        return _back_to(request, meeting, f"Minutes of item {item} saved.", f"?item={item.pk}#item-{item.pk}")
    url = reverse("meetings:item_minutes", args=[meeting_pk, pk])
    return _form_page(request, form, f"Minutes of item {item}", url, meeting=meeting)


# --- resolutions ------------------------------------------------------------------------------


def _render_resolutions(request, item, form=None, **extra):
    item.resolution_form = form or forms.ResolutionForm(auto_id=f"item-{item.pk}-resolution-%s")
    context = {"item": item, "meeting": item.meeting, "counts_oob": True, **_agenda_view(request), **extra}
    return render(request, f"{WORKSPACE}#resolutions", context)


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
            return _render_resolutions(request, item, added_resolution=resolution.pk)
        return _back_to(request, item.meeting, "Resolution added.", f"?item={item.pk}#resolution-{resolution.pk}")
    if request.htmx:
        return _render_resolutions(request, item, form)
    url = reverse("meetings:resolution_add", args=[meeting_pk, pk])
    return _form_page(request, form, f"Add a resolution to item {item}", url, meeting=item.meeting)


def resolution_edit(request, meeting_pk, pk):
    resolution = _get_resolution_for_clerk(request, meeting_pk, pk)
    meeting = resolution.item.meeting
    form = forms.ResolutionForm(request.POST or None, instance=resolution)
    saved, form = form.save_if_current() if request.method == "POST" else (False, form)
    if saved and request.htmx:
        response = _render_resolutions(request, resolution.item, edited=resolution.pk)
        return retarget(reswap(response, "outerHTML"), f"#resolutions-{resolution.item_id}")
    if saved:
        return _back_to(request, meeting, "Resolution saved.", f"?item={resolution.item_id}#resolution-{resolution.pk}")
    url = reverse("meetings:resolution_edit", args=[meeting_pk, pk])
    return _form_page(request, form, "Edit resolution", url, f"#resolution-edit-slot-{pk}", meeting)


@require_POST
def resolution_delete(request, meeting_pk, pk):
    resolution = _get_resolution_for_clerk(request, meeting_pk, pk)
    item = resolution.item
    message = ""
    try:
        resolution.check_version(request.POST.get("version"))
        resolution.delete()
    except StaleEdit:
        message = "Someone else changed this resolution since you opened the page, so it was not deleted."
    except ProtectedError as protected:
        message = f"This resolution has {_made_from(protected)} made from it, so it cannot be deleted."
    if request.htmx:
        extra = {"resolutions_error": message} if message else {"resolutions_message": "Resolution deleted."}
        return _render_resolutions(request, item, **extra)
    (messages.error if message else messages.success)(request, message or "Resolution deleted.")
    return redirect(f"{item.meeting.get_absolute_url()}?item={item.pk}#item-{item.pk}")


@require_POST
def resolution_move(request, meeting_pk, pk):
    resolution = _get_resolution_for_clerk(request, meeting_pk, pk)
    item, direction = resolution.item, request.POST.get("direction")
    try:
        resolution.move(direction, request.POST.get("version"))
    except StaleEdit:
        message = "Someone else changed these resolutions since you opened the page: check the order and try again."
        if request.htmx:
            return _render_resolutions(request, item, resolutions_error=message)
        messages.error(request, message)
        return redirect(f"{item.meeting.get_absolute_url()}?edit=1&item={item.pk}#item-{item.pk}")
    if request.htmx:
        return _render_resolutions(request, item, moved_resolution=resolution.pk, direction=direction)
    return _back_to(request, item.meeting, "Resolutions reordered.", f"?edit=1&item={item.pk}#item-{item.pk}")


# --- attendance and declarations --------------------------------------------------------------


def _attendance_context(meeting, **extra):
    memberships = meeting.committee.memberships.current(meeting.date).select_related("person").order_by("person__name")
    memberships = sorted(memberships, key=lambda m: ROLE_ORDER.index(m.role))
    # One row a person, under their senior role: two current memberships (a role recorded anew without ending
    # the old one) drew the same person, and the same ids, twice.
    senior = {}
    for membership in memberships:
        senior.setdefault(membership.person_id, membership)
    memberships = list(senior.values())
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
        response = render(request, f"{WORKSPACE}#attendance", _attendance_context(meeting, message=message, **extra))
        if extra.get("lifecycle_oob"):
            response.content += render(request, f"{WORKSPACE}#lifecycle", {"meeting": meeting, **extra}).content
        return response
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
    saved, form = forms.PublicAttendanceForm(request.POST, instance=meeting).save_if_current()
    if saved:
        # The meeting's version moved on: redraw the status buttons too, or the clerk's next click looks stale.
        lifecycle = {"lifecycle_oob": True, **_lifecycle_context(meeting)} if request.htmx else {}
        return _attendance_done(request, meeting, "Public attendance saved.", **lifecycle)
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


@require_safe
def item_detail(request, meeting_pk, pk):
    meeting = _get_meeting_for_viewer(request, meeting_pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, pk=pk)
    return redirect(f"{meeting.get_absolute_url()}?item={item.pk}#item-{item.pk}")


@login_required
@require_safe
def person_detail(request, pk):
    # Contact details are for council users; a sign-in without a role is no more than the public.
    if not roles.can_see_unpublished(request.user):
        raise PermissionDenied("People's pages are for members and officers of the council.")
    person = get_object_or_404(Person, pk=pk)
    memberships = person.memberships.current().select_related("committee")
    return render(request, "meetings/person_detail.html", {"person": person, "memberships": memberships})
