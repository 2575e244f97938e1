"""Search across minutes, resolutions, actions and updates, under the pages' own visibility rules.

Planted words: "pangolin" in public business, "wombat" in an exempt item, "narwhal" in unpublished minutes.
The public must never learn of the hidden ones: not as a result, a count or a snippet.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from actions.models import Action
from meetings.models import AgendaItem, Meeting, Resolution
from search.models import SearchEntry

from .conftest import HTMX, at, client_for

URL = reverse("search:search")


@pytest.fixture
def planted(committee, past_meeting, item, exempt_item, clerk_user):
    item.minutes_text = "Members discussed the pangolin sanctuary and the contract for school meals."
    item.save()
    resolution = Resolution.objects.create(item=item, text="That the pangolin report be noted.")
    action = Action.record(text="Write to the contractor", committee=committee, source_item=item)
    update = action.add_update("Letter about pangolin habitats sent", by=clerk_user)

    exempt_item.minutes_text = "The wombat contract was discussed in private."
    exempt_item.save()
    Resolution.objects.create(item=exempt_item, text="That the wombat contract be awarded.")
    secret_action = Action.record(text="Sign the wombat contract", committee=committee, source_item=exempt_item)
    secret_action.add_update("Wombat negotiations continue", by=clerk_user)

    draft = Meeting.objects.create(committee=committee, starts_at=at(-7), status=Meeting.Status.MINUTES_DRAFT)
    draft_item = AgendaItem.objects.create(
        meeting=draft, number="3", order=3, title="Narwhal strategy", minutes_text="The narwhal contract was debated."
    )
    Resolution.objects.create(item=draft_item, text="That the narwhal strategy be approved.")
    draft_action = Action.record(text="Narwhal follow-up", committee=committee, source_item=draft_item)
    draft_action.add_update("Narwhal survey booked", by=clerk_user)
    return {"item": item, "resolution": resolution, "action": action, "update": update, "draft": draft}


def results(response):
    return [entry for entry, _snippet, _label in response.context["results"]]


def count(response):
    page = response.context["page"]
    return page.paginator.count if page is not None else None


def result_text(response):
    """What the results area shows (the search box echoes the query back, so it is left out)."""
    html = response.content.decode()
    return html[html.index('id="results"') :]


def test_public_finds_a_planted_phrase_in_minutes_resolutions_actions_and_updates(anonymous, planted):
    response = anonymous.get(URL, {"q": "pangolin"})
    assert response.status_code == 200
    kinds = {entry.kind for entry in results(response)}
    assert kinds == {"minutes", "resolution", "update"}
    assert count(response) == 3
    urls = {entry.url for entry in results(response)}
    meeting_url = planted["item"].meeting.get_absolute_url()
    assert f"{meeting_url}#item-{planted['item'].pk}" in urls
    assert f"{meeting_url}#resolution-{planted['resolution'].pk}" in urls
    assert f"{planted['action'].get_absolute_url()}#update-{planted['update'].pk}" in urls
    assert "<mark>pangolin</mark>" in result_text(response).lower()


def test_each_result_links_to_an_anchor_that_exists_on_the_page_it_names(anonymous, planted):
    for entry in results(anonymous.get(URL, {"q": "pangolin"})):
        page, anchor = entry.url.split("#")
        assert f'id="{anchor}"' in anonymous.get(page).content.decode(), entry.url


@pytest.mark.parametrize("word", ["wombat", "narwhal"])
def test_public_never_finds_exempt_or_unpublished_business_not_even_as_a_count(anonymous, planted, word):
    response = anonymous.get(URL, {"q": word})
    assert results(response) == []
    assert count(response) == 0
    assert word not in result_text(response).lower()


def test_public_count_and_snippets_for_a_shared_word_leave_the_hidden_ones_out(anonymous, planted):
    response = anonymous.get(URL, {"q": "contract"})
    # Only the public minutes say "contract" (the action says "contractor": stemmed apart on PostgreSQL).
    assert all("wombat" not in e.body.lower() and "narwhal" not in e.body.lower() for e in results(response))
    assert count(response) == len(results(response)) >= 1
    text = result_text(response).lower()
    assert "wombat" not in text and "narwhal" not in text


def test_role_less_signed_in_user_searches_as_the_public(planted):
    roleless = client_for(User.objects.create_user("resident", password="x-very-long-pass"))
    assert results(roleless.get(URL, {"q": "wombat"})) == []
    assert results(roleless.get(URL, {"q": "narwhal"})) == []


def test_committee_member_finds_exempt_and_draft_business_as_the_pages_show_them(councillor, planted):
    assert {e.kind for e in results(councillor.get(URL, {"q": "wombat"}))} == {
        "minutes",
        "resolution",
        "action",
        "update",
    }
    assert {e.kind for e in results(councillor.get(URL, {"q": "narwhal"}))} == {
        "minutes",
        "resolution",
        "action",
        "update",
    }


def test_a_councillor_who_leaves_the_committee_stops_finding_its_drafts_that_same_day(
    councillor, councillor_user, planted
):
    """The rules are compiled once a day per visitor (search.models.RuleChecks), and read memberships as they run."""
    assert len(results(councillor.get(URL, {"q": "narwhal"}))) == 4
    councillor_user.person.memberships.update(end_date=at(-1).date())
    assert results(councillor.get(URL, {"q": "narwhal"})) == []
    assert len(results(councillor.get(URL, {"q": "pangolin"}))) == 3


def test_officer_without_a_stake_sees_only_published_business(officer, planted):
    assert results(officer.get(URL, {"q": "wombat"})) == []
    assert results(officer.get(URL, {"q": "narwhal"})) == []
    assert len(results(officer.get(URL, {"q": "pangolin"}))) == 3


def test_officer_who_owns_an_exempt_action_finds_that_item(officer, officer_user, planted, exempt_item):
    Action.objects.filter(source_item=exempt_item).update(owner=officer_user.person)
    found = {e.kind for e in results(officer.get(URL, {"q": "wombat"}))}
    assert found == {"minutes", "resolution", "action", "update"}


def test_publishing_the_minutes_makes_them_findable_at_once_and_marking_an_item_exempt_hides_it(anonymous, planted):
    draft = planted["draft"]
    draft.status = Meeting.Status.PUBLISHED
    draft.save()
    assert len(results(anonymous.get(URL, {"q": "narwhal"}))) == 4
    AgendaItem.objects.filter(meeting=draft).update(exempt=True)  # even a bulk write: the rule reads the item
    assert results(anonymous.get(URL, {"q": "narwhal"})) == []


def assert_public_flag_is_the_rule():
    """SearchEntry.public, kept on the row for speed, says what the pages' rule says for an anonymous visitor."""
    from search.sources import visible_q

    by_rule = set(SearchEntry.objects.filter(visible_q(AnonymousUser())).values_list("pk", flat=True))
    flagged = set(SearchEntry.objects.filter(public=True).values_list("pk", flat=True))
    assert flagged == by_rule
    return len(flagged)


