"""The widget against canned answers in the API contract's shape (served through Playwright's routing).

These pin down how the page reads facets, suggestions and "did you mean", whatever the search engine returns, and
that even markup the API should never send (unescaped tags in a highlight) stays inert text.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from archive_search.search import MAX_QUERY_CHARS
from archive_search.suggest import MAX_SUGGEST_CHARS
from tests.e2e.browser.conftest import Browsing

pytestmark = pytest.mark.e2e

HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'


def search_answer(params: dict[str, list[str]]) -> dict[str, Any]:
    sections = (params.get("section") or [""])[0].split(",")
    return {
        "query": (params.get("q") or [""])[0],
        "total": 2,
        "took_ms": 3,
        "page": 1,
        "size": 10,
        "sort": (params.get("sort") or ["relevance"])[0],
        "results": [
            {
                "id": "2015/05/kerry",
                "title": "Kerry meets Putin",
                "url": None,
                "author": "Estera Popowska",
                "published": "2015-05-12",
                "section": "politics",
                "snippet": "&lt;b&gt;not bold&lt;/b&gt; <mark>Kerry</mark> in Sochi &#x2F; " + HOSTILE,
                "highlights": {"title": ["<mark>Kerry</mark> meets Putin"], "body": []},
            },
            {
                "id": "a/b c",
                "title": HOSTILE,
                "url": "javascript:window.__xss=1",
                "author": None,
                "published": None,
                "section": None,
                "snippet": "",
                "highlights": {},
            },
        ],
        "facets": {
            "section": [
                {"value": "politics", "count": 2, "selected": "politics" in sections},
                {"value": HOSTILE, "count": 1, "selected": False},
            ],
            "author": [{"value": "Estera Popowska", "count": 1, "selected": False}],
            "year": [
                {"value": "2015", "count": 1, "selected": params.get("from") == ["2015-01-01"]},
                {"value": "undated", "count": 1, "selected": "undated" in (params.get("year") or [""])[0].split(",")},
            ],
        },
        "did_you_mean": {"q": "kerry putin", "total": 7},
        "next_cursor": "opaque",
        "unapplied_exclusions": ['-"ninth phrase"', "-" + HOSTILE],
        "altered_query": None,
        "relaxed_phrases": ["kerry in sochi", HOSTILE],
    }


def suggest_answer() -> dict[str, Any]:
    return {
        "query": "ker",
        "suggestions": [
            {"id": "2015/05/kerry", "title": "Kerry meets Putin", "highlighted": "<mark>Ker</mark>ry meets Putin"},
            {"id": "x/1", "title": HOSTILE, "highlighted": HOSTILE + "<mark>ker</mark>"},
        ],
        "altered_query": None,
        "words_not_in_titles": [],
    }


@pytest.fixture
def canned(browsing: Browsing) -> tuple[Any, list[dict[str, list[str]]]]:
    """A page whose /search and /suggest answer from the contract (and what it asked); the rest stays real."""
    seen: list[dict[str, list[str]]] = []

    def answer(route: Any) -> None:
        parts = urlsplit(route.request.url)
        params = parse_qs(parts.query)
        seen.append(params)
        body = search_answer(params) if parts.path == "/search" else suggest_answer()
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page = browsing.open("/")
    page.route(lambda url: urlsplit(url).path in ("/search", "/suggest"), answer)
    return page, seen


def test_facets_did_you_mean_and_hostile_values_render_as_text(
    canned: tuple[Any, list[dict[str, list[str]]]], browsing: Browsing
) -> None:
    page, seen = canned
    page.goto("/?q=kery&section=politics")

    politics = page.locator('.as-facet[data-facet="section"][data-value="politics"]')
    expect(politics).to_have_attribute("aria-pressed", "true")
    expect(politics).to_have_accessible_name("politics, 2 articles")
    expect(page.locator('.as-facet[data-facet="year"][data-value="2015"]')).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".as-dym")).to_have_text("Did you mean kerry putin? (7 results)")
    expect(page.locator(".as-unapplied")).to_have_text(
        "Could not apply these exclusions (too many, too long, or in a query of more than 10 words): "
        + '-"ninth phrase", -'
        + HOSTILE
        + "."
    )
    # A quoted phrase no article holds was searched as its words: said, as text (session 55)
    expect(page.locator(".as-relaxed")).to_have_text(
        "No article holds these phrases “kerry in sochi”, “" + HOSTILE + "”: these results hold some of their words."
    )
    expect(page.locator(".as-result-link").first).to_have_text("Kerry meets Putin")
    expect(page.locator(".as-result-link").first.locator("mark")).to_have_text(["Kerry"])
    snippet = page.locator(".as-snippet").first
    expect(snippet).to_contain_text("<b>not bold</b> Kerry in Sochi / " + HOSTILE)
    expect(snippet.locator("mark")).to_have_text(["Kerry"])
    hostile_link = page.locator(".as-result-link").nth(1)
    expect(hostile_link).to_have_text(HOSTILE)
    assert hostile_link.get_attribute("href") == "/?q=kery&section=politics&article=a%2Fb+c"  # not javascript:
    expect(page.locator(".as img, .as script, .as b")).to_have_count(0)
    assert page.evaluate("typeof window.__xss") == "undefined"
    browsing.screenshot(page, "desktop-contract-facets")

    page.locator('.as-facet[data-facet="year"][data-value="2015"]').click()
    expect(page.locator('.as-facet[data-facet="year"][data-value="2015"]')).to_have_attribute("aria-pressed", "true")
    last = seen[-1]
    assert last["from"] == ["2015-01-01"] and last["to"] == ["2015-12-31"] and last["section"] == ["politics"]

    page.locator(".as-dym-link").click()
    expect(page.get_by_role("combobox", name="Search the archive", exact=True)).to_have_value("kerry putin")
    assert seen[-1]["q"] == ["kerry putin"]


def test_a_query_read_as_another_spelling_says_what_was_searched_for(browsing: Browsing) -> None:
    page = browsing.open("/")

    def answer(route: Any) -> None:
        body = search_answer(parse_qs(urlsplit(route.request.url).query))
        body.update(did_you_mean=None, altered_query="kerry " + HOSTILE)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(lambda url: urlsplit(url).path == "/search", answer)
    page.goto("/?q=kery&sort=newest")

    expect(page.locator(".as-dym")).to_have_text("Showing results for kerry " + HOSTILE + ". Search instead for kery.")
    expect(page.locator(".as-dym strong")).to_have_text("kerry " + HOSTILE)
    assert page.evaluate("typeof window.__xss") == "undefined"

    # And "Search instead for" searches the words as typed, the same order kept, in the address too
    with page.expect_request(lambda r: urlsplit(r.url).path == "/search") as typed:
        page.locator(".as-typed-link").click()
    assert parse_qs(urlsplit(typed.value.url).query) == {
        "q": ["kery"],
        "sort": ["newest"],
        "spelling": ["as_typed"],
        "size": ["10"],
    }
    expect(page).to_have_url(re.compile(r"spelling=as_typed"))
    # the same words searched again are still as typed (they went back to the respelling: session 39's review)
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    with page.expect_request(lambda r: urlsplit(r.url).path == "/search") as again:
        box.press("Enter")
    assert parse_qs(urlsplit(again.value.url).query)["spelling"] == ["as_typed"]
    # until a query is typed anew, which is read with spelling again
    box.fill("kerry putin")
    with page.expect_request(lambda r: urlsplit(r.url).path == "/search") as anew:
        box.press("Enter")
    assert parse_qs(urlsplit(anew.value.url).query) == {"q": ["kerry putin"], "sort": ["newest"], "size": ["10"]}
    expect(page).to_have_url(re.compile(r"q=kerry\+putin"))
    assert "spelling" not in parse_qs(urlsplit(page.url).query)

    # And a search whose words were all searched as typed says nothing of the kind
    answer_searches(page, [result("a")])
    page.goto("/?q=kerry")
    expect(page.locator(".as-result-link")).to_have_count(1)
    expect(page.locator(".as-dym")).to_be_hidden()


def test_suggestions_by_keyboard_with_hostile_titles(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    page, _ = canned
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.press_sequentially("ker", delay=20)
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options).to_have_count(2)
    expect(options.nth(1)).to_have_text(HOSTILE + "ker")
    expect(page.locator(".as img, .as script")).to_have_count(0)

    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")  # wraps round
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    box.press("Enter")
    expect(page.locator(".as-article-title")).to_be_visible()
    assert parse_qs(urlsplit(page.url).query)["article"] == ["2015/05/kerry"]
    assert page.evaluate("typeof window.__xss") == "undefined"


def answer_searches(page: Any, results: list[dict[str, Any]], facets: dict[str, Any] | None = None) -> None:
    """/search answers with these results (and facets), whatever was asked."""

    def answer(route: Any) -> None:
        body = search_answer(parse_qs(urlsplit(route.request.url).query))
        body.update(total=len(results), results=results, facets=facets or {}, did_you_mean=None)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(lambda url: urlsplit(url).path == "/search", answer)


def answer_article(page: Any, article: dict[str, Any]) -> None:
    """/articles/{id} answers with this article, whatever was asked."""
    page.route(
        lambda url: urlsplit(url).path.startswith("/articles/"),
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(article)),
    )


def result(article_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": article_id, "title": article_id, "url": None, "author": None, "published": None, "section": None,
            "snippet": "", "highlights": {}, **fields}  # fmt: skip


def test_links_that_browsers_read_as_another_site_are_dropped(browsing: Browsing) -> None:
    # Given urls that hide `//evil.example` behind characters browsers strip from URLs
    hidden = ["/\t/evil.example/phish", "/\n/evil.example/phish", "/\r\\evil.example/phish", " /\t\\evil.example/x"]
    page = browsing.open("/")
    answer_searches(page, [result(f"x/{i}", url=url) for i, url in enumerate(hidden)] + [result("ok", url="/a?b#c")])

    page.goto("/?q=phish")

    links = page.locator(".as-result-link")
    expect(links).to_have_count(len(hidden) + 1)
    # Then every link stays on this site: the hidden ones open in the reader, the plain path is kept
    origins = links.evaluate_all("els => els.map(a => new URL(a.href).origin)")
    assert set(origins) == {page.evaluate("location.origin")}, origins
    assert links.nth(0).get_attribute("href") == "/?q=phish&article=x%2F0"
    assert links.last.get_attribute("href") == "/a?b#c"


def test_suggestions_for_earlier_text_cannot_be_opened(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    page, _ = canned
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.press_sequentially("ker", delay=20)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox.get_by_role("option")).to_have_count(2)

    # When the text changes to one too short for suggestions, the keyboard cannot reach the old list
    box.fill("k")
    box.press("ArrowDown")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    expect(page.locator(".as-summary")).to_contain_text("for “k”")
    assert "article" not in parse_qs(urlsplit(page.url).query)


def test_a_slow_suggestion_does_not_open_over_the_results(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    page, _ = canned
    held: list[Any] = []
    page.route(lambda url: urlsplit(url).path == "/suggest", lambda route: held.append(route))
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    with page.expect_request(lambda r: urlsplit(r.url).path == "/suggest"):
        box.press_sequentially("ker", delay=20)

    # When the search is submitted before the suggestions arrive
    box.press("Enter")
    expect(page.locator(".as-summary")).to_contain_text("for “ker”")
    for route in held:
        with contextlib.suppress(PlaywrightError):  # the page may have cancelled it already
            route.fulfill(status=200, content_type="application/json", body=json.dumps(suggest_answer()))
    page.wait_for_timeout(300)

    # Then the list stays closed
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_reopened_suggestions_mark_one_option(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    page, _ = canned
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.press_sequentially("ker", delay=20)
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options).to_have_count(2)

    for key in ("ArrowDown", "ArrowDown", "Escape", "ArrowDown"):
        box.press(key)

    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(options.nth(1)).to_have_attribute("aria-selected", "false")
    expect(page.locator(".as-option-active")).to_have_count(1)


def test_suggestions_say_which_typed_words_no_title_holds(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    # Given /suggest matched the titles without typed words no title holds (session 35: it did not say so)
    page, _ = canned
    notes: Iterator[dict[str, Any]] = iter(
        [
            {"altered_query": "blair", "words_not_in_titles": ["tony", HOSTILE]},
            {"altered_query": "mourinho", "words_not_in_titles": []},
            {"altered_query": None, "words_not_in_titles": []},
        ]
    )

    def answer(route: Any) -> None:
        route.fulfill(status=200, content_type="application/json", body=json.dumps({**suggest_answer(), **next(notes)}))

    page.route(lambda url: urlsplit(url).path == "/suggest", answer)
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    listbox = page.locator(".as-suggestions")

    # Then the list says so above the titles and in its name, the words as text
    box.press_sequentially("tony blair", delay=20)
    expect(listbox).to_have_attribute("data-note", f"No title has “tony”, “{HOSTILE}”: articles that mention them")
    expect(page.get_by_role("listbox", name="Suggestions. No title has “tony”")).to_be_visible()
    assert page.evaluate("typeof window.__xss") == "undefined"
    # and what it read a misspelt word as; nothing once the titles match as typed
    box.fill("")
    box.press_sequentially("mourino", delay=20)
    expect(listbox).to_have_attribute("data-note", "Titles for “mourinho”")
    box.fill("")
    box.press_sequentially("ker", delay=20)
    expect(page.get_by_role("listbox", name="Suggestions", exact=True).get_by_role("option")).to_have_count(2)
    expect(listbox).not_to_have_attribute("data-note", re.compile(".*"))


def test_keys_that_end_an_input_method_composition_are_left_to_it(
    canned: tuple[Any, list[dict[str, list[str]]]],
) -> None:
    page, _ = canned
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.press_sequentially("ker", delay=20)
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options).to_have_count(2)
    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")

    # When Enter confirms a composition and then Escape cancels one (keyCode 229 is what some browsers send instead)
    box.dispatch_event("keydown", {"key": "Enter", "isComposing": True, "bubbles": True, "cancelable": True})
    box.dispatch_event("keydown", {"key": "Escape", "keyCode": 229, "bubbles": True, "cancelable": True})
    box.dispatch_event("keydown", {"key": "Escape", "isComposing": True, "bubbles": True, "cancelable": True})
    page.wait_for_timeout(200)

    # Then no article opened, and the box and its list are as they were
    assert "article" not in parse_qs(urlsplit(page.url).query)
    expect(box).to_have_value("ker")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")


def test_a_query_cut_at_the_limit_keeps_whole_characters(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    page, seen = canned
    page.goto("/?q=" + "a" * (MAX_QUERY_CHARS - 1) + "%F0%9F%98%80")  # the emoji's UTF-16 halves straddle the limit

    expect(page.locator(".as-summary")).to_contain_text("results")
    assert seen[-1]["q"] == ["a" * (MAX_QUERY_CHARS - 1)]  # not a lone half, sent as U+FFFD


def test_a_filter_repeated_in_the_address_keeps_every_value(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    # The API reads a repeated filter as one list (API Gateway joins the values with commas); the page read the
    # first value alone, searched without the others and left them in the address as if they applied.
    page, seen = canned
    page.goto("/?q=kerry&author=Estera%20Popowska&author=Smith%5C%2C%20John&section=politics&section=sport")

    expect(page.locator(".as-summary")).to_contain_text("results")
    assert seen[-1]["author"] == ["Estera Popowska,Smith\\, John"]
    assert seen[-1]["section"] == ["politics,sport"]
    expect(page.locator(".as-filters-summary")).to_have_text("Filters (4 active)")


def test_a_tag_filter_in_the_address_is_left_out_saying_so(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    # `tag` is the API's filter, which this page has no control for: it searched without it, said nothing and left
    # `tag=brexit` in the address, so a shared link showed more than it named.
    page, seen = canned
    page.goto("/?q=kerry&tag=brexit")

    expect(page.get_by_role("note").filter(has_text="left out")).to_contain_text("the tag filter “brexit”")
    assert "tag" not in seen[-1]
    assert parse_qs(urlsplit(page.url).query) == {"q": ["kerry"]}


def test_a_pasted_paragraph_is_searched_whole_without_suggestions(
    canned: tuple[Any, list[dict[str, list[str]]]],
) -> None:
    # The box cut every query at 500 characters, the API's limit before it took 2,048 for pasted paragraphs, and
    # asked /suggest for what it pasted, which refuses more than MAX_SUGGEST_CHARS.
    page, seen = canned
    paragraph = " ".join(["The minister said on Tuesday that the harbour strike would end"] * 24)[:1500].strip()
    assert MAX_SUGGEST_CHARS < len(paragraph) <= MAX_QUERY_CHARS

    box = page.locator(".as-input")
    box.fill(paragraph)
    page.wait_for_timeout(600)  # past the suggestions' debounce
    box.press("Enter")

    expect(page.locator(".as-summary")).to_contain_text("results")
    assert [params["q"] for params in seen] == [[paragraph]]
    expect(box).to_have_value(paragraph)


def test_a_pasted_paragraph_is_named_by_its_start(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    # The results heading, the no-results message and the tab's title quoted the whole query: 2,048 characters
    # of heading filled a phone's screen before the first result.
    page, seen = canned
    sentence = "The minister said on Tuesday that the harbour strike would end."
    paragraph = "Yesterday: " + " ".join([sentence] * 25)  # its 80 characters end in "The m"

    page.goto("/?" + urlencode({"q": paragraph}))

    heading = page.locator(".as-summary")
    expect(heading).to_contain_text(
        "results for “Yesterday: The minister said on Tuesday that the harbour strike would end. The…”"
    )
    assert seen[-1]["q"] == [paragraph]  # searched whole
    assert page.title().startswith("“Yesterday: The minister said on Tuesday that the harbour strike would end. The…”")
    page.goto("/?q=marrowby")
    expect(heading).to_contain_text("results for “marrowby”")  # a short query whole


def test_more_facet_values_are_offered_without_claiming_all(browsing: Browsing) -> None:
    page = browsing.open("/")
    authors = [{"value": f"Author {n}", "count": 20 - n, "selected": False} for n in range(10)]  # the API's top 10
    answer_searches(page, [result("a/1")], {"author": authors})
    page.goto("/?q=x")

    more = page.locator(".as-facet-group").filter(has_text="Author").locator(".as-facet-more")
    expect(more).to_have_text("Show 2 more")
    more.click()
    expect(page.locator('.as-facet[data-facet="author"]')).to_have_count(10)


def test_the_apis_selected_flag_marks_a_value_spelt_otherwise(browsing: Browsing) -> None:
    # Given an API that folds case and accents: author=José Núñez selects the value it shows as "Jose Nunez"
    page = browsing.open("/")
    authors = [
        {"value": "Jose Nunez", "count": 3, "selected": True},
        {"value": "Ana Lima", "count": 1, "selected": False},
    ]
    answer_searches(page, [result("a/1")], {"author": authors})
    page.goto("/?q=x&author=Jos%C3%A9%20N%C3%BA%C3%B1ez")

    # Then one entry is shown, pressed, and choosing it again drops the filter instead of adding a second spelling
    buttons = page.locator('.as-facet[data-facet="author"]')
    expect(buttons).to_have_count(2)
    jose = page.locator('.as-facet[data-value="Jose Nunez"]')
    expect(jose).to_have_attribute("aria-pressed", "true")
    jose.click()
    expect(page.locator(".as-filters-summary")).to_have_text("Filters")
    assert "author" not in parse_qs(urlsplit(page.url).query)


# Right-to-left override, and a pop-directional-isolate placed to close an isolate around it before it starts
RTL_AUTHOR = "RTL \u202eWriter"
RTL_ESCAPING = "Esc \u2069\u202eaped"

TEXT_BOX = """(root, piece) => {
    // The box of `piece` as laid out in `root`'s text, across text nodes and elements
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push([node, text.length]);
        text += node.data;
    }
    const start = text.indexOf(piece);
    if (start < 0) return null;
    const end = start + piece.length;
    const at = (offset) => {
        const [node, base] = nodes.filter(([n, b]) => b <= offset && offset <= b + n.data.length).pop();
        return [node, offset - base];
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(end));
    const box = range.getBoundingClientRect();
    return {left: box.left, right: box.right};
}"""


def assert_reads_left_to_right(element: Any, *pieces: str) -> None:
    """Each piece of `element`'s text is laid out right of the one before it, as a left-to-right line reads."""
    boxes = [element.evaluate(TEXT_BOX, piece) for piece in pieces]
    assert all(boxes), dict(zip(pieces, boxes, strict=True))
    for (before, left), (after, right) in itertools.pairwise(zip(pieces, boxes, strict=True)):
        assert right["left"] >= left["right"] - 0.5, f"{after!r} is drawn before {before!r}: {left} {right}"


