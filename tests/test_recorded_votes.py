"""Recorded votes (issue 11): for / against / abstain counts on a resolution, and a named vote of the members
present, validated, and shown in the minutes (the public record and the clerk's workspace)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, Meeting, Membership, Person, RecordedVote, Resolution

from .conftest import HTMX, at, version_of


@pytest.fixture
def voting(committee, members):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-2), status=Meeting.Status.HELD)
    item = AgendaItem.objects.create(meeting=meeting, number="4", order=4, title="Library closures")
    resolution = Resolution.objects.create(item=item, text="The closures be called in.")
    away = Person.objects.create(name="Z Away", kind=Person.Kind.COUNCILLOR)
    Membership.objects.create(person=away, committee=committee)
    present = members
    for person in present:
        Attendance.objects.create(meeting=meeting, person=person, status="present")
    Attendance.objects.create(meeting=meeting, person=away, status="apologies")
    return meeting, item, resolution, present, away


def edit(client, resolution, **data):
    url = reverse("meetings:resolution_edit", args=[resolution.item.meeting_id, resolution.pk])
    fields = {"text": resolution.text, "vote": "", "version": version_of(resolution), **data}
    return client.post(url, fields)


def test_a_resolution_is_added_with_vote_counts(clerk, voting):
    meeting, item, _, _, _ = voting
    url = reverse("meetings:resolution_add", args=[meeting.pk, item.pk])
    clerk.post(url, {"text": "A review be held.", "vote": "majority", "votes_for": 7, "votes_against": 2})
    added = Resolution.objects.get(text="A review be held.")
    assert (added.votes_for, added.votes_against, added.votes_abstained) == (7, 2, None)
    assert added.vote_summary() == "For 7, against 2"


def test_negative_counts_are_refused_with_a_message_and_nothing_typed_is_lost(clerk, voting):
    meeting, item, _, _, _ = voting
    url = reverse("meetings:resolution_add", args=[meeting.pk, item.pk])
    page = clerk.post(url, {"text": "Keep this text.", "votes_for": -1}, **HTMX).content.decode()
    assert "A number of votes cannot be less than 0." in page and "Keep this text." in page
    assert not Resolution.objects.filter(text="Keep this text.").exists()


def test_the_database_refuses_negative_counts_too(voting):
    _, item, _, _, _ = voting
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.create(item=item, text="Bad", votes_against=-3)


def test_unanimous_with_votes_against_is_refused(clerk, voting):
    _, _, resolution, _, _ = voting
    response = edit(clerk, resolution, vote="unanimous", votes_for=5, votes_against=1)
    assert "A unanimous resolution has no votes against." in response.content.decode()
    resolution.refresh_from_db()
    assert resolution.votes_for is None


def test_a_named_vote_offers_only_the_members_present_and_sets_the_counts(clerk, voting):
    _, _, resolution, present, away = voting
    url = reverse("meetings:resolution_edit", args=[resolution.item.meeting_id, resolution.pk])
    page = clerk.get(url).content.decode()
    for person in present:
        assert f"Named vote: {person.display_name}" in page
    assert f"Named vote: {away.display_name}" not in page
    data = {f"named_{present[0].pk}": "for", f"named_{present[1].pk}": "for", f"named_{present[2].pk}": "against"}
    data[f"named_{away.pk}"] = "for"  # not present: not a field, so not recorded
    edit(clerk, resolution, **data)
    resolution.refresh_from_db()
    assert (resolution.votes_for, resolution.votes_against, resolution.votes_abstained) == (2, 1, 0)
    assert set(RecordedVote.objects.values_list("person_id", "choice")) == {
        (present[0].pk, "for"),
        (present[1].pk, "for"),
        (present[2].pk, "against"),
    }


def test_counts_that_disagree_with_the_named_vote_are_refused(clerk, voting):
    _, _, resolution, present, _ = voting
    response = edit(clerk, resolution, votes_for=9, **{f"named_{present[0].pk}": "for"})
    assert "The counts do not match the named vote" in response.content.decode()
    assert not RecordedVote.objects.exists()


def test_the_model_refuses_a_named_vote_from_someone_not_present(voting):
    _, _, resolution, present, away = voting
    with pytest.raises(ValueError, match="not recorded present"):
        resolution.record_named_vote({present[0]: "for", away: "against"})
    assert not RecordedVote.objects.exists()
    with pytest.raises(ValueError, match="for, against or abstain"):
        resolution.record_named_vote({present[0]: "maybe"})


def test_the_vote_is_shown_in_the_public_minutes_and_the_workspace(clerk, anonymous, voting):
    meeting, item, resolution, present, _ = voting
    resolution.record_named_vote({present[0]: "for", present[1]: "against", present[2]: "abstain"})
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    expected = (
        "Votes: For 1, against 1, 1 abstention.",
        f"For: {present[0].display_name}.",
        f"Against: {present[1].display_name}.",
        f"Abstained: {present[2].display_name}.",
    )
    public = anonymous.get(meeting.get_absolute_url()).content.decode()
    workspace = clerk.get(f"{meeting.get_absolute_url()}?item={item.pk}").content.decode()
    for page in (public, workspace):
        for said in expected:
            assert said in page, said