def test_the_public_flag_follows_the_rule_through_every_change_that_decides_it(planted, exempt_item, committee):
    draft, item, action = planted["draft"], planted["item"], planted["action"]
    seen = [assert_public_flag_is_the_rule()]
    draft.status = Meeting.Status.PUBLISHED
    draft.save()
    seen.append(assert_public_flag_is_the_rule())
    draft.status = Meeting.Status.MINUTES_DRAFT  # published in error, taken back
    draft.save()
    seen.append(assert_public_flag_is_the_rule())
    item.exempt = True
    item.save()
    seen.append(assert_public_flag_is_the_rule())
    AgendaItem.objects.filter(pk=item.pk).update(exempt=False)
    seen.append(assert_public_flag_is_the_rule())
    Meeting.objects.filter(pk=draft.pk).update(status=Meeting.Status.PUBLISHED)
    seen.append(assert_public_flag_is_the_rule())
    action.source_item = exempt_item
    action.save()
    seen.append(assert_public_flag_is_the_rule())
    AgendaItem.objects.filter(pk=item.pk).update(meeting=Meeting.objects.create(committee=committee, starts_at=at(-3)))
    seen.append(assert_public_flag_is_the_rule())
    AgendaItem.objects.bulk_update([AgendaItem(pk=exempt_item.pk, exempt=False)], ["exempt"])
    seen.append(assert_public_flag_is_the_rule())
    call_command("rebuild_search_index", verbosity=0)
    seen.append(assert_public_flag_is_the_rule())
    # The public's share really moved (4 entries of the public item, 8 once the draft is published, and so on).
    assert seen == [4, 8, 4, 0, 4, 8, 6, 4, 10, 10]