def test_right_to_left_text_does_not_reorder_its_neighbours(browsing: Browsing) -> None:
    # Given an author, a section, a query, a facet value and a suggested spelling that hold direction overrides
    page = browsing.open("/")
    article = result("a/1", title=RTL_AUTHOR, author=RTL_AUTHOR, published="2015-01-02", section=RTL_ESCAPING)

    def answer(route: Any) -> None:
        body = search_answer(parse_qs(urlsplit(route.request.url).query))
        body.update(total=1, results=[article], did_you_mean={"q": RTL_AUTHOR, "total": 3},
                    facets={"author": [{"value": RTL_ESCAPING, "count": 1, "selected": False}]})  # fmt: skip
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(lambda url: urlsplit(url).path == "/search", answer)
    page.route(
        lambda url: urlsplit(url).path.startswith("/articles/"),
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(article)),
    )
    page.goto("/?" + urlencode({"q": RTL_ESCAPING, "sort": RTL_AUTHOR}))

    # Then each one keeps to its own place: what follows it is still drawn after it
    expect(page.locator(".as-result")).to_have_count(1)
    meta = page.locator(".as-result .as-meta")
    assert_reads_left_to_right(meta, "By", "Writer", "2015", "aped")
    assert_reads_left_to_right(page.locator(".as-summary"), "1 result for", "aped", "\u201d")
    assert_reads_left_to_right(page.locator(".as-dym"), "Did you mean", "Writer", "?", "3 results")
    assert_reads_left_to_right(page.locator(".as-facet").first, "aped", "1")
    assert_reads_left_to_right(page.locator(".as-notice"), "sort order", "Writer", "\u201d.")
    browsing.screenshot(page, "desktop-right-to-left-overrides")

    page.locator(".as-result-link").click()
    assert_reads_left_to_right(page.locator(".as-article .as-meta"), "By", "Writer", "2015", "aped")


