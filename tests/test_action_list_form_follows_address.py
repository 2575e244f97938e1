"""The filter form on /actions/ is always drawn from the address: tiles, sort, paging, Back/Forward, reload."""

import re

import pytest
from django.urls import reverse

from actions.models import Action

LIST = reverse("actions:list")


def selected(page, name):
    """The value the <select name=...> shows as chosen."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', select)
    return chosen[0] if chosen else ""


def checked(page, name):
    tag = re.search(rf'<input type="checkbox" name="{name}"[^>]*>', page).group(0)
    return "checked" in tag


@pytest.fixture
def three_rags(make_action):
    return [make_action(rag=rag) for rag in (Action.Rag.RED, Action.Rag.AMBER, Action.Rag.GREEN)]


@pytest.mark.parametrize(
    ("query", "rag", "sort", "overdue"),
    [
        ({}, "", "due", False),
        ({"rag": "red"}, "red", "due", False),
        ({"rag": "red", "sort": "rag"}, "red", "rag", False),
        ({"sort": "age", "overdue": "on"}, "", "age", True),
        ({"rag": "amber", "page": "1"}, "amber", "due", False),
    ],
)
def test_the_form_shows_what_the_query_string_asks_for(councillor, three_rags, query, rag, sort, overdue):
    page = councillor.get(LIST, query).content.decode()
    assert selected(page, "rag") == rag
    assert selected(page, "sort") == sort
    assert checked(page, "overdue") is overdue


def test_the_committee_and_words_typed_are_back_in_the_form(councillor, three_rags, committee):
    page = councillor.get(LIST, {"committee": committee.slug, "q": "housing", "owner": "Richards"}).content.decode()
    assert selected(page, "committee") == committee.slug
    assert 'name="q" value="housing"' in page
    assert 'name="owner" value="Richards"' in page


def test_a_due_by_from_the_brief_stays_in_the_form_so_sorting_keeps_it(councillor, three_rags):
    page = councillor.get(LIST, {"due_by": "2026-07-04"}).content.decode()
    assert re.search(r'<input type="date" name="due_by" value="2026-07-04"', page)
    assert "due_by" not in councillor.get(LIST).content.decode().split('id="results"')[0]


def test_a_tile_clicked_with_htmx_redraws_the_form_beside_the_rows(councillor, three_rags):
    page = councillor.get(LIST, {"rag": "red"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="").content.decode()
    assert page.lstrip().startswith('<div id="results"')
    form = page[page.index("<details") :]
    assert form.startswith('<details class="filters-toggle no-print" id="filters-panel" hx-swap-oob="true">')
    assert 'id="filters"' in form
    assert selected(form, "rag") == "red"
    assert "<html" not in page


def test_the_forms_own_requests_get_the_rows_alone_so_typing_is_not_overwritten(councillor, three_rags):
    response = councillor.get(LIST, {"q": "hous"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="filters")
    assert "<form" not in response.content.decode()


def test_back_and_forward_get_the_whole_page_drawn_from_the_address(councillor, three_rags):
    history = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}
    page = councillor.get(LIST, {"rag": "red", "sort": "rag"}, **history).content.decode()
    assert "<html" in page
    assert selected(page, "rag") == "red" and selected(page, "sort") == "rag"


def test_the_page_is_never_kept_in_the_browsers_history_cache(councillor, three_rags):
    """htmx would otherwise restore a stale snapshot (the form as first drawn) on Back."""
    assert 'hx-history="false"' in councillor.get(LIST).content.decode()


def test_tiles_and_page_links_keep_the_other_filters(councillor, three_rags, committee):
    page = councillor.get(LIST, {"committee": committee.slug, "sort": "rag"}).content.decode()
    tile = re.search(r'<a href="([^"]*rag=red[^"]*)"', page).group(1).replace("&amp;", "&")
    assert f"committee={committee.slug}" in tile and "sort=rag" in tile
