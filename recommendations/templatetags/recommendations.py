"""What the chair's brief (an actions template) shows of recommendations, without actions importing this app."""

from django import template

from recommendations.models import Recommendation, ReviewPoint

register = template.Library()


@register.inclusion_tag("recommendations/brief_section.html", takes_context=True)
def recommendations_brief(context, meeting):
    """Responses due by the meeting's day or overdue, and the review points due by it (two queries)."""
    user = context["request"].user
    visible = Recommendation.objects.visible_to(user).filter(committee_id=meeting.committee_id)
    responses = visible.response_due_by(meeting.date).with_related().order_by("response_due_on", "pk")
    reviews = ReviewPoint.objects.due_by(meeting).filter(recommendation__in=visible)
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "responses": list(responses),
        "reviews": list(reviews),
        "today": context.get("today"),
    }
