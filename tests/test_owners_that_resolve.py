"""Issue 11: an owner typed that matches no one, or several people, is not quietly saved as a post."""

import pytest
from django.urls import reverse

from actions.models import Action
from meetings.models import Person, Resolution
from meetings.people import close_matches, owner_people, resolve_owner

from .conftest import HTMX


@pytest.fixture
def resolution(item):
    return Resolution.objects.create(item=item, text="The highlight report be brought to the Committee.")


@pytest.fixture
def jeanette(db):
    return Person.objects.create(name="Jeanette Richards", job_title="Executive Director of Children's Services")


def make(client, resolution, headers=None, **data):
    data = {"creates": "action", "text": resolution.text, "rag": "green", **data}
    return client.post(reverse("actions:make_action", args=[resolution.pk]), data, **(headers or {}))


def test_richards_alone_in_the_register_links_her_so_it_reaches_her_my_actions(clerk, resolution, jeanette):
    make(clerk, resolution, owner="Richards")
    action = Action.objects.get()
    assert (action.owner, action.owner_post) == (jeanette, "")
    assert action in Action.objects.outstanding().filter(owner=jeanette)


def test_richards_with_two_in_the_register_is_refused_naming_both(clerk, resolution, jeanette):
    Person.objects.create(name="Tom Richards", kind=Person.Kind.COUNCILLOR)
    for headers in ({}, HTMX):
        page = make(clerk, resolution, headers, owner="Richards").content.decode()
        assert "could be any of" in page and "Jeanette Richards" in page and "Tom Richards" in page
        assert 'value="Richards"' in page  # what was typed is kept
    assert not Action.objects.exists()


def test_a_misspelt_name_offers_the_close_match_and_saves_nothing(clerk, resolution, jeanette):
    page = make(clerk, resolution, owner="Jeanete Richard").content.decode()
    assert "Did you mean Jeanette Richards" in page
    assert not Action.objects.exists()


def test_a_post_is_saved_only_when_the_clerk_ticks_keep_as_a_post(clerk, resolution, jeanette):
    refused = make(clerk, resolution, owner="Head of Parks").content.decode()
    assert "No one in the register is called “Head of Parks”" in refused and "Keep as a post" in refused
    assert not Action.objects.exists()
    make(clerk, resolution, owner="Head of Parks", keep_as_post="on")
    action = Action.objects.get()
    assert (action.owner, action.owner_post) == (None, "Head of Parks")


def test_a_post_that_one_person_holds_links_that_person(clerk, resolution, jeanette):
    make(clerk, resolution, owner="Executive Director of Children's Services")
    assert Action.objects.get().owner == jeanette


def test_close_matches_puts_people_sharing_a_word_first(jeanette):
    tom = Person.objects.create(name="Tom Richards")
    Person.objects.create(name="Zara Ahmed")
    assert set(close_matches("Richards", Person.objects.all())) == {jeanette, tom}
    assert close_matches("Jeanete Richard", Person.objects.all())[0] == jeanette
    assert close_matches("Head of Parks", Person.objects.all()) == []


def test_resolve_owner_names_one_person_or_the_candidates(jeanette):
    people = list(owner_people())
    assert resolve_owner("Jeanette Richards", people) == (jeanette, [])
    assert resolve_owner("jeanette richards", people) == (jeanette, [])
    assert resolve_owner("Janette Richard", people) == (None, [jeanette])


def test_the_type_ahead_check_warns_as_the_clerk_types(clerk, jeanette):
    check = reverse("actions:owner_check")
    assert "Links to Jeanette Richards" in clerk.get(check, {"owner": "Jeanette Richards"}, **HTMX).content.decode()
    Person.objects.create(name="Tom Richards", kind=Person.Kind.COUNCILLOR)
    both = clerk.get(check, {"owner": "Richards"}, **HTMX).content.decode()
    assert "could be more than one person" in both and "Tom Richards" in both and "Jeanette Richards" in both
    nobody = clerk.get(check, {"owner": "Head of Parks"}, **HTMX).content.decode()
    assert "No one in the register is called “Head of Parks”" in nobody and "Keep as a post" in nobody


def test_the_owner_box_asks_for_the_check_and_the_check_is_for_clerks(clerk, officer, resolution, jeanette):
    page = clerk.get(reverse("actions:make_action", args=[resolution.pk]), **HTMX).content.decode()
    assert f'hx-get="{reverse("actions:owner_check")}"' in page
    assert f'hx-target="#resolution-{resolution.pk}-action-owner_hint"' in page
    assert officer.get(reverse("actions:owner_check"), {"owner": "Richards"}, **HTMX).status_code == 403