@pytest.mark.parametrize("most", [1, 2, 3, 5, 1000])
def test_the_newest_matches_a_visitor_may_read_are_those_the_pages_rule_gives(
    planted, most, clerk_user, councillor_user, officer_user, exempt_item
):
    """newest_visible() reads the stored flag first and checks only the rest by the rule: the same answer as
    applying the rule to every match, for each kind of visitor and however few are kept."""
    from search.sources import visible_q

    Action.objects.filter(source_item=exempt_item).update(owner=officer_user.person)  # a stake in an exempt item
    everything = SearchEntry.objects.all()
    for user in (AnonymousUser(), clerk_user, councillor_user, officer_user):
        by_rule = everything.filter(visible_q(user)).order_by("-date", "-pk").values_list("pk", flat=True)[:most]
        assert everything.newest_visible(user, most=most) == list(by_rule), (user, most)


@pytest.fixture
def decade(committee, other_committee, officer_user):
    """One word ("okapi") in public, exempt and draft business of two committees, from last month back nine
    years: what newest_visible() looks for a year at a time before reading everything."""
    statuses = [Meeting.Status.PUBLISHED, Meeting.Status.MINUTES_DRAFT]
    for n, years_ago in enumerate((0, 0, 1, 2, 2, 3, 5, 6, 9)):
        meeting = Meeting.objects.create(
            committee=(committee, other_committee)[n % 2],
            starts_at=at(-365 * years_ago - 20 - n),
            status=statuses[n % 3 == 2],
        )
        for exempt in (False, True):
            item = AgendaItem.objects.create(
                meeting=meeting,
                number=f"{n}{'x' * exempt}",
                order=n,
                title=f"Okapi {n}",
                exempt=exempt,
                minutes_text="okapi",
            )
            action = Action.record(text=f"Okapi action {n}", committee=meeting.committee, source_item=item)
            if n % 4 == 1:
                action.owner = officer_user.person  # a stake, in some years
                action.save()
    return SearchEntry.objects.matching("okapi")


@pytest.mark.parametrize("most", [1, 2, 3, 5, 8, 13, 21, 1000])
def test_the_newest_matches_are_the_rules_however_far_back_they_lie(
    decade, most, clerk_user, councillor_user, officer_user
):
    from search.sources import visible_q

    assert decade.count() == 9 * 2 * 2
    for user in (AnonymousUser(), clerk_user, councillor_user, officer_user):
        by_rule = decade.filter(visible_q(user)).order_by("-date", "-pk").values_list("pk", flat=True)[:most]
        assert decade.newest_visible(user, most=most) == list(by_rule), (user, most)


@pytest.mark.parametrize("most", [1, 4, 9, 1000])
def test_a_search_up_to_a_date_ranks_the_newest_matches_before_it(
    decade, most, monkeypatch, clerk_user, councillor_user
):
    """best_visible() with `until` (the form's "to" date) looks back from that day, not from today."""
    from search import models
    from search.sources import visible_q

    monkeypatch.setattr(models, "MOST_RANKED", most)
    until = (at(-365 * 2) - datetime.timedelta(days=30)).date()
    before = decade.filter(date__lte=until)
    for user in (AnonymousUser(), clerk_user, councillor_user):
        newest = before.filter(visible_q(user)).order_by("-date", "-pk").values_list("pk", flat=True)
        expected = set(newest[:most] if connection.vendor == "postgresql" else newest)
        assert set(before.best_visible(user, "okapi", until=until)) == expected, (user, most)


