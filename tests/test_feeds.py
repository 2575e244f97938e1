"""Per-committee feeds: valid RSS 2.0 and Atom 1.0 (parsed back), public-safe whoever asks."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from actions.models import Action
from meetings.models import AgendaItem, Meeting

from .conftest import at

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feed_world(committee, past_meeting, item, exempt_item, make_action):
    past_meeting.status = Meeting.Status.MINUTES_DRAFT
    past_meeting.save()
    past_meeting.status = Meeting.Status.PUBLISHED
    past_meeting.save()
    public = make_action(text="Circulate the pangolin plan")
    done = make_action(text="Send the pangolin letter")
    done.discharge(on=datetime.date.today(), note="Sent")
    make_action(text="Wombat secret action", source_item=exempt_item)
    draft = Meeting.objects.create(committee=committee, starts_at=at(-7), status=Meeting.Status.MINUTES_DRAFT)
    draft_item = AgendaItem.objects.create(meeting=draft, number="1", order=1, title="Narwhal item")
    make_action(text="Narwhal draft action", source_item=draft_item)
    return {"public": public, "done": done, "draft": draft}


def rss(client, committee):
    response = client.get(reverse("opendata:committee_rss", args=[committee.slug]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content), response.content.decode()


def atom(client, committee):
    response = client.get(reverse("opendata:committee_atom", args=[committee.slug]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content), response.content.decode()


def test_rss_feed_parses_and_holds_published_minutes_new_and_discharged_actions(anonymous, committee, feed_world):
    root, _ = rss(anonymous, committee)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description") is not None
    titles = [i.findtext("title") for i in channel.findall("item")]
    assert any(t.startswith("Minutes published") for t in titles)
    assert f"New action {feed_world['public'].reference}" in titles
    assert f"Action discharged: {feed_world['done'].reference}" in titles
    for entry in channel.findall("item"):
        assert entry.findtext("link").startswith("http://testserver/")
        assert entry.findtext("guid").startswith("urn:uuid:") and entry.findtext("pubDate")


def test_atom_feed_parses_with_the_required_elements(anonymous, committee, feed_world):
    root, _ = atom(anonymous, committee)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    ids = set()
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{required}"), required
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
        ids.add(entry.findtext(f"{ATOM}id"))
    assert len(ids) == 4


@pytest.mark.parametrize("client_name", ["anonymous", "councillor", "clerk"])
def test_feeds_never_carry_exempt_or_unpublished_content_whoever_asks(request, committee, feed_world, client_name):
    client = request.getfixturevalue(client_name)
    for read in (rss, atom):
        _, text = read(client, committee)
        assert "Wombat" not in text and "Narwhal" not in text
        assert "pangolin" in text


def test_an_entry_keeps_its_id_when_the_feed_is_read_again(anonymous, committee, feed_world):
    first = {e.findtext(f"{ATOM}id") for e in atom(anonymous, committee)[0].findall(f"{ATOM}entry")}
    feed_world["public"].set_rag(Action.Rag.AMBER, reason="Slower")
    second = {e.findtext(f"{ATOM}id") for e in atom(anonymous, committee)[0].findall(f"{ATOM}entry")}
    assert first == second


def test_minutes_entry_is_dated_when_the_minutes_were_published(anonymous, committee, feed_world, past_meeting):
    root, _ = atom(anonymous, committee)
    minutes = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title").startswith("Minutes"))
    updated = datetime.datetime.fromisoformat(minutes.findtext(f"{ATOM}updated"))
    assert updated.date() == datetime.date.today()  # published today, though the meeting was 30 days ago
