"""The Sort box shows the order the results are in: the API's `sort` in its answer, never what the page asked for.

Without search words the API lists the articles newest first (search.effective_sort), whatever `sort=relevance`
says; until session 56 the box still showed "Relevance" over a list that was newest first (a new user's
`/?section=business%2Ccrude`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.browser.conftest import Browsing

pytestmark = pytest.mark.e2e

NO_WORDS = "Relevance needs search words: without them the articles are listed by date."


def sort_box(page: Any) -> Any:
    return page.get_by_role("combobox", name="Sort by")


def relevance(page: Any) -> Any:
    return sort_box(page).locator('option[value="relevance"]')


def settled(page: Any) -> None:
    expect(page.locator(".as-results-view")).to_have_attribute("aria-busy", "false")
    expect(page.locator(".as-summary")).to_contain_text("result")


def dates(page: Any) -> list[str]:
    return page.locator(".as-result time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")


def is_search(response: Any) -> bool:
    return urlsplit(response.url).path == "/search"


def open_and_answer(browsing: Browsing, path: str) -> tuple[Any, dict[str, Any]]:
    """The page at `path` and the API's answer to the search it made."""
    page = browsing.open("/")
    with page.expect_response(is_search) as answer:
        page.goto(path)
    settled(page)
    return page, answer.value.json()


def assert_by_date_without_words(page: Any) -> None:
    expect(sort_box(page)).to_have_value("newest")
    expect(relevance(page)).to_be_disabled()
    expect(sort_box(page)).to_have_accessible_description(NO_WORDS)
    shown = dates(page)
    assert shown and shown == sorted(shown, reverse=True), shown


@pytest.mark.parametrize(
    "path",
    [
        "/?section=harbour%2Ccouncil",  # filters only (the new user's search)
        "/?from=2019-01-01&to=2019-12-31",  # a year chosen, no words
        "/?section=harbour&sort=relevance",  # relevance asked for, no words: the API answers newest, not 400
        "/?q=%20%20&author=Tomasz%20Wierzbicki",  # a blank q is no query
    ],
)
def test_without_words_the_sort_box_shows_the_date_order_the_api_answered(browsing: Browsing, path: str) -> None:
    page, answer = open_and_answer(browsing, path)
    assert answer["sort"] == "newest"
    assert_by_date_without_words(page)

    page.reload()  # the same view again, not the page's default
    settled(page)
    assert_by_date_without_words(page)


def test_oldest_chosen_without_words_stays_oldest_and_relevance_returns_with_words(browsing: Browsing) -> None:
    page, _ = open_and_answer(browsing, "/?section=harbour")
    with page.expect_response(is_search) as answer:
        sort_box(page).select_option("oldest")
    assert answer.value.json()["sort"] == "oldest"
    settled(page)
    expect(sort_box(page)).to_have_value("oldest")
    shown = dates(page)
    assert shown == sorted(shown), shown

    # a reader who chose an order keeps it when they add words; relevance can be chosen again
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.fill("marrowby")
    box.press("Enter")
    settled(page)
    expect(sort_box(page)).to_have_value("oldest")
    expect(relevance(page)).to_be_enabled()
    expect(sort_box(page)).to_have_accessible_description("")
    sort_box(page).select_option("relevance")
    settled(page)
    assert "sort" not in parse_qs(urlsplit(page.url).query)
    expect(sort_box(page)).to_have_value("relevance")


def test_words_taken_away_with_filters_kept_show_newest_and_back_shows_relevance(browsing: Browsing) -> None:
    page, answer = open_and_answer(browsing, "/?q=marrowby&section=harbour")
    assert answer["sort"] == "relevance"
    expect(sort_box(page)).to_have_value("relevance")
    expect(relevance(page)).to_be_enabled()

    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.fill("")
    with page.expect_response(is_search) as after:
        box.press("Enter")
    assert after.value.json()["sort"] == "newest"
    settled(page)
    assert_by_date_without_words(page)
    # the order changed: a screen reader hears so, not only the count (it heard "10 results")
    expect(page.get_by_role("status")).to_have_text("10 results, newest first")

    page.go_back()  # answered from the page's cache
    settled(page)
    expect(sort_box(page)).to_have_value("relevance")
    expect(relevance(page)).to_be_enabled()
    page.go_forward()
    settled(page)
    assert_by_date_without_words(page)
