"""The search page in headless Chromium, used as a reader would: against `archive-search serve` and our articles.

The articles are tests/fixtures/web (an invented town, Marrowby, and an XSS canary), uploaded by the `site` fixture.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.browser.conftest import DESKTOP, PHONE, Browsing

pytestmark = pytest.mark.e2e

LIGHTHOUSE = "Ottoline Brackenridge restores the Marrowby lighthouse lens"
CANARY_TITLE = '<img src=x onerror="window.__xss=1">'
CANARY_AUTHOR = '"><svg onload="window.__xss=1">'


def search_box(page: Any) -> Any:
    return page.get_by_role("combobox", name="Search the archive", exact=True)


def summary(page: Any) -> Any:
    return page.locator(".as-summary")


def titles(page: Any) -> Any:
    return page.locator(".as-result-title")


def search(page: Any, words: str) -> None:
    box = search_box(page)
    box.fill(words)
    box.press("Enter")
    expect(page.locator(".as-results-view")).to_have_attribute("aria-busy", "false")


def facet(page: Any, name: str, value: str) -> Any:
    return page.locator(f'.as-facet[data-facet="{name}"][data-value="{value}" i]')


def query_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def assert_no_xss(page: Any) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_a_misspelt_name_finds_the_article(browsing: Browsing) -> None:
    page = browsing.open("/")
    box = search_box(page)
    box.press_sequentially("Brakenridge", delay=30)  # Brackenridge, one letter short
    box.press("Enter")

    wanted = titles(page).filter(has_text=LIGHTHOUSE)
    did_you_mean = page.locator(".as-dym-link")
    expect(wanted.or_(did_you_mean).first).to_be_visible()
    if not wanted.count():  # the API corrected the spelling instead of matching it: follow its suggestion
        did_you_mean.click()
    expect(titles(page).first).to_have_text(LIGHTHOUSE)
    browsing.screenshot(page, "desktop-misspelt-name")


def test_search_instead_for_the_words_as_typed(browsing: Browsing) -> None:
    # Given a name no article holds, one letter from one an article does: the search reads it as that name
    page = browsing.open("/")
    search(page, "Brakenridge")
    expect(page.locator(".as-dym")).to_have_text("Showing results for Brackenridge. Search instead for Brakenridge.")
    expect(titles(page).first).to_have_text(LIGHTHOUSE)
    browsing.screenshot(page, "desktop-showing-results-for", full_page=False)

    # When the reader asks for the words as typed, nothing is found and the spelling is offered with its count
    page.locator(".as-typed-link").click()
    expect(summary(page)).to_have_text("No results for “Brakenridge”")
    expect(page.locator(".as-dym")).to_have_text("Did you mean Brackenridge? (1 result)")
    assert query_of(page) == {"q": ["Brakenridge"], "spelling": ["as_typed"]}
    browsing.screenshot(page, "desktop-search-instead")

    # Then following it finds the article, as many as it said
    page.locator(".as-dym-link").click()
    expect(titles(page)).to_have_text([LIGHTHOUSE])
    assert query_of(page) == {"q": ["Brackenridge"], "spelling": ["as_typed"]}


def test_a_suggestion_is_picked_with_the_keyboard(browsing: Browsing) -> None:
    page = browsing.open("/")
    suggest_requests: list[str] = []
    page.on("request", lambda r: suggest_requests.append(r.url) if urlsplit(r.url).path == "/suggest" else None)
    box = search_box(page)
    box.press_sequentially("Brackenr", delay=30)

    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    option = listbox.get_by_role("option").filter(has_text="Brackenridge")
    expect(option).to_have_count(1)
    expect(option.locator("mark")).not_to_have_count(0)
    assert len(suggest_requests) <= 3, f"typing was not debounced: {suggest_requests}"
    browsing.screenshot(page, "desktop-suggestions", full_page=False)

    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("Brackenr")

    box.press("ArrowDown")  # reopens the list on its first option
    expect(listbox).to_be_visible()
    for _ in range(listbox.get_by_role("option").count()):
        if option.get_attribute("aria-selected") == "true":
            break
        box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id") or "")
    expect(box).to_be_focused()
    box.press("Enter")

    heading = page.get_by_role("heading", level=2, name=LIGHTHOUSE)
    expect(heading).to_be_visible()
    expect(page.get_by_role("article", name=LIGHTHOUSE)).to_be_focused()
    expect(page.locator(".as-article-body")).to_contain_text("Fresnel lens of the Marrowby lighthouse")
    assert query_of(page)["article"] == ["site/lighthouse-lens"]
    browsing.screenshot(page, "desktop-article")

    expect(page.get_by_role("status")).to_have_text(f"Article: {LIGHTHOUSE}")

    page.go_back()
    expect(heading).to_be_hidden()
    expect(search_box(page)).to_be_visible()
    # The screen reader's status line no longer says the article is open.
    expect(page.get_by_role("status")).to_have_text("")


def test_toggling_a_facet_filters_and_updates_the_counts(browsing: Browsing) -> None:
    page = browsing.open("/?q=marrowby")
    expect(summary(page)).to_contain_text("of 24 results")
    harbour = facet(page, "section", "harbour")
    council = facet(page, "section", "council")
    tomasz = facet(page, "author", "Tomasz Wierzbicki").locator(".as-facet-count")
    expect(harbour).to_have_attribute("aria-pressed", "false")
    expect(harbour.locator(".as-facet-count")).to_contain_text("10")
    expect(tomasz).to_contain_text("9")

    harbour.click()

    expect(summary(page)).to_contain_text("10 results")
    expect(harbour).to_have_attribute("aria-pressed", "true")
    expect(harbour).to_be_focused()
    expect(tomasz).to_contain_text("4")
    expect(page.locator(".as-result .as-section")).to_have_text(["harbour"] * 10, ignore_case=True)
    assert query_of(page)["section"] == ["harbour"]
    expect(page.locator(".as-filters-summary")).to_have_text("Filters (1 active)")
    browsing.screenshot(page, "desktop-facet-harbour")

    council.click()  # values of one facet are ORed
    expect(summary(page)).to_contain_text("of 18 results")
    expect(tomasz).to_contain_text("7")
    assert sorted(query_of(page)["section"][0].split(",")) == ["council", "harbour"]

    page.go_back()
    expect(summary(page)).to_contain_text("10 results")
    expect(council).to_have_attribute("aria-pressed", "false")
    page.go_back()
    expect(summary(page)).to_contain_text("of 24 results")
    expect(harbour).to_have_attribute("aria-pressed", "false")


def test_year_facet_date_range_and_sort(browsing: Browsing) -> None:
    page = browsing.open("/?q=marrowby")
    year = facet(page, "year", "2019")
    expect(year.locator(".as-facet-count")).to_contain_text("8")

    year.click()
    expect(summary(page)).to_contain_text("8 results")
    assert query_of(page)["from"] == ["2019-01-01"] and query_of(page)["to"] == ["2019-12-31"]
    expect(page.get_by_label("From", exact=True)).to_have_value("2019-01-01")

    page.get_by_label("Sort by").select_option("newest")
    expect(page.locator(".as-results-view")).to_have_attribute("aria-busy", "false")
    expect(page.locator(".as-result time").first).to_have_attribute("datetime", "2019-08-17")
    dates = page.locator(".as-result time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True) and len(dates) == 8
    assert query_of(page)["sort"] == ["newest"]

    page.get_by_label("From", exact=True).fill("2020-01-01")
    page.get_by_label("To", exact=True).fill("2020-12-31")
    page.get_by_role("button", name="Apply dates").click()
    expect(summary(page)).to_contain_text("9 results")
    page.get_by_label("Sort by").select_option("oldest")
    expect(page.locator(".as-result time").first).to_have_attribute("datetime", "2020-01-14")


def test_paging_forward_and_back(browsing: Browsing) -> None:
    page = browsing.open("/")
    search(page, "marrowby")
    expect(summary(page)).to_contain_text("1\u201310 of 24 results")
    first_page = titles(page).all_inner_texts()

    page.get_by_role("link", name="Next page").click()
    expect(summary(page)).to_contain_text("11\u201320 of 24 results")
    expect(summary(page)).to_be_focused()
    assert query_of(page)["page"] == ["2"]
    second_page = titles(page).all_inner_texts()
    assert len(second_page) == 10 and not set(first_page) & set(second_page)

    page.get_by_role("link", name="Next page").click()
    expect(summary(page)).to_contain_text("21\u201324 of 24 results")
    expect(titles(page)).to_have_count(4)
    expect(page.locator('.as-pager [aria-disabled="true"]')).to_contain_text("Next")
    browsing.screenshot(page, "desktop-last-page")

    page.go_back()
    expect(summary(page)).to_contain_text("11\u201320 of 24 results")
    expect(titles(page)).to_have_text(second_page)
    page.go_back()
    expect(summary(page)).to_contain_text("1\u201310 of 24 results")
    page.go_forward()
    expect(summary(page)).to_contain_text("11\u201320 of 24 results")
    page.get_by_role("link", name="Previous page").click()
    expect(summary(page)).to_contain_text("1\u201310 of 24 results")
    expect(titles(page)).to_have_text(first_page)


def test_a_shared_url_opens_the_same_search_and_article(browsing: Browsing) -> None:
    page = browsing.open("/")
    search(page, "marrowby")
    page.get_by_role("link", name="Next page").click()
    expect(summary(page)).to_contain_text("11\u201320 of 24")
    shared = page.url
    expected_titles = titles(page).all_inner_texts()

    friend = browsing.open(shared, PHONE)  # someone else, on a phone, with no history
    expect(search_box(friend)).to_have_value("marrowby")
    expect(summary(friend)).to_contain_text("11\u201320 of 24")
    expect(titles(friend)).to_have_text(expected_titles)

    friend.locator(".as-result-link").first.click()
    article_title = friend.locator(".as-article-title")
    expect(article_title).to_have_text(expected_titles[0])
    article_url = friend.url

    reader = browsing.open(article_url)
    expect(reader.locator(".as-article-title")).to_have_text(expected_titles[0])
    reader.get_by_role("link", name="Back to results").click()
    expect(summary(reader)).to_contain_text("11\u201320 of 24")


def test_a_facet_value_with_a_comma_filters_exactly_that_value(browsing: Browsing) -> None:
    page = browsing.open("/?q=quillwort")
    expect(summary(page)).to_contain_text("2 results")
    lima_ana = facet(page, "author", "Lima, Ana")

    lima_ana.click()

    expect(summary(page)).to_contain_text("1 result")
    expect(lima_ana).to_have_attribute("aria-pressed", "true")
    expect(titles(page)).to_have_text(["Botanists count the quillwort in the old mill pond"])
    assert query_of(page)["author"] == ["Lima\\, Ana"]

    facet(page, "author", "Ana Lima").click()  # ORed with the comma-bearing value, not split by it
    expect(summary(page)).to_contain_text("2 results")
    assert query_of(page)["author"] == ["Lima\\, Ana,Ana Lima"]

    shared = browsing.open("/?q=quillwort&section=Arts%5C%2C%20Culture")  # a shared link, comma escaped
    expect(summary(shared)).to_contain_text("1 result")
    expect(facet(shared, "section", "Arts, Culture")).to_have_attribute("aria-pressed", "true")


def test_a_search_by_filters_alone_is_named_by_them_in_the_title(browsing: Browsing) -> None:
    # Every such search had the page's own title: tabs and history entries could not be told apart (session 56)
    page = browsing.open("/?section=harbour%2Ccouncil&from=2019-01-01")
    expect(summary(page)).to_contain_text("results")
    named = "Section: harbour, council; Published: from 2019-01-01"
    expect(page).to_have_title(named + " · Search the archive · SomaNet News")
    facet(page, "author", "Tomasz Wierzbicki").click()
    expect(page).to_have_title(re.compile(r"^Section: harbour, council; Author: Tomasz Wierzbicki; Published: from "))
    page.go_back()
    expect(page).to_have_title(re.compile(r"^Section: harbour, council; Published: from 2019-01-01 · "))
    search(page, "marrowby")  # with words, the words name it, as before
    expect(page).to_have_title("“marrowby” · Search the archive · SomaNet News")


def test_a_shared_url_keeps_its_filters(browsing: Browsing) -> None:
    page = browsing.open("/?q=marrowby&section=council&sort=oldest")

    expect(summary(page)).to_contain_text("8 results")
    expect(facet(page, "section", "council")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_label("Sort by")).to_have_value("oldest")
    expect(page.locator(".as-result time").first).to_have_attribute("datetime", "2018-02-28")
    expect(page.locator(".as-filters-summary")).to_have_text("Filters (1 active)")


def test_the_xss_canary_renders_as_text(browsing: Browsing) -> None:
    # The canary's body writes its markup as entities, as an article about markup does: an upload whose body is
    # HTML is reduced to its text at ingest, so only such text reaches the page.
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = browsing.open("/", viewport)
        search(page, "xsscanary")

        link = page.locator(".as-result-link")
        expect(link).to_have_text(CANARY_TITLE)
        expect(page.locator(".as-result .as-author")).to_have_text("By " + CANARY_AUTHOR)
        expect(page.locator(".as-result .as-section")).to_have_text('<b onmouseover="window.__xss=1">lab</b>')
        expect(page.locator(".as-snippet")).to_contain_text("<script>window.__xss=1</script>")
        expect(page.locator(".as-snippet mark")).to_have_text(["xsscanary"])
        expect(page.locator(".as img, .as svg, .as script, .as b, .as iframe")).to_have_count(0)
        page.locator(".as-result .as-section").hover()
        assert_no_xss(page)
        browsing.screenshot(page, f"{name}-xss-canary-results")

        link.click()
        expect(page.locator(".as-article-title")).to_have_text(CANARY_TITLE)
        body = page.locator(".as-article-body")
        expect(body).to_contain_text("<script>window.__xss=1</script>")
        expect(body).to_contain_text("<mark>fake mark</mark>")  # markup in the article is not a highlight
        # Ingest decodes entities once (the fixture double-encodes); the page must not decode them again.
        expect(body).to_contain_text("&lt;b&gt;escaped&lt;/b&gt;")
        expect(page.locator(".as-article mark, .as img, .as svg, .as script, .as b")).to_have_count(0)
        assert_no_xss(page)
        browsing.screenshot(page, f"{name}-xss-canary-article")

    page = browsing.open("/")
    search_box(page).press_sequentially("img src", delay=30)  # suggestions, if any, of the canary's title
    page.wait_for_timeout(600)
    expect(page.locator(".as img, .as svg, .as script")).to_have_count(0)
    assert_no_xss(page)


def search_api(url: str) -> bool:
    return urlsplit(url).path == "/search"


def health_api(url: str) -> bool:
    return urlsplit(url).path == "/health"


def test_the_api_down_shows_a_message_and_recovers(browsing: Browsing) -> None:
    page = browsing.open("/")
    page.route(search_api, lambda route: route.abort("connectionrefused"))
    search(page, "marrowby")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("couldn't reach the search service")
    expect(summary(page)).to_have_text("Search isn't available")
    browsing.screenshot(page, "desktop-api-down")

    page.unroute(search_api)
    page.route(
        search_api,
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            headers={"Retry-After": "5"},
            body='{"error": {"code": "unavailable", "message": "search is temporarily unavailable"}}',
        ),
    )
    alert.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("alert")).to_contain_text("temporarily unavailable")

    page.unroute(search_api)
    page.get_by_role("alert").get_by_role("button", name="Try again").click()
    expect(summary(page)).to_contain_text("of 24 results")
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(summary(page)).to_be_focused()  # the button that had focus went with the message

    page.route(health_api, lambda route: route.abort("connectionrefused"))
    page.goto("/")
    expect(page.get_by_role("alert")).to_contain_text("isn't responding")
    browsing.screenshot(page, "desktop-api-down-on-open")


def test_no_results_and_loading_states(browsing: Browsing) -> None:
    page = browsing.open("/")
    expect(summary(page)).to_contain_text(re.compile(r"Search (\d+ articles|the SomaNet News archive)"))

    release: list[Any] = []
    page.route(search_api, lambda route: release.append(route))
    search_box(page).fill("qwxzv")
    search_box(page).press("Enter")
    expect(summary(page)).to_have_text("Searching…")
    expect(page.locator(".as-results-view")).to_have_attribute("aria-busy", "true")
    browsing.screenshot(page, "desktop-loading", full_page=False)
    for route in release:
        route.continue_()
    page.unroute(search_api)

    expect(summary(page)).to_have_text("No results for “qwxzv”")
    expect(page.locator(".as-message")).to_contain_text("No article matches")
    browsing.screenshot(page, "desktop-no-results")


def test_controls_are_labelled_and_in_a_sensible_focus_order(browsing: Browsing) -> None:
    page = browsing.open("/?q=marrowby")
    expect(page.get_by_role("search", name="Archive")).to_be_visible()
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="Sort by")).to_be_visible()
    expect(page.get_by_role("list", name=re.compile("results for"))).to_be_visible()
    expect(page.get_by_role("navigation", name="Result pages")).to_be_visible()

    box = search_box(page)
    expect(box).to_have_attribute("aria-controls", re.compile(".+"))
    box.focus()
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("(e => e.labels?.[0]?.textContent || e.textContent.trim())(document.activeElement)"))
    # The results come before the filters (session 56: they came after them, some 40 Tabs from the box)
    assert order[0] == "Search"
    assert order[1] == "Sort by", order
    assert order[2] == "Skip to filters"
    assert order[3] == titles(page).first.inner_text(), order


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_page_fits_phone_and_desktop(browsing: Browsing, name: str, viewport: dict[str, int]) -> None:
    page = browsing.open("/", viewport)
    browsing.screenshot(page, f"{name}-1-start")

    search(page, "marrowby")
    expect(summary(page)).to_contain_text("of 24 results")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page scrolls sideways at {viewport['width']} px ({width} px wide)"
    filters = page.locator("details.as-filters")
    if name == "phone":
        expect(filters).not_to_have_attribute("open", "")  # folded, so results come first on a small screen
        browsing.screenshot(page, f"{name}-2-results")
        page.locator(".as-filters-summary").click()
        expect(filters).to_have_attribute("open", "")
        browsing.screenshot(page, f"{name}-3-filters")
    else:
        expect(filters).to_have_attribute("open", "")
        browsing.screenshot(page, f"{name}-2-results")

    for target in page.locator(".as-submit, .as-result-link, .as-pager-link").all():
        box = target.bounding_box()
        assert box is not None and box["height"] >= 24, f"{target.inner_text()!r} is too small to tap"

    page.locator(".as-result-link").first.click()
    expect(page.locator(".as-article-title")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    browsing.screenshot(page, f"{name}-4-article")


def test_a_crafted_article_address_never_makes_the_reader_fetch_anything_but_an_article(browsing: Browsing) -> None:
    # Ids holding `.` or `..` folders are rejected at ingest (keys.article_id_for_key, session 47), so a `..` in the
    # address is never an article's; the reader asks for such an id as one id, encoded (`..` alone not at all), and
    # shows that none exists
    page = browsing.open("/")
    asked: list[str] = []  # what the page fetched besides itself, its files, searches and suggestions
    page.on("request", lambda r: asked.append(urlsplit(r.url).path))
    page.goto("/?article=..%2F..%2Fhealth")
    expect(page.locator(".as-article-title")).to_have_text("Article not found")
    page.goto("/?article=..")
    expect(page.locator(".as-article-title")).to_have_text("Article not found")
    fetched = [path for path in asked if path not in ("/", "/search", "/suggest") and not path.startswith("/static/")]
    assert fetched == ["/articles/..%2F..%2Fhealth"]


@pytest.mark.parametrize(
    ("address", "left_out"),
    [
        ("from=2020-02-30", "2020-02-30"),
        ("from=2021-01-01&to=2019-12-31", "is after"),
        ("sort=loudest", "loudest"),
        ("spelling=loosely", "the spelling “loosely”"),
        # A backslash before anything but a comma or a backslash, or at the end: the API answers 400 naming the
        # filter; the page searched section "ab" (0 results) and offered an "ab" button.
        ("section=a%5Cb", "the section filter “a\\b”"),
        ("author=Smith%5C", "the author filter “Smith\\”"),
    ],
)
def test_an_invalid_address_searches_without_the_invalid_part(browsing: Browsing, address: str, left_out: str) -> None:
    page = browsing.open(f"/?q=marrowby&{address}")

    expect(summary(page)).to_contain_text("of 24 results")
    expect(page.get_by_role("note").filter(has_text="left out")).to_contain_text(left_out)
    assert query_of(page) == {"q": ["marrowby"]}  # the address no longer holds it
    search(page, "lighthouse")
    expect(page.get_by_role("note").filter(has_text="left out")).to_have_count(0)


def test_without_javascript_the_page_offers_a_search_that_answers(browsing: Browsing) -> None:
    # The fallback linked to /search?q=, which answers 400 "q is required".
    context = browsing.browser.new_context(java_script_enabled=False, base_url=browsing.base_url)
    browsing.contexts.append(context)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).query))
    page.goto("/")
    box = page.get_by_role("searchbox", name="Search the archive")
    expect(page.locator('a[href="/search?q="]')).to_have_count(0)

    # A blank query is not sent (the API would refuse it); a query is, and the API answers it
    box.fill("   ")
    page.get_by_role("button", name="Search").click()
    with page.expect_response(lambda response: urlsplit(response.url).path == "/search") as answered:
        box.fill("marrowby")
        page.get_by_role("button", name="Search").click()
    assert answered.value.status == 200
    assert answered.value.json()["total"] == 24
    assert [query for query in asked if query.startswith("q=")] == ["q=marrowby"]


def test_a_blank_query_shows_the_first_screen(browsing: Browsing) -> None:
    page = browsing.open("/?q=%20%20")

    expect(summary(page)).to_contain_text(re.compile(r"Search (\d+ articles|the SomaNet News archive)"))
    expect(page.get_by_role("alert")).to_have_count(0)


def test_a_refused_search_shows_why_without_try_again(browsing: Browsing) -> None:
    page = browsing.open("/")
    refusal = '{"error": {"code": "invalid_parameter", "message": "q has too many words (at most 64)"}}'
    page.route(search_api, lambda route: route.fulfill(status=400, content_type="application/json", body=refusal))
    search(page, "marrowby")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("q has too many words (at most 64)")
    expect(summary(page)).not_to_have_text("Search isn't available")
    expect(alert.get_by_role("button", name="Try again")).to_have_count(0)


def test_a_page_past_the_last_says_so_and_leads_back(browsing: Browsing) -> None:
    page = browsing.open("/?q=marrowby&page=4")  # 24 results fill 3 pages

    expect(summary(page)).to_have_text("No results on page 4")
    expect(page.locator(".as-message")).to_contain_text("There are 24 results for “marrowby”, on 3 pages.")
    expect(page.locator(".as-pager")).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text("No results on page 4")
    page.get_by_role("link", name="Go to the last page").click()
    expect(summary(page)).to_contain_text("21\u201324 of 24 results")

    beyond = browsing.open("/?q=marrowby&page=999")
    expect(summary(beyond)).to_contain_text("1\u201310 of 24 results")
    expect(beyond.get_by_role("note").filter(has_text="left out")).to_contain_text("page “999”")
    assert "page" not in query_of(beyond)


def test_a_search_with_more_results_than_pages_reach_says_how_to_see_the_rest(browsing: Browsing) -> None:
    # The API's pages stop at 100 (MAX_PAGE): with 10 a page, 1,000 of 1,128 results (session 47's new user saw
    # "1,128 results" and a last page 100, told nothing). The real answer, with a total as a big archive gives.
    def many(route: Any) -> None:
        answer = route.fetch().json()
        route.fulfill(json={**answer, "total": 1128})

    page = browsing.open("/")
    search(page, "marrowby")
    limit = page.locator(".as-page-limit")
    expect(limit).to_be_hidden()  # 24 results: every one reachable

    page.route(search_api, many)
    search(page, "marrowby storm")
    expect(limit).to_be_visible()
    expect(limit).to_have_text(
        "Pages show the first 1,000 of the 1,128 results. To see the others, add a word, choose a section or set dates."
    )
    expect(page.locator(".as-page-of")).to_have_text("Page 1 of 100")


def test_a_date_with_a_year_the_api_cannot_read_is_refused_on_the_page(browsing: Browsing) -> None:
    # Chromium's date input takes years of six digits; the page sent `to=275760-09-13` and showed the API's 400
    # (session 47's new user). Bounded to four, the browser refuses it before the form is sent, and says why
    page = browsing.open("/?q=marrowby")
    expect(summary(page)).to_contain_text("of 24 results")
    page.get_by_label("To", exact=True).fill("275760-09-13")
    page.get_by_role("button", name="Apply dates").click()

    to = page.get_by_label("To", exact=True)
    assert to.evaluate("input => input.validity.rangeOverflow && input.validationMessage !== ''")
    expect(to).to_be_focused()
    assert "to" not in query_of(page)
    expect(summary(page)).to_contain_text("of 24 results")


def test_an_address_pasted_with_line_ends_opens_the_search_it_names(browsing: Browsing) -> None:
    # The API reads `page=2%0A` and `sort=NEWEST` as page 2 and newest; the page left both out, said so (session 26)
    page = browsing.open("/?q=marrowby&page=2%0A&sort=NEWEST%0D%0A")

    expect(summary(page)).to_contain_text("11\u201320 of 24 results")
    expect(page.get_by_role("note").filter(has_text="left out")).to_have_count(0)
    expect(page.get_by_label("Sort by")).to_have_value("newest")


def test_a_long_unbroken_query_does_not_widen_the_phone_page(browsing: Browsing) -> None:
    page = browsing.open("/", PHONE)
    search(page, "x" * 120)

    expect(summary(page)).to_contain_text("No results")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width} px wide)"


def test_the_reader_offers_try_again_when_the_api_is_down(browsing: Browsing) -> None:
    page = browsing.open("/")
    articles_api = lambda url: urlsplit(url).path.startswith("/articles/")  # noqa: E731
    page.route(articles_api, lambda route: route.abort("connectionrefused"))
    page.goto("/?article=site/lighthouse-lens")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("couldn't reach the search service")
    page.unroute(articles_api)
    alert.get_by_role("button", name="Try again").click()
    expect(page.locator(".as-article-title")).to_have_text(LIGHTHOUSE)
    expect(page.get_by_role("alert")).to_have_count(0)


def test_text_takes_its_own_direction_and_an_empty_list_leaves_no_stale_count(browsing: Browsing) -> None:
    # Right-to-left paragraphs were laid out left to right (session 48's new user): snippets and the reader's
    # paragraphs take their direction from their text, as titles do in <bdi>
    page = browsing.open("/")
    search(page, "Marrowby lighthouse")
    expect(page.locator(".as-snippet").first).to_have_attribute("dir", "auto")
    titles(page).filter(has_text=LIGHTHOUSE).click()
    expect(page.locator(".as-article-body p").first).to_have_attribute("dir", "auto")

    # and the status line says how many suggestions there are, and nothing once the list is empty (it still said
    # "3 suggestions")
    page = browsing.open("/")
    box = search_box(page)
    box.press_sequentially("Brackenr", delay=30)
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("suggestion")
    box.press_sequentially("qxzv", delay=30)
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text("")
