"""The filter form and the rows on /actions/ agree after a tile, a sort, Back and Forward (issue 11)."""

import re

import pytest
from django.core.management import call_command

from tests.browser.helpers import assert_accessible, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = "#results tbody tr[id^=action-]"


def state(page):
    """What the form says and what the rows are, read from the page."""
    return {
        "rag": page.get_by_label("RAG", exact=True).input_value(),
        "sort": page.get_by_label("Sort by").input_value(),
        "rows": [row.get_attribute("id") for row in page.locator(ROWS).all()],
        "rags": sorted(
            {row.locator("td[data-label=RAG] > strong.tag").inner_text().strip() for row in page.locator(ROWS).all()}
        ),
    }


def mark(page):
    """Mark the rows now shown, so settle() can tell when they have been replaced."""
    page.evaluate("document.querySelector('#results').dataset.old = 'yes'")


def settle(page, url_pattern):
    page.wait_for_url(re.compile(url_pattern))
    wait_until(page, "!document.querySelector('#results[data-old]') && !document.querySelector('.htmx-request')")


def test_tile_sort_back_forward_keep_the_form_and_rows_in_step(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "councillor")
    page.goto(f"{live_server.url}/actions/")
    everything = state(page)
    page.evaluate("window.__notReloaded = true")

    # The Red tile: the address, the drop-down and the rows all say red.
    mark(page)
    page.locator(".counts a", has_text="Red").click()
    settle(page, r"rag=red")
    red = state(page)
    assert red["rag"] == "red" and red["rags"] == ["Red"]
    assert 0 < len(red["rows"]) < len(everything["rows"])
    page.screenshot(path=screenshot_dir / "filters-1-red-tile.png", full_page=True)

    # Sorting keeps the red filter.
    mark(page)
    page.get_by_label("Sort by").select_option("age")
    settle(page, r"sort=age")
    assert "rag=red" in page.url
    sorted_red = state(page)
    assert sorted_red["rag"] == "red" and sorted_red["sort"] == "age" and sorted_red["rags"] == ["Red"]
    assert sorted(sorted_red["rows"]) == sorted(red["rows"])
    page.screenshot(path=screenshot_dir / "filters-2-sorted.png", full_page=True)

    # Back: red, sorted by due date, the same rows as the tile gave.
    mark(page)
    page.go_back()
    settle(page, r"\?rag=red$")
    assert state(page) == red
    page.screenshot(path=screenshot_dir / "filters-3-back.png", full_page=True)

    # Back again: everything, and the form says so.
    mark(page)
    page.go_back()
    settle(page, r"/actions/$")
    assert state(page)["rag"] == "" and state(page)["rows"] == everything["rows"]

    # Forward twice: red, then red sorted by age.
    mark(page)
    page.go_forward()
    settle(page, r"\?rag=red$")
    assert state(page) == red
    mark(page)
    page.go_forward()
    settle(page, r"sort=age")
    assert state(page) == sorted_red
    page.screenshot(path=screenshot_dir / "filters-4-forward.png", full_page=True)
    assert_accessible(page)

    # Reload: the form is drawn from the address, not from what the browser remembers.
    page.reload()
    assert state(page) == sorted_red
