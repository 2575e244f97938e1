"""Pages kept until the data they show changes (core/pagecache.py): never stale, never anyone else's.

These run outside a test transaction (a page is never kept inside one), on PostgreSQL, whose snapshot
is the key; `make test` gives each suite a cluster of its own so that no other writer moves it.
"""

import datetime

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection, connections, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from actions.models import Action
from core.pagecache import page_cache, page_key
from tests.conftest import HTMX, at, client_for

LIST = reverse("actions:list")

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the cache keys on PostgreSQL's snapshot; make test runs these"
)
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    caches["pages"].clear()


def rows(response):
    return response.content.decode().split("<tbody", 1)[1]


def seen_twice(client, url=LIST, **headers):
    """Visit as a browser does: the first page gives the CSRF cookie, the second is drawn and kept."""
    client.get(url, **headers)
    return client.get(url, **headers)


@postgresql_only
def test_a_page_seen_again_before_any_write_is_served_whole_with_one_query(
    councillor, make_action, django_assert_num_queries
):
    make_action(text="Bring the leisure report back")
    drawn = seen_twice(councillor)
    with django_assert_num_queries(1):  # the snapshot: not the session, the user or the page's queries
        kept = councillor.get(LIST)
    assert kept.status_code == 200 and kept.content == drawn.content
    assert b"Bring the leisure report back" in kept.content
    assert dict(kept.headers) == dict(drawn.headers)  # Vary: Cookie and the security headers included


@postgresql_only
@pytest.mark.parametrize("door", ["verb", "bulk update", "raw SQL"])
def test_any_write_through_any_door_shows_at_once(councillor, make_action, door):
    action = make_action(text="Circulate the figures")
    assert ">Red<" not in rows(seen_twice(councillor))
    if door == "verb":
        action.set_rag(Action.Rag.RED, reason="Late")
    elif door == "bulk update":
        Action.objects.filter(pk=action.pk).update(text="Circulate the revised figures")
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE actions_action SET text = %s WHERE id = %s", ["Circulate the final figures", action.pk]
            )
    page = rows(councillor.get(LIST))
    expected = {"verb": ">Red<", "bulk update": "revised figures", "raw SQL": "the final figures"}[door]
    assert expected in page


@postgresql_only
def test_a_page_is_never_served_to_another_visitor_even_with_the_same_csrf_cookie(
    clerk, anonymous, make_action, unpublished_item
):
    make_action(text="Draft business action", source_item=unpublished_item)
    assert b"Draft business action" in seen_twice(clerk).content
    anonymous.cookies["csrftoken"] = clerk.cookies["csrftoken"].value  # copied, without the session
    public = anonymous.get(LIST)
    assert public.status_code == 200 and b"Draft business action" not in public.content
    assert b"Sign out" not in public.content


@postgresql_only
def test_two_people_each_get_their_own_page(clerk, officer, make_action, unpublished_item):
    make_action(text="Draft business action", source_item=unpublished_item)
    seen_twice(clerk)
    seen_twice(officer)
    assert b"Draft business action" in clerk.get(LIST).content
    assert b"Draft business action" not in officer.get(LIST).content


@postgresql_only
def test_signing_out_draws_the_page_for_the_public(clerk, make_action, unpublished_item):
    make_action(text="Draft business action", source_item=unpublished_item)
    seen_twice(clerk)
    clerk.post(reverse("logout"))
    assert b"Draft business action" not in clerk.get(LIST).content


@postgresql_only
def test_a_kept_page_is_not_served_once_the_session_has_expired(clerk_user, make_action, unpublished_item):
    make_action(text="Draft business action", source_item=unpublished_item)
    clerk = client_for(clerk_user)
    ends = Session.objects.get().expire_date
    with time_machine.travel(ends - datetime.timedelta(minutes=1), tick=False):
        assert b"Draft business action" in seen_twice(clerk).content
    with time_machine.travel(ends + datetime.timedelta(minutes=1), tick=False):
        page = clerk.get(LIST)  # nothing was written meanwhile: only the clock moved
    assert page.status_code == 200 and b"Draft business action" not in page.content


