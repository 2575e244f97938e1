"""The committee's work programme: promises to future meetings, until an agenda takes them.

Council users read it; clerks schedule an item onto a meeting (it joins that agenda at once),
defer it or drop it with a reason, and add planned items. Each change is a WorkProgrammeItem
verb; htmx swaps the one row, a plain browser gets the page again with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from core import roles
from core.concurrency import StaleEdit

from .forms import WorkAddForm, WorkDeferForm, WorkDropForm, WorkScheduleForm
from .models import Committee, WorkProgrammeItem, may_brief

PAGE = "meetings/work_programme.html"
STALE = "Someone else changed this item since you opened the page, so nothing was changed. Check it below."


def _get_committee_for_member(request, slug):
    """The programme names business not yet public: the committee's members and the clerks read it."""
    committee = get_object_or_404(Committee, slug=slug)
    if not may_brief(request.user, committee):
        raise PermissionDenied("The work programme is for the committee's members and the clerks.")
    return committee


def _get_work_for_clerk(request, slug, pk):
    committee = _get_committee_for_member(request, slug)
    roles.require_clerk(request.user)
    work = get_object_or_404(committee.work_programme.for_programme(), pk=pk)
    return committee, work


def _row_forms(work, meetings, bound=None, form_name=""):
    forms = {
        "schedule": WorkScheduleForm(meetings=meetings, work=work),
        "defer": WorkDeferForm(work=work),
        "drop": WorkDropForm(work=work),
    }
    if bound is not None:
        forms[form_name] = bound
    return forms


@login_required
@require_safe
def work_programme(request, slug):
    committee = _get_committee_for_member(request, slug)
    is_clerk = roles.is_clerk(request.user)
    items = list(committee.work_programme.for_programme())
    meetings = list(WorkScheduleForm.meeting_choices(committee)) if is_clerk else []
    rows = [(work, _row_forms(work, meetings) if is_clerk and work.is_open else None) for work in items]
    context = {"committee": committee, "rows": rows, "add_form": WorkAddForm() if is_clerk else None}
    return render(request, PAGE, context)


def _done(request, committee, work, message="", error="", bound=None, form_name=""):
    if not request.htmx:
        (messages.error if error else messages.success)(request, error or message)
        return redirect("meetings:work_programme", committee.slug)
    work = committee.work_programme.for_programme().get(pk=work.pk)
    meetings = list(WorkScheduleForm.meeting_choices(committee))
    forms = _row_forms(work, meetings, bound, form_name) if work.is_open else None
    context = {"committee": committee, "work": work, "forms": forms, "row_message": message, "row_error": error}
    return render(request, f"{PAGE}#row", context)


def _change(request, slug, pk, form_class, name, verb, done):
    committee, work = _get_work_for_clerk(request, slug, pk)
    extra = {"meetings": WorkScheduleForm.meeting_choices(committee)} if name == "schedule" else {}
    form = form_class(request.POST, work=work, **extra)
    if not form.is_valid():
        return _done(request, committee, work, error=" ".join(form.error_list()), bound=form, form_name=name)
    try:
        verb(work, form.cleaned_data)
    except StaleEdit:
        return _done(request, committee, work, error=STALE)
    except ValueError as refused:
        return _done(request, committee, work, error=str(refused), bound=form, form_name=name)
    return _done(request, committee, work, message=done(work))


@require_POST
def work_schedule(request, slug, pk):
    def verb(work, data):
        work.schedule_onto(data["meeting"], data["version"])

    def done(work):
        return (
            f"“{work}” is now item {work.scheduled_for.number} on the agenda of {work.target_meeting.date:%-d %B %Y}."
        )

    return _change(request, slug, pk, WorkScheduleForm, "schedule", verb, done)


@require_POST
def work_defer(request, slug, pk):
    def verb(work, data):
        work.defer(data["reason"], data["version"], target_month=data["month"])

    return _change(request, slug, pk, WorkDeferForm, "defer", verb, lambda work: f"Deferred to {work.target_display}.")


@require_POST
def work_drop(request, slug, pk):
    def verb(work, data):
        work.drop(data["reason"], data["version"])

    return _change(request, slug, pk, WorkDropForm, "drop", verb, lambda work: f"“{work}” dropped.")


def work_add(request, slug):
    committee = _get_committee_for_member(request, slug)
    roles.require_clerk(request.user)
    form = WorkAddForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        timing = WorkProgrammeItem.Timing.MONTH if data["month"] else WorkProgrammeItem.Timing.TBC
        work = WorkProgrammeItem.promise(
            committee, data["title"], timing, target_month=data["month"], notes=data["notes"]
        )
        messages.success(request, f"“{work}” added to the work programme.")
        return redirect("meetings:work_programme", committee.slug)
    context = {"committee": committee, "rows": [], "add_form": form, "add_only": True}
    return render(request, PAGE, context, status=400 if request.method == "POST" else 200)
