"""The outstanding actions list: filters in the query string, search, sorting, counts, paging, htmx."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.filters import SUGGESTIONS
from actions.models import Action
from meetings.models import AgendaItem, Meeting, Person
from tests.conftest import HTMX, at

LIST = reverse("actions:list")


def shown(response):
    """The pks of the action rows on the page, in order."""
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'<tr id="action-(\d+)"', response.content.decode())]


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_lists_outstanding_actions_but_not_discharged_or_closed(councillor, make_action):
    open_action = make_action(text="Open one")
    started = make_action(text="Started one")
    started.add_update("Work has begun")
    completed = make_action(text="Completed one")
    completed.mark_completed()
    discharged = make_action(text="Discharged one")
    discharged.discharge(note="Report brought")
    closed = make_action(text="Closed one")
    closed.close("No longer needed")
    assert set(shown(councillor.get(LIST))) == {open_action.pk, started.pk, completed.pk}


def test_each_row_shows_every_column(councillor, make_action, past_meeting):
    owner = Person.objects.create(name="Jeanette Richards")
    action = make_action(owner=owner, rag=Action.Rag.AMBER, due_meeting=past_meeting)
    action.add_update("Draft report with the Director", rag=Action.Rag.RED)
    page = councillor.get(LIST).content.decode()
    row = page[page.index(f'id="action-{action.pk}"') :]
    row = row[: row.index("</tr>")]
    for expected in (
        action.reference,
        "A report on housing for care leavers",
        "Jeanette Richards",
        f"{past_meeting.date:%-d %b %Y}, item 5",
        "Improvement Plan",
        f"Meeting of {past_meeting.date:%-d %b %Y}",
        "Overdue",
        ">Red<",
        "In progress",
        'data-label="Days outstanding" class="numeric">0<',
        "Draft report with the Director",
    ):
        assert expected in row, expected


def test_filter_by_committee_uses_its_slug(councillor, make_action, other_committee):
    mine = make_action()
    published = Meeting.Status.PUBLISHED
    other_item = AgendaItem.objects.create(
        meeting=Meeting.objects.create(committee=other_committee, starts_at=at(-5), status=published),
        title="Waiting lists",
    )
    theirs = make_action(committee=other_committee, source_item=other_item)
    assert shown(councillor.get(LIST, {"committee": mine.committee.slug})) == [mine.pk]
    assert shown(councillor.get(LIST, {"committee": other_committee.slug})) == [theirs.pk]


def test_filter_by_owner(councillor, make_action):
    richards = Person.objects.create(name="Jeanette Richards")
    chadwick = Person.objects.create(name="Helen Chadwick")
    hers = make_action(owner=richards)
    make_action(owner=chadwick)
    make_action()
    assert shown(councillor.get(LIST, {"owner": "richards"})) == [hers.pk]


def test_filter_by_rag(councillor, make_action):
    red = make_action(rag=Action.Rag.RED)
    make_action(rag=Action.Rag.AMBER)
    make_action(rag=Action.Rag.GREEN)
    assert shown(councillor.get(LIST, {"rag": "red"})) == [red.pk]


def test_filter_by_status(councillor, make_action):
    make_action()
    started = make_action()
    started.add_update("Begun")
    done = make_action()
    done.mark_completed()
    assert shown(councillor.get(LIST, {"status": "in_progress"})) == [started.pk]
    assert shown(councillor.get(LIST, {"status": "completed"})) == [done.pk]


def test_filter_overdue_by_date_or_by_due_meeting(councillor, make_action, past_meeting, next_meeting):
    late_by_date = make_action(due_date=days(-1))
    late_by_meeting = make_action(due_meeting=past_meeting)
    make_action(due_date=days(0))
    make_action(due_meeting=next_meeting)
    make_action()
    assert set(shown(councillor.get(LIST, {"overdue": "on"}))) == {late_by_date.pk, late_by_meeting.pk}


def test_filter_due_at_or_before_the_next_meeting_of_each_committee(
    councillor, make_action, next_meeting, other_committee
):
    at_next = make_action(due_meeting=next_meeting)
    before_next = make_action(due_date=days(10))
    already_late = make_action(due_date=days(-3))
    make_action(due_date=days(20))
    make_action()
    # The other committee meets sooner, so its own next meeting is what counts for its action.
    Meeting.objects.create(committee=other_committee, starts_at=at(3))
    other_item = AgendaItem.objects.create(
        meeting=Meeting.objects.create(committee=other_committee, starts_at=at(-5)), title="Waiting lists"
    )
    make_action(committee=other_committee, source_item=other_item, due_date=days(10))
    result = shown(councillor.get(LIST, {"due_next": "on"}))
    assert set(result) == {at_next.pk, before_next.pk, already_late.pk}


def test_search_matches_the_action_text_and_its_reference(councillor, make_action):
    video = make_action(text="Jeanette Richards to provide the cost of the recruitment campaign video")
    make_action(text="Audit activity of the service to be shared with members")
    assert shown(councillor.get(LIST, {"q": "campaign VIDEO"})) == [video.pk]
    assert shown(councillor.get(LIST, {"q": video.reference})) == [video.pk]


def test_search_matches_the_latest_update_but_not_older_ones(councillor, make_action):
    action = make_action(text="Highlight report to be brought to the committee")
    action.add_update("Waiting for the Improvement Board", at=timezone.now() - datetime.timedelta(days=3))
    action.add_update("Board has signed it off", at=timezone.now() - datetime.timedelta(days=1))
    make_action(text="Something else")
    assert shown(councillor.get(LIST, {"q": "signed"})) == [action.pk]
    assert shown(councillor.get(LIST, {"q": "Improvement Board"})) == []


def test_sorts_by_due_date_by_default_with_undated_last(councillor, make_action, next_meeting):
    undated = make_action()
    later = make_action(due_date=days(30))
    at_meeting = make_action(due_meeting=next_meeting)
    sooner = make_action(due_date=days(2))
    assert shown(councillor.get(LIST)) == [sooner.pk, at_meeting.pk, later.pk, undated.pk]


def test_sorts_by_rag_red_first(councillor, make_action):
    green = make_action(rag=Action.Rag.GREEN)
    red = make_action(rag=Action.Rag.RED)
    amber = make_action(rag=Action.Rag.AMBER)
    assert shown(councillor.get(LIST, {"sort": "rag"})) == [red.pk, amber.pk, green.pk]


def test_sorts_by_age_oldest_first(councillor, make_action):
    # Noon, so "90 days ago" is 90 UK calendar days whatever the hour and whatever the clocks did since.
    newer = make_action(created_at=at(-5, 12))
    oldest = make_action(created_at=at(-90, 12))
    middle = make_action(created_at=at(-30, 12))
    assert shown(councillor.get(LIST, {"sort": "age"})) == [oldest.pk, middle.pk, newer.pk]
    assert '<td role="cell" data-label="Days outstanding" class="numeric">90</td>' in (
        councillor.get(LIST, {"sort": "age"}).content.decode()
    )


def test_counts_per_rag_and_overdue_follow_the_filters(councillor, make_action, other_committee):
    make_action(rag=Action.Rag.RED, due_date=days(-1))
    make_action(rag=Action.Rag.RED)
    make_action(rag=Action.Rag.AMBER, due_date=days(-4))
    make_action(rag=Action.Rag.GREEN)
    response = councillor.get(LIST)
    assert response.context["counts"] == {"total": 4, "red": 2, "amber": 1, "green": 1, "overdue": 2}
    page = response.content.decode()
    assert '<span class="count">2</span> <strong class="tag tag-rag-red">Red</strong>' in page
    filtered = councillor.get(LIST, {"rag": "red"})
    assert filtered.context["counts"] == {"total": 2, "red": 2, "amber": 0, "green": 0, "overdue": 1}


def test_paginates_and_page_links_keep_the_filters(councillor, make_action):
    for n in range(30):
        make_action(text=f"Action number {n}", rag=Action.Rag.RED, due_date=days(n))
    make_action(rag=Action.Rag.GREEN)
    first = councillor.get(LIST, {"rag": "red"})
    assert len(shown(first)) == 25
    assert "Showing 1 to 25 of 30 actions" in first.content.decode()
    assert 'href="?rag=red&amp;page=2"' in first.content.decode()
    second = councillor.get(LIST, {"rag": "red", "page": 2})
    assert len(shown(second)) == 5
    assert not set(shown(first)) & set(shown(second))
    assert councillor.get(LIST, {"rag": "red", "page": 99}).context["page"].number == 2


def test_htmx_request_from_the_filter_form_gets_only_the_results(councillor, make_action):
    action = make_action()
    response = councillor.get(LIST, {"rag": "green"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="filters")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results"')
    assert "<html" not in page and "<form" not in page
    assert shown(response) == [action.pk]


def test_without_javascript_the_form_is_a_plain_get_to_the_same_page(councillor, make_action):
    make_action()
    page = councillor.get(LIST).content.decode()
    assert f'<form method="get" action="{LIST}"' in page
    assert 'hx-get="/actions/"' in page
    assert '<button type="submit" class="button">Apply filters</button>' in page


def test_invalid_filter_values_are_reported_not_crashed(councillor, make_action):
    make_action()
    response = councillor.get(LIST, {"rag": "purple"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_public_list_leaves_out_exempt_and_unpublished_actions(anonymous, make_action, exempt_item, unpublished_item):
    public = make_action(text="Public action")
    make_action(text="Exempt contract action", source_item=exempt_item)
    make_action(text="Draft business action", source_item=unpublished_item)
    response = anonymous.get(LIST)
    assert shown(response) == [public.pk]
    page = response.content.decode()
    assert "Exempt contract action" not in page and "Draft business action" not in page


def test_public_owner_type_ahead_names_only_owners_of_public_actions(anonymous, make_action, exempt_item):
    make_action(owner=Person.objects.create(name="Visible Owner"))
    make_action(owner=Person.objects.create(name="Hidden Owner"), source_item=exempt_item)
    suggestions = anonymous.get(reverse("actions:owner_suggestions"), {"owner": "owner"}, **HTMX).content.decode()
    assert '<option value="Visible Owner">' in suggestions
    assert "Hidden Owner" not in suggestions
    assert "Hidden Owner" not in anonymous.get(LIST).content.decode()
    assert shown(anonymous.get(LIST, {"owner": "Hidden"})) == []


def test_owner_type_ahead_matches_names_and_posts_and_stays_short(councillor, make_action):
    for n in range(SUGGESTIONS + 5):
        make_action(owner=Person.objects.create(name=f"Officer {n:02d}", job_title="Head of Housing"))
    make_action(owner_post="Director of Housing")
    url = reverse("actions:owner_suggestions")

    def suggested(typed):
        page = councillor.get(url, {"owner": typed}, **HTMX).content.decode()
        return re.findall(r'<option value="([^"]+)">', page)

    names = suggested("housing")
    assert len(names) == SUGGESTIONS
    assert "Director of Housing" in names
    assert suggested("officer 07") == ["Officer 07"]


def test_owner_filter_is_a_type_ahead_not_a_select_of_everyone(councillor):
    page = councillor.get(LIST).content.decode()
    assert '<select name="owner"' not in page
    assert 'list="owner-suggestions"' in page and '<datalist id="owner-suggestions">' in page


def list_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"overdue": "on", "q": "report"}, {"due_next": "on", "sort": "rag"}])
def test_query_count_does_not_grow_with_rows(councillor, make_action, next_meeting, params):
    owner = Person.objects.create(name="Jeanette Richards")

    def add(n):
        for i in range(n):
            action = make_action(owner=owner, due_date=days(i - 3), due_meeting=next_meeting if i % 2 else None)
            action.add_update(f"Report progress {i}")

    add(5)
    with_5 = list_queries(councillor, **params)
    add(45)
    assert list_queries(councillor, **params) == with_5
    assert with_5 <= 12


def test_public_query_count_does_not_grow_with_rows(anonymous, make_action):
    for _ in range(5):
        make_action()
    with_5 = list_queries(anonymous)
    for _ in range(45):
        make_action()
    assert list_queries(anonymous) == with_5


def test_owner_type_ahead_answers_in_fixed_queries(councillor, make_action, django_assert_num_queries):
    url = reverse("actions:owner_suggestions")
    make_action(owner=Person.objects.create(name="Officer one"))
    with django_assert_num_queries(5):  # session, user, groups for visibility, people, posts
        councillor.get(url, {"owner": "officer"}, **HTMX)
    for n in range(30):
        make_action(owner=Person.objects.create(name=f"Officer {n}"), owner_post=f"Post {n}")
    with django_assert_num_queries(5):
        councillor.get(url, {"owner": "officer"}, **HTMX)


def test_owner_type_ahead_without_javascript_is_the_filtered_list(councillor):
    response = councillor.get(reverse("actions:owner_suggestions"), {"owner": "Jean Richards"})
    assert response.status_code == 302 and response["Location"] == f"{LIST}?owner=Jean+Richards"


def test_a_malformed_due_by_date_says_so_and_shows_nothing_wrong(councillor, make_action):
    make_action()
    response = councillor.get(LIST, {"due_by": "31/02/2026"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a valid date" in page


def test_due_by_lists_what_is_due_by_that_day(councillor, make_action):
    soon = make_action(due_date=timezone.localdate() + datetime.timedelta(days=3))
    make_action(due_date=timezone.localdate() + datetime.timedelta(days=30))
    day = timezone.localdate() + datetime.timedelta(days=5)
    assert shown(councillor.get(LIST, {"due_by": f"{day:%Y-%m-%d}"})) == [soon.pk]