def test_filters_by_committee_kind_and_dates_live_in_the_address(anonymous, planted, committee, other_committee):
    day = planted["item"].meeting.date
    assert {e.kind for e in results(anonymous.get(URL, {"q": "pangolin", "kind": "resolution"}))} == {"resolution"}
    assert count(anonymous.get(URL, {"q": "pangolin", "committee": other_committee.slug})) == 0
    assert count(anonymous.get(URL, {"q": "pangolin", "committee": committee.slug})) == 3
    around = {"q": "pangolin", "kind": "minutes", "date_from": day.isoformat(), "date_to": day.isoformat()}
    assert count(anonymous.get(URL, around)) == 1
    later = {"q": "pangolin", "kind": "minutes", "date_from": (day + datetime.timedelta(days=1)).isoformat()}
    assert count(anonymous.get(URL, later)) == 0


def test_a_date_range_that_ends_before_it_starts_is_explained_and_the_words_are_kept(anonymous, planted):
    response = anonymous.get(URL, {"q": "pangolin", "date_from": "2024-05-02", "date_to": "2024-05-01"})
    html = response.content.decode()
    assert "The end date must be the same as or after the start date." in html
    assert 'value="pangolin"' in html
    assert response.context["page"] is None


def test_no_words_no_search(anonymous, planted):
    response = anonymous.get(URL)
    assert response.status_code == 200 and response.context["page"] is None
    assert "Type some words to search for." in response.content.decode()


def test_results_are_paged_and_htmx_gets_only_the_results(anonymous, committee, past_meeting):
    for n in range(25):
        AgendaItem.objects.create(meeting=past_meeting, number=str(n + 10), order=n + 10, title=f"Pangolin report {n}")
    first = anonymous.get(URL, {"q": "pangolin"})
    assert count(first) == 25 and len(results(first)) == 20
    second = anonymous.get(URL, {"q": "pangolin", "page": 2}, **HTMX)
    assert len(results(second)) == 5
    assert second.content.decode().lstrip().startswith('<div id="results"')


def test_search_page_query_count_does_not_grow_with_results(
    anonymous, committee, past_meeting, django_assert_num_queries
):
    for n in range(30):
        AgendaItem.objects.create(
            meeting=past_meeting, number=str(n + 10), order=n + 10, title=f"Pangolin {n}", minutes_text="pangolin"
        )
    # The committee filter's choices, the count, the page; on PostgreSQL one more for the page's snippets.
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 3):
        response = anonymous.get(URL, {"q": "pangolin"})
    assert len(results(response)) == 20


def test_edits_and_deletes_keep_the_index_current(anonymous, planted):
    resolution = planted["resolution"]
    resolution.text = "That the aardvark report be noted."
    resolution.save()
    assert {e.kind for e in results(anonymous.get(URL, {"q": "aardvark"}))} == {"resolution"}
    resolution.delete()
    assert results(anonymous.get(URL, {"q": "aardvark"})) == []


def test_an_items_new_title_reaches_its_resolutions_entries(anonymous, planted):
    item = planted["item"]
    item.title = "Capybara review"
    item.save()
    assert {e.kind for e in results(anonymous.get(URL, {"q": "capybara"}))} == {"minutes", "resolution"}


def test_a_new_meetings_bulk_created_agenda_is_indexed_when_it_commits(
    clerk, committee, django_capture_on_commit_callbacks
):
    committee.procedural_items = "Apologies for absence\nOkapi questions"
    committee.save()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = Meeting.create_with_agenda(committee, at(10))
    assert SearchEntry.objects.filter(kind="minutes", item__meeting=meeting).count() == 2
    assert len(results(clerk.get(URL, {"q": "okapi"}))) == 1