def answer_by_section(page: Any) -> None:
    """/search answers: "ghost" matches nothing (the API lists it, selected, at 0); "politics" one; no filter two."""

    def answer(route: Any) -> None:
        params = parse_qs(urlsplit(route.request.url).query)
        section = (params.get("section") or [""])[0]
        ghost = [{"value": "ghost", "count": 0, "selected": True}] if section == "ghost" else []
        politics = [{"value": "politics", "count": 1, "selected": section == "politics"}]
        results = [] if section == "ghost" else [result("a/1")] if section else [result("a/1"), result("a/2")]
        body = search_answer(params)
        body.update(total=len(results), results=results, facets={"section": ghost + politics}, did_you_mean=None)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(lambda url: urlsplit(url).path == "/search", answer)


@pytest.mark.parametrize(
    ("address", "control", "focused"),
    [
        ("/?q=x&section=politics", ".as-filters-body >> text=Clear all filters", ".as-summary"),
        ("/?q=x&section=ghost", ".as-message >> text=Search without filters", ".as-summary"),
        ("/?q=x&section=ghost", '.as-facet[data-value="ghost"]', ".as-summary"),  # no longer listed once un-chosen
        ("/?section=politics", ".as-filters-body >> text=Clear all filters", ".as-input"),  # back to the first screen
    ],
    ids=["clear-all-filters", "search-without-filters", "unchosen-facet-gone", "first-screen"],
)
def test_focus_moves_on_when_the_control_that_had_it_goes(
    browsing: Browsing, address: str, control: str, focused: str
) -> None:
    page = browsing.open("/")
    answer_by_section(page)
    page.goto(address)
    expect(page.locator(".as-results-view")).to_have_attribute("aria-busy", "false")

    # When the control is used from the keyboard and the redraw takes it away
    page.locator(control).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".as-filters-summary")).to_have_text("Filters")

    # Then focus lands on the summary heading (the search box on the first screen), not on the page's body
    expect(page.locator(focused)).to_be_focused()


