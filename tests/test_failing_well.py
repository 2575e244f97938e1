"""Failing well: a 503 (not a 500) while the database is away, a 500 page in the site's look, strict
headers on every page, POST refused by read-only pages, and expected refusals logged in one line."""

import logging

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from core.logging import ExpectedRefusals
from meetings.models import Committee


@pytest.fixture
def database_away(transactional_db):
    """Point the connection somewhere nothing answers (a closed port; for SQLite, a folder that does not exist)."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict["PORT"] = "1"
    else:
        connection.settings_dict["NAME"] = "/nonexistent-folder/scrutiny.sqlite3"

    def back():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    yield back
    back()


def test_a_database_that_is_away_gives_a_503_with_retry_after_and_the_app_recovers_by_itself(committee, database_away):
    client = Client()
    response = client.get(reverse("meetings:committees"))
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "briefly unavailable" in response.content.decode()


def test_a_write_that_could_not_be_committed_says_so_and_gives_back_what_was_typed(database_away):
    response = Client().post(reverse("login"), {"username": "clerk", "password": "x", "note": "Members asked for X"})
    page = response.content.decode()
    assert response.status_code == 503
    assert "was not saved" in page and "Members asked for X" in page


def test_when_the_database_comes_back_the_next_request_is_answered_without_a_restart(committee, database_away):
    client = Client()
    assert client.get(reverse("meetings:committees")).status_code == 503
    database_away()  # the database is back; nothing in the app is restarted
    response = client.get(reverse("meetings:committees"))
    assert response.status_code == 200 and committee.name in response.content.decode()


def test_an_unexpected_fault_gives_the_sites_own_500_page(anonymous, committee, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a fault")

    url = reverse("meetings:committees")  # loads the URLconf (and its module-level querysets) first
    monkeypatch.setattr(Committee.objects, "all", broken)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "councillor", "clerk"])
def test_every_page_carries_a_strict_csp_and_a_permissions_policy(request, who, committee, past_meeting):
    client = request.getfixturevalue(who)
    for url in ("/", reverse("meetings:committees"), committee.get_absolute_url(), reverse("actions:list")):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
        assert "camera=()" in response["Permissions-Policy"]


def test_read_only_pages_refuse_post_with_405(councillor, committee, past_meeting, make_action):
    action = make_action()
    for url in (
        "/",
        reverse("meetings:committees"),
        committee.get_absolute_url(),
        past_meeting.get_absolute_url(),
        reverse("actions:list"),
        action.get_absolute_url(),
        reverse("actions:log", args=[committee.slug]),
        reverse("actions:brief", args=[committee.slug]),
        reverse("meetings:work_programme", args=[committee.slug]),
    ):
        assert councillor.post(url).status_code == 405, url


def test_expected_refusals_are_logged_in_one_line_without_a_traceback(settings):
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["expected_refusals"]
    try:
        raise PermissionError("not a clerk")
    except PermissionError:
        import sys

        exc_info = sys.exc_info()
    for status, keeps_traceback in ((403, False), (404, False), (500, True)):
        record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden", (), exc_info)
        record.status_code = status
        assert ExpectedRefusals().filter(record)
        assert (record.exc_info is not None) == keeps_traceback