@postgresql_only
def test_an_action_due_today_becomes_overdue_at_midnight_without_any_write(councillor, make_action):
    evening = at(0, hour=23, minute=58)  # four minutes to midnight: well within the cache's own timeout
    with time_machine.travel(evening, tick=False):
        make_action(text="Due today", due_date=evening.date())
        assert "tag-overdue" not in rows(seen_twice(councillor))
    with time_machine.travel(evening + datetime.timedelta(minutes=4), tick=False):
        assert "tag-overdue" in rows(councillor.get(LIST))


@postgresql_only
def test_a_waiting_message_is_shown_on_a_page_drawn_afresh_once(councillor, make_action):
    make_action(text="Circulate the figures")
    seen_twice(councillor)
    storage = CookieStorage(RequestFactory().get(LIST))
    storage.add(constants.SUCCESS, "Saved: nothing lost")
    carrier = HttpResponse()
    storage.update(carrier)
    councillor.cookies["messages"] = carrier.cookies["messages"].value
    assert b"Saved: nothing lost" in councillor.get(LIST).content
    assert b"Saved: nothing lost" not in councillor.get(LIST).content


@postgresql_only
def test_an_htmx_request_gets_its_partial_not_the_kept_page(councillor, make_action):
    make_action(text="Circulate the figures")
    whole = seen_twice(councillor)
    rows = councillor.get(LIST, **HTMX)
    assert b"<html" in whole.content and b"<html" not in rows.content
    assert b"Circulate the figures" in rows.content


@postgresql_only
def test_inside_a_transaction_that_wrote_the_page_is_drawn_afresh(councillor, make_action):
    action = make_action(text="Circulate the figures")
    seen_twice(councillor)
    with transaction.atomic():
        Action.objects.filter(pk=action.pk).update(text="Circulate the amended figures")
        assert b"amended figures" in councillor.get(LIST).content


def with_cookie():
    response = HttpResponse("remembered")
    response.set_cookie("seen", "1")
    return response


@postgresql_only
@pytest.mark.parametrize(
    "answer",
    [
        lambda: HttpResponse("not found", status=404),
        lambda: HttpResponse("moved", status=302, headers={"Location": "/"}),
        lambda: StreamingHttpResponse(iter([b"streamed"])),
        lambda: HttpResponse("private", headers={"Cache-Control": "no-store"}),
        with_cookie,
    ],
    ids=["404", "redirect", "streamed", "no-store", "sets a cookie"],
)
def test_only_a_plain_page_that_set_no_cookie_is_kept(answer):
    drawn = []

    @page_cache
    def view(request):
        drawn.append(request)
        return answer()

    request = RequestFactory().get("/a-page/")
    request.COOKIES["csrftoken"] = "a" * 32
    view(request)
    view(request)
    assert len(drawn) == 2


@postgresql_only
def test_a_plain_page_is_drawn_once_then_kept():
    drawn = []

    @page_cache
    def view(request):
        drawn.append(request)
        return HttpResponse("the page")

    request = RequestFactory().get("/a-page/")
    request.COOKIES["csrftoken"] = "a" * 32
    assert [view(request).content, view(request).content] == [b"the page", b"the page"]
    assert len(drawn) == 1


def test_off_postgresql_or_when_switched_off_every_page_is_drawn(councillor, make_action, settings, monkeypatch):
    make_action(text="Circulate the figures")
    request = seen_twice(councillor).wsgi_request
    monkeypatch.setattr(connections["default"], "vendor", "sqlite")
    assert page_key(request) is None
    monkeypatch.setattr(connections["default"], "vendor", "postgresql")
    settings.PAGE_CACHE = False
    assert page_key(request) is None


def test_a_first_visit_without_a_csrf_cookie_is_never_kept(make_action):
    make_action(text="Circulate the figures")
    response = Client().get(LIST)
    assert response.status_code == 200 and page_key(response.wsgi_request) is None