def test_the_browsers_back_from_an_article_returns_focus(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    page, _ = canned
    page.goto("/?q=kerry")
    page.locator('.as-result-link[data-article-id="2015/05/kerry"]').click()
    expect(page.locator(".as-article")).to_be_focused()

    # When the browser's Back button leaves the article, focus returns to its link in the results
    page.go_back()
    expect(page.locator('.as-result-link[data-article-id="2015/05/kerry"]')).to_be_focused()

    # And on the first screen, where the article was a suggestion, to the search box
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.press_sequentially("ker", delay=20)
    expect(page.get_by_role("listbox", name="Suggestions").get_by_role("option")).to_have_count(2)
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator(".as-article")).to_be_focused()
    page.go_back()
    expect(box).to_be_focused()


def test_the_next_tab_from_an_opened_article_reaches_back_to_results(
    canned: tuple[Any, list[dict[str, list[str]]]],
) -> None:
    # Given an article opened from a suggestion by keyboard (focus was on its title, below "Back to results", and the
    # next Tab went to the page's footer: session 53's new user)
    page, _ = canned
    answer_article(page, result("2015/05/kerry", title="Kerry meets Putin"))
    page.goto("/?q=kerry")
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.fill("")
    box.press_sequentially("ker", delay=20)
    expect(page.get_by_role("listbox", name="Suggestions").get_by_role("option")).to_have_count(2)
    box.press("ArrowDown")
    box.press("Enter")
    article = page.get_by_role("article", name="Kerry meets Putin")
    expect(article).to_be_focused()

    # When Tab is pressed, the back link has focus
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Back to results")).to_be_focused()


