"""The keyboard path through the search page (WCAG 2.4.1 Bypass Blocks, 2.4.3 Focus Order, 2.4.7 Focus Visible).

Before session 56 the filters came first in source order: from the search box, "Sort by" took 21 Tabs and the first
result 22 on a desktop with these articles (each date box is 4 stops, each facet value one; more on real data).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.browser.conftest import DESKTOP, PHONE, Browsing

pytestmark = pytest.mark.e2e

MOST_TABS = 5
IS_FOCUSED = "el => el === document.activeElement"
# What a reader sees of the focused element: its box, inside the window, and its outline (or, for the box, border).
FOCUS_SEEN = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    name: el.textContent.trim().slice(0, 40) || el.id,
    inView: box.width > 1 && box.height > 1 && box.top >= 0 && box.bottom <= innerHeight,
    outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def search_box(page: Any) -> Any:
    return page.get_by_role("combobox", name="Search the archive", exact=True)


def first_result(page: Any) -> Any:
    return page.locator(".as-result-link").first


def tabs_until(page: Any, target: Any, most: int = 60) -> tuple[int, list[dict[str, Any]]]:
    """Presses Tab until `target` has focus: how many presses it took and what each focused element showed."""
    seen = []
    for presses in range(1, most + 1):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_SEEN))
        if target.evaluate(IS_FOCUSED):
            return presses, seen
    raise AssertionError(f"{most} Tabs never reached the target: {[s['name'] for s in seen]}")


def results_page(browsing: Browsing, viewport: dict[str, int]) -> Any:
    page = browsing.open("/?q=marrowby", viewport)
    expect(page.locator(".as-summary")).to_contain_text("of 24 results")
    expect(page.locator(".as-results-view")).to_have_attribute("aria-busy", "false")
    return page


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_sort_and_the_first_result_are_a_few_tabs_from_the_search_box(
    browsing: Browsing, name: str, viewport: dict[str, int]
) -> None:
    # Given a page of results
    page = results_page(browsing, viewport)
    search_box(page).focus()

    # When Tab is pressed from the search box, Sort by comes within a few presses, then the first result
    to_sort, _ = tabs_until(page, page.get_by_role("combobox", name="Sort by"))
    search_box(page).focus()
    to_result, seen = tabs_until(page, first_result(page))

    assert to_sort <= MOST_TABS - 2, (name, to_sort)
    assert to_result <= MOST_TABS, (name, to_result, [s["name"] for s in seen])
    # And every stop on the way is visible, in the window and outlined
    assert all(s["inView"] and s["outlined"] for s in seen), seen


def test_the_filters_follow_the_results_for_the_keyboard_but_stay_beside_them(browsing: Browsing) -> None:
    # Given a page of results on a desktop
    page = results_page(browsing, DESKTOP)
    filters = page.get_by_role("region", name="Filters")

    # Then the filters are still shown in the left column, beside the results, for a mouse
    left, right = filters.bounding_box(), page.locator(".as-results-view").bounding_box()
    assert left is not None and right is not None
    assert left["x"] + left["width"] <= right["x"], (left, right)

    # And the keyboard reaches them after the last result and the pages, every stop visible
    search_box(page).focus()
    _, seen = tabs_until(page, page.locator(".as-filters-summary"))
    names = [s["name"] for s in seen]
    assert names.index("Skip to filters") < names.index(first_result(page).inner_text().strip()[:40])
    assert any(n.startswith("Next") for n in names), names
    assert all(s["inView"] and s["outlined"] for s in seen), seen


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_skip_to_filters_opens_them_and_moves_focus_there(
    browsing: Browsing, name: str, viewport: dict[str, int]
) -> None:
    # Given a page of results (on a phone the filters are folded)
    page = results_page(browsing, viewport)
    history = page.evaluate("history.length")
    search_box(page).focus()

    # When the keyboard reaches "Skip to filters", it is shown, and Enter follows it
    tabs_until(page, page.get_by_role("link", name="Skip to filters"), MOST_TABS)
    assert page.evaluate(FOCUS_SEEN)["inView"], name
    browsing.screenshot(page, f"{name}-skip-to-filters", full_page=False)
    page.keyboard.press("Enter")

    # Then the filters are open and have focus, with no history entry, and the next Tab is their first control
    expect(page.locator(".as-filters-summary")).to_be_focused()
    expect(page.locator("details.as-filters")).to_have_attribute("open", "")
    assert page.evaluate("history.length") == history
    page.keyboard.press("Tab")
    expect(page.locator(".as-date").first).to_be_focused()


def test_skip_to_results_leads_from_the_top_of_the_page_to_the_results(browsing: Browsing) -> None:
    # Given a page of results, with focus at its start
    page = results_page(browsing, DESKTOP)
    history = page.evaluate("history.length")
    page.evaluate("document.activeElement.blur()")

    # When Tab reaches "Skip to results" (the second stop, after "Skip to search"), it is visible; Enter follows it
    skip = page.get_by_role("link", name="Skip to results")
    presses, seen = tabs_until(page, skip, 3)
    assert presses == 2 and seen[-1]["inView"] and seen[-1]["outlined"], seen
    browsing.screenshot(page, "desktop-skip-to-results", full_page=False)
    page.keyboard.press("Enter")

    # Then the results' summary heading has focus, with no history entry and no new search
    expect(page.locator(".as-summary")).to_be_focused()
    assert page.evaluate("history.length") == history
    # And the first result is a few Tabs on
    presses, _ = tabs_until(page, first_result(page), MOST_TABS)
    assert presses <= 3


def test_landmarks_and_headings_let_a_screen_reader_jump(browsing: Browsing) -> None:
    page = results_page(browsing, DESKTOP)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("search", name="Archive")).to_be_visible()
    expect(page.get_by_role("region", name="Filters")).to_be_visible()
    expect(page.get_by_role("region", name="results for")).to_be_visible()
    expect(page.get_by_role("heading", name="Filters", level=2)).to_have_count(1)
    expect(page.get_by_role("heading", level=2, name="results for")).to_be_visible()
    # The facet headings are under the Filters heading, after the results' one in reading order
    levels = page.evaluate(
        "[...document.querySelectorAll('h1, h2, h3')].filter(h => !h.closest('.as-result')).map(h => h.tagName)"
    )
    assert levels[:3] == ["H1", "H2", "H2"] and set(levels[3:]) == {"H3"}, levels


FOCUSED_FACET = "document.activeElement.closest('.as-facet-group')?.querySelector('.as-facet-title').textContent"


def test_a_facet_is_one_tab_stop_and_the_arrow_keys_move_within_it(browsing: Browsing) -> None:
    # Given a page of results with its facets (section, author, year)
    page = results_page(browsing, DESKTOP)
    shown = page.locator(".as-facet-title").all_inner_texts()
    assert len(shown) == 3, shown

    # When Tab goes through the filters
    page.locator(".as-filters-summary").focus()
    stops: list[str | None] = []
    while page.evaluate("!!document.activeElement.closest('.as-filters-region')") and len(stops) < 40:
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED_FACET))  # None outside a facet

    # Then each facet is one stop (its pressed value, or its first)
    assert [s for s in stops if s] == shown, stops

    # And within a facet the arrow keys, Home and End move, Space presses, and the pressed value stays the stop
    section = page.get_by_role("toolbar", name="Section")
    values = section.locator(".as-facet")
    values.first.focus()
    page.keyboard.press("ArrowDown")
    expect(values.nth(1)).to_be_focused()
    page.keyboard.press("End")
    expect(section.locator("button").last).to_be_focused()
    page.keyboard.press("Home")
    expect(values.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    chosen = values.nth(1).get_attribute("data-value")
    page.keyboard.press("Space")
    pressed = page.locator(f'.as-facet[data-facet="section"][data-value="{chosen}"]')
    expect(pressed).to_have_attribute("aria-pressed", "true")
    expect(pressed).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(pressed).to_be_focused()