def test_rebuild_command_indexes_what_bulk_writes_left_out(anonymous, committee, past_meeting):
    AgendaItem.objects.bulk_create([AgendaItem(meeting=past_meeting, number="7", order=7, title="Tapir review")])
    assert results(anonymous.get(URL, {"q": "tapir"})) == []
    call_command("rebuild_search_index", verbosity=0)
    assert len(results(anonymous.get(URL, {"q": "tapir"}))) == 1


def test_a_moved_meeting_takes_its_entries_dates_with_it(planted):
    meeting = planted["item"].meeting
    meeting.starts_at = at(-40)
    meeting.save()
    assert set(SearchEntry.objects.filter(item__meeting=meeting).values_list("date", flat=True)) == {meeting.date}


def test_postgresql_ranks_only_the_newest_matches_and_says_so(anonymous, committee, monkeypatch):
    monkeypatch.setattr("search.models.MOST_RANKED", 5)
    for n in range(8):
        meeting = Meeting.objects.create(committee=committee, starts_at=at(-10 - n), status=Meeting.Status.PUBLISHED)
        AgendaItem.objects.create(meeting=meeting, number="1", order=1, title=f"Pangolin review {n}")
    response = anonymous.get(URL, {"q": "pangolin"})
    found = results(response)
    if connection.vendor == "postgresql":
        assert count(response) == 5
        assert sorted(e.date for e in found) == sorted(e.date for e in SearchEntry.objects.order_by("-date")[:5])
        assert "the best matches among the 5 newest results" in response.content.decode()
    else:  # SQLite counts every match, newest first
        assert count(response) == 8 and "newest results" not in response.content.decode()


# --- recommendations (a registered source: recommendations/searching.py) ------------------------------------
# "quokka" in all three; "dugong" only in the exempt one, "gharial" only in the one at unpublished minutes.


@pytest.fixture
def recommended(committee, item, exempt_item, unpublished_item):
    from recommendations.models import Body, Recommendation

    cabinet = Body.objects.create(name="Cabinet", kind=Body.Kind.EXECUTIVE)
    public = Recommendation.make(
        source_item=item, report_title="Quokka habitats review", text="Fund quokka wardens", body=cabinet
    )
    public.record_response("accepted", "Wardens from April; the budget allows two.", "Cabinet", item.meeting.date)
    exempt = Recommendation.make(source_item=exempt_item, text="Quokka land sale to the dugong trust", body=cabinet)
    draft = Recommendation.make(source_item=unpublished_item, text="Quokka gharial enclosure", body=cabinet)
    return {"public": public, "exempt": exempt, "draft": draft}


def test_public_finds_a_recommendation_by_its_words_reference_report_body_and_response(anonymous, recommended):
    public = recommended["public"]
    for words in ["wardens", public.reference, "habitats review", "Cabinet", "budget allows"]:
        found = results(anonymous.get(URL, {"q": words, "kind": "recommendation"}))
        assert [(e.kind, e.object_id) for e in found] == [("recommendation", public.pk)], words
    entry = results(anonymous.get(URL, {"q": "wardens"}))[0]
    assert entry.url == public.get_absolute_url()
    page = anonymous.get(entry.url)
    assert page.status_code == 200 and public.reference in page.content.decode()


@pytest.mark.parametrize("word", ["dugong", "gharial"])
def test_public_never_finds_an_exempt_or_unpublished_recommendation_not_even_as_a_count(anonymous, recommended, word):
    response = anonymous.get(URL, {"q": word})
    assert results(response) == [] and count(response) == 0
    assert word not in result_text(response).lower()


def test_public_count_and_snippets_for_a_word_all_three_share_show_only_the_public_one(anonymous, recommended):
    response = anonymous.get(URL, {"q": "quokka"})
    assert [e.object_id for e in results(response) if e.kind == "recommendation"] == [recommended["public"].pk]
    assert count(response) == len(results(response))
    text = result_text(response).lower()
    assert "dugong" not in text and "gharial" not in text