def test_the_tab_title_is_plain_text(canned: tuple[Any, list[dict[str, list[str]]]]) -> None:
    # The title read "“\u2068election\u2069” · Search the archive" (session 53's new user): tabs show isolates as is
    page, _ = canned
    page.goto("/?" + urlencode({"q": "election"}))
    expect(page.locator(".as-summary")).to_contain_text("results for “election”")
    assert page.title().startswith("“election” · ")
    # and a direction control in the query is left out of it, so it cannot reorder the words after it
    page.goto("/?" + urlencode({"q": "abc\u202edef"}))
    expect(page.locator(".as-summary")).to_contain_text("def")
    assert page.title().startswith("“abcdef” · ")
    # as an article's title is
    answer_article(page, result("2015/05/kerry", title="Kerry meets Putin"))
    page.locator('.as-result-link[data-article-id="2015/05/kerry"]').click()
    expect(page.locator(".as-article-title")).to_have_text("Kerry meets Putin")
    assert page.title().startswith("Kerry meets Putin · ")


def test_a_date_order_says_why_it_lists_fewer_and_when_it_is_no_date_order(browsing: Browsing) -> None:
    page = browsing.open("/")
    answer_searches(page, [result("a/1"), result("a/2")])
    note = page.locator(".as-sort-note")

    # Given a search of two words by relevance: no note
    page.goto("/?q=brown+budget")
    expect(page.locator(".as-result-link")).to_have_count(2)
    expect(note).to_be_hidden()

    # When it is sorted newest first, and none of the results has a date
    page.get_by_label("Sort by").select_option("newest")

    # Then the note says that a date order lists the articles holding every word, and that these are in no date order
    expect(note).to_have_text(
        "Sorted by date: only the articles holding every word are listed, when some do (sort by relevance to see "
        "those holding some of them too). None of these articles has a date, so they are in no date order."
    )
    expect(note).to_have_attribute("role", "note")
    # and of one word with dated results, nothing
    answer_searches(page, [result("a/1", published="2015-05-12")])
    page.goto("/?q=budget&sort=newest")
    expect(page.locator(".as-result-link")).to_have_count(1)
    expect(note).to_be_hidden()
    # nor of one required word or phrase: exclusions, operators and stopwords are none, a quoted phrase is one
    for q in (
        "oil NOT gas",
        "oil AND NOT gas",
        "oil -gas",
        'oil -"natural gas"',
        '"central bank"',
        "oil OR gas",
        "the who",
        "what is phishing",
    ):
        page.goto("/?" + urlencode({"q": q, "sort": "newest"}))
        expect(page.locator(".as-result-link")).to_have_count(1)
        expect(note).to_be_hidden()
    # and of two, the note
    for q in ('"central bank" rates', "oil AND gas", "bank of england"):
        page.goto("/?" + urlencode({"q": q, "sort": "newest"}))
        expect(note).to_contain_text("only the articles holding every word are listed")


