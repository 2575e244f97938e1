"""The owner's page behind the emailed link (no account), evidence, and the clerk's chasing tools."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from actions.models import Action
from core import clock, hooks, roles
from core.concurrency import StaleEdit
from meetings.models import Meeting

from .forms import DigestForm, LinkUpdateForm, RequestUpdatesForm
from .models import DigestSubscription, Evidence, LinkRefused, UpdateRequest, unchaseable_q

UPDATE_PAGE = "chasing/update_page.html"
UNCHASEABLE_SHOWN = 200


class ChasingOnMeetings(hooks.MeetingExtension):
    """The clerk's 'request updates' panel on the workspace (core/hooks.py): who was asked, who has answered."""

    def context(self, meeting):
        requests = list(UpdateRequest.objects.for_meeting(meeting).filter(revoked_at__isnull=True))
        return {
            "update_requests": requests,
            "update_requests_answered": sum(1 for r in requests if r.answered_at),
            "request_form": RequestUpdatesForm(meeting=meeting, initial={"reply_by": _default_reply_by(meeting)}),
        }


CHASING_ON_MEETINGS = ChasingOnMeetings(section_template="chasing/workspace_panel.html")


def _default_reply_by(meeting):
    """A week before the meeting, and never before today."""
    return max(clock.today(), meeting.date - datetime.timedelta(days=7))


# --- the owner's page behind the link ------------------------------------------------------------


def _forms(request_row, posted=None):
    rows = []
    for action in request_row.actions.select_related("committee", "latest_update").order_by("due_on", "pk"):
        bound = posted is not None and action.pk == posted.pk
        form = posted.form if bound else LinkUpdateForm(action=action) if action.is_outstanding else None
        rows.append((action, form))
    return rows


@require_http_methods(["GET", "HEAD", "POST"])
def update_page(request, token):
    """Anyone holding a live link may update the actions it names; nothing else, and nothing without it."""
    try:
        asked = UpdateRequest.from_token(token)
    except LinkRefused as refused:
        return render(request, "chasing/link_refused.html", {"message": str(refused)}, status=403)
    posted, status = None, 200
    if request.method == "POST":
        posted, status = _post_update(request, asked)
        if status == 302:
            return redirect(request.path)
    context = {"asked": asked, "rows": _forms(asked, posted=posted)}
    return render(request, UPDATE_PAGE, context, status=status)


def _post_update(request, asked):
    pk = request.POST.get("action", "")
    action = asked.actions.filter(pk=pk).first() if pk.isdigit() else None
    if action is None:
        messages.error(request, "This link does not cover that action.")
        return None, 400
    action.form = form = LinkUpdateForm(request.POST, request.FILES, action=action)
    if not action.is_outstanding:
        messages.error(request, f"{action.reference} is {action.get_status_display().lower()}: nothing was saved.")
        return None, 409
    if not form.is_valid():
        return action, 400
    data = form.cleaned_data
    try:
        asked.post_update(
            action,
            data["text"],
            data["rag"],
            data["completed"],
            getattr(form, "evidence_fields", None),
            expected_version=data["version"],
        )
    except StaleEdit:
        messages.error(
            request, f"{action.reference} changed while you were typing: check it and send your update again."
        )
        action.refresh_from_db()
        action.form = LinkUpdateForm(action=action, initial={"text": data["text"], "version": action.version})
        return action, 409
    except ValueError as refused:
        messages.error(request, str(refused))
        return None, 409
    messages.success(request, f"Thank you: your update on {action.reference} is on its timeline.")
    return None, 302


# --- evidence ------------------------------------------------------------------------------------


@require_safe
def evidence(request, pk):
    """A file, to those who may read its action (Action.visible_to: never the public for an exempt item)."""
    visible = Action.objects.visible_to(request.user).values("pk")
    found = get_object_or_404(Evidence.objects.filter(action_id__in=visible), pk=pk)
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file has gone") from None
    return FileResponse(handle, as_attachment=True, filename=found.original_name, content_type=found.content_type)


# --- the clerk's tools ---------------------------------------------------------------------------


def _meeting_for_clerk(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    roles.require_clerk(request.user)
    return meeting


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def request_updates(request, pk):
    """'Request updates for this meeting': one email per owner of the actions due at or before it."""
    meeting = _meeting_for_clerk(request, pk)
    form = RequestUpdatesForm(request.POST or None, meeting=meeting, initial={"reply_by": _default_reply_by(meeting)})
    if request.method == "POST" and form.is_valid():
        sent, unchased = UpdateRequest.ask_before(meeting, form.cleaned_data["reply_by"], by=request.user)
        note = f" {len(unchased)} action(s) have an owner who cannot be emailed." if unchased else ""
        messages.success(request, f"Update requests emailed to {len(sent)} owner(s).{note}")
        return redirect(f"{meeting.get_absolute_url()}#chasing")
    context = {"meeting": meeting, "form": form}
    return render(request, "chasing/request_updates.html", context, status=400 if form.errors else 200)


def _request_for_clerk(request, pk):
    found = get_object_or_404(UpdateRequest.objects.select_related("owner", "meeting"), pk=pk)
    roles.require_clerk(request.user)
    return found


def _back(found):
    return redirect(f"{found.meeting.get_absolute_url()}#chasing" if found.meeting_id else "chasing:unchaseable")


@login_required
@require_POST
def remind(request, pk):
    found = _request_for_clerk(request, pk)
    if found.remind():
        messages.success(request, f"Reminder emailed to {found.owner.display_name}.")
    else:
        messages.error(request, f"{found.owner.display_name} has answered, or has had their one reminder already.")
    return _back(found)


@login_required
@require_POST
def revoke(request, pk):
    found = _request_for_clerk(request, pk)
    found.revoke()
    messages.success(request, f"The link sent to {found.owner.display_name} no longer works.")
    return _back(found)


@login_required
@require_safe
def unchaseable(request):
    """Outstanding actions whose owner cannot be emailed (no address, or left the council), or who have none."""
    roles.require_clerk(request.user)
    no_owner = Q(owner__isnull=True)
    actions = Action.objects.outstanding().filter(no_owner | unchaseable_q("owner__")).with_related()
    rows, more = actions.order_by("owner__name", "due_on", "pk").head(UNCHASEABLE_SHOWN)
    return render(request, "chasing/unchaseable.html", {"actions": rows, "more": more})


# --- the weekly digest: preferences and unsubscribing ------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request):
    """A council user's email preferences (the weekly digest is opt-in)."""
    if not roles.can_see_unpublished(request.user):
        raise PermissionDenied("Email digests are for council members and officers.")
    subscription, _ = DigestSubscription.objects.get_or_create(user=request.user)
    form = DigestForm(request.POST or None, instance=subscription)
    if request.method == "POST" and form.is_valid():
        form.save()
        on = "on its way each week" if subscription.weekly else "switched off"
        messages.success(request, f"Saved: your weekly digest is {on}.")
        return redirect("chasing:preferences")
    return render(request, "chasing/preferences.html", {"form": form, "address": subscription.address()})


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The digest's unsubscribe link: a signed token names the subscription; one button press turns it off."""
    subscription = DigestSubscription.from_unsubscribe_token(token)
    if subscription is None:
        message = "This unsubscribe link is not valid. Sign in and change your email preferences instead."
        return render(request, "chasing/link_refused.html", {"message": message}, status=403)
    if request.method == "POST":
        DigestSubscription.objects.filter(pk=subscription.pk).update(weekly=False)
        return render(request, "chasing/unsubscribed.html", {"done": True})
    return render(request, "chasing/unsubscribed.html", {"done": not subscription.weekly})
