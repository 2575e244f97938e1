"""Per-committee feeds (django.contrib.syndication), RSS 2.0 and Atom 1.0: published minutes, new actions and
discharged actions.

Feed readers never sign in, so a feed always shows what the public sees, whoever asks: the pages' own
rules (Meeting.visible_to, Action.visible_to) for an anonymous visitor.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from actions.models import Action
from core import clock
from meetings.models import Committee, Meeting

LIMIT = 20
PUBLIC = AnonymousUser()


@dataclass
class Entry:
    title: str
    description: str
    link: str
    when: datetime
    guid: str


def published_minutes(committee):
    first_published = Meeting.history.filter(id=OuterRef("pk"), status=Meeting.Status.PUBLISHED).order_by(
        "history_date"
    )
    meetings = (
        Meeting.objects.visible_to(PUBLIC)
        .filter(committee=committee)
        .annotate(published_at=Subquery(first_published.values("history_date")[:1]))
        .order_by("-starts_at")[:LIMIT]
    )
    return [
        Entry(
            f"Minutes published: {committee.name}, {meeting.date:%-d %B %Y}",
            f"The minutes of the meeting of {meeting.date:%-d %B %Y} are published.",
            meeting.get_absolute_url(),
            meeting.published_at or meeting.starts_at,
            f"minutes-{meeting.pk}",
        )
        for meeting in meetings
    ]


def actions(committee):
    public = Action.objects.visible_to(PUBLIC).filter(committee=committee)
    new = [
        Entry(f"New action {a.reference}", a.text, a.get_absolute_url(), a.created_at, f"action-{a.pk}")
        for a in public.order_by("-created_at")[:LIMIT]
    ]
    discharged = [
        Entry(
            f"Action discharged: {a.reference}",
            f"{a.text}\n\nDischarged on {a.discharged_on:%-d %B %Y}. {a.evidence}".strip(),
            a.get_absolute_url(),
            clock.start_of(a.discharged_on),
            f"action-{a.pk}-discharged",
        )
        for a in public.filter(status=Action.Status.DISCHARGED).order_by("-discharged_on")[:LIMIT]
    ]
    return new + discharged


class CommitteeFeed(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Committee, slug=slug)

    def title(self, committee):
        return f"{committee.name}: minutes and actions"

    def link(self, committee):
        return committee.get_absolute_url()

    def description(self, committee):
        return f"Published minutes, new actions and discharged actions of the {committee.name}."

    def items(self, committee):
        entries = published_minutes(committee) + actions(committee)
        return sorted(entries, key=lambda e: e.when, reverse=True)[:LIMIT]

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.description

    def item_link(self, entry):
        return entry.link

    def item_pubdate(self, entry):
        return entry.when

    def item_updateddate(self, entry):
        return entry.when

    def item_guid(self, entry):
        """A URI that never changes for the entry (Atom needs a URI): a name-based UUID."""
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'scrutiny:{entry.guid}')}"

    item_guid_is_permalink = False


class CommitteeAtomFeed(CommitteeFeed):
    feed_type = Atom1Feed
    subtitle = CommitteeFeed.description