def test_the_skip_link_moves_focus_without_redrawing_or_history(browsing: Browsing) -> None:
    page = browsing.open("/")
    answer_searches(page, [result("a/1")])
    page.route(
        lambda url: urlsplit(url).path.startswith("/articles/"),
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(result("a/1", author="A. Writer"))
        ),
    )
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    box = page.get_by_role("combobox", name="Search the archive", exact=True)

    for address, view in (("/?q=x", ".as-result-link"), ("/?q=x&article=a%2F1", ".as-article .as-meta")):
        page.goto(address)
        expect(page.locator(view).first).to_be_visible()
        page.wait_for_timeout(200)
        entries = page.evaluate("history.length")
        asked.clear()

        # When the skip link is followed from the keyboard
        page.locator(".as-skip-link").focus()
        page.keyboard.press("Enter")

        # Then the view is neither asked for again nor given a history entry, and focus is in the search box
        page.wait_for_timeout(300)
        assert [path for path in asked if path == "/search" or path.startswith("/articles/")] == [], address
        assert page.evaluate("history.length") == entries, address
        expect(box).to_be_focused()

        # Nor does any other same-page fragment, or Back over it, search or read again
        page.evaluate("location.hash = 'main'")
        page.go_back()
        page.wait_for_timeout(300)
        assert [path for path in asked if path == "/search" or path.startswith("/articles/")] == [], address


