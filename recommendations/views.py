"""Pages for recommendations: the committee's tracker (public too), each one's timeline and the clerk's forms,
the clerk's ways of recording them, and the export for the annual report."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from actions.exports import csv_response, xlsx_response
from core import clock, roles
from core.concurrency import StaleEdit
from meetings.models import AgendaItem, Committee, Resolution, item_q

from . import exports
from .forms import MakeForm, OutcomeForm, PlanForm, ProgressForm, RecommendationFilter, ReportForm, ResponseForm
from .models import Recommendation

PAGE_SIZE = 25
STALE = "Someone else changed this recommendation since you opened the page, so nothing was saved. Check it below."
CLERK_FORMS = {"response": ResponseForm, "plan": PlanForm, "progress": ProgressForm, "outcome": OutcomeForm}
# name: (heading, URL name, button)
FORM_LABELS = {
    "response": ("Record the response", "recommendations:respond", "Record the response"),
    "plan": ("Implementation plan", "recommendations:plan", "Save the plan"),
    "progress": ("Post a progress update", "recommendations:progress", "Post the update"),
    "outcome": ("Record the outcome", "recommendations:outcome", "Record the outcome"),
}


def _forms_for(recommendation):
    """The clerk's forms that apply at this stage."""
    if not recommendation.response:
        return ["response"]
    return ["plan", "progress", "outcome"] if recommendation.is_accepted and not recommendation.outcome else []


def _get_recommendation_for_viewer(request, pk):
    """404 for a recommendation the visitor may not know of (an exempt item, an unpublished meeting)."""
    queryset = Recommendation.objects.visible_to(request.user).with_related().select_related("source_resolution")
    return get_object_or_404(queryset, pk=pk)


def _get_recommendation_for_clerk(request, pk):
    recommendation = _get_recommendation_for_viewer(request, pk)
    roles.require_clerk(request.user)
    return recommendation


def _detail(request, recommendation, bound=None, status=200):
    forms, refusal = [], ""
    if roles.is_clerk(request.user):
        names = _forms_for(recommendation)
        for name in names:
            form = (
                bound
                if bound is not None and name == bound.PREFIX
                else CLERK_FORMS[name](recommendation=recommendation)
            )
            forms.append((form, *FORM_LABELS[name]))
        if bound is not None and bound.PREFIX not in names:
            refusal = " ".join(bound.non_field_errors())  # e.g. someone else recorded the response first
    context = {
        "refusal": refusal,
        "recommendation": recommendation,
        "timeline": recommendation.events.select_related("by"),
        "reviews": recommendation.reviews.select_related("work__scheduled_for__meeting"),
        "suggested": recommendation.suggested_rag(),
        "show_who": roles.can_see_unpublished(request.user),
        "forms": forms,
    }
    return render(request, "recommendations/detail.html", context, status=status)


@require_safe
def detail(request, pk):
    return _detail(request, _get_recommendation_for_viewer(request, pk))


def _verb(request, pk, name, call, done):
    """A clerk's form on the recommendation's page: the verb judges it; refused, the page comes back with it."""
    recommendation = _get_recommendation_for_clerk(request, pk)
    form = CLERK_FORMS[name](request.POST, recommendation=recommendation)
    if form.is_valid():
        data = form.cleaned_data
        try:
            call(recommendation, data, request.user, data["version"])
        except StaleEdit:
            form.add_error(None, STALE)
        except ValueError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, done)
            return redirect(recommendation)
    return _detail(request, recommendation, bound=form, status=400)


@require_POST
def respond(request, pk):
    def call(r, d, by, version):
        r.record_response(
            d["response"], d["text"], d["decided_by"], d["on"], d["meeting"], by, expected_version=version
        )

    return _verb(request, pk, "response", call, "Response recorded.")


@require_POST
def plan(request, pk):
    def call(r, d, by, version):
        r.set_plan(d["what"], d["who"], d["by_when"], by=by, expected_version=version)

    return _verb(request, pk, "plan", call, "Implementation plan saved.")


@require_POST
def progress(request, pk):
    def call(r, d, by, version):
        r.add_progress(d["text"], d["rag"], by=by, reason=d["reason"], expected_version=version)

    return _verb(request, pk, "progress", call, "Progress update posted.")


@require_POST
def outcome(request, pk):
    def call(r, d, by, version):
        r.record_outcome(d["outcome"], d["note"], d["on"], by=by, expected_version=version)

    return _verb(request, pk, "outcome", call, "Outcome recorded.")


# --- the committee's tracker, and its export ---------------------------------------------------------


def _tracked(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    visible = Recommendation.objects.visible_to(request.user).filter(committee=committee)
    return committee, RecommendationFilter(request.GET, queryset=visible.with_related())


@require_safe
def tracker(request, slug):
    committee, found = _tracked(request, slug)
    page = Paginator(found.qs.order_by("-created_at", "report_title", "number", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "committee": committee,
        "filter": found,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "today": clock.today(),
        "is_clerk": roles.is_clerk(request.user),
    }
    template = "recommendations/tracker.html#results" if request.htmx else "recommendations/tracker.html"
    return render(request, template, context)


@require_safe
def export(request, slug, fmt):
    committee, found = _tracked(request, slug)
    rows = found.qs.order_by("created_at", "report_title", "number", "pk")
    filename = f"{committee.short_name or committee.slug}-recommendations-{clock.today():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(rows, f"{filename}.csv", columns=exports.COLUMNS, row=exports.row)
    title = f"{committee.name}: recommendations"
    return xlsx_response(
        rows,
        f"{filename}.xlsx",
        title,
        columns=exports.COLUMNS,
        row=exports.row,
        widths=exports.WIDTHS,
        sheet_name="Recommendations",
    )


# --- the clerk records them ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def make_from_resolution(request, pk):
    resolution = get_object_or_404(Resolution.objects.filter(item__in=_readable_items(request)), pk=pk)
    roles.require_clerk(request.user)
    taken = Recommendation.objects.filter(source_item=resolution.item, report_title="").values_list("number", flat=True)
    form = MakeForm(request.POST or None, initial={"number": max(taken, default=0) + 1})
    if form.is_valid():
        if form.cleaned_data["number"] in taken:
            form.add_error("number", "That number is already used by a recommendation at this item.")
        else:
            made = Recommendation.make(
                by=request.user, source_item=resolution.item, source_resolution=resolution, **form.cleaned_data
            )
            messages.success(request, f"Recommendation {made.reference} recorded.")
            return redirect(made)
    context = {"form": form, "resolution": resolution, "meeting": resolution.item.meeting}
    return render(request, "recommendations/make.html", context, status=400 if form.errors else 200)


def _readable_items(request):
    return AgendaItem.objects.filter(item_q(request.user))


@require_http_methods(["GET", "POST"])
def report(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    roles.require_clerk(request.user)
    form = ReportForm(request.POST or None, committee=committee)
    if form.is_valid():
        d = form.cleaned_data
        try:
            made = Recommendation.make_report(
                d["item"], d["report_title"], d["texts"], d["body"], request.user, d["lead_post"]
            )
        except ValueError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{len(made)} recommendations from “{d['report_title']}” recorded.")
            return redirect("recommendations:tracker", committee.slug)
    return render(
        request,
        "recommendations/report.html",
        {"form": form, "committee": committee},
        status=400 if form.errors else 200,
    )
