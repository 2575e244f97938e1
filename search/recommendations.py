"""Recommendations in the site search (search/sources.py): found by their words, under the rule of their pages.
Registered here, in the search app (it builds on recommendations: docs/architecture.md's layers).

A recommendation's entry points at the agenda item it was made at, and the "item" rule (meetings.models.item_q)
is the one Recommendation.objects.visible_to() applies: the public finds only those made at a published,
non-exempt item; clerks and people with a need to know find the others, as they can open their pages.
"""

from django.db.models.signals import post_save

from recommendations.models import Body, Recommendation

from .signals import index
from .sources import Source, register


def _fields(recommendation):
    """Its reference, report, words, body and the body's response; dated by the meeting that made it."""
    meeting = recommendation.source_item.meeting
    title = f"Recommendation {recommendation.reference}"
    if recommendation.report_title:
        title += f" ({recommendation.report_title})"
    words = [recommendation.text, f"Addressed to {recommendation.body}."]
    if recommendation.response_text:
        words.append(f"Response: {recommendation.response_text}")
    return {
        "committee_id": recommendation.committee_id,
        "item_id": recommendation.source_item_id,
        "date": meeting.date,
        "title": title[:400],
        "body": "\n".join(words),
        "url": recommendation.get_absolute_url(),
    }


def _rebuild():
    return Recommendation.objects.select_related("body", "source_item__meeting").only(
        "reference",
        "report_title",
        "text",
        "response_text",
        "committee_id",
        "body__name",
        "source_item__meeting__starts_at",
    )


def _body_saved(sender, instance, created=False, raw=False, **kwargs):
    """A body's new name reaches its recommendations' entries."""
    if created or raw:
        return
    for recommendation in instance.recommendations.select_related("body", "source_item__meeting"):
        index(recommendation)


def register_recommendations():
    register(Source("recommendation", "Recommendations", Recommendation, build=_fields, rebuild=_rebuild, rule="item"))
    post_save.connect(_body_saved, sender=Body, dispatch_uid="search-recommendation-bodies")