def test_choosing_a_year_keeps_the_readers_narrower_date_range(
    canned: tuple[Any, list[dict[str, list[str]]]], browsing: Browsing
) -> None:
    # Clicking the year 2026 beside "From 5 November 2026" replaced that From with 1 January: 4 results became 8
    # (session 54's new user). The API counts the year facet within such a range; the year keeps what lies in it.
    page, seen = canned
    page.goto("/?q=kery&from=2015-03-05")

    page.locator('.as-facet[data-facet="year"][data-value="2015"]').click()

    expect(page).to_have_url(re.compile(r"[?&]to=2015-12-31"))
    expect(page).to_have_url(re.compile(r"[?&]from=2015-03-05"))
    assert seen[-1]["from"] == ["2015-03-05"] and seen[-1]["to"] == ["2015-12-31"]


def test_a_query_of_invisible_characters_is_none_as_the_api_reads_it(
    canned: tuple[Any, list[dict[str, list[str]]]], browsing: Browsing
) -> None:
    # The API reads a q of invisible characters only as none, a 400 alone (session 56's review); the page asks
    # nothing for it alone and sends no q beside a filter
    page, seen = canned
    page.goto("/?q=%E2%80%8B%C2%AD")
    page.wait_for_timeout(300)
    assert seen == []
    page.goto("/?q=%EF%BB%BF&section=politics")
    expect(page.locator('.as-facet[data-facet="section"][data-value="politics"]')).to_have_attribute(
        "aria-pressed", "true"
    )
    assert "q" not in seen[-1] and seen[-1]["section"] == ["politics"]
    box = page.get_by_role("combobox", name="Search the archive", exact=True)
    box.fill("\u200b")
    box.press("Enter")
    expect(page).not_to_have_url(re.compile(r"[?&]q="))


