"""The site's home page: one page per role, drawing on both apps, so it lives above them."""

from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from actions.models import Action
from actions.views import committee_summaries
from core import clock, roles
from meetings.models import Committee, Meeting


@require_safe
def home(request):
    """One page per role: what this person most needs to see first."""
    user = request.user
    today = clock.today()
    context = {"today": today}
    if not user.is_authenticated:
        context["published"] = Meeting.objects.published().select_related("committee").order_by("-starts_at")[:20]
        context["committees"] = Committee.objects.all()
        return render(request, "home_public.html", context)
    person = roles.person_for(user)
    actions = Action.objects.with_related()
    if roles.is_clerk(user):
        context["upcoming"] = Meeting.objects.upcoming().select_related("committee")[:10]
        context["awaiting_minutes"] = (
            Meeting.objects.past()
            .filter(status__in=[Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFT, Meeting.Status.MINUTES_APPROVED])
            .select_related("committee")[:10]
        )
        context["overdue"] = actions.overdue(today).order_by("due_on", "pk")[:10]
    if person and roles.is_councillor(user):
        committee_ids = person.memberships.current().values_list("committee_id", flat=True)
        committees = Committee.objects.filter(pk__in=committee_ids)
        context["my_committees"] = committee_summaries(committees)
        context["committee_overdue"] = (
            actions.overdue(today).filter(committee__in=committees).order_by("due_on", "pk")[:10]
        )
    if person and roles.is_officer(user):
        context["my_actions"] = actions.outstanding().filter(owner=person).order_by("due_on", "pk")[:20]
    context["person"] = person
    return render(request, "home.html", context)


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: the icon is a static file (served by WhiteNoise)."""
    return redirect(static("favicon.ico"), permanent=False)