def test_a_committee_member_finds_the_exempt_and_draft_recommendations(councillor, recommended):
    assert {e.object_id for e in results(councillor.get(URL, {"q": "quokka", "kind": "recommendation"}))} == {
        r.pk for r in recommended.values()
    }


@pytest.mark.parametrize("who", ["anonymous", "officer", "councillor", "clerk"])
def test_search_finds_exactly_the_recommendations_their_pages_show(request, recommended, who):
    from recommendations.models import Recommendation

    client = request.getfixturevalue(who)
    user = request.getfixturevalue(f"{who}_user") if who != "anonymous" else AnonymousUser()
    found = {e.object_id for e in results(client.get(URL, {"q": "quokka", "kind": "recommendation"}))}
    assert found == set(Recommendation.objects.visible_to(user).values_list("pk", flat=True))
    for recommendation in recommended.values():
        shown = client.get(recommendation.get_absolute_url()).status_code == 200
        assert shown == (recommendation.pk in found), (who, recommendation.text)


def test_a_recommendation_is_hidden_at_once_when_its_item_is_marked_exempt(anonymous, recommended, item):
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True)
    assert results(anonymous.get(URL, {"q": "wardens"})) == []


def test_a_recorded_response_and_a_renamed_body_are_found_at_once(anonymous, recommended):
    from recommendations.models import Body

    draft_day = recommended["draft"].made_on
    exempt = recommended["exempt"]
    exempt.source_item.exempt = False
    exempt.source_item.save()
    exempt.record_response("rejected", "The platypus site is not for sale.", "Cabinet", draft_day)
    assert [e.object_id for e in results(anonymous.get(URL, {"q": "platypus"}))] == [exempt.pk]
    cabinet = Body.objects.get(name="Cabinet")
    cabinet.name = "Executive Cabinet of Marmosets"
    cabinet.save()
    assert {e.object_id for e in results(anonymous.get(URL, {"q": "marmosets"}))} == {
        recommended["public"].pk,
        exempt.pk,
    }


def test_rebuild_command_indexes_recommendations(anonymous, recommended):
    SearchEntry.objects.filter(kind="recommendation").delete()
    assert results(anonymous.get(URL, {"q": "wardens"})) == []
    call_command("rebuild_search_index", verbosity=0)
    assert [e.kind for e in results(anonymous.get(URL, {"q": "wardens"}))] == ["recommendation"]


def test_search_page_query_count_does_not_grow_with_recommendation_results(
    anonymous, committee, item, django_assert_num_queries
):
    from recommendations.models import Body, Recommendation

    cabinet = Body.objects.create(name="Cabinet")
    texts = [f"Quokka recommendation {n}" for n in range(25)]
    Recommendation.make_report(item, "Quokka report", texts, cabinet)
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 3):
        response = anonymous.get(URL, {"q": "quokka"})
    assert len(results(response)) == 20 and count(response) == 25


def test_a_verb_leaves_the_actions_entry_alone_but_an_edit_of_what_it_shows_rewrites_it(committee, item, clerk_user):
    action = Action.record(committee=committee, source_item=item, text="Report on the gritting routes")
    entry = SearchEntry.objects.filter(kind="action", object_id=action.pk)
    entry.update(body="left as it was")  # a marker: a rewrite would put the action's words back
    action.set_rag(Action.Rag.RED, by=clerk_user, reason="Slipping")
    action.discharge(note="Report received", by=clerk_user)
    assert entry.get().body == "left as it was"
    action.text = "Report on the gritting routes and the salt stock"
    action.save(update_fields=["text"])
    assert entry.get().body == "Report on the gritting routes and the salt stock"
    action.reference = "X/1"
    action.save()  # a save of every field rewrites it too
    assert entry.get().title == "Action X/1"