def test_the_undated_articles_are_a_year_facet_choice_of_their_own(
    canned: tuple[Any, list[dict[str, list[str]]]], browsing: Browsing
) -> None:
    # The year facet had no value for the articles without a date (session 56): they could not be seen or chosen.
    page, seen = canned
    page.goto("/?q=kery&from=2015-01-01&to=2015-12-31")
    undated = page.locator('.as-facet[data-facet="year"][data-value="undated"]')
    expect(undated).to_have_accessible_name("Undated, 1 article")
    expect(undated).to_have_attribute("aria-pressed", "false")

    # Choosing it replaces the chosen year, as another year would: a date range holds no undated article
    undated.click()
    expect(undated).to_have_attribute("aria-pressed", "true")
    assert seen[-1]["year"] == ["undated"] and "from" not in seen[-1] and "to" not in seen[-1]
    expect(page).to_have_url(re.compile(r"[?&]year=undated(&|$)"))
    browsing.screenshot(page, "desktop-contract-undated")

    # Choosing a year replaces it in turn, and choosing it again, then unchoosing it, leaves no year at all
    page.locator('.as-facet[data-facet="year"][data-value="2015"]').click()
    expect(page).to_have_url(re.compile(r"[?&]from=2015-01-01"))
    assert "year" not in seen[-1] and seen[-1]["from"] == ["2015-01-01"]
    undated.click()
    expect(undated).to_have_attribute("aria-pressed", "true")
    undated.click()
    expect(undated).to_have_attribute("aria-pressed", "false")
    assert "year" not in seen[-1] and "from" not in seen[-1]

    # An address's year the API would refuse is left out, said so; its good ones are read in any case
    page.goto("/?q=kery&year=later,UNDATED")
    expect(undated).to_have_attribute("aria-pressed", "true")
    assert seen[-1]["year"] == ["undated"]
    expect(page.get_by_role("note").filter(has_text="left out")).to_contain_text("the year “later”")
